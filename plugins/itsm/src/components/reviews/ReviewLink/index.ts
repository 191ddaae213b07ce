export { PrintPackLink, ReviewLink } from './ReviewLink';
