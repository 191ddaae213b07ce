import {
  IMPROVEMENT_KPI_DEFINITIONS,
  IMPROVEMENT_STATUSES,
  RECORD_LINK_RELATIONS,
  improvementSignalChannel,
  improvementVerdict,
  type Improvement,
  type ImprovementFigure,
  type ImprovementKind,
  type ImprovementKpi,
  type ImprovementKpiDefinition,
  type ImprovementPatchRequest,
  type ImprovementScore,
  type ImprovementSource,
  type ImprovementStatus,
  type ImprovementTransitionRequest,
  type ImprovementType,
  type ImprovementVerdict,
} from '@backstage-itsm/plugin-itsm-common';
import {
  defineRecordKind,
  describeEvents,
  pairOf,
  type HistoryLabels,
} from '../../../records';
import { humanizeCode, shortRef } from '../../shared/format';

const STATUS_LABELS: Record<ImprovementStatus, string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  in_progress: 'In progress',
  implemented: 'Implemented',
  evaluated: 'Evaluated',
  closed: 'Closed',
  rejected: 'Rejected',
};

/** `in_progress` → `In progress`. */
export function formatImprovementStatus(status: ImprovementStatus): string {
  return STATUS_LABELS[status] ?? humanizeCode(status);
}

const KIND_LABELS: Record<ImprovementKind, string> = {
  improvement: 'Improvement',
  corrective_action: 'Corrective action',
};

/** `corrective_action` → `Corrective action`. */
export function formatImprovementKind(kind: ImprovementKind): string {
  return KIND_LABELS[kind] ?? humanizeCode(kind);
}

/** `technology` → `Technology`. */
export function formatImprovementType(type: ImprovementType): string {
  return humanizeCode(type);
}

const SOURCE_LABELS: Record<ImprovementSource, string> = {
  sla_breach: 'SLA breach',
  incident_trend: 'Incident trend',
  problem: 'Problem',
  change_review: 'Change review',
  customer_feedback: 'Customer feedback',
  complaint: 'Complaint',
  service_review: 'Service review',
  audit_finding: 'Audit finding',
  management_review: 'Management review',
  other: 'Other',
};

/** `sla_breach` → `SLA breach`. */
export function formatImprovementSource(source: ImprovementSource): string {
  return SOURCE_LABELS[source] ?? humanizeCode(source);
}

/** The sources that name a source record (`sourceId`); the others stand on their own. */
export const SOURCES_WITH_RECORD: readonly ImprovementSource[] = [
  'sla_breach',
  'incident_trend',
  'problem',
  'change_review',
  'customer_feedback',
  'complaint',
  'service_review',
];

/** What the source record of a source looks like, as the form's hint. */
export const SOURCE_ID_HINTS: Partial<Record<ImprovementSource, string>> = {
  sla_breach: 'The breach, e.g. BRE-12',
  incident_trend: 'An incident, e.g. INC-7 (its post-incident review)',
  problem: 'A problem (PRB-3) or known error (KE-2)',
  change_review: 'The reviewed change, e.g. CHG-4',
  customer_feedback:
    'A survey campaign (SUR-2), or one comment: <SUR-2 or INC-7>/<when given>',
  complaint: 'The complaint, e.g. CMP-5',
  service_review: 'A review (REV-3) or one of its actions (REV-3/A-1)',
};

const VERDICT_LABELS: Record<ImprovementVerdict, string> = {
  achieved: 'Achieved',
  not_achieved: 'Not achieved',
  inconclusive: 'Inconclusive',
};

/** `not_achieved` → `Not achieved`. */
export function formatImprovementVerdict(verdict: ImprovementVerdict): string {
  return VERDICT_LABELS[verdict] ?? humanizeCode(verdict);
}

/** The units that count events, in the singular (`1 incident`, `1 breach`). */
const SINGULAR_UNITS: Partial<
  Record<ImprovementKpiDefinition['unit'], string>
> = {
  incidents: 'incident',
  breaches: 'breach',
};

/**
 * A KPI's unit after a value: `12 breaches`, `1 breach`, `1 incident`, `4.5 h`, `97.5%`;
 * rounded to two decimals, `—` for no value.
 */
