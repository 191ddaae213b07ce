import {
  allowedReviewTransitions,
  isReviewLocked,
  planReviewTransition,
  type ReviewStatus,
  type ReviewTransitionRequest,
  type ServiceReview,
} from '@backstage-itsm/plugin-itsm-common';
import type { OfferedMove } from '../../../records';

/** The words of the button that moves a review to `to`. */
export function reviewTransitionLabel(to: ReviewStatus): string {
  switch (to) {
    case 'prepared':
      return 'Mark prepared';
    case 'held':
      return 'Mark held';
    case 'closed':
      return 'Close';
    case 'cancelled':
      return 'Cancel review';
    default:
      return `Move to ${to}`;
  }
}

/**
 * The moves offered on a review, from the -common lifecycle. Preparing waits for the frozen
 * pack and closing for the customer's sign-off: those buttons are disabled and say why.
 */
export function offeredReviewTransitions(
  review: ServiceReview,
): OfferedMove<ReviewStatus>[] {
  return allowedReviewTransitions(review.status).map(to => {
    let blockedBecause: string | undefined;
    if (to === 'prepared' && !review.packFrozenAt) {
      blockedBecause = 'Freeze the review pack first';
    }
    if (to === 'closed' && !review.signedOffAt) {
      blockedBecause = "Waiting for the customer's sign-off";
    }
    return { to, label: reviewTransitionLabel(to), blockedBecause };
  });
}

/** Whether the review takes edits (title, date, minutes, ...): not once closed or cancelled. */
export function isReviewEditable(review: ServiceReview): boolean {
  return !isReviewLocked(review.status);
}

/** What the move dialog holds. */
export interface ReviewTransitionValues {
  /** ISO instant the meeting took place (moving to held). */
  heldAt: string | null;
  attendees: string[];
  minutes: string;
  cancelReason: string;
  comment: string;
}

/** Starts from what the review holds; the meeting took place now unless said otherwise. */
export function initialReviewTransitionValues(
  review: ServiceReview,
  now: Date = new Date(),
): ReviewTransitionValues {
  return {
    heldAt: now.toISOString(),
    attendees: review.attendees,
    minutes: review.minutes,
    cancelReason: '',
    comment: '',
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * The transition body: for `held` the time and the minutes and attendees where the dialog
 * changed them, for `cancelled` the reason, and a comment when one was written.
 */
export function toReviewTransitionRequest(
  review: ServiceReview,
  to: ReviewStatus,
  values: ReviewTransitionValues,
): ReviewTransitionRequest {
  const request: ReviewTransitionRequest = { to };
  if (to === 'held') {
    if (values.heldAt) request.heldAt = values.heldAt;
    if (values.minutes !== review.minutes) request.minutes = values.minutes;
    if (!sameList(values.attendees, review.attendees)) {
      request.attendees = values.attendees;
    }
  }
  if (to === 'cancelled' && values.cancelReason.trim()) {
    request.cancelReason = values.cancelReason.trim();
  }
  if (values.comment.trim()) request.comment = values.comment.trim();
  return request;
}

/**
 * The problems of a move before it is sent, by form field: the -common rule (the server's
 * own), whose messages start with the field's name. Anything else (a 409) is left to the
 * server.
 */
export function reviewTransitionErrors(
  review: ServiceReview,
  to: ReviewStatus,
  values: ReviewTransitionValues,
  now: Date = new Date(),
): Partial<Record<keyof ReviewTransitionValues, string>> {
  const { to: _to, ...fields } = toReviewTransitionRequest(review, to, values);
  try {
    planReviewTransition(review, to, fields, { now });
  } catch (e) {
    const message = (e as Error).message;
    const field = message.split(/[\s:]/)[0] as keyof ReviewTransitionValues;
    if (field in values) {
      return { [field]: message };
    }
  }
  return {};
}
