import { ConflictError, InputError } from '@backstage/errors';
import { LifecycleTable, defineLifecycle } from '../records/lifecycle';
import type {
  ReviewAction,
  ReviewActionStatus,
  ServiceReview,
  ReviewStatus,
} from './types';

/**
 * The review lifecycle (DESIGN §3). `closed` and `cancelled` are final; a held review (the
 * meeting took place) can no longer be cancelled.
 *
 * @public
 */
export const REVIEW_TRANSITIONS: Readonly<
  Record<ReviewStatus, readonly ReviewStatus[]>
> = {
  scheduled: ['prepared', 'cancelled'],
  prepared: ['held', 'cancelled'],
  held: ['closed'],
  closed: [],
  cancelled: [],
};

/** The review lifecycle as a table. @public */
export const REVIEW_LIFECYCLE: LifecycleTable<ReviewStatus> = defineLifecycle(
  REVIEW_TRANSITIONS,
  ['closed', 'cancelled'],
);

/** The statuses a review in `status` may move to. @public */
export function allowedReviewTransitions(
  status: ReviewStatus,
): readonly ReviewStatus[] {
  return REVIEW_LIFECYCLE.allowed(status);
}

/** What a transition request carries besides `to`. @public */
export interface ReviewTransitionFields {
  comment?: string;
  minutes?: string;
  attendees?: string[];
  heldAt?: string;
  cancelReason?: string;
}

/** The fields a move writes. @public */
export type ReviewTransitionChanges = Partial<
  Pick<
    ServiceReview,
    'status' | 'minutes' | 'attendees' | 'heldAt' | 'cancelReason' | 'closedAt'
  >
>;

/** The fields each move takes besides `to` and `comment`; others are a 400. */
const MOVE_FIELDS: Record<ReviewStatus, ReadonlyArray<string>> = {
  scheduled: [],
  prepared: [],
  held: ['minutes', 'attendees', 'heldAt'],
  closed: [],
  cancelled: ['cancelReason'],
};

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * Plans a move of `review` to `to`: a 409 when the lifecycle forbids it, a 400 naming what the
 * move requires, else the fields to write.
 *
 * - `→ prepared` needs the frozen pack (`POST /reviews/{id}/pack`).
 * - `→ held` needs minutes and at least one attendee (on the review or in the request); the
 *   meeting's time `heldAt` defaults to now and is never in the future.
 * - `→ closed` needs the customer's sign-off.
 * - `→ cancelled` needs `cancelReason`.
 *
 * @public
 */
export function planReviewTransition(
  review: Pick<
    ServiceReview,
    'status' | 'packFrozenAt' | 'minutes' | 'attendees' | 'signedOffAt'
  >,
  to: ReviewStatus,
  fields: ReviewTransitionFields,
  options: { now: Date },
): ReviewTransitionChanges {
  REVIEW_LIFECYCLE.check(review.status, to, 'review');
  const extra = Object.entries(fields).find(
    ([key, value]) =>
      value !== undefined &&
      key !== 'comment' &&
      !MOVE_FIELDS[to].includes(key),
  );
  if (extra) {
    throw new InputError(
      `${extra[0]}: moving a review to ${to} does not take it`,
    );
  }
  const changes: ReviewTransitionChanges = { status: to };
  switch (to) {
    case 'prepared':
      if (!review.packFrozenAt) {
        throw new InputError(
          'pack: freeze the review pack first (POST /reviews/{id}/pack)',
        );
      }
      break;
    case 'held': {
      const minutes = fields.minutes ?? review.minutes;
      const attendees = fields.attendees ?? review.attendees;
      if (!present(minutes)) {
        throw new InputError('minutes are required to record a review as held');
      }
      if (attendees.length === 0) {
        throw new InputError(
          'attendees: at least one attendee is required to record a review as held',
        );
      }
      const heldAt = fields.heldAt ? new Date(fields.heldAt) : options.now;
      if (Number.isNaN(heldAt.getTime())) {
        throw new InputError('heldAt must be an ISO-8601 timestamp');
      }
      if (heldAt.getTime() > options.now.getTime()) {
        throw new InputError('heldAt must not be in the future');
      }
      if (fields.minutes !== undefined) changes.minutes = fields.minutes;
      if (fields.attendees !== undefined) changes.attendees = attendees;
      changes.heldAt = heldAt.toISOString();
      break;
    }
    case 'closed':
      if (!review.signedOffAt) {
        throw new InputError(
          "signedOffBy: the review needs the customer's sign-off (POST /reviews/{id}/sign-off)",
        );
      }
      changes.closedAt = options.now.toISOString();
      break;
    case 'cancelled':
      if (!present(fields.cancelReason)) {
        throw new InputError('cancelReason is required to cancel a review');
      }
      changes.cancelReason = fields.cancelReason.trim();
      break;
    default:
      break;
  }
  return changes;
}

