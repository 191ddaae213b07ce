import { ConflictError, InputError } from '@backstage/errors';
import { LifecycleTable, defineLifecycle } from '../records/lifecycle';
import type {
  ContributingFactor,
  Problem,
  ProblemClosureCode,
  ProblemStatus,
} from './types';

/**
 * The problem lifecycle (DESIGN §3). `cancelled` is final; `closed` takes no edits but may
 * move back to `investigating` when the problem turns out not to be solved.
 *
 * @public
 */
export const PROBLEM_TRANSITIONS: Readonly<
  Record<ProblemStatus, readonly ProblemStatus[]>
> = {
  candidate: ['new', 'cancelled'],
  new: ['investigating', 'cancelled'],
  investigating: ['known_error', 'resolved', 'cancelled'],
  known_error: ['investigating', 'resolved', 'cancelled'],
  resolved: ['investigating', 'closed'],
  closed: ['investigating'],
  cancelled: [],
};

/** The problem lifecycle as a table. @public */
export const PROBLEM_LIFECYCLE: LifecycleTable<ProblemStatus> = defineLifecycle(
  PROBLEM_TRANSITIONS,
  ['cancelled'],
);

/** Statuses in which a problem takes no `PATCH`: closed and cancelled. @public */
export function isProblemLocked(status: ProblemStatus): boolean {
  return status === 'closed' || status === 'cancelled';
}

/** What a transition request carries besides `to`. @public */
export interface ProblemTransitionFields {
  comment?: string | null;
  owner?: string | null;
  rootCause?: string | null;
  workaround?: string | null;
  closureCode?: ProblemClosureCode | null;
  cancelReason?: string | null;
  contributingFactors?: ContributingFactor[];
}

/** The fields a move writes besides `status`. @public */
export type ProblemTransitionChanges = Partial<
  Pick<
    Problem,
    | 'status'
    | 'owner'
    | 'rootCause'
    | 'workaround'
    | 'closureCode'
    | 'cancelReason'
    | 'contributingFactors'
    | 'resolvedAt'
    | 'observationUntil'
    | 'closedAt'
  >
>;

const DAY_MS = 24 * 60 * 60 * 1000;

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * Plans a move of `problem` to `to`: a 409 when the lifecycle forbids it (or the observation
 * period of a fixed problem has not ended), a 400 naming the field a move requires, else the
 * fields to write.
 *
 * - `→ cancelled` needs `cancelReason` (dismissing a candidate keeps it with its reason).
 * - `new → investigating` needs an owner (on the problem or in the request).
 * - `→ known_error` needs a root cause and a workaround.
 * - `→ resolved` needs a `closureCode`; `fixed` also needs the root cause. A fixed problem
 *   is observed for `observationDays` before it may close.
 * - re-opening (`resolved|closed|known_error → investigating`) needs a `comment`.
 *
 * @public
 */
export function planProblemTransition(
  problem: Pick<
    Problem,
    | 'status'
    | 'owner'
    | 'rootCause'
    | 'workaround'
    | 'closureCode'
    | 'observationUntil'
    | 'contributingFactors'
  >,
  to: ProblemStatus,
  fields: ProblemTransitionFields,
  options: { now: Date; observationDays: number },
): ProblemTransitionChanges {
  PROBLEM_LIFECYCLE.check(problem.status, to, 'problem');
  const changes: ProblemTransitionChanges = { status: to };
  const owner = fields.owner ?? problem.owner;
  const rootCause = present(fields.rootCause)
    ? fields.rootCause
    : problem.rootCause;
  const workaround = present(fields.workaround)
    ? fields.workaround
    : problem.workaround;
  if (fields.owner && fields.owner !== problem.owner) {
    changes.owner = fields.owner;
  }
  if (present(fields.rootCause) && fields.rootCause !== problem.rootCause) {
    changes.rootCause = fields.rootCause;
  }
  if (present(fields.workaround) && fields.workaround !== problem.workaround) {
    changes.workaround = fields.workaround;
  }
  if (fields.contributingFactors) {
    changes.contributingFactors = fields.contributingFactors;
  }

  switch (to) {
    case 'cancelled':
      if (!present(fields.cancelReason)) {
        throw new InputError(
          'cancelReason is required to cancel or dismiss a problem',
        );
      }
      changes.cancelReason = fields.cancelReason.trim();
      break;
    case 'investigating':
      if (problem.status === 'new' && !owner) {
        throw new InputError(
          'owner is required to start investigating a problem',
        );
      }
      if (problem.status !== 'new' && !present(fields.comment)) {
        throw new InputError(
          `comment is required to re-open the analysis of a ${problem.status} problem`,
        );
      }
      if (problem.status === 'resolved' || problem.status === 'closed') {
        changes.closureCode = null;
        changes.resolvedAt = null;
        changes.observationUntil = null;
        changes.closedAt = null;
      }
      break;
    case 'known_error':
      if (!present(rootCause)) {
        throw new InputError('rootCause is required for a known error');
      }
      if (!present(workaround)) {
        throw new InputError('workaround is required for a known error');
      }
      break;
    case 'resolved': {
      const closureCode = fields.closureCode;
      if (!closureCode) {
        throw new InputError('closureCode is required to resolve a problem');
      }
      if (closureCode === 'fixed' && !present(rootCause)) {
        throw new InputError(
          'rootCause is required to resolve a problem as fixed',
        );
      }
      changes.closureCode = closureCode;
      changes.resolvedAt = options.now.toISOString();
      changes.observationUntil =
        closureCode === 'fixed'
          ? new Date(
              options.now.getTime() + options.observationDays * DAY_MS,
            ).toISOString()
          : null;
      break;
    }
    case 'closed':
      if (
        problem.observationUntil &&
        options.now.getTime() < Date.parse(problem.observationUntil)
      ) {
        throw new ConflictError(
          `The problem is observed until ${problem.observationUntil}: it closes after the observation period`,
        );
      }
      changes.closedAt = options.now.toISOString();
      break;
    default:
      break;
  }
  return changes;
}

/** The statuses a problem in `status` may move to. @public */
export function allowedProblemTransitions(
  status: ProblemStatus,
): readonly ProblemStatus[] {
  return PROBLEM_LIFECYCLE.allowed(status);
}
