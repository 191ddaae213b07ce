export { ComplaintsTable } from './ComplaintsTable';
