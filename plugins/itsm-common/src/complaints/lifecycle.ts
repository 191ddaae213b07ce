import { ConflictError, InputError } from '@backstage/errors';
import { LifecycleTable, defineLifecycle } from '../records/lifecycle';
import type { Complaint, ComplaintStatus } from './types';

/**
 * The complaint lifecycle (DESIGN §3). An owner may answer at once (`open → resolved`);
 * `resolved → investigating` re-opens a complaint whose complainant is not satisfied;
 * `closed` is final.
 *
 * @public
 */
export const COMPLAINT_TRANSITIONS: Readonly<
  Record<ComplaintStatus, readonly ComplaintStatus[]>
> = {
  open: ['investigating', 'resolved'],
  investigating: ['resolved'],
  resolved: ['investigating', 'closed'],
  closed: [],
};

/** The complaint lifecycle as a table. @public */
export const COMPLAINT_LIFECYCLE: LifecycleTable<ComplaintStatus> =
  defineLifecycle(COMPLAINT_TRANSITIONS, ['closed']);

/** The statuses a complaint in `status` may move to. @public */
export function allowedComplaintTransitions(
  status: ComplaintStatus,
): readonly ComplaintStatus[] {
  return COMPLAINT_LIFECYCLE.allowed(status);
}

/**
 * The moves the complainant may make on their own complaint without managing complaints:
 * accepting the response (`resolved → closed`) or sending it back (`resolved →
 * investigating`). Every other move is the owner's.
 *
 * @public
 */
export function isComplainantMove(
  from: ComplaintStatus,
  to: ComplaintStatus,
): boolean {
  return from === 'resolved' && (to === 'closed' || to === 'investigating');
}

/** What a transition request carries besides `to`. @public */
export interface ComplaintTransitionFields {
  comment?: string | null;
  owner?: string | null;
  response?: string | null;
}

/** The fields a move writes besides `status`. @public */
export type ComplaintTransitionChanges = Partial<
  Pick<Complaint, 'status' | 'owner' | 'response' | 'resolvedAt' | 'closedAt'>
>;

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * Plans a move of `complaint` to `to`: a 409 when the lifecycle forbids it, a 400 naming the
 * field a move requires, else the fields to write.
 *
 * - `open → investigating` needs an owner (on the complaint or in the request).
 * - `→ resolved` needs the `response` to the complainant (in the request or recorded before).
 * - `resolved → investigating` (the complainant is not satisfied) needs a `comment` saying
 *   why; it clears `resolvedAt` and keeps the response for the record.
 * - `→ closed` sets `closedAt`; nothing changes after it.
 *
 * @public
 */
export function planComplaintTransition(
  complaint: Pick<Complaint, 'status' | 'owner' | 'response'>,
  to: ComplaintStatus,
  fields: ComplaintTransitionFields,
  options: { now: Date },
): ComplaintTransitionChanges {
  COMPLAINT_LIFECYCLE.check(complaint.status, to, 'complaint');
  const changes: ComplaintTransitionChanges = { status: to };
  if (present(fields.owner) && fields.owner !== complaint.owner) {
    changes.owner = fields.owner;
  }
  if (present(fields.response) && fields.response !== complaint.response) {
    changes.response = fields.response;
  }
  const owner = changes.owner ?? complaint.owner;
  const response = changes.response ?? complaint.response;
  switch (to) {
    case 'investigating':
      if (complaint.status === 'open' && !present(owner)) {
        throw new InputError(
          'owner is required to start investigating a complaint',
        );
      }
      if (complaint.status === 'resolved') {
        if (!present(fields.comment)) {
          throw new InputError(
            'comment is required to re-open a resolved complaint: why is the response not enough?',
          );
        }
        changes.resolvedAt = null;
      }
      break;
    case 'resolved':
      if (!present(response)) {
        throw new InputError(
          'response is required to resolve a complaint: what was the complainant told?',
        );
      }
      changes.resolvedAt = options.now.toISOString();
      break;
    case 'closed':
      changes.closedAt = options.now.toISOString();
      break;
    default:
      throw new ConflictError(`A complaint cannot move to ${to}`);
  }
  return changes;
}

/** Whether a complaint takes no more writes (closed). @public */
export function isComplaintLocked(status: ComplaintStatus): boolean {
  return COMPLAINT_LIFECYCLE.isFinal(status);
}
