import type { SlaClockState } from '../sla/computeSlaClock';
import type { ClockAgreementRef } from '../slm/api';

/** @public */
export const INCIDENT_STATUSES = [
  'new',
  'in_progress',
  'on_hold',
  'resolved',
  'closed',
  'cancelled',
] as const;

/** @public */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Statuses in which an incident still needs work. @public */
export const OPEN_INCIDENT_STATUSES: readonly IncidentStatus[] = [
  'new',
  'in_progress',
  'on_hold',
];

/** @public */
export const ON_HOLD_REASONS = [
  'awaiting_caller',
  'awaiting_change',
  'awaiting_problem',
  'awaiting_supplier',
] as const;

/** @public */
export type OnHoldReason = (typeof ON_HOLD_REASONS)[number];

/** @public */
export const INCIDENT_SOURCES = [
  'portal',
  'api',
  'alertmanager',
  'pagerduty',
  'scaffolder',
] as const;

/** @public */
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** Impact and urgency: 1 = high, 3 = low. @public */
export type Level = 1 | 2 | 3;

/** P1 (critical) to P5 (planning). @public */
export type Priority = 1 | 2 | 3 | 4 | 5;

/** Words shown for impact levels. @public */
export const IMPACT_LABELS: Record<Level, string> = {
  1: 'High — many users or a whole service',
  2: 'Medium — a group of users or a feature',
  3: 'Low — a single user or a workaround exists',
};

/** Words shown for urgency levels. @public */
export const URGENCY_LABELS: Record<Level, string> = {
  1: 'High — work is stopped',
  2: 'Medium — work is slowed',
  3: 'Low — can wait',
};

/** Words shown for priorities. @public */
export const PRIORITY_LABELS: Record<Priority, string> = {
  1: 'P1 Critical',
  2: 'P2 High',
  3: 'P3 Moderate',
  4: 'P4 Low',
  5: 'P5 Planning',
};

/**
 * An SLA clock as it travels on the wire: the `computeSlaClock` result at
 * request time, plus its target, with instants as ISO-8601 strings.
 *
 * @public
 */
export interface SlaClockView {
  targetMs: number;
  elapsedMs: number;
  remainingMs: number;
  percent: number;
  state: SlaClockState;
  dueAt: string | null;
  breachedAt: string | null;
  calendarId: string;
  /**
   * The SLA revision the target came from when the incident was raised; null when it came
   * from the configured defaults. The backend always sends it (optional here only so older
   * fixtures stay valid).
   */
  agreement?: ClockAgreementRef | null;
}

/** @public */
export interface Incident {
  id: string;
  version: number;
  title: string;
  description: string;
  entityRef: string;
  affectedEntityRefs: string[];
  reporter: string;
  assignee: string | null;
  assignmentGroup: string | null;
  /** One of the taxonomy's categories (`itsm.incidents.categories`); older incidents may hold free text. */
  category: string | null;
  /** One of the category's subcategories, or null. */
  subcategory: string | null;
  impact: Level;
  urgency: Level;
  priority: Priority;
  status: IncidentStatus;
  onHoldReason: OnHoldReason | null;
  resolutionCode: string | null;
  resolutionNotes: string | null;
  major: boolean;
  parentId: string | null;
  problemId: string | null;
  causedByChangeId: string | null;
  source: IncidentSource;
  externalId: string | null;
  /**
   * What makes incidents the same thing happening again, so recurrence can be counted: the
   * alert name, the PagerDuty service and title, else the normalised title (see
   * `incidentSignature`); null for incidents raised before signatures were kept.
   */
  signature: string | null;
  /** Major incidents: who runs the response. */
  incidentManager: string | null;
  /** Major incidents: the outage, from which availability is computed. */
  outageStart: string | null;
  outageEnd: string | null;
  /** Required before a major incident is closed. */
  postIncidentReview: PostIncidentReview | null;
  /** Snapshot of the downstream impact analysis when the incident was raised. */
  impactedServices: string[];
  sla: { response: SlaClockView | null; resolution: SlaClockView | null };
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** @public */
export interface PostIncidentReview {
  summary: string;
  rootCause?: string;
  lessonsLearned?: string;
  problemId?: string;
}
