import {
  IMPROVEMENT_KPI_DEFINITIONS,
  IMPROVEMENT_STATUSES,
  improvementSignalChannel,
  type Improvement,
  type ImprovementKind,
  type ImprovementKpi,
  type ImprovementKpiDefinition,
  type ImprovementPatchRequest,
  type ImprovementSource,
  type ImprovementStatus,
  type ImprovementTransitionRequest,
  type ImprovementType,
  type ImprovementVerdict,
} from '@backstage-itsm/plugin-itsm-common';
import { defineRecordKind, type HistoryLabels } from '../../../records';
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

/** A KPI's unit after a value: `12 breaches`, `4.5 h`, `97.5%`. */
export function formatKpiValue(
  value: number | null,
  unit: ImprovementKpiDefinition['unit'],
): string {
  if (value === null) return '—';
  const rounded = Number.isInteger(value)
    ? String(value)
    : String(Math.round(value * 100) / 100);
  switch (unit) {
    case '%':
      return `${rounded}%`;
    case 'hours':
      return `${rounded} h`;
    case 'score':
      return rounded;
    default:
      return `${rounded} ${unit}`;
  }
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

/** The words of an improvement's history. */
export const improvementHistoryLabels: HistoryLabels = {
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
    if (
      field === 'kpi' &&
      value &&
      typeof value === 'object' &&
      'kpi' in value &&
      'target' in value
    ) {
      return kpiSentence(value as ImprovementKpi, []);
    }
    if (
      field === 'priority' &&
      value &&
      typeof value === 'object' &&
      'score' in value
    ) {
      return `score ${(value as { score: number }).score}`;
    }
    return undefined;
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
