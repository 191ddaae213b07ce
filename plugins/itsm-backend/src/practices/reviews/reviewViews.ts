import {
  type ReviewAction,
  type ReviewActionSummary,
  type ServiceReview,
  isReviewActionOverdue,
  isReviewOverdue,
  reviewActionId,
} from '@backstage-itsm/plugin-itsm-common';
import { slaRecordType } from '../service-levels/serviceLevelRecordTypes';
import type { ReviewActionRecord, ReviewRecord } from './ReviewStore';
import { reviewRecordType } from './reviewRecordType';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A stored review as the API sends it; `overdue` is computed at `now`. */
export function toReview(record: ReviewRecord, now: Date): ServiceReview {
  const review: ServiceReview = {
    id: reviewRecordType.id(record.seq),
    version: record.version,
    title: record.title,
    entityRef: record.entityRef,
    slaId: slaRecordType.id(record.slaSeq),
    customerGroups: record.customerGroups,
    period: {
      from: record.periodFrom.toISOString(),
      to: record.periodTo.toISOString(),
    },
    scheduledFor: record.scheduledFor.toISOString(),
    status: record.status,
    overdue: false,
    attendees: record.attendees,
    agenda: record.agenda,
    minutes: record.minutes,
    decisions: record.decisions,
    heldAt: iso(record.heldAt),
    cancelReason: record.cancelReason,
    packFrozenAt: iso(record.packFrozenAt),
    packHash: record.packHash,
    packGeneratorVersion: record.packGeneratorVersion,
    signedOffBy: record.signedOffBy,
    signedOffAt: iso(record.signedOffAt),
    signOffComment: record.signOffComment,
    closedAt: iso(record.closedAt),
    openActionCount: record.openActionCount,
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    updatedAt: record.updatedAt.toISOString(),
  };
  review.overdue = isReviewOverdue(review, now);
  return review;
}

/** A stored action as the API sends it; `overdue` is computed at `now`. */
export function toReviewAction(
  record: ReviewActionRecord,
  now: Date,
): ReviewAction {
  const reviewId = reviewRecordType.id(record.reviewSeq);
  return {
    id: reviewActionId(reviewId, record.number),
    reviewId,
    number: record.number,
    version: record.version,
    title: record.title,
    owner: record.owner,
    dueDate: record.dueDate,
    status: record.status,
    entityRef: record.entityRef,
    note: record.note,
    recordId: record.recordId,
    overdue: isReviewActionOverdue(record, now),
    completedAt: iso(record.completedAt),
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** An open action as the next review pack carries it. */
export function toActionSummary(
  record: ReviewActionRecord,
): ReviewActionSummary {
  const reviewId = reviewRecordType.id(record.reviewSeq);
  return {
    reviewId,
    id: reviewActionId(reviewId, record.number),
    title: record.title,
    owner: record.owner,
    dueDate: record.dueDate,
    status: record.status,
  };
}

/** The `[from, to]` pairs of the wire fields that differ (deep-compared) between two views. */
export function wireChanges(
  before: object,
  after: object,
  keys: readonly string[],
): Record<string, [unknown, unknown]> {
  const result: Record<string, [unknown, unknown]> = {};
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const key of keys) {
    if (JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null)) {
      result[key] = [b[key] ?? null, a[key] ?? null];
    }
  }
  return result;
}
