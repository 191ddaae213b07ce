export { CreateProblemFromReview } from './CreateProblemFromReview';
export type { ReviewedRecord } from './CreateProblemFromReview';
