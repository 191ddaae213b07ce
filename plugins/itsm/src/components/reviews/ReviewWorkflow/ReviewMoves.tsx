import type { ServiceReview } from '@backstage-itsm/plugin-itsm-common';
import { RecordActions } from '../../../records';
import { reviewKind } from '../record/reviewKind';
import { EditReviewDialog } from './EditReviewDialog';
import { ReviewTransitionDialog } from './ReviewTransitionDialog';
import {
  isReviewEditable,
  offeredReviewTransitions,
} from './reviewTransitions';

/**
 * The moves the lifecycle allows from the review's status ("Mark prepared", "Mark held",
 * "Close", "Cancel review"), one button each, and "Edit" until it is closed or cancelled.
 * What the server answers becomes the page's review.
 */
export function ReviewMoves(props: {
  review: ServiceReview;
  onChange: (review: ServiceReview) => void;
  onReload: () => void;
}) {
  const { review } = props;
  return (
    <RecordActions
      kind={reviewKind}
      record={review}
      moves={offeredReviewTransitions(review)}
      editable={isReviewEditable(review)}
      onChange={props.onChange}
      onReload={props.onReload}
      TransitionDialog={ReviewTransitionDialog}
      EditDialog={EditReviewDialog}
    />
  );
}
