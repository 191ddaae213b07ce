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
  /** The standard change template it was created from (`STD-n`), and that template's version. */
  templateId: string | null;
  templateVersion: number | null;
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
  /**
   * Computed at request time while the change is in `authorization`: the requirements not yet
   * met and how many approvals each still needs (empty otherwise).
   */
  outstandingApprovals?: Array<RequiredApproval & { remaining: number }>;
  /** Computed at request time: whether the caller may vote on the current plan revision now. */
  canDecide?: boolean;
}

/**
 * A standard change template (DESIGN §3): a pre-approved, owned and versioned recipe. A standard
 * change is created from an active template, copies its plans and skips authorisation.
 *
 * @public
 */
export interface ChangeTemplate {
  /** `STD-n`. */
  id: string;
  /** Starts at 1; every edit raises it. A change records the version it was created from. */
  version: number;
  title: string;
  description: string;
  /** Group entity ref of the owner, who answers for the recipe. */
  owner: string;
  /** The entities it may be used on; empty = any entity. */
  entityRefs: string[];
  implementationPlan: string;
  backoutPlan: string;
  testPlan: string;
  /** Default length of the window a change from it gets, in minutes. */
  durationMinutes: number;
  /** Inactive templates can no longer be used for new changes. */
  active: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * What a change would need if it were submitted as is (`POST /change-assessments`, nothing is
 * written): its risk with reasons, the approvals it will need and the conflicts of its window.
 *
 * @public
 */
export interface ChangeAssessment {
  risk: RiskLevel;
  /** Questionnaire score. */
  score: number;
  riskReasons: string[];
  /** Empty for a standard change (pre-approved). */
  requiredApprovals: RequiredApproval[];
  /** Empty when no window was given. */
  conflicts: ChangeConflict[];
  /** Whether a freeze window blocks scheduling this change in its window. */
  blockedByFreeze: boolean;
  /** How many entities depend on the affected ones. */
  blastRadius: number;
}

/** A freeze window as the API returns it (ISO strings). @public */
export interface FreezeWindow {
  name: string;
  start: string;
  end: string;
  /** Empty = every entity. */
  entityRefs: string[];
}

/**
 * `GET /change-calendar`: changes with a window inside the range (every status but draft,
 * rejected and cancelled), with their conflicts, and the freeze windows overlapping it.
 *
 * @public
 */
export interface ChangeCalendar {
  from: string;
  to: string;
  changes: Change[];
  freezeWindows: FreezeWindow[];
}

/**
 * Change-failure figures of one entity over a period (`GET /change-stats`): changes closed with
 * outcome failed or backed out, or that caused an incident, count as failed.
 *
 * @public
 */
export interface ChangeStats {
  entityRef: string;
  /** Changes closed (or in review) in the period. */
  total: number;
  failed: number;
  /** Changes referenced as `causedByChangeId` by at least one incident. */
  causedIncidents: number;
  /** failed / total, 0 when total is 0. */
  failureRate: number;
}
