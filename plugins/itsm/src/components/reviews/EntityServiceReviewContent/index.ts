export { EntityServiceReviewContent } from './EntityServiceReviewContent';
