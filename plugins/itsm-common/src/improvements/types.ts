import type { ImprovementScore } from './scores';
import type {
  ImprovementDirection,
  ImprovementTarget,
  ImprovementVerdict,
} from './verdict';

/**
 * The improvement lifecycle's statuses (DESIGN §3 "Continual improvement"): `proposed` (raised
 * by anyone or suggested by the system), `approved` by someone other than its owner (the KPI
 * baseline is frozen then), `in_progress`, `implemented`, `evaluated` (the system measured it,
 * or — without a KPI — its owner recorded the evaluation), `closed` (final); `rejected` with a
 * reason (final).
 *
 * @public
 */
export const IMPROVEMENT_STATUSES = [
  'proposed',
  'approved',
  'in_progress',
  'implemented',
  'evaluated',
  'closed',
  'rejected',
] as const;

/** @public */
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

/** Statuses of an item still being worked (counted as open, may be overdue). @public */
export const OPEN_IMPROVEMENT_STATUSES: readonly ImprovementStatus[] = [
  'proposed',
  'approved',
  'in_progress',
];

/**
 * `improvement` (ISO/IEC 20000-1 10.2, an opportunity) or `corrective_action` (10.1, a
 * nonconformity with its correction, root cause and effectiveness review).
 *
 * @public
 */
export const IMPROVEMENT_KINDS = ['improvement', 'corrective_action'] as const;

/** @public */
export type ImprovementKind = (typeof IMPROVEMENT_KINDS)[number];

/** What the item changes. @public */
export const IMPROVEMENT_TYPES = [
  'people',
  'process',
  'technology',
  'supplier',
] as const;

/** @public */
export type ImprovementType = (typeof IMPROVEMENT_TYPES)[number];

/**
 * Where an item came from. Each source but `audit_finding`, `management_review` and `other`
 * names a source record (`sourceId`) that the backend checks and links:
 * `sla_breach` a breach id; `incident_trend` an incident (`INC-n`, e.g. its post-incident
 * review) or a trend signature; `problem` `PRB-n`/`KE-n`; `change_review` `CHG-n` (its PIR);
 * `customer_feedback` a survey campaign `SUR-n` (or `SUR-n/<responseId>` for one comment);
 * `complaint` `CMP-n`; `service_review` `REV-n` or a review action `REV-n/A-m`.
 *
 * @public
 */
export const IMPROVEMENT_SOURCES = [
  'sla_breach',
  'incident_trend',
  'problem',
  'change_review',
  'customer_feedback',
  'complaint',
  'service_review',
  'audit_finding',
  'management_review',
  'other',
] as const;

/** @public */
export type ImprovementSource = (typeof IMPROVEMENT_SOURCES)[number];

/**
 * The KPIs an item may name to have its effect measured.
 *
 * @public
 */
export const IMPROVEMENT_KPIS = [
  'incident_count',
  'mttr',
  'sla_attainment',
  'breach_count',
  'availability',
  'csat',
  'change_failure_rate',
  'recurrence',
] as const;

/** @public */
export type ImprovementKpiName = (typeof IMPROVEMENT_KPIS)[number];

/** How a KPI is measured and which way is better by default. @public */
export interface ImprovementKpiDefinition {
  label: string;
  /** `count`: the value is a number of events; `rate`: a mean or percentage over `n` events. */
  kind: 'count' | 'rate';
  unit: 'incidents' | 'breaches' | 'hours' | '%' | 'score';
  /** The direction an improvement usually aims at. */
  direction: ImprovementDirection;
  /** Which scope filters the KPI accepts besides the services. */
  filters: ReadonlyArray<'category' | 'priority' | 'signature'>;
}

/**
 * Each KPI's definition. Counts are of incidents (`incident_count`, `recurrence`) or breaches
 * opened in the window on the item's services; `mttr` is the mean hours from open to resolved
 * of incidents resolved in the window; `sla_attainment` the percentage of clocks stopped in the
 * window within target; `availability` the SLA report's availability (%); `csat` the
 * satisfied share (%) of ratings in the window; `change_failure_rate` the share (%) of changes
 * closed in the window that failed or were backed out. `recurrence` needs a category or a
 * signature.
 *
 * @public
 */
export const IMPROVEMENT_KPI_DEFINITIONS: Readonly<
  Record<ImprovementKpiName, ImprovementKpiDefinition>
