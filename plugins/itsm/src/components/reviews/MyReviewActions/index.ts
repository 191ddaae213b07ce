export { MyReviewActions } from './MyReviewActions';
