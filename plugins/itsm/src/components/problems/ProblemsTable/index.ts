export { ProblemsTable } from './ProblemsTable';
