import type { Priority } from '../incidents/types';

/** How often an agreement is reviewed with its customer or supplier. @public */
export const REVIEW_CADENCES = [
  'monthly',
  'quarterly',
  'semiannual',
  'annual',
] as const;

/** @public */
export type ReviewCadence = (typeof REVIEW_CADENCES)[number];

/** The incident clocks a target can set (DESIGN §3 "Incident"). @public */
export const SLM_CLOCKS = ['response', 'resolution'] as const;

/** @public */
export type SlmClock = (typeof SLM_CLOCKS)[number];

/** Keys of the per-priority incident targets, as in `itsm.incidents.targets`. @public */
export const PRIORITY_KEYS = ['p1', 'p2', 'p3', 'p4', 'p5'] as const;

/** @public */
export type PriorityKey = (typeof PRIORITY_KEYS)[number];

/** The priority a `p1`…`p5` key stands for. @public */
export function priorityOfKey(key: PriorityKey): Priority {
  return (PRIORITY_KEYS.indexOf(key) + 1) as Priority;
}

/**
 * One time target: a duration like `4h` counted on a calendar (the agreement's calendar when
 * `calendarId` is absent).
 *
 * @public
 */
export interface DurationTarget {
  duration: string;
  calendarId?: string;
}

/** Response and resolution targets of one priority. @public */
export type IncidentClockTargets = Partial<Record<SlmClock, DurationTarget>>;

/**
 * The target model shared by SLAs, OLAs and underpinning contracts. A priority without a target
 * falls back to the configured default (`itsm.incidents.targets`).
 *
 * @public
 */
export interface ServiceLevelTargets {
  incidents: Partial<Record<PriorityKey, IncidentClockTargets>>;
  /** Share of agreed service time the service is up, 0–100. */
  availabilityPercent?: number;
  /** Share of changes closed `successful` or `successful_with_issues`, 0–100. */
  changeSuccessRatePercent?: number;
  /** Share of survey answers rating 4–5 (CSAT%), 0–100. */
  csatPercent?: number;
}

/** Workload the agreed targets hold for (ISO/IEC 20000-1 8.3.3); above it they may not. @public */
export interface WorkloadLimits {
  incidentsPerMonth?: number;
  majorIncidentsPerMonth?: number;
  changesPerMonth?: number;
}

/** The metrics a workload limit can be set on. @public */
export const WORKLOAD_METRICS = [
  'incidentsPerMonth',
  'majorIncidentsPerMonth',
  'changesPerMonth',
] as const;

/**
 * The terms every agreement revision carries.
 *
 * @public
 */
export interface AgreementTerms {
  title: string;
  /** Service-hours calendar the targets count on unless a target names its own. */
  calendarId: string;
  targets: ServiceLevelTargets;
  workloadLimits: WorkloadLimits;
  /** Markdown: what the targets do not cover (planned maintenance, force majeure, ...). */
  exceptions: string;
  reviewCadence: ReviewCadence;
  /** ISO-8601 UTC; the revision is in force from this instant ... */
  effectiveFrom: string;
  /** ... until this one (exclusive), or open-ended when null. */
  effectiveTo: string | null;
  /** ISO-8601 UTC of the last service review, null before the first. */
  lastReviewedAt: string | null;
}

/**
 * A service level agreement (`SLA-n`) of one service with its customers. `revision` counts
 * the agreed versions, each with its effective dates; `version` is the concurrency counter.
 *
 * @public
 */
export interface ServiceLevelAgreement extends AgreementTerms {
  id: string;
  version: number;
  revision: number;
  /** The service (catalog entity ref). */
  entityRef: string;
  /** Group entity refs of the customers the agreement is made with. */
  customerGroups: string[];
  targets: ServiceLevelTargets & { availabilityPercent: number };
  /** ISO-8601 UTC: when the agreement is next due for review (`nextReviewDate`). */
  nextReviewAt: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** `ola`: with an internal group; `uc`: an underpinning contract with an external supplier. @public */
export const SUPPORTING_AGREEMENT_KINDS = ['ola', 'uc'] as const;

/** @public */
export type SupportingAgreementKind =
  (typeof SUPPORTING_AGREEMENT_KINDS)[number];

/**
 * An operational level agreement (`OLA-n`) or underpinning contract (`UC-n`) on the same target
 * model, underpinning the SLAs it links.
 *
 * @public
 */
export interface SupportingAgreement extends AgreementTerms {
  id: string;
  version: number;
  revision: number;
  kind: SupportingAgreementKind;
  /** The service or component it covers (catalog entity ref). */
  entityRef: string;
  /** For an OLA: the internal group (entity ref) that commits to the targets. */
  internalGroup: string | null;
  /** For a UC: the supplier, and its contract reference. */
  supplier: string | null;
  contractRef: string | null;
  /** The SLAs (`SLA-n`) it underpins. */
  slaIds: string[];
  /** ISO-8601 UTC: when the agreement is next due for review (`nextReviewDate`). */
  nextReviewAt: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/**
 * A waiver: the breach stays in the register but does not count against attainment.
 *
 * @public
 */
export interface BreachWaiver {
  reason: string;
  /** User entity ref of who approved the waiver. */
  approver: string;
  /** ISO-8601 UTC. */
  at: string;
}

/**
 * One entry of the breach register (`BRE-n`): a clock that passed its due instant, with the
 * cause and action recorded afterwards; each is an improvement opportunity.
 *
 * @public
 */
export interface SlaBreach {
  id: string;
  version: number;
  /** The record whose clock breached, e.g. `INC-42`. */
  recordId: string;
  clock: SlmClock;
  priority: Priority;
  /** The service (catalog entity ref). */
  entityRef: string;
  /** The SLA revision the target came from; null when it came from the configured defaults. */
  slaId: string | null;
  slaRevision: number | null;
  targetMs: number;
  calendarId: string;
  /** ISO-8601 UTC: the due instant, which is the breach instant (DESIGN §4). */
  breachedAt: string;
  /** ISO-8601 UTC: when the job detected and recorded it. */
  detectedAt: string;
  cause: string | null;
  action: string | null;
  /** The improvement item (`IMP-n`) raised from it. */
  improvementId: string | null;
  waiver: BreachWaiver | null;
  createdAt: string;
  updatedAt: string;
}
