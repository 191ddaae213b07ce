import {
  REVIEW_ACTION_LIFECYCLE,
  type ReviewActionStatus,
} from '@backstage-itsm/plugin-itsm-common';

/** The words of the menu item that moves an action to `to`. */
export function actionMoveLabel(to: ReviewActionStatus): string {
  switch (to) {
    case 'in_progress':
      return 'Start';
    case 'open':
      return 'Back to open';
    case 'done':
      return 'Mark done';
    case 'dropped':
      return 'Drop…';
    default:
      return to;
  }
}

/** The moves an action in `status` offers, from the -common lifecycle. */
export function offeredActionMoves(
  status: ReviewActionStatus,
): readonly ReviewActionStatus[] {
  return REVIEW_ACTION_LIFECYCLE.allowed(status);
}
