import { ConflictError, InputError } from '@backstage/errors';
import type {
  Change,
  ChangeOutcome,
  ChangeStatus,
  ChangeType,
  PostImplementationReview,
} from './types';

type TransitionTable = Readonly<Record<ChangeStatus, readonly ChangeStatus[]>>;

// Statuses that never occur for a type have no moves.
const NORMAL: TransitionTable = {
  draft: ['assessment', 'cancelled'],
  assessment: ['authorization', 'cancelled'],
  authorization: ['scheduled', 'rejected', 'cancelled'],
  scheduled: ['implementing', 'cancelled'],
  implementing: ['review'],
  review: ['closed'],
  closed: [],
  rejected: ['draft', 'cancelled'],
  cancelled: [],
};

/**
 * The change lifecycle per type (DESIGN §3). Standard changes skip assessment and authorization
 * (`draft → scheduled`); emergency changes go `draft → authorization`. `cancelled` is reachable
 * from every status before `implementing` (and from `rejected`, to drop a change rather than
 * rework it). `authorization → scheduled` is made by the deciding approval, not by a client.
 *
 * @public
 */
export const CHANGE_TRANSITIONS: Readonly<Record<ChangeType, TransitionTable>> =
  {
    normal: NORMAL,
    standard: {
      ...NORMAL,
      draft: ['scheduled', 'cancelled'],
      assessment: [],
      authorization: [],
      rejected: [],
    },
    emergency: {
      ...NORMAL,
      draft: ['authorization', 'cancelled'],
      assessment: [],
    },
  };

/** Statuses after which a change takes no more writes. @public */
export const FINAL_CHANGE_STATUSES: readonly ChangeStatus[] = [
  'closed',
  'cancelled',
];

/** Outcomes after which closing needs a post-implementation review. @public */
export const OUTCOMES_NEEDING_REVIEW: readonly ChangeOutcome[] = [
  'failed',
  'backed_out',
];

/** What a transition request carries besides `to`. @public */
export interface ChangeTransitionFields {
  outcome?: ChangeOutcome | null;
  actualStart?: string | null;
  actualEnd?: string | null;
  review?: PostImplementationReview | null;
  comment?: string | null;
}

/** Who is asking for a move. @public */
export interface ChangeTransitionOptions {
  /**
   * True only when the server moves a change because of the deciding vote (`authorization →
   * scheduled` or `→ rejected`); a client move from `authorization` to either is a 409: only the
   * approvers decide, and the requester may still cancel.
   */
  byApproval?: boolean;
}

/** The fields of a change that {@link checkChangeTransition} reads. @public */
export type ChangeForTransition = Pick<Change, 'type' | 'status'> &
  Partial<
    Pick<
      Change,
      | 'plannedStart'
      | 'plannedEnd'
      | 'actualStart'
      | 'actualEnd'
      | 'implementationPlan'
      | 'backoutPlan'
      | 'testPlan'
      | 'outcome'
      | 'review'
    >
  >;

/** The statuses a change may move to, given its type and status. @public */
export function allowedChangeTransitions(
  change: Pick<Change, 'type' | 'status'>,
): readonly ChangeStatus[] {
  return CHANGE_TRANSITIONS[change.type][change.status];
}

function parseInstant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InputError(`${field} must be an ISO-8601 date-time`);
  }
  return ms;
}

function requireWindow(
  start: string | null | undefined,
  end: string | null | undefined,
  names: [string, string],
  why: string,
): void {
  if (!start) throw new InputError(`${names[0]} is required ${why}`);
  if (!end) throw new InputError(`${names[1]} is required ${why}`);
  if (parseInstant(start, names[0]) >= parseInstant(end, names[1])) {
    throw new InputError(`${names[1]} must be after ${names[0]}`);
  }
}

/**
 * Checks a move against the lifecycle, in the order the API answers (DESIGN §5):
 * `ConflictError` (409) for any move of a closed or cancelled change, a same-status move, a move
 * not allowed for the change's type and status, or a client move `authorization → scheduled` or
 * `authorization → rejected` (only the deciding vote makes them: pass `{ byApproval: true }`);
 * then `InputError` (400) naming a field the move requires:
 * - leaving `draft` (except to `cancelled`): `implementationPlan`, `backoutPlan`, `testPlan`,
 *   `plannedStart` and `plannedEnd`, with start before end;
 * - entering `review`: `outcome`, `actualStart` and `actualEnd` (from `fields` or already on the
 *   change), with start before end;
 * - closing an emergency change, or one whose outcome is `failed` or `backed_out`: `review` (PIR).
 *
 * @public
 */
export function checkChangeTransition(
  change: ChangeForTransition,
  to: ChangeStatus,
  fields: ChangeTransitionFields = {},
  options: ChangeTransitionOptions = {},
): void {
  const from = change.status;
  if (FINAL_CHANGE_STATUSES.includes(from)) {
    throw new ConflictError(`The change is ${from} and cannot change`);
  }
  if (from === to) {
    throw new ConflictError(`The change is already ${to}`);
  }
  const allowed = allowedChangeTransitions(change);
  if (!allowed.includes(to)) {
    throw new ConflictError(
      `A ${change.type} change cannot move from ${from} to ${to}; allowed: ${
        allowed.join(', ') || 'none'
      }`,
    );
  }
  if (
    from === 'authorization' &&
    (to === 'scheduled' || to === 'rejected') &&
    !options.byApproval
  ) {
    throw new ConflictError(
      `A change leaves authorization for ${to} only through its approvals`,
    );
  }

  if (from === 'draft' && to !== 'cancelled') {
    const why = 'to leave draft';
    for (const field of [
      'implementationPlan',
      'backoutPlan',
      'testPlan',
    ] as const) {
      if (!change[field]?.trim()) {
        throw new InputError(`${field} is required ${why}`);
      }
    }
    requireWindow(
      change.plannedStart,
      change.plannedEnd,
      ['plannedStart', 'plannedEnd'],
      why,
    );
  }

  const outcome = fields.outcome ?? change.outcome ?? null;
  if (to === 'review') {
    if (!outcome) {
      throw new InputError('outcome is required to enter review');
    }
    requireWindow(
      fields.actualStart ?? change.actualStart,
      fields.actualEnd ?? change.actualEnd,
      ['actualStart', 'actualEnd'],
      'to enter review',
    );
  }

  if (
    to === 'closed' &&
    (change.type === 'emergency' ||
      (outcome !== null && OUTCOMES_NEEDING_REVIEW.includes(outcome))) &&
    !(fields.review ?? change.review)?.summary?.trim()
  ) {
    throw new InputError(
      change.type === 'emergency'
        ? 'review (post-implementation review) is required to close an emergency change'
        : `review (post-implementation review) is required to close a ${outcome} change`,
    );
  }
}

/**
 * Whether the work happened outside the approved window: the actual start before the planned
 * start or after the planned end, or the actual end after the planned end. While the work is
 * still going on (no actual end), `now` past the planned end also counts. False when the
 * planned window or the actual start is unknown.
 *
 * @public
 */
export function isOutsideApprovedWindow(
  change: Pick<
    Change,
    'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'
  >,
  now?: Date,
): boolean {
  const { plannedStart, plannedEnd, actualStart, actualEnd } = change;
  if (!plannedStart || !plannedEnd || !actualStart) return false;
  const start = Date.parse(plannedStart);
  const end = Date.parse(plannedEnd);
  const actual = Date.parse(actualStart);
  if (actual < start || actual > end) return true;
  if (actualEnd) return Date.parse(actualEnd) > end;
  return now !== undefined && now.getTime() > end;
}
