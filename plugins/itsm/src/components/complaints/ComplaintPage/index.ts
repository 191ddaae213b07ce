export { ComplaintPage } from './ComplaintPage';
