export { ReviewsTable } from './ReviewsTable';
