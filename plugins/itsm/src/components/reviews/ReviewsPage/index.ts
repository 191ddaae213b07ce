export { ReviewsListPage, ReviewsPage } from './ReviewsPage';