/**
 * Whether a review in `status` takes a `PATCH`: not once closed or cancelled (409).
 *
 * @public
 */
export function isReviewLocked(status: ReviewStatus): boolean {
  return REVIEW_LIFECYCLE.isFinal(status);
}

/**
 * Checks that a review in `status` may take a freeze of its pack: while scheduled or prepared;
 * once held the pack is what was agreed (409).
 *
 * @public
 */
export function checkReviewPackFreeze(status: ReviewStatus): void {
  if (status !== 'scheduled' && status !== 'prepared') {
    throw new ConflictError(
      `The review is ${status}: its pack is what was reviewed and cannot be frozen again`,
    );
  }
}

/**
 * Checks that a review in `status` may be signed off: only once held, and only once (409).
 *
 * @public
 */
export function checkReviewSignOff(
  review: Pick<ServiceReview, 'status' | 'signedOffAt' | 'signedOffBy'>,
): void {
  if (review.status !== 'held') {
    throw new ConflictError(
      `The review is ${review.status}: it is signed off once it was held`,
    );
  }
  if (review.signedOffAt) {
    throw new ConflictError(
      `The review was signed off by ${review.signedOffBy} at ${review.signedOffAt}`,
    );
  }
}

/**
 * The action lifecycle: `open ⇄ in_progress`, either to `done` or `dropped`, which are final.
 *
 * @public
 */
export const REVIEW_ACTION_TRANSITIONS: Readonly<
  Record<ReviewActionStatus, readonly ReviewActionStatus[]>
> = {
  open: ['in_progress', 'done', 'dropped'],
  in_progress: ['open', 'done', 'dropped'],
  done: [],
  dropped: [],
};

/** The action lifecycle as a table. @public */
export const REVIEW_ACTION_LIFECYCLE: LifecycleTable<ReviewActionStatus> =
  defineLifecycle(REVIEW_ACTION_TRANSITIONS, ['done', 'dropped']);

/** What a `PATCH` of an action carries. @public */
export interface ReviewActionPatchFields {
  title?: string;
  owner?: string;
  dueDate?: string;
  status?: ReviewActionStatus;
  note?: string;
  recordId?: string;
}

/** The fields an action write sets. @public */
export type ReviewActionChanges = Partial<
  Pick<
    ReviewAction,
    | 'title'
    | 'owner'
    | 'dueDate'
    | 'status'
    | 'note'
    | 'recordId'
    | 'completedAt'
  >
>;

/**
 * Plans a `PATCH` of an action: 409 on a done or dropped action (or a move the table forbids),
 * 400 for dropping it without a `note` saying why; else the fields that change (a no-op plans
 * nothing).
 *
 * @public
 */
export function planReviewActionPatch(
  action: Pick<
    ReviewAction,
    'status' | 'title' | 'owner' | 'dueDate' | 'note' | 'recordId'
  >,
  fields: ReviewActionPatchFields,
  options: { now: Date },
): ReviewActionChanges {
  if (REVIEW_ACTION_LIFECYCLE.isFinal(action.status)) {
    throw new ConflictError(`The action is ${action.status} and cannot change`);
  }
  const changes: ReviewActionChanges = {};
  if (fields.status !== undefined && fields.status !== action.status) {
    REVIEW_ACTION_LIFECYCLE.check(action.status, fields.status, 'action');
    if (fields.status === 'dropped' && !present(fields.note)) {
      throw new InputError('note: say why the action is dropped');
    }
    changes.status = fields.status;
    if (REVIEW_ACTION_LIFECYCLE.isFinal(fields.status)) {
      changes.completedAt = options.now.toISOString();
    }
  }
  const fieldsOf = ['title', 'owner', 'dueDate', 'note', 'recordId'] as const;
  for (const key of fieldsOf) {
    const value = fields[key];
    if (value !== undefined && value !== action[key]) {
      changes[key] = value;
    }
  }
  return changes;
}