export function formatKpiValue(
  value: number | null,
  unit: ImprovementKpiDefinition['unit'],
): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 100) / 100;
  switch (unit) {
    case '%':
      return `${rounded}%`;
    case 'hours':
      return `${rounded} h`;
    case 'score':
      return String(rounded);
    default:
      return `${rounded} ${
        rounded === 1 ? SINGULAR_UNITS[unit] ?? unit : unit
      }`;
  }
}

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** An instant's day (UTC, as the backend's windows count days): `16 Sep 2026`. */
export function formatDay(instant: string | Date): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return `${date.getUTCDate()} ${
    MONTHS[date.getUTCMonth()]
  } ${date.getUTCFullYear()}`;
}

/**
 * A KPI window `[from, to)` as days, the year once when both share it:
 * `16 Sep – 7 Oct 2026`, `18 Dec 2026 – 15 Jan 2027`.
 */
export function formatWindowDays(window: {
  from: string | Date;
  to: string | Date;
}): string {
  const from = formatDay(window.from);
  const to = formatDay(window.to);
  const fromYear = from.slice(from.lastIndexOf(' '));
  const sameYear = fromYear === to.slice(to.lastIndexOf(' '));
  return `${sameYear ? from.slice(0, -fromYear.length) : from} – ${to}`;
}

/** A figure as one phrase: `6 incidents, 16 Sep – 7 Oct 2026, n = 6`. */
export function formatFigure(figure: ImprovementFigure): string {
  const value =
    figure.value === null
      ? 'no value'
      : formatKpiValue(figure.value, figure.unit);
  return `${value}, ${formatWindowDays(figure)}, n = ${figure.n}`;
}

/** The priority score with its inputs: `score 4 (benefit 4, urgency 4, effort 2)`. */
export function formatScore(priority: ImprovementScore): string {
  return `score ${priority.score} (benefit ${priority.benefit}, urgency ${priority.urgency}, effort ${priority.effort})`;
}

/**
 * The KPI in one sentence: `Breach count on payments-api (P1), 28-day windows, decrease by
 * 50%`, or `..., increase to 85%` for an absolute target.
 */
export function kpiSentence(
  kpi: ImprovementKpi,
  entityRefs: readonly string[],
): string {
  const definition = IMPROVEMENT_KPI_DEFINITIONS[kpi.kpi];
  const scope = [
    kpi.category ? `category ${kpi.category}` : null,
    kpi.priority ? `P${kpi.priority}` : null,
    kpi.signature ? `signature ${kpi.signature}` : null,
  ].filter(Boolean);
  const services = entityRefs.map(shortRef).join(', ');
  const target =
    kpi.target.kind === 'relative'
      ? `${kpi.direction} by ${kpi.target.percent}%`
      : `${kpi.direction} to ${formatKpiValue(
          kpi.target.value,
          definition.unit,
        )}`;
  return `${definition.label}${services ? ` on ${services}` : ''}${
    scope.length ? ` (${scope.join(', ')})` : ''
  }, ${kpi.windowDays}-day windows, ${target}`;
}

/**
 * The goal the measurement has to reach: the stored one once measured, else what the target
 * makes of the frozen baseline (or the absolute target itself); `null` while a relative
 * target waits for its baseline, or without a KPI.
 */
export function improvementGoal(
  item: Pick<Improvement, 'kpi' | 'baseline' | 'goal'>,
): number | null {
  if (item.goal !== null) return item.goal;
  const { kpi, baseline } = item;
  if (!kpi) return null;
  if (kpi.target.kind === 'absolute') return kpi.target.value;
  if (!baseline || baseline.value === null) return null;
  return improvementVerdict({
    kind: IMPROVEMENT_KPI_DEFINITIONS[kpi.kpi].kind,
    direction: kpi.direction,
    target: kpi.target,
    baseline,
    measured: { value: null, n: 0 },
  }).goal;
}

/** The goal with its direction: `at most 3 incidents`, `at least 85%`. */
export function formatGoal(
  goal: number,
  direction: ImprovementKpi['direction'],
  unit: ImprovementKpiDefinition['unit'],
): string {
  return `${direction === 'decrease' ? 'at most' : 'at least'} ${formatKpiValue(
    goal,
    unit,
  )}`;
}

/** A relative target against the baseline: `30% below the baseline`. */
export function formatRelativeTarget(kpi: ImprovementKpi): string | null {
  if (kpi.target.kind !== 'relative') return null;
  return `${kpi.target.percent}% ${
    kpi.direction === 'decrease' ? 'below' : 'above'
  } the baseline`;
}

const isFigure = (value: unknown): value is ImprovementFigure =>
  typeof value === 'object' &&
  value !== null &&
  'from' in value &&
  'to' in value &&
  'n' in value &&
  'unit' in value;

