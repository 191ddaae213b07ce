import {
  CONTRIBUTING_FACTORS,
  PRIORITY_LABELS,
  PROBLEM_STATUSES,
  type ContributingFactor,
  type KnownError,
  type KnownErrorPatchRequest,
  type KnownErrorStatus,
  type Priority,
  type Problem,
  type ProblemPatchRequest,
  type ProblemStatus,
  type ProblemTransitionRequest,
  type RcaEntry,
} from '@backstage-itsm/plugin-itsm-common';
import { defineRecordKind, type HistoryLabels } from '../../../records';
import { knownErrorChannel, problemChannel } from '../../../signals';
import { humanizeCode } from '../../shared/format';

const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  candidate: 'Candidate',
  new: 'New',
  investigating: 'Investigating',
  known_error: 'Known error',
  resolved: 'Resolved',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

/** `known_error` → `Known error`. */
export function formatProblemStatus(status: ProblemStatus): string {
  return PROBLEM_STATUS_LABELS[status] ?? humanizeCode(status);
}

/** `five_whys` → `Five whys`, `fault_tree` → `Fault tree`. */
export function formatRcaMethod(method: string): string {
  return humanizeCode(method);
}

function formatRcaNotes(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const notes = value as RcaEntry[];
  if (notes.length === 0) return '—';
  return notes
    .map(note =>
      note && typeof note.label === 'string'
        ? `${note.label}: ${note.text}`
        : JSON.stringify(note),
    )
    .join('; ');
}

/** Problem and known-error fields in their own words. */
function formatProblemField(field: string, value: unknown): string | undefined {
  switch (field) {
    case 'status':
      return PROBLEM_STATUSES.includes(value as ProblemStatus)
        ? formatProblemStatus(value as ProblemStatus)
        : undefined;
    case 'priority':
      return typeof value === 'number'
        ? PRIORITY_LABELS[value as Priority] ?? String(value)
        : undefined;
    case 'rcaNotes':
      return formatRcaNotes(value);
    case 'contributingFactors':
      return Array.isArray(value)
        ? value
            .filter(f => CONTRIBUTING_FACTORS.includes(f as ContributingFactor))
            .map(f => humanizeCode(f as string))
            .join(', ') || '—'
        : undefined;
    case 'matchRules':
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const rules = value as Record<string, unknown>;
        const part = (name: string, label: string) => {
          const list = rules[name];
          return Array.isArray(list) && list.length
            ? `${label}: ${list.join(', ')}`
            : undefined;
        };
        return (
          [
            part('categories', 'categories'),
            part('signatures', 'signatures'),
            part('text', 'phrases'),
          ]
            .filter(Boolean)
            .join('; ') || '—'
        );
      }
      return undefined;
    default:
      return undefined;
  }
}

/** The words of a problem's and a known error's history. */
export const problemHistoryLabels: HistoryLabels = {
  actions: {
    incident_linked: 'Incident linked',
    detected: 'Detected',
    known_error_offered: 'Offered',
    known_error_applied: 'Workaround applied',
    offered: 'Offered',
    applied: 'Workaround applied',
  },
  fields: {
    entityRefs: 'entities',
    assignmentGroup: 'assignment group',
    rcaMethod: 'RCA method',
    rcaNotes: 'RCA notes',
    contributingFactors: 'contributing factors',
    rootCause: 'root cause',
    workaround: 'workaround',
    targetDate: 'target date',
    closureCode: 'closure code',
    cancelReason: 'reason',
    resolvedAt: 'resolved at',
    observationUntil: 'observed until',
    closedAt: 'closed at',
    matchRules: 'match rules',
    reviewBy: 'review by',
    problemId: 'problem',
    offeredCount: 'offered',
    appliedCount: 'applied',
  },
  instantFields: ['resolvedAt', 'observationUntil', 'closedAt'],
  codeFields: ['origin', 'rcaMethod', 'closureCode'],
  tones: { detected: 'secondary', incident_linked: 'grey' },
  formatValue: formatProblemField,
};

/** Problems, as the record kit reads and writes them. */
export const problemKind = defineRecordKind<
  Problem,
  ProblemPatchRequest,
  ProblemTransitionRequest
>({
  collection: 'problems',
  noun: 'problem',
  idPrefixes: ['PRB'],
  channel: problemChannel,
  historyLabels: problemHistoryLabels,
  methods: {
    get: (api, id) => api.getProblem({ id }),
    history: (api, options) => api.getProblemHistory(options),
    patch: (api, options) => api.updateProblem(options),
    transition: (api, options) => api.transitionProblem(options),
  },
});

/** Known errors (the KEDB), as the record kit reads and writes them. */
export const knownErrorKind = defineRecordKind<
  KnownError,
  KnownErrorPatchRequest,
  { to: KnownErrorStatus; comment?: string }
>({
  collection: 'known-errors',
  noun: 'known error',
  idPrefixes: ['KE'],
  channel: knownErrorChannel,
  historyLabels: problemHistoryLabels,
  methods: {
    get: (api, id) => api.getKnownError({ id }),
    history: (api, options) => api.getKnownErrorHistory(options),
    patch: (api, options) => api.updateKnownError(options),
    transition: (api, options) => api.transitionKnownError(options),
  },
});