> = {
  incident_count: {
    label: 'Incident count',
    kind: 'count',
    unit: 'incidents',
    direction: 'decrease',
    filters: ['category', 'priority'],
  },
  mttr: {
    label: 'Mean time to restore',
    kind: 'rate',
    unit: 'hours',
    direction: 'decrease',
    filters: ['category', 'priority'],
  },
  sla_attainment: {
    label: 'SLA attainment',
    kind: 'rate',
    unit: '%',
    direction: 'increase',
    filters: ['priority'],
  },
  breach_count: {
    label: 'Breach count',
    kind: 'count',
    unit: 'breaches',
    direction: 'decrease',
    filters: ['priority'],
  },
  availability: {
    label: 'Availability',
    kind: 'rate',
    unit: '%',
    direction: 'increase',
    filters: [],
  },
  csat: {
    label: 'Customer satisfaction (CSAT)',
    kind: 'rate',
    unit: '%',
    direction: 'increase',
    filters: [],
  },
  change_failure_rate: {
    label: 'Change failure rate',
    kind: 'rate',
    unit: '%',
    direction: 'decrease',
    filters: [],
  },
  recurrence: {
    label: 'Recurrence of a category or signature',
    kind: 'count',
    unit: 'incidents',
    direction: 'decrease',
    filters: ['category', 'signature'],
  },
};

/**
 * The KPI an item is measured by, scoped to the item's services.
 *
 * @public
 */
export interface ImprovementKpi {
  kpi: ImprovementKpiName;
  /** Incident category (`incident_count`, `mttr`, `recurrence`). */
  category: string | null;
  /** Incident priority 1–5 (`incident_count`, `mttr`, `sla_attainment`, `breach_count`). */
  priority: number | null;
  /** Incident trend signature (`recurrence`). */
  signature: string | null;
  /** The window W, in days: the baseline covers W before approval, the measurement W after settling. */
  windowDays: number;
  /** Days after implementation before the measurement window opens. */
  settleDays: number;
  direction: ImprovementDirection;
  target: ImprovementTarget;
}

/**
 * A KPI's figure over one window, as stored on the item: `[from, to)`, the value (null when
 * nothing was there to average) and the events behind it.
 *
 * @public
 */
export interface ImprovementFigure {
  from: string;
  to: string;
  value: number | null;
  n: number;
  unit: ImprovementKpiDefinition['unit'];
  measuredAt: string;
}

/**
 * An improvement item or corrective action (`IMP-n`), as the API sends it.
 *
 * @public
 */
export interface Improvement {
  id: string;
  version: number;
  kind: ImprovementKind;
  type: ImprovementType;
  status: ImprovementStatus;
  title: string;
  /** Markdown. */
  description: string;
  source: ImprovementSource;
  /** The source record (see {@link IMPROVEMENT_SOURCES}); linked `IMP-n relates_to <it>`. */
  sourceId: string | null;
  /** Set on items the suggestions job proposed: what they were proposed for (unique). */
  sourceKey: string | null;
  /** The services, lowercase canonical entity refs (at least one). */
  entityRefs: string[];
  /** The user or group driving it. */
  owner: string | null;
  /** The group that owns it (the owner if a group; else the first service's owner group). */
  owningGroup: string | null;
  /** Priority inputs and the score from `improvementScore`. */
  priority: ImprovementScore;
  /** `YYYY-MM-DD`. */
  targetDate: string | null;
  /** Open past its target date (computed on read). */
  overdue: boolean;
  /** Corrective actions: what did not conform (Markdown). */
  nonconformity: string | null;
  /** Corrective actions: the immediate correction. */
  correction: string | null;
  rootCause: string | null;
  /** Whether the action worked, recorded before a corrective action closes. */
  effectivenessReview: string | null;
  kpi: ImprovementKpi | null;
  /** Frozen at approval over `[approvedAt − W, approvedAt)`; never recomputed. */
  baseline: ImprovementFigure | null;
  /** Over `[implementedAt + settle, + W)`, stored by the evaluation. */
  measured: ImprovementFigure | null;
  /** The value the measurement had to reach (from the target and baseline). */
  goal: number | null;
  verdict: ImprovementVerdict | null;
  /** Without a KPI: the owner's evaluation note; with one, the system's summary. */
  evaluation: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  startedAt: string | null;
  implementedAt: string | null;
  evaluatedAt: string | null;
  closedAt: string | null;
  rejectedAt: string | null;
  rejectionReason: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/**
 * `GET /improvements/draft?source=&sourceId=`: a create body pre-filled from a source record
 * (title, description, services, kind, KPI) for the "Raise improvement" buttons.
 *
 * @public
 */
export interface ImprovementDraft {
  kind: ImprovementKind;
  type: ImprovementType;
  title: string;
  description: string;
  source: ImprovementSource;
  sourceId: string | null;
  entityRefs: string[];
  owner: string | null;
  nonconformity: string | null;
  kpi: ImprovementKpi | null;
  benefit: number;
  effort: number;
  urgency: number;
  /** `YYYY-MM-DD`: a review action's due date; null (or absent) otherwise. */
  targetDate?: string | null;
}

/** Channel of one item's live updates: a `RecordSignal` on every write. @public */
export function improvementSignalChannel(id: string): string {
  return `itsm:improvement:${id}`;
}

/** Channel of all improvement items. @public */
export const IMPROVEMENTS_SIGNAL_CHANNEL = 'itsm:improvements';