const isKpi = (value: unknown): value is ImprovementKpi =>
  typeof value === 'object' &&
  value !== null &&
  'kpi' in value &&
  'target' in value &&
  (value as ImprovementKpi).kpi in IMPROVEMENT_KPI_DEFINITIONS;

const isScore = (value: unknown): value is ImprovementScore =>
  typeof value === 'object' &&
  value !== null &&
  'score' in value &&
  'benefit' in value &&
  'urgency' in value &&
  'effort' in value;

const LINK_RELATION = new RegExp(`\\b(${RECORD_LINK_RELATIONS.join('|')})\\b`);

const baseHistoryLabels: HistoryLabels = {
  actions: {
    evaluate: 'Measured',
    evaluation: 'Measured',
    measure: 'Measured',
    measured: 'Measured',
    suggest: 'Suggested',
    suggested: 'Suggested',
  },
  fields: {
    entityRefs: 'services',
    sourceId: 'source record',
    sourceKey: 'suggested for',
    owningGroup: 'owning group',
    targetDate: 'target date',
    nonconformity: 'nonconformity',
    rootCause: 'root cause',
    effectivenessReview: 'effectiveness review',
    approvedBy: 'approved by',
    approvedAt: 'approved at',
    startedAt: 'started at',
    implementedAt: 'implemented at',
    evaluatedAt: 'evaluated at',
    closedAt: 'closed at',
    rejectedAt: 'rejected at',
    rejectionReason: 'rejection reason',
    kpi: 'KPI',
    baseline: 'baseline',
    measured: 'measured',
    links: 'link',
  },
  instantFields: [
    'approvedAt',
    'startedAt',
    'implementedAt',
    'evaluatedAt',
    'closedAt',
    'rejectedAt',
  ],
  codeFields: ['kind', 'type', 'source'],
  tones: { evaluate: 'secondary', measure: 'secondary' },
  formatValue: (field, value) => {
    if (
      field === 'status' &&
      IMPROVEMENT_STATUSES.includes(value as ImprovementStatus)
    ) {
      return formatImprovementStatus(value as ImprovementStatus);
    }
    if (field === 'verdict' && typeof value === 'string') {
      return formatImprovementVerdict(value as ImprovementVerdict);
    }
    if (field === 'kpi' && isKpi(value)) {
      return kpiSentence(value, []);
    }
    if ((field === 'baseline' || field === 'measured') && isFigure(value)) {
      return formatFigure(value);
    }
    if (field === 'priority' && isScore(value)) {
      return formatScore(value);
    }
    if (field === 'links' && typeof value === 'string') {
      // `relates_to CMP-1` → `relates to CMP-1`
      return value.replace(LINK_RELATION, relation =>
        relation.replace(/_/g, ' '),
      );
    }
    return undefined;
  },
};

/** The KPI unit of an event's figures, for its goal (a bare number on the wire). */
function unitOfEvent(
  changes: Record<string, unknown>,
): ImprovementKpiDefinition['unit'] | undefined {
  for (const field of ['measured', 'baseline']) {
    const [from, to] = pairOf(changes[field]);
    const figure = [to, from].find(isFigure);
    if (figure) return figure.unit;
  }
  return undefined;
}

/**
 * The words of an improvement's history. The goal reads with the unit of the figures measured
 * with it (`goal: — → 3 incidents`); a bare number otherwise.
 */
export const improvementHistoryLabels: HistoryLabels = {
  ...baseHistoryLabels,
  describe: event => {
    const changes = (event.changes ?? {}) as Record<string, unknown>;
    if (!('goal' in changes)) return undefined;
    const unit = unitOfEvent(changes);
    if (!unit) return undefined;
    return describeEvents([
      {
        ...baseHistoryLabels,
        formatValue: (field, value) =>
          field === 'goal' && typeof value === 'number'
            ? formatKpiValue(value, unit)
            : baseHistoryLabels.formatValue!(field, value),
      },
    ]).changeLines(event);
  },
};

/** Improvement items and corrective actions, as the record kit reads and writes them. */
export const improvementKind = defineRecordKind<
  Improvement,
  ImprovementPatchRequest,
  ImprovementTransitionRequest
>({
  collection: 'improvements',
  noun: 'improvement',
  idPrefixes: ['IMP'],
  channel: improvementSignalChannel,
  historyLabels: improvementHistoryLabels,
  methods: {
    get: (api, id) => api.getImprovement({ id }),
    history: (api, options) => api.getImprovementHistory(options),
    patch: (api, options) => api.updateImprovement(options),
    transition: (api, options) => api.transitionImprovement(options),
  },
});
