import {
  CHANGE_STATUSES,
  RISK_QUESTIONNAIRE,
  changeSignalChannel,
  type Change,
  type ChangeConflict,
  type ChangePatchRequest,
  type ChangeStatus,
  type ChangeTemplate,
  type ChangeTemplatePatchRequest,
  type ChangeTransitionRequest,
  type HistoryEvent,
  type RequiredApproval,
} from '@backstage-itsm/plugin-itsm-common';
import {
  defineRecordKind,
  pairOf,
  type ChangeLine,
  type HistoryLabels,
} from '../../../records';
import { formatChangeStatus } from '../../shared/format';
import { describeRequirement } from '../ChangeApprovals/requirements';

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
    case 'status':
      return CHANGE_STATUSES.includes(value as ChangeStatus)
        ? formatChangeStatus(value as ChangeStatus)
        : undefined;
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

/**
 * A vote on a change (`approval`, changes `{decision, planRevision}`) as one line:
 * `Approved on plan revision 1`, `Rejected on plan revision 2`.
 */
function approvalLines(event: HistoryEvent): ChangeLine[] | undefined {
  if (event.action !== 'approval') {
    return undefined;
  }
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

/** The words of a change's (and a standard change template's) history. */
export const changeHistoryLabels: HistoryLabels = {
  actions: {
    approval: 'Decision',
    approve: 'Approved',
    approved: 'Approved',
    reject: 'Rejected',
    rejected: 'Rejected',
  },
  fields: {
    entityRefs: 'entities',
    planRevision: 'plan revision',
    riskAnswers: 'risk answers',
    riskReasons: 'risk reasons',
    requiredApprovals: 'required approvals',
    implementationPlan: 'implementation plan',
    backoutPlan: 'backout plan',
    testPlan: 'test plan',
    review: 'post-implementation review',
  },
  instantFields: ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'],
  codeFields: ['type', 'risk', 'outcome', 'decision'],
  formatValue: formatChangeField,
  describe: approvalLines,
};

/** Changes, as the record kit reads and writes them. */
export const changeKind = defineRecordKind<
  Change,
  ChangePatchRequest,
  ChangeTransitionRequest
>({
  collection: 'changes',
  noun: 'change',
  idPrefixes: ['CHG'],
  channel: changeSignalChannel,
  historyLabels: changeHistoryLabels,
  methods: {
    get: (api, id) => api.getChange({ id }),
    history: (api, options) => api.getChangeHistory(options),
    patch: (api, options) => api.patchChange(options),
    transition: (api, options) => api.transitionChange(options),
  },
});

/** Standard change templates. */
export const changeTemplateKind = defineRecordKind<
  ChangeTemplate,
  ChangeTemplatePatchRequest
>({
  collection: 'change-templates',
  noun: 'standard change template',
  idPrefixes: ['STD'],
  historyLabels: changeHistoryLabels,
  methods: {
    get: (api, id) => api.getChangeTemplate({ id }),
    patch: (api, options) => api.patchChangeTemplate(options),
  },
});
