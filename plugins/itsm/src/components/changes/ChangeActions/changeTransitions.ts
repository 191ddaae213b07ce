import {
  OUTCOMES_NEEDING_REVIEW,
  allowedChangeTransitions,
  checkChangeTransition,
  type Change,
  type ChangeOutcome,
  type ChangeStatus,
} from '@backstage-itsm/plugin-itsm-common';

/** The words of the button that moves a change to `to`. */
export function changeTransitionLabel(
  change: Change,
  to: ChangeStatus,
): string {
  switch (to) {
    case 'assessment':
      return 'Submit for assessment';
    case 'authorization':
      return change.type === 'emergency'
        ? 'Request emergency authorization'
        : 'Request authorization';
    case 'scheduled':
      return 'Schedule';
    case 'implementing':
      return 'Start implementation';
    case 'review':
      return 'Finish implementation';
    case 'closed':
      return 'Close';
    case 'draft':
      return 'Rework';
    case 'cancelled':
      return 'Cancel change';
    default:
      return `Move to ${to}`;
  }
}

/** What a move's dialog asks for. */
export type ChangeTransitionField =
  | 'actualStart'
  | 'actualEnd'
  | 'outcome'
  | 'review'
  | 'comment';

/**
 * What each move asks for: the actual start to begin the work; the outcome and the actual
 * window to enter review; the post-implementation review to close; why, to cancel or rework.
 */
export function changeTransitionFields(
  to: ChangeStatus,
): ChangeTransitionField[] {
  switch (to) {
    case 'implementing':
      return ['actualStart'];
    case 'review':
      return ['outcome', 'actualStart', 'actualEnd'];
    case 'closed':
      return ['review'];
    case 'cancelled':
    case 'draft':
      return ['comment'];
    default:
      return [];
  }
}

/** Whether closing needs the PIR: emergency changes, and failed or backed-out ones. */
export function reviewRequired(
  change: Pick<Change, 'type'>,
  outcome: ChangeOutcome | null,
): boolean {
  return (
    change.type === 'emergency' ||
    (outcome !== null && OUTCOMES_NEEDING_REVIEW.includes(outcome))
  );
}

/** A move the change's status allows, and why it is blocked if the change lacks something. */
export interface OfferedChangeTransition {
  to: ChangeStatus;
  label: string;
  blockedBecause?: string;
}

/**
 * The moves offered on a change, from the -common lifecycle. `authorization → scheduled`
 * is left out: only the deciding approval makes it. Leaving draft is blocked, with the
 * rule's own words, until plans and window are there (the dialog cannot add them).
 */
export function offeredChangeTransitions(
  change: Change,
): OfferedChangeTransition[] {
  return allowedChangeTransitions(change)
    .filter(
      to =>
        !(
          change.status === 'authorization' &&
          (to === 'scheduled' || to === 'rejected')
        ),
    )
    .map(to => {
      let blockedBecause: string | undefined;
      if (change.status === 'draft' && to !== 'cancelled') {
        try {
          checkChangeTransition(change, to);
        } catch (e) {
          blockedBecause = (e as Error).message;
        }
      }
      return { to, label: changeTransitionLabel(change, to), blockedBecause };
    });
}

/** The statuses in which the plan may still be edited. */
export const EDITABLE_CHANGE_STATUSES: readonly ChangeStatus[] = [
  'draft',
  'assessment',
  'authorization',
  'scheduled',
  'rejected',
];
