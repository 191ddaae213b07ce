import {
  IMPACT_LABELS,
  PRIORITY_LABELS,
  URGENCY_LABELS,
  type HistoryEvent,
  type Level,
  type Priority,
} from '@backstage-itsm/plugin-itsm-common';
import { formatAnyStatus, humanizeCode } from '../format';

const ACTION_LABELS: Record<string, string> = {
  create: 'Created',
  created: 'Created',
  update: 'Updated',
  updated: 'Updated',
  transition: 'Status changed',
  work_note: 'Work note',
  status_update: 'Status update',
  escalated: 'Escalated',
  auto_close: 'Closed automatically',
  approval: 'Decision',
  approve: 'Approved',
  approved: 'Approved',
  reject: 'Rejected',
  rejected: 'Rejected',
};

/** `work_note` → `Work note`; unknown actions read as words. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? humanizeCode(action);
}

const FIELD_LABELS: Record<string, string> = {
  entityRef: 'service',
  affectedEntityRefs: 'affected entities',
  assignmentGroup: 'assignment group',
  onHoldReason: 'on-hold reason',
  resolutionCode: 'resolution code',
  resolutionNotes: 'resolution notes',
  incidentManager: 'incident manager',
  outageStart: 'outage start',
  outageEnd: 'outage end',
  postIncidentReview: 'post-incident review',
  impactedServices: 'impacted services',
  parentId: 'parent',
  problemId: 'problem',
  causedByChangeId: 'caused by change',
  externalId: 'external id',
  entityRefs: 'entities',
  planRevision: 'plan revision',
  riskAnswers: 'risk answers',
  riskReasons: 'risk reasons',
  requiredApprovals: 'required approvals',
  implementationPlan: 'implementation plan',
  backoutPlan: 'backout plan',
  testPlan: 'test plan',
  review: 'post-implementation review',
};

/** Fields holding an instant, shown in the browser's locale. */
const INSTANT_FIELDS = [
  'outageStart',
  'outageEnd',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
];

/** Fields holding a code, shown as words. */
const CODE_FIELDS = [
  'onHoldReason',
  'resolutionCode',
  'type',
  'risk',
  'outcome',
  'decision',
];

/** `assignmentGroup` → `assignment group`. */
export function fieldLabel(field: string): string {
  return (
    FIELD_LABELS[field] ??
    field.replace(/([a-z])([A-Z])/g, '$1 $2').toLocaleLowerCase('en-US')
  );
}

/** One side of a change, in words: `—` for nothing, labels for codes. */
export function formatFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (field === 'status' && typeof value === 'string') {
    return formatAnyStatus(value);
  }
  if (field === 'priority' && typeof value === 'number') {
    return PRIORITY_LABELS[value as Priority] ?? String(value);
  }
  if (
    (field === 'impact' || field === 'urgency') &&
    typeof value === 'number'
  ) {
    // `High — many users …` → `High`
    const labels = field === 'impact' ? IMPACT_LABELS : URGENCY_LABELS;
    return labels[value as Level]?.split(' — ')[0] ?? String(value);
  }
  if (
    INSTANT_FIELDS.includes(field) &&
    typeof value === 'string' &&
    !Number.isNaN(Date.parse(value))
  ) {
    return new Date(value).toLocaleString();
  }
  if (CODE_FIELDS.includes(field) && typeof value === 'string') {
    return humanizeCode(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (Array.isArray(value)) {
    return value.length
      ? value.map(v => formatFieldValue('', v)).join(', ')
      : '—';
  }
  if (typeof value === 'object') {
    // A review (incident or change) reads as its summary.
    const summary = (value as { summary?: unknown }).summary;
    return typeof summary === 'string' ? summary : JSON.stringify(value);
  }
  return String(value);
}

/** One changed field in words. */
export interface ChangeLine {
  field: string;
  text: string;
}

/**
 * The changes of an event as lines, skipping fields that stayed empty. On creation every
 * field appears as `[null, value]`, so those read `field: value`.
 */
export function changeLines(event: HistoryEvent): ChangeLine[] {
  const creation = event.action === 'create' || event.action === 'created';
  return Object.entries(event.changes ?? {}).flatMap(([field, pair]) => {
    const [from, to] = Array.isArray(pair) ? pair : [undefined, pair];
    const fromText = formatFieldValue(field, from);
    const toText = formatFieldValue(field, to);
    if (fromText === '—' && toText === '—') {
      return [];
    }
    const label = fieldLabel(field);
    return [
      {
        field,
        text: creation
          ? `${label}: ${toText}`
          : `${label}: ${fromText} → ${toText}`,
      },
    ];
  });
}
