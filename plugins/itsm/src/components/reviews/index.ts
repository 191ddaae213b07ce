// Service reviews (DESIGN §3, ISO/IEC 20000-1 8.3.3): the entity tab, the reviews page, one
// review's page, "My actions" and the printable pack.
export { EntityServiceReviewContent } from './EntityServiceReviewContent';
export { ReviewPage } from './ReviewPage';
export { ReviewsListPage, ReviewsPage } from './ReviewsPage';
export { MyReviewActions } from './MyReviewActions';
export { ReviewWorkflow } from './ReviewWorkflow';
export { ReviewActionsTable } from './ReviewActionsTable';
export { ReviewsTable } from './ReviewsTable';
export { PrintPackLink, ReviewLink } from './ReviewLink';
export {
  OverdueChip,
  ReviewActionStatusChip,
  ReviewStatusChip,
} from './ReviewBadges';
export { ReviewPackPrintPage, ReviewPackView } from './pack';
export {
  formatReviewActionStatus,
  formatReviewStatus,
  reviewHistoryLabels,
  reviewKind,
} from './record/reviewKind';
export {
  entityServiceReviewRouteRef,
  reviewPackRouteRef,
  reviewRouteRef,
  reviewsRouteRef,
} from './routes';
