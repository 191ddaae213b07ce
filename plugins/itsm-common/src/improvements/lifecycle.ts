import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { LifecycleTable, defineLifecycle } from '../records/lifecycle';
import {
  OPEN_IMPROVEMENT_STATUSES,
  type Improvement,
  type ImprovementStatus,
} from './types';

/**
 * The improvement lifecycle (DESIGN §3 "Continual improvement"). `rejected` and `closed` are
 * final; an approved item may still be rejected before work starts.
 *
 * @public
 */
export const IMPROVEMENT_TRANSITIONS: Readonly<
  Record<ImprovementStatus, readonly ImprovementStatus[]>
> = {
  proposed: ['approved', 'rejected'],
  approved: ['in_progress', 'rejected'],
  in_progress: ['implemented'],
  implemented: ['evaluated'],
  evaluated: ['closed'],
  closed: [],
  rejected: [],
};

/** The improvement lifecycle as a table. @public */
export const IMPROVEMENT_LIFECYCLE: LifecycleTable<ImprovementStatus> =
  defineLifecycle(IMPROVEMENT_TRANSITIONS, ['closed', 'rejected']);

/** The statuses an item in `status` may move to. @public */
export function allowedImprovementTransitions(
  status: ImprovementStatus,
): readonly ImprovementStatus[] {
  return IMPROVEMENT_LIFECYCLE.allowed(status);
}

/** Whether an item takes no more writes (closed or rejected). @public */
export function isImprovementLocked(status: ImprovementStatus): boolean {
  return IMPROVEMENT_LIFECYCLE.isFinal(status);
}

/** What a transition request carries besides `to`. @public */
export interface ImprovementTransitionFields {
  comment?: string | null;
  /** `→ rejected`: why. */
  reason?: string | null;
  /** `→ implemented`: when it went live, if before now (not before approval). */
  implementedAt?: string | null;
  /** `→ evaluated` without a KPI: the owner's evaluation. */
  evaluation?: string | null;
  /** Corrective actions: the effectiveness review (required to close one). */
  effectivenessReview?: string | null;
}

/** The fields a move writes besides the KPI figures (which the service measures). @public */
export type ImprovementTransitionChanges = Partial<
  Pick<
    Improvement,
    | 'status'
    | 'approvedBy'
    | 'approvedAt'
    | 'startedAt'
    | 'implementedAt'
    | 'evaluatedAt'
    | 'evaluation'
    | 'effectivenessReview'
    | 'closedAt'
    | 'rejectedAt'
    | 'rejectionReason'
  >
>;

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * Plans a move of `item` to `to` by `actor`: a 409 when the lifecycle forbids it, a 400 naming
 * the field a move requires, else the fields to write. Who may approve is
 * {@link checkImprovementApprover}'s rule, checked by the caller with the actor's groups.
 *
 * - `→ approved` needs an owner; sets `approvedBy`/`approvedAt` (the service freezes the
 *   baseline then).
 * - `→ rejected` needs a `reason`.
 * - `→ in_progress` sets `startedAt`.
 * - `→ implemented` sets `implementedAt` (now, or the given instant: not in the future, not
 *   before approval). A corrective action needs its `correction` and `rootCause` recorded.
 * - `→ evaluated` by hand only without a KPI, with an `evaluation` (409 with a KPI: the
 *   system measures it once its window is over).
 * - `→ closed` of a corrective action needs its `effectivenessReview` (recorded or given).
 *
 * @public
 */
export function planImprovementTransition(
  item: Pick<
    Improvement,
    | 'status'
    | 'kind'
    | 'owner'
    | 'kpi'
    | 'approvedAt'
    | 'correction'
    | 'rootCause'
    | 'effectivenessReview'
  >,
  to: ImprovementStatus,
  fields: ImprovementTransitionFields,
  options: { now: Date; actor: string },
): ImprovementTransitionChanges {
  IMPROVEMENT_LIFECYCLE.check(item.status, to, 'improvement');
  const now = options.now.toISOString();
  const changes: ImprovementTransitionChanges = { status: to };
  if (present(fields.effectivenessReview)) {
    changes.effectivenessReview = fields.effectivenessReview;
  }
  switch (to) {
    case 'approved':
      if (!present(item.owner)) {
        throw new InputError('owner is required to approve an improvement');
      }
      changes.approvedBy = options.actor;
      changes.approvedAt = now;
      break;
    case 'rejected':
      if (!present(fields.reason)) {
        throw new InputError('reason is required to reject an improvement');
      }
      changes.rejectionReason = fields.reason;
      changes.rejectedAt = now;
      break;
    case 'in_progress':
      changes.startedAt = now;
      break;
    case 'implemented':
      if (item.kind === 'corrective_action') {
        if (!present(item.correction)) {
          throw new InputError(
            'correction is required to implement a corrective action',
          );
        }
        if (!present(item.rootCause)) {
          throw new InputError(
            'rootCause is required to implement a corrective action',
          );
        }
      }
      changes.implementedAt = implementedInstant(
        fields.implementedAt,
        item.approvedAt,
        options.now,
      );
      break;
    case 'evaluated':
      if (item.kpi) {
        throw new ConflictError(
          'An improvement with a KPI is evaluated by the system once its measurement window is over',
        );
      }
      if (!present(fields.evaluation)) {
        throw new InputError(
          'evaluation is required to evaluate an improvement without a KPI',
        );
      }
      changes.evaluation = fields.evaluation;
      changes.evaluatedAt = now;
      break;
    case 'closed':
      if (
        item.kind === 'corrective_action' &&
        !present(changes.effectivenessReview ?? item.effectivenessReview)
      ) {
        throw new InputError(
          'effectivenessReview is required to close a corrective action: did it prevent recurrence?',
        );
      }
      changes.closedAt = now;
      break;
    default:
      throw new ConflictError(`An improvement cannot move to ${to}`);
  }
  return changes;
}

