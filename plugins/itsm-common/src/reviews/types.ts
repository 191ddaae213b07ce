/**
 * The lifecycle of a service review (DESIGN §3): scheduled from the SLA's cadence, prepared
 * with its frozen pack, held with minutes and attendees, closed after the customer's sign-off;
 * `cancelled` with the reason.
 *
 * @public
 */
export const REVIEW_STATUSES = [
  'scheduled',
  'prepared',
  'held',
  'closed',
  'cancelled',
] as const;

/** @public */
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Statuses in which a review is still to be held or closed. @public */
export const OPEN_REVIEW_STATUSES: readonly ReviewStatus[] = [
  'scheduled',
  'prepared',
  'held',
];

/** Statuses in which a review is still to be held (it is overdue once its date passes). @public */
export const UNHELD_REVIEW_STATUSES: readonly ReviewStatus[] = [
  'scheduled',
  'prepared',
];

/** An action's lifecycle: `open → in_progress → done | dropped`. @public */
export const REVIEW_ACTION_STATUSES = [
  'open',
  'in_progress',
  'done',
  'dropped',
] as const;

/** @public */
export type ReviewActionStatus = (typeof REVIEW_ACTION_STATUSES)[number];

/** Statuses in which an action is still to be done (carried into the next pack, reminded). @public */
export const OPEN_REVIEW_ACTION_STATUSES: readonly ReviewActionStatus[] = [
  'open',
  'in_progress',
];

/** The period a review looks back on: `[from, to)`, ISO-8601 UTC. @public */
export interface ReviewPeriod {
  from: string;
  to: string;
}

/** One item of a review's agenda. @public */
export interface ReviewAgendaItem {
  title: string;
  /** Markdown notes taken on the item. */
  notes?: string;
}

/** A decision recorded at a review. @public */
export interface ReviewDecision {
  text: string;
}

/**
 * A service review (`REV-n`) of one service with its customers, under the SLA in force for it.
 *
 * @public
 */
export interface ServiceReview {
  id: string;
  version: number;
  title: string;
  /** The reviewed service (lowercase canonical entity ref). */
  entityRef: string;
  /** The SLA (`SLA-n`) whose cadence and customers the review follows. */
  slaId: string;
  /** The SLA's customer groups, as stored with the review (who may sign it off and read it). */
  customerGroups: string[];
  period: ReviewPeriod;
  /** ISO-8601 UTC: when the review is due to take place. */
  scheduledFor: string;
  status: ReviewStatus;
  /** True when `scheduledFor` has passed and the review was not held (computed on read). */
  overdue: boolean;
  /** Entity refs (users or groups) who attended. */
  attendees: string[];
  agenda: ReviewAgendaItem[];
  /** Markdown. */
  minutes: string;
  decisions: ReviewDecision[];
  /** When the meeting took place; set on the move to `held`. */
  heldAt: string | null;
  cancelReason: string | null;
  packFrozenAt: string | null;
  /** sha256 hex of the frozen pack's canonical JSON. */
  packHash: string | null;
  packGeneratorVersion: string | null;
  signedOffBy: string | null;
  signedOffAt: string | null;
  signOffComment: string | null;
  closedAt: string | null;
  /** Actions of this review still open or in progress. */
  openActionCount: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/**
 * An action recorded at a review: owner, due date and status, tracked until done (also after
 * its review has closed) and carried into the next review's pack while open.
 *
 * @public
 */
export interface ReviewAction {
  /** Stable id, `REV-4/A-2`. */
  id: string;
  reviewId: string;
  /** Its number within the review (`A-<number>`). */
  number: number;
  /** The action's own concurrency counter (`If-Match` of its PATCH). */
  version: number;
  title: string;
  /** User or group entity ref. */
  owner: string;
  /** `YYYY-MM-DD`. */
  dueDate: string | null;
  status: ReviewActionStatus;
  /** The reviewed service. */
  entityRef: string;
  /** Progress note, or the reason it was dropped. */
  note: string | null;
  /** The record the action became or is tracked in (linked from the review). */
  recordId: string | null;
  /** Open or in progress past its due date (computed on read). */
  overdue: boolean;
  /** When it was done or dropped. */
  completedAt: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** The path segment of an action within its review: `A-2`. @public */
export function reviewActionKey(number: number): string {
  return `A-${number}`;
}

/** The stable id of an action: `REV-4/A-2`. @public */
export function reviewActionId(reviewId: string, number: number): string {
  return `${reviewId}/${reviewActionKey(number)}`;
}

/** The number of an `A-<n>` path segment, or undefined. @public */
export function parseReviewActionKey(key: string): number | undefined {
  const match = /^A-([1-9]\d{0,8})$/i.exec(key);
  return match ? Number(match[1]) : undefined;
}

/** Channel of one review's live updates: a `RecordSignal` on every write of it. @public */
export function reviewSignalChannel(id: string): string {
  return `itsm:review:${id}`;
}

/** Channel of all reviews: a `RecordSignal` on every review write (actions included). @public */
export const REVIEWS_SIGNAL_CHANNEL = 'itsm:reviews';
