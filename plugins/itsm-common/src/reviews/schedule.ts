import { nextReviewDate } from '../slm/attainment';
import type { ReviewCadence } from '../slm/types';
import {
  OPEN_REVIEW_ACTION_STATUSES,
  UNHELD_REVIEW_STATUSES,
  type ReviewAction,
  type ReviewAgendaItem,
  type ServiceReview,
} from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days before its date a scheduled review is announced to the service owner ("review due"). @public */
export const REVIEW_DUE_LEAD_DAYS = 14;

/** Days before its due date an action's owner is reminded ("due soon"). @public */
export const REVIEW_ACTION_DUE_SOON_DAYS = 3;

/**
 * The agenda a review starts from (ISO/IEC 20000-1 8.3.3: performance, changes to the service,
 * satisfaction, the actions agreed last time); editable per review.
 *
 * @public
 */
export const DEFAULT_REVIEW_AGENDA: readonly ReviewAgendaItem[] = [
  { title: 'Service performance against the SLA targets and availability' },
  { title: 'Workload against the agreed limits' },
  { title: 'Breaches, major incidents and their reviews' },
  { title: 'Problems and known errors' },
  { title: 'Changes to the service and their success' },
  { title: 'Customer satisfaction and complaints' },
  { title: 'Supporting agreements (OLAs and underpinning contracts)' },
  { title: 'Actions from the last review' },
  { title: 'Improvements, changes to the SLA, any other business' },
];

/** What scheduling reads of an SLA. @public */
export interface ReviewedAgreement {
  reviewCadence: ReviewCadence;
  /** ISO-8601 UTC of the last review, null before the first. */
  lastReviewedAt: string | null;
  /** ISO-8601 UTC: when the SLA took effect. */
  effectiveFrom: string;
}

/**
 * The next review of an SLA: due one cadence after the last review (or after the SLA took
 * effect), looking back on the period from that review up to its date.
 *
 * @public
 */
export function nextScheduledReview(sla: ReviewedAgreement): {
  scheduledFor: Date;
  period: { from: Date; to: Date };
} {
  const scheduledFor = nextReviewDate(sla);
  const from = new Date(sla.lastReviewedAt ?? sla.effectiveFrom);
  return { scheduledFor, period: { from, to: scheduledFor } };
}

/** Whether a review's date has passed while it was not held yet. @public */
export function isReviewOverdue(
  review: Pick<ServiceReview, 'status' | 'scheduledFor'>,
  now: Date,
): boolean {
  return (
    UNHELD_REVIEW_STATUSES.includes(review.status) &&
    Date.parse(review.scheduledFor) < now.getTime()
  );
}

/**
 * What the service owner is to be told of a review now: `overdue` once its date has passed
 * unheld, `due` within {@link REVIEW_DUE_LEAD_DAYS} before it, else nothing.
 *
 * @public
 */
export function reviewNotice(
  review: Pick<ServiceReview, 'status' | 'scheduledFor'>,
  now: Date,
): 'due' | 'overdue' | undefined {
  if (!UNHELD_REVIEW_STATUSES.includes(review.status)) return undefined;
  if (isReviewOverdue(review, now)) return 'overdue';
  const lead = Date.parse(review.scheduledFor) - REVIEW_DUE_LEAD_DAYS * DAY_MS;
  return now.getTime() >= lead ? 'due' : undefined;
}

/** The instant an action's due date ends (its `YYYY-MM-DD` in UTC, end of day). */
function dueEnd(dueDate: string): number {
  return Date.parse(`${dueDate}T00:00:00.000Z`) + DAY_MS;
}

/** Whether an action is open or in progress after its due date. @public */
export function isReviewActionOverdue(
  action: Pick<ReviewAction, 'status' | 'dueDate'>,
  now: Date,
): boolean {
  return (
    OPEN_REVIEW_ACTION_STATUSES.includes(action.status) &&
    action.dueDate !== null &&
    now.getTime() >= dueEnd(action.dueDate)
  );
}

/**
 * What an action's owner is to be reminded of now: `overdue` after its due date, `due_soon`
 * within {@link REVIEW_ACTION_DUE_SOON_DAYS} before it, else nothing.
 *
 * @public
 */
export function reviewActionNotice(
  action: Pick<ReviewAction, 'status' | 'dueDate'>,
  now: Date,
): 'due_soon' | 'overdue' | undefined {
  if (
    !OPEN_REVIEW_ACTION_STATUSES.includes(action.status) ||
    action.dueDate === null
  ) {
    return undefined;
  }
  if (isReviewActionOverdue(action, now)) return 'overdue';
  const soon =
    dueEnd(action.dueDate) - (REVIEW_ACTION_DUE_SOON_DAYS + 1) * DAY_MS;
  return now.getTime() >= soon ? 'due_soon' : undefined;
}

/** The title a review gets unless given one: the service's name and the period's dates. @public */
export function defaultReviewTitle(
  entityRef: string,
  period: { from: Date | string; to: Date | string },
): string {
  const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);
  const name = entityRef.replace(/^[^:]*:/, '').replace(/^default\//, '');
  return `Service review of ${name}, ${day(period.from)} to ${day(period.to)}`;
}
