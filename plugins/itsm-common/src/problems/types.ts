import type { Level, Priority } from '../incidents/types';

/**
 * The problem lifecycle's statuses (DESIGN §3): a detected `candidate` is accepted as `new` or
 * dismissed (`cancelled` with the reason); `closed → investigating` re-opens the analysis.
 *
 * @public
 */
export const PROBLEM_STATUSES = [
  'candidate',
  'new',
  'investigating',
  'known_error',
  'resolved',
  'closed',
  'cancelled',
] as const;

/** @public */
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** Statuses in which a problem still needs work. @public */
export const OPEN_PROBLEM_STATUSES: readonly ProblemStatus[] = [
  'candidate',
  'new',
  'investigating',
  'known_error',
];

/** How a problem was found. @public */
export const PROBLEM_ORIGINS = [
  'reactive',
  'proactive',
  'major_incident',
  'trend',
  'change_review',
] as const;

/** @public */
export type ProblemOrigin = (typeof PROBLEM_ORIGINS)[number];

/** Root-cause analysis methods. @public */
export const RCA_METHODS = [
  'five_whys',
  'fishbone',
  'timeline',
  'fault_tree',
] as const;

/** @public */
export type RcaMethod = (typeof RCA_METHODS)[number];

/** What contributed to a problem. @public */
export const CONTRIBUTING_FACTORS = [
  'people',
  'process',
  'technology',
  'supplier',
  'change',
] as const;

/** @public */
export type ContributingFactor = (typeof CONTRIBUTING_FACTORS)[number];

/** How a problem ended. @public */
export const PROBLEM_CLOSURE_CODES = [
  'fixed',
  'risk_accepted',
  'duplicate',
  'cannot_reproduce',
] as const;

/** @public */
export type ProblemClosureCode = (typeof PROBLEM_CLOSURE_CODES)[number];

/** The rules of the detection job. @public */
export const DETECTION_RULES = ['recurrence', 'upstream'] as const;

/** @public */
export type DetectionRule = (typeof DETECTION_RULES)[number];

/**
 * What the detection job saw when it proposed a candidate: the rule, the key it grouped by
 * (`category:<c>` or `signature:<s>`, or the upstream dependency), the window and the
 * incidents in it.
 *
 * @public
 */
export interface ProblemDetection {
  rule: DetectionRule;
  key: string;
  /** The length of the sliding window the incidents were counted in. */
  windowHours: number;
  windowStart: string;
  windowEnd: string;
  incidentCount: number;
  /** Upstream: the services whose incidents share the dependency. */
  services?: string[];
}

/**
 * Structured root-cause analysis notes: entries labelled by the method (a "why" of five whys,
 * a fishbone bone, a timeline instant, a fault-tree event under its parent).
 *
 * @public
 */
export interface RcaEntry {
  label: string;
  text: string;
  /** Timeline: when it happened. */
  at?: string;
  /** Fault tree: the label of the event this one causes. */
  parent?: string;
  /** Fishbone: the factor this cause belongs to. */
  factor?: ContributingFactor;
}

/**
 * Incidents matching a resolved problem in the same-length window before and after its
 * resolution (DESIGN §3 "Effectiveness").
 *
 * @public
 */
export interface ProblemEffectiveness {
  windowDays: number;
  before: { from: string; to: string; count: number };
  after: { from: string; to: string; count: number };
  /** True while the after-window has not ended yet (the counts are partial). */
  partial: boolean;
  /** `fewer`, `same` or `more` incidents after than before. */
  verdict: 'fewer' | 'same' | 'more';
  /** (before - after) / before, 0–1 when incidents dropped; null when none before. */
  reduction: number | null;
}

/** @public */
export interface Problem {
  id: string;
  version: number;
  title: string;
  statement: string;
  entityRefs: string[];
  category: string | null;
  signature: string | null;
  impact: Level;
  urgency: Level;
  priority: Priority;
  status: ProblemStatus;
  owner: string | null;
  assignmentGroup: string | null;
  origin: ProblemOrigin;
  detection: ProblemDetection | null;
  rcaMethod: RcaMethod | null;
  rcaNotes: RcaEntry[];
  contributingFactors: ContributingFactor[];
  rootCause: string | null;
  workaround: string | null;
  targetDate: string | null;
  closureCode: ProblemClosureCode | null;
  /** Why a candidate was dismissed or a problem cancelled. */
  cancelReason: string | null;
  resolvedAt: string | null;
  /** A problem fixed is closed only after this instant (the observation period). */
  observationUntil: string | null;
  closedAt: string | null;
  /** Incidents linked to the problem (record links), counted at request time. */
  incidentCount: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** @public */
export const KNOWN_ERROR_STATUSES = ['active', 'retired'] as const;

/** @public */
export type KnownErrorStatus = (typeof KNOWN_ERROR_STATUSES)[number];

/**
 * When a known error applies to a new incident: any of the categories or signatures, or any of
 * the phrases in its text.
 *
 * @public
 */
export interface KnownErrorMatchRules {
  categories: string[];
  signatures: string[];
  /** Phrases (one or more words) matched case-insensitively against the incident's text. */
  text: string[];
}

/** @public */
export interface KnownError {
  id: string;
  version: number;
  title: string;
  symptom: string;
  rootCause: string;
  workaround: string;
  entityRefs: string[];
  matchRules: KnownErrorMatchRules;
  status: KnownErrorStatus;
  reviewBy: string | null;
  /** The problem the known error came from, if any (a record link). */
  problemId: string | null;
  /** How many incidents it was offered to, and how many applied its workaround. */
  offeredCount: number;
  appliedCount: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** One known error offered for an incident being reported. @public */
export interface KnownErrorMatch {
  knownError: KnownError;
  /** Higher is a better match. */
  score: number;
  /** Why it matched, e.g. `category availability`, `text "connection pool"`. */
  reasons: string[];
  /** The entity it is registered on: the incident's own, or an upstream dependency. */
  matchedEntityRef: string;
  /** True when `matchedEntityRef` is an upstream dependency of the incident's entity. */
  upstream: boolean;
}

/** `GET /problem-counts?entityRef=`: what the service health card shows. @public */
export interface ProblemCounts {
  entityRef: string;
  /** Open problems (candidate to known error) on the entity; null when the caller may not read problems. */
  openProblems: number | null;
  /** Active known errors on the entity; null when the caller may not read them. */
  activeKnownErrors: number | null;
}
