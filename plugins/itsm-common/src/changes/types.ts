import type { ChangeConflict } from './conflicts';
import type { ChangeRiskLevel } from './risk';

/** The kinds of change (DESIGN §3 "Change and CAB"). @public */
export const CHANGE_TYPES = ['standard', 'normal', 'emergency'] as const;

/** @public */
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** @public */
export const CHANGE_STATUSES = [
  'draft',
  'assessment',
  'authorization',
  'scheduled',
  'implementing',
  'review',
  'closed',
  'rejected',
  'cancelled',
] as const;

/** @public */
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/** How the implementation went; recorded on entering `review`. @public */
export const CHANGE_OUTCOMES = [
  'successful',
  'successful_with_issues',
  'failed',
  'backed_out',
] as const;

/** @public */
export type ChangeOutcome = (typeof CHANGE_OUTCOMES)[number];

/** The computed risk of a change. @public */
export type RiskLevel = ChangeRiskLevel;

/** What an approver may decide. @public */
export const APPROVAL_DECISIONS = ['approve', 'reject'] as const;

/** @public */
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/**
 * One vote on a change. It binds to the `planRevision` the approver saw: after a replan it no
 * longer counts.
 *
 * @public
 */
export interface Approval {
  /** User entity ref of the approver. */
  approver: string;
  decision: ApprovalDecision;
  comment: string | null;
  /** ISO-8601 UTC. */
  at: string;
  planRevision: number;
}

/**
 * One approval requirement, snapshotted from the approval policy when the change enters
 * `authorization`:
 * - `group`: `count` distinct members of `group`;
 * - `quorum`: `quorum` distinct members of `group`, out of the `of` members eligible at snapshot
 *   time (the requester excluded);
 * - `ownerGroup`: one member of an owner group of the affected services.
 *
 * @public
 */
export type RequiredApproval =
  | { kind: 'group'; group: string; count: number }
  | { kind: 'quorum'; group: string; quorum: number; of: number }
  | { kind: 'ownerGroup'; group: string };

/** The post-implementation review (PIR). @public */
export interface PostImplementationReview {
  summary: string;
  /** Whether the change achieved what its justification promised. */
  objectivesMet?: boolean;
  lessonsLearned?: string;
  /** Incidents the change caused, e.g. `INC-42`. */
  incidentIds?: string[];
  problemId?: string;
}

/** A change as it travels on the wire (DESIGN §5). Instants are ISO-8601 UTC strings. @public */
export interface Change {
  id: string;
  version: number;
  /** Starts at 1; raised by every edit of a plan, the window or the affected entities. */
  planRevision: number;
  type: ChangeType;
  title: string;
  justification: string;
  entityRefs: string[];
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  implementationPlan: string | null;
  backoutPlan: string | null;
  testPlan: string | null;
  /** Risk questionnaire: question id → answer id. */
  riskAnswers: Record<string, string>;
  risk: RiskLevel | null;
  riskReasons: string[];
  status: ChangeStatus;
  /** User entity ref of who asked for the change. */
  requester: string;
  requiredApprovals: RequiredApproval[];
  approvals: Approval[];
  /** Overlaps and freezes, as found by `findChangeConflicts`. */
  conflicts: ChangeConflict[];
  outcome: ChangeOutcome | null;
  review: PostImplementationReview | null;
  createdAt: string;
  updatedAt: string;
}
