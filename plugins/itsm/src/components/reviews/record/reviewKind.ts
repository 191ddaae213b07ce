import {
  REVIEW_ACTION_STATUSES,
  REVIEW_STATUSES,
  reviewSignalChannel,
  type HistoryEvent,
  type ReviewActionStatus,
  type ReviewPatchRequest,
  type ReviewStatus,
  type ReviewTransitionRequest,
  type ServiceReview,
} from '@backstage-itsm/plugin-itsm-common';
import {
  defineRecordKind,
  pairOf,
  type ChangeLine,
  type HistoryLabels,
} from '../../../records';
import { humanizeCode, shortRef } from '../../shared/format';

const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  scheduled: 'Scheduled',
  prepared: 'Prepared',
  held: 'Held',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

/** `held` → `Held`. */
export function formatReviewStatus(status: ReviewStatus): string {
  return REVIEW_STATUS_LABELS[status] ?? humanizeCode(status);
}

const ACTION_STATUS_LABELS: Record<ReviewActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** `in_progress` → `In progress`. */
export function formatReviewActionStatus(status: ReviewActionStatus): string {
  return ACTION_STATUS_LABELS[status] ?? humanizeCode(status);
}

/** A day of an ISO instant or date, `2027-04-01`. */
export function formatDay(iso: string): string {
  return iso.slice(0, 10);
}

/** `2027-01-01 – 2027-04-01` for a review period `[from, to)`. */
export function formatReviewPeriod(period: { from: string; to: string }) {
  return `${formatDay(period.from)} – ${formatDay(period.to)}`;
}

const MAX_TEXT = 200;
const cut = (text: string) =>
  text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;

/** An agenda item by its title, a decision by its text. */
function itemText(item: unknown): string {
  const { title, text } = (item ?? {}) as { title?: unknown; text?: unknown };
  if (typeof title === 'string') return cut(title);
  if (typeof text === 'string') return cut(text);
  return '';
}

function formatReviewField(field: string, value: unknown): string | undefined {
  switch (field) {
    case 'status':
      return REVIEW_STATUSES.includes(value as ReviewStatus)
        ? formatReviewStatus(value as ReviewStatus)
        : undefined;
    case 'minutes':
      return typeof value === 'string' ? cut(value) : undefined;
    case 'agenda':
    case 'decisions':
      return Array.isArray(value)
        ? value.map(itemText).join('; ') || '—'
        : undefined;
    case 'period': {
      const period = value as { from?: unknown; to?: unknown } | null;
      return period &&
        typeof period.from === 'string' &&
        typeof period.to === 'string'
        ? formatReviewPeriod({ from: period.from, to: period.to })
        : undefined;
    }
    default:
      return undefined;
  }
}

/** A value of an action's field in words. */
function actionValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (
    field === 'status' &&
    REVIEW_ACTION_STATUSES.includes(value as ReviewActionStatus)
  ) {
    return formatReviewActionStatus(value as ReviewActionStatus);
  }
  if (field === 'owner' && typeof value === 'string') return shortRef(value);
  if (field === 'completedAt' && typeof value === 'string') {
    return new Date(value).toLocaleString();
  }
  return String(value);
}

/**
 * Events on a review's actions (`actions.A-2` on adding, `actions.A-2.status` on a move) read
 * as lines about the action; other events are left to the generic rules.
 */
function describeActionEvent(event: HistoryEvent): ChangeLine[] | undefined {
  const entries = Object.entries(event.changes ?? {});
  if (!entries.length || !entries.every(([f]) => f.startsWith('actions.'))) {
    return undefined;
  }
  return entries.map(([field, pair]) => {
    const [, key, sub] = field.split('.');
    const [from, to] = pairOf(pair);
    if (!sub) {
      const added = (to ?? {}) as {
        title?: string;
        owner?: string;
        dueDate?: string;
      };
      const owner = added.owner ? `, owner ${shortRef(added.owner)}` : '';
      const due = added.dueDate ? `, due ${added.dueDate}` : '';
      return { field, text: `${key}: ${added.title ?? ''}${owner}${due}` };
    }
    const label = sub === 'dueDate' ? 'due date' : humanizeCode(sub);
    return {
      field,
      text: `${key} ${label.toLocaleLowerCase('en-US')}: ${actionValue(
        sub,
        from,
      )} → ${actionValue(sub, to)}`,
    };
  });
}

/** The words of a review's history. */
export const reviewHistoryLabels: HistoryLabels = {
  actions: {
    'pack-frozen': 'Pack frozen',
    'pack-refrozen': 'Pack frozen again',
    'sign-off': 'Signed off',
    'action-added': 'Action added',
    'action-updated': 'Action updated',
    notified: 'Reminder sent',
  },
  fields: {
    scheduledFor: 'scheduled for',
    heldAt: 'held at',
    cancelReason: 'reason',
    packFrozenAt: 'pack frozen at',
    packHash: 'pack hash',
    packGeneratorVersion: 'generator version',
    signedOffBy: 'signed off by',
    signedOffAt: 'signed off at',
    signOffComment: 'sign-off comment',
    closedAt: 'closed at',
    entityRef: 'service',
    slaId: 'SLA',
    customerGroups: 'customers',
  },
  instantFields: [
    'scheduledFor',
    'heldAt',
    'packFrozenAt',
    'signedOffAt',
    'closedAt',
  ],
  tones: {
    'pack-frozen': 'secondary',
    'pack-refrozen': 'secondary',
    'sign-off': 'secondary',
    notified: 'grey',
  },
  formatValue: formatReviewField,
  describe: describeActionEvent,
};

/** Service reviews, as the record kit reads and writes them. */
export const reviewKind = defineRecordKind<
  ServiceReview,
  ReviewPatchRequest,
  ReviewTransitionRequest
>({
  collection: 'reviews',
  noun: 'review',
  idPrefixes: ['REV'],
  channel: reviewSignalChannel,
  historyLabels: reviewHistoryLabels,
  methods: {
    get: (api, id) => api.getReview({ id }),
    history: (api, options) => api.getReviewHistory(options),
    patch: (api, options) => api.updateReview(options),
    transition: (api, options) => api.transitionReview(options),
  },
});
