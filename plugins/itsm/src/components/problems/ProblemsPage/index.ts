export { ProblemsListPage, ProblemsPage } from './ProblemsPage';
