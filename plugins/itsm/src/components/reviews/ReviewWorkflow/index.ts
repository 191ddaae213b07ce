export { ReviewWorkflow } from './ReviewWorkflow';
export { ReviewSummary, When } from './ReviewSummary';
export { PackPanel } from './PackPanel';
export { MeetingRecord } from './MeetingRecord';
export { SignOffCard, SignOffError } from './SignOffCard';
export { ReviewMoves } from './ReviewMoves';
export {
  offeredReviewTransitions,
  reviewTransitionLabel,
} from './reviewTransitions';
