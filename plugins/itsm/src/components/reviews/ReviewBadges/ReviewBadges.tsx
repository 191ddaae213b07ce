import Chip from '@material-ui/core/Chip';
import {
  OPEN_REVIEW_ACTION_STATUSES,
  OPEN_REVIEW_STATUSES,
  type ReviewActionStatus,
  type ReviewStatus,
} from '@backstage-itsm/plugin-itsm-common';
import {
  formatReviewActionStatus,
  formatReviewStatus,
} from '../record/reviewKind';

/** The review status in words; statuses still to be held or closed are outlined. */
export function ReviewStatusChip(props: { status: ReviewStatus }) {
  return (
    <Chip
      size="small"
      variant={
        OPEN_REVIEW_STATUSES.includes(props.status) ? 'outlined' : 'default'
      }
      label={formatReviewStatus(props.status)}
    />
  );
}

/** The action status in words; open and in-progress actions are outlined. */
export function ReviewActionStatusChip(props: { status: ReviewActionStatus }) {
  return (
    <Chip
      size="small"
      variant={
        OPEN_REVIEW_ACTION_STATUSES.includes(props.status)
          ? 'outlined'
          : 'default'
      }
      label={formatReviewActionStatus(props.status)}
    />
  );
}

/** "Overdue" in colour: a review past its date and not held, an action past its due date. */
export function OverdueChip(props: { title?: string }) {
  return (
    <Chip size="small" color="secondary" label="Overdue" title={props.title} />
  );
}
