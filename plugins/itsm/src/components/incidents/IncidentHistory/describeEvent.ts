import {
  IMPACT_LABELS,
  PRIORITY_LABELS,
  RISK_QUESTIONNAIRE,
  URGENCY_LABELS,
  type ChangeConflict,
  type HistoryEvent,
  type Level,
  type Priority,
  type RequiredApproval,
} from '@backstage-itsm/plugin-itsm-common';
import { describeRequirement } from '../../changes/ChangeApprovals/requirements';
import { formatAnyStatus, humanizeCode } from '../../shared/format';

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

/** Short labels of the risk questions (RISK_QUESTIONNAIRE ids), for one-line answers. */
const RISK_QUESTION_LABELS: Record<string, string> = {
  tested: 'tested',
  outage: 'outage expected',
  backout: 'backout in 15 minutes',
  implementers: 'implementers',
  failed_before: 'failed before',
  data_change: 'data or schema change',
};

/**
 * Risk questionnaire answers in words, in the questionnaire's order:
 * `tested: Partially; outage expected: No; …`. Unknown ids read as they are.
 */
export function formatRiskAnswers(answers: Record<string, unknown>): string {
  const known = RISK_QUESTIONNAIRE.filter(q => q.id in answers);
  const unknown = Object.keys(answers).filter(
    id => !RISK_QUESTIONNAIRE.some(q => q.id === id),
  );
  const parts = [
    ...known.map(question => {
      const answer = answers[question.id];
      const text =
        question.answers.find(a => a.id === answer)?.text ?? String(answer);
      return `${RISK_QUESTION_LABELS[question.id] ?? question.id}: ${text}`;
    }),
    ...unknown.map(id => `${id}: ${String(answers[id])}`),
  ];
  return parts.length ? parts.join('; ') : '—';
}

/** A field that reads as a list of sentences, each formatted by its own rule. */
function formatList<T>(
  value: unknown,
  one: (item: T) => string | undefined,
): string | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const texts = (value as T[]).map(item => one(item) ?? JSON.stringify(item));
  return texts.length ? texts.join('; ') : '—';
}

/** Change fields with their own words; `undefined` when the value has an unexpected shape. */
function formatChangeField(field: string, value: unknown): string | undefined {
  switch (field) {
    case 'riskAnswers':
      return value && typeof value === 'object' && !Array.isArray(value)
        ? formatRiskAnswers(value as Record<string, unknown>)
        : undefined;
    case 'riskReasons':
      // Reasons contain commas of their own.
      return formatList<unknown>(value, reason =>
        typeof reason === 'string' ? reason : undefined,
      );
    case 'conflicts':
      return formatList<ChangeConflict>(value, conflict =>
        typeof conflict?.message === 'string' ? conflict.message : undefined,
      );
    case 'requiredApprovals':
      return formatList<RequiredApproval>(value, requirement =>
        requirement && typeof requirement.group === 'string'
          ? describeRequirement(requirement)
          : undefined,
      );
    default:
      return undefined;
  }
}

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
  const changeText = formatChangeField(field, value);
  if (changeText !== undefined) {
    return changeText;
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

const pairOf = (pair: unknown): [unknown, unknown] =>
  Array.isArray(pair) ? [pair[0], pair[1]] : [undefined, pair];

/**
 * A vote on a change (`approval`, changes `{decision, planRevision}`) as one line:
 * `Approved on plan revision 1`, `Rejected on plan revision 2`.
 */
function approvalLines(event: HistoryEvent): ChangeLine[] | undefined {
  const decision = pairOf(event.changes?.decision)[1];
  if (decision !== 'approve' && decision !== 'reject') {
    return undefined;
  }
  const revision = pairOf(event.changes?.planRevision)[1];
  const verb = decision === 'approve' ? 'Approved' : 'Rejected';
  return [
    {
      field: 'decision',
      text:
        typeof revision === 'number'
          ? `${verb} on plan revision ${revision}`
          : verb,
    },
  ];
}

/**
 * The changes of an event as lines, skipping fields that stayed empty. On creation every
 * field appears as `[null, value]`, so those read `field: value`; a vote on a change reads
 * as one sentence.
 */
export function changeLines(event: HistoryEvent): ChangeLine[] {
  if (event.action === 'approval') {
    const lines = approvalLines(event);
    if (lines) {
      return lines;
    }
  }
  const creation = event.action === 'create' || event.action === 'created';
  return Object.entries(event.changes ?? {}).flatMap(([field, pair]) => {
    const [from, to] = pairOf(pair);
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
