export { ComplaintLink } from './ComplaintLink';
