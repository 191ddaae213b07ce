export { ComplaintsListPage, ComplaintsPage } from './ComplaintsPage';
