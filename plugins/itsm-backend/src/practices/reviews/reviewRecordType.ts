import { KnexRecordTable } from '../../records/recordTable';
import { defineRecordType } from '../../records/recordType';

/** Service reviews: `REV-<seq>` in `itsm_reviews`, filed as `review` in the shared tables. */
export const reviewRecordType = defineRecordType({
  recordType: 'review',
  prefix: 'REV',
  table: 'itsm_reviews',
  collection: 'reviews',
  noun: 'review',
});

/** The review table's versioned writes and history. */
export const reviewTable = new KnexRecordTable(reviewRecordType);

/** The review practice's own tables besides `itsm_reviews`. */
export const REVIEW_TABLES = {
  /** The frozen pack of each review, as generated. */
  packs: 'itsm_review_packs',
  /** The SLA's customer groups stored with each review. */
  customers: 'itsm_review_customers',
  /** Actions recorded at reviews. */
  actions: 'itsm_review_actions',
} as const;

/** `record_type` of action reminders in the notification ledger. */
export const REVIEW_ACTION_LEDGER_TYPE = 'review_action';