function implementedInstant(
  given: string | null | undefined,
  approvedAt: string | null,
  now: Date,
): string {
  if (!present(given)) {
    return now.toISOString();
  }
  const at = new Date(given);
  if (Number.isNaN(at.getTime())) {
    throw new InputError('implementedAt must be an ISO-8601 instant');
  }
  if (at.getTime() > now.getTime()) {
    throw new InputError('implementedAt must not be in the future');
  }
  if (approvedAt && at.getTime() < new Date(approvedAt).getTime()) {
    throw new InputError('implementedAt must not be before the approval');
  }
  return at.toISOString();
}

/**
 * Separation of duties on approval (ISO/IEC 20000-1 10.2 "approved"): the approver is neither
 * the item's owner, nor a member of its owner group (when the owner is a group) or of its
 * owning group. Throws a `NotAllowedError` (403) naming the rule. `approverGroups` are the
 * group refs the approver belongs to (the caller resolves them from the catalog or claims).
 *
 * @public
 */
export function checkImprovementApprover(
  item: Pick<Improvement, 'owner' | 'owningGroup'>,
  approver: string,
  approverGroups: readonly string[],
): void {
  const me = approver.toLocaleLowerCase('en-US');
  const groups = new Set(approverGroups.map(g => g.toLocaleLowerCase('en-US')));
  const owner = item.owner?.toLocaleLowerCase('en-US') ?? null;
  const owningGroup = item.owningGroup?.toLocaleLowerCase('en-US') ?? null;
  if (owner === me) {
    throw new NotAllowedError(
      'The owner of an improvement cannot approve it: someone else must',
    );
  }
  if (owner !== null && groups.has(owner)) {
    throw new NotAllowedError(
      `A member of the owner group ${owner} cannot approve the improvement`,
    );
  }
  if (owningGroup !== null && groups.has(owningGroup)) {
    throw new NotAllowedError(
      `A member of the owning group ${owningGroup} cannot approve the improvement`,
    );
  }
}

/**
 * The measurement window of an implemented item with a KPI: `[implementedAt + settle,
 * + W)`; null before implementation or without a KPI.
 *
 * @public
 */
export function improvementMeasurementWindow(
  item: Pick<Improvement, 'kpi' | 'implementedAt'>,
): { from: Date; to: Date } | null {
  if (!item.kpi || !item.implementedAt) {
    return null;
  }
  const day = 86_400_000;
  const from = new Date(
    new Date(item.implementedAt).getTime() + item.kpi.settleDays * day,
  );
  return { from, to: new Date(from.getTime() + item.kpi.windowDays * day) };
}

/**
 * The measurement window of an item the system evaluates at `now`: a 409 unless the item is
 * implemented, has a KPI and its window is over by `now` (the message says when it ends).
 *
 * @public
 */
export function checkImprovementEvaluable(
  item: Pick<Improvement, 'status' | 'kpi' | 'implementedAt'>,
  now: Date,
): { from: Date; to: Date } {
  if (item.status !== 'implemented') {
    throw new ConflictError(
      `The improvement is ${item.status}: only an implemented improvement is evaluated`,
    );
  }
  const window = improvementMeasurementWindow(item);
  if (!window) {
    throw new ConflictError(
      'The improvement has no KPI: its owner records the evaluation (move it to evaluated with an evaluation)',
    );
  }
  if (now.getTime() < window.to.getTime()) {
    throw new ConflictError(
      `The measurement window ends at ${window.to.toISOString()}; the improvement is evaluated then`,
    );
  }
  return window;
}

/**
 * The baseline window of an item with a KPI approved at `approvedAt`: `[approvedAt − W,
 * approvedAt)`.
 *
 * @public
 */
export function improvementBaselineWindow(
  kpi: Pick<NonNullable<Improvement['kpi']>, 'windowDays'>,
  approvedAt: Date,
): { from: Date; to: Date } {
  return {
    from: new Date(approvedAt.getTime() - kpi.windowDays * 86_400_000),
    to: approvedAt,
  };
}

/**
 * Whether an item is overdue: open (proposed, approved, in progress) after the end of its
 * target date (a `YYYY-MM-DD`, read as the end of that day in UTC).
 *
 * @public
 */
export function isImprovementOverdue(
  item: Pick<Improvement, 'status' | 'targetDate'>,
  now: Date,
): boolean {
  if (!item.targetDate) return false;
  if (!OPEN_IMPROVEMENT_STATUSES.includes(item.status)) {
    return false;
  }
  return (
    now.getTime() >= Date.parse(`${item.targetDate}T00:00:00Z`) + 86_400_000
  );
}
