import { DatabaseService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  OPEN_REVIEW_ACTION_STATUSES,
  OPEN_REVIEW_STATUSES,
  PreconditionFailedError,
  UNHELD_REVIEW_STATUSES,
  type ReviewActionListQuery,
  type ReviewListQuery,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { isUniqueViolation, migratedClient } from '../../records/database';
import { keysetPage } from '../../records/recordTable';
import { toDate, toOptionalDate } from '../../records/rows';
import { RECORD_TABLES } from '../../records/tables';
import type {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import type {
  ReviewActionFields,
  ReviewActionNoticeCandidate,
  ReviewActionRecord,
  ReviewFields,
  ReviewNoticeCandidate,
  ReviewRecord,
} from './ReviewStore';
import {
  ReviewPermissionFilter,
  whereReviewPermitted,
} from './reviewPermissions';
import {
  REVIEW_TABLES,
  reviewRecordType,
  reviewTable,
} from './reviewRecordType';

type Filter = PermissionCriteria<ReviewPermissionFilter>;
type Row = Record<string, any>;

const REVIEWS = reviewRecordType.table;
const REVIEW = reviewRecordType.recordType;
const ENTITIES = RECORD_TABLES.entities;
const { packs: PACKS, customers: CUSTOMERS, actions: ACTIONS } = REVIEW_TABLES;
const LEDGER = 'itsm_notification_ledger';
const DAY_MS = 24 * 60 * 60 * 1000;

const json = (value: unknown) => JSON.stringify(value);
const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

const REVIEW_COLUMNS: Record<keyof ReviewFields, string> = {
  status: 'status',
  title: 'title',
  entityRef: 'entity_ref',
  slaSeq: 'sla_seq',
  periodFrom: 'period_from',
  periodTo: 'period_to',
  scheduledFor: 'scheduled_for',
  attendees: 'attendees',
  agenda: 'agenda',
  minutes: 'minutes',
  decisions: 'decisions',
  heldAt: 'held_at',
  cancelReason: 'cancel_reason',
  packFrozenAt: 'pack_frozen_at',
  packHash: 'pack_hash',
  packGeneratorVersion: 'pack_generator_version',
  signedOffBy: 'signed_off_by',
  signedOffAt: 'signed_off_at',
  signOffComment: 'sign_off_comment',
  closedAt: 'closed_at',
};
const JSON_FIELDS = new Set(['attendees', 'agenda', 'decisions']);

function reviewRow(fields: Partial<ReviewFields>): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(fields)) {
    const column = REVIEW_COLUMNS[key as keyof ReviewFields];
    if (value !== undefined && column) {
      row[column] = JSON_FIELDS.has(key) ? json(value) : value;
    }
  }
  return row;
}

const ACTION_COLUMNS: Record<keyof ReviewActionFields, string> = {
  title: 'title',
  owner: 'owner',
  dueDate: 'due_date',
  status: 'status',
  note: 'note',
  recordId: 'record_id',
  completedAt: 'completed_at',
};

function actionRow(fields: Partial<ReviewActionFields>): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(fields)) {
    const column = ACTION_COLUMNS[key as keyof ReviewActionFields];
    if (value !== undefined && column) row[column] = value;
  }
  return row;
}

function rowToAction(row: Row): ReviewActionRecord {
  return {
    seq: Number(row.seq),
    reviewSeq: Number(row.review_seq),
    number: Number(row.number),
    version: Number(row.version),
    title: row.title,
    owner: row.owner,
    dueDate: row.due_date ?? null,
    status: row.status,
    note: row.note ?? null,
    recordId: row.record_id ?? null,
    completedAt: toOptionalDate(row.completed_at),
    entityRef: row.entity_ref,
    createdAt: toDate(row.created_at),
    createdBy: row.created_by,
    updatedAt: toDate(row.updated_at),
  };
}

/** The first instant after the due dates that count as overdue at `now` (`YYYY-MM-DD` < today). */
const todayOf = (now: Date) =>
  new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS)
    .toISOString()
    .slice(0, 10);

/**
 * Service reviews, their frozen packs, stored customer groups and actions, and the review
 * notices of the notification ledger: their own columns and reads. Versioned writes, history
 * and keyset pages go through the kernel's record table; no business rule lives here.
 */
export class KnexReviewStore {
  readonly #db: Knex;

  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexReviewStore> {
    return new KnexReviewStore(await migratedClient(options.database));
  }

  constructor(db: Knex) {
    this.#db = db;
  }

  get db(): Knex {
    return this.#db;
  }

  // Reviews -----------------------------------------------------------------------------

  /**
   * Inserts a review at version 1 with its create event, its service and owner, and the
   * SLA's customer groups. A review of the scheduling job whose key exists already is not
   * inserted: undefined.
   */
  async createReview(options: {
    review: ReviewFields;
    ownerRef: string | null;
    customerGroups: string[];
    scheduleKey?: string;
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
  }): Promise<ReviewRecord | undefined> {
    let seq: number;
    try {
      seq = await this.#db.transaction(async tx => {
        const inserted = await reviewTable.insert(
          tx,
          {
            ...reviewRow(options.review),
            schedule_key: options.scheduleKey ?? null,
            created_at: options.createdAt,
            created_by: options.createdBy,
            updated_at: options.createdAt,
          },
          options.event,
        );
        await tx(ENTITIES).insert({
          record_type: REVIEW,
          record_seq: inserted,
          entity_ref: options.review.entityRef,
          owner_ref: options.ownerRef,
          is_primary: true,
        });
        await replaceCustomers(tx, inserted, options.customerGroups);
        return inserted;
      });
    } catch (error) {
      if (options.scheduleKey && isUniqueViolation(error)) {
        return undefined;
      }
      throw error;
    }
    return (await this.getReview(seq))!;
  }

  async getReview(
    seq: number,
    permissionFilter?: Filter,
  ): Promise<ReviewRecord | undefined> {
    const query = this.#db(REVIEWS).select(`${REVIEWS}.*`).where('seq', seq);
    if (permissionFilter) {
      whereReviewPermitted(this.#db, query, permissionFilter);
    }
    const row = await query.first();
    return row ? (await this.#hydrate([row]))[0] : undefined;
  }

  async listReviews(
    query: ReviewListQuery & { slaSeq?: number },
    now: Date,
    permissionFilter?: Filter,
  ): Promise<StorePage<ReviewRecord>> {
    const db = this.#db;
    const q = db(REVIEWS).select(`${REVIEWS}.*`);
    if (query.entityRef?.length) {
      q.whereIn('entity_ref', query.entityRef.map(lower));
    }
    if (query.status?.length) q.whereIn('status', query.status);
    if (query.slaSeq !== undefined) q.where('sla_seq', query.slaSeq);
    if (query.overdue !== undefined) {
      const overdue = (inner: Knex.QueryBuilder) =>
        inner
          .whereIn('status', UNHELD_REVIEW_STATUSES)
          .where('scheduled_for', '<', now);
      if (query.overdue) q.where(overdue);
      else q.whereNot(overdue);
    }
    if (permissionFilter) whereReviewPermitted(db, q, permissionFilter);
    return reviewTable.page(q, query, rows => this.#hydrate(rows));
  }

  /**
   * A versioned write of a review's fields; `pack` replaces its frozen pack and
   * `customerGroups` its stored customers, `within` runs in the same transaction (the SLA's
   * review date on close).
   */
  async updateReview(options: {
    seq: number;
    expectedVersion: number;
    changes: Partial<ReviewFields>;
    at: Date;
    event: NewHistoryEvent;
    pack?: string;
    customerGroups?: string[];
    within?: (tx: Knex.Transaction) => Promise<void>;
  }): Promise<ReviewRecord> {
    await this.#db.transaction(async tx => {
      await reviewTable.update(tx, {
        seq: options.seq,
        expectedVersion: options.expectedVersion,
        row: { ...reviewRow(options.changes), updated_at: options.at },
        event: options.event,
      });
      if (options.pack !== undefined) {
        await tx(PACKS).where('review_seq', options.seq).delete();
        await tx(PACKS).insert({ review_seq: options.seq, pack: options.pack });
      }
      if (options.customerGroups) {
        await replaceCustomers(tx, options.seq, options.customerGroups);
      }
      await options.within?.(tx);
    });
    return (await this.getReview(options.seq))!;
  }

  reviewHistory(
    seq: number,
    query: { limit: number; cursor?: string },
  ): Promise<StorePage<HistoryEventRecord>> {
    return reviewTable.history(this.#db, { seq, ...query });
  }

  /** The frozen pack's JSON exactly as stored, or undefined before freezing. */
  async getPack(seq: number): Promise<string | undefined> {
    const row = await this.#db(PACKS).where('review_seq', seq).first('pack');
    return row?.pack;
  }

  /** Whether the SLA has a review still to be held or closed. */
  async hasOpenReview(slaSeq: number): Promise<boolean> {
    const row = await this.#db(REVIEWS)
      .first('seq')
      .where('sla_seq', slaSeq)
      .whereIn('status', OPEN_REVIEW_STATUSES);
    return row !== undefined;
  }

  /** Open reviews with their SLA and stored customers, a page at a time by seq. */
  async listOpenReviews(options: {
    afterSeq: number;
    limit: number;
  }): Promise<
    Array<{ seq: number; slaSeq: number; customerGroups: string[] }>
  > {
    const rows = await this.#db(REVIEWS)
      .select('seq', 'sla_seq')
      .whereIn('status', OPEN_REVIEW_STATUSES)
      .where('seq', '>', options.afterSeq)
      .orderBy('seq')
      .limit(options.limit);
    const customers = await this.#customersOf(rows.map(r => Number(r.seq)));
    return rows.map(r => ({
      seq: Number(r.seq),
      slaSeq: Number(r.sla_seq),
      customerGroups: customers.get(Number(r.seq)) ?? [],
    }));
  }

  /** Replaces the customer groups stored with a review: bookkeeping, no version. */
  async setCustomerGroups(seq: number, groups: string[]): Promise<void> {
    await this.#db.transaction(tx => replaceCustomers(tx, seq, groups));
  }

  async isEmpty(): Promise<boolean> {
    return (await this.#db(REVIEWS).first('seq')) === undefined;
  }

  // Actions -----------------------------------------------------------------------------

  /**
   * Records an action with the next number of its review, and the review's history event at
   * the review's current version (under its row lock: the review's version stays).
   */
  async createAction(options: {
    reviewSeq: number;
    action: ReviewActionFields;
    at: Date;
    actor: string;
    event: (number: number) => NewHistoryEvent;
    /** Runs in the same transaction (a link to the record the action is tracked in). */
    within?: (tx: Knex.Transaction, number: number) => Promise<void>;
  }): Promise<ReviewActionRecord> {
    const seq = await this.#db.transaction(async tx => {
      const version = await this.#lockReview(tx, options.reviewSeq);
      const [{ n }] = await tx(ACTIONS)
        .max({ n: 'number' })
        .where('review_seq', options.reviewSeq);
      const number = Number(n ?? 0) + 1;
      const [inserted] = await tx(ACTIONS)
        .insert({
          ...actionRow(options.action),
          review_seq: options.reviewSeq,
          number,
          version: 1,
          created_at: options.at,
          created_by: options.actor,
          updated_at: options.at,
        })
        .returning('seq');
      await reviewTable.appendEvent(
        tx,
        options.reviewSeq,
        version,
        options.event(number),
      );
      await options.within?.(tx, number);
      return Number(typeof inserted === 'object' ? inserted.seq : inserted);
    });
    return (await this.#actions(q => q.where(`${ACTIONS}.seq`, seq)))[0];
  }

  async getAction(
    reviewSeq: number,
    number: number,
  ): Promise<ReviewActionRecord | undefined> {
    return (
      await this.#actions(q =>
        q.where({ [`${ACTIONS}.review_seq`]: reviewSeq, number }),
      )
    )[0];
  }

  /** The actions of a review, in the order they were recorded. */
  async actionsOfReview(reviewSeq: number): Promise<ReviewActionRecord[]> {
    return this.#actions(q =>
      q.where(`${ACTIONS}.review_seq`, reviewSeq).orderBy('number'),
    );
  }

  /**
   * A versioned write of an action (`WHERE version = ?`, zero rows: 412) and the review's
   * history event at the review's current version, in one transaction.
   */
  async updateAction(options: {
    action: ReviewActionRecord;
    label: string;
    expectedVersion: number;
    changes: Partial<ReviewActionFields>;
    at: Date;
    event: NewHistoryEvent;
    within?: (tx: Knex.Transaction) => Promise<void>;
  }): Promise<ReviewActionRecord> {
    const { action, expectedVersion } = options;
    await this.#db.transaction(async tx => {
      const updated = await tx(ACTIONS)
        .where({ seq: action.seq, version: expectedVersion })
        .update({
          ...actionRow(options.changes),
          version: expectedVersion + 1,
          updated_at: options.at,
        });
      if (updated === 0) {
        throw new PreconditionFailedError(
          `${options.label} is not at version ${expectedVersion}; reload it and try again`,
        );
      }
      const version = await this.#lockReview(tx, action.reviewSeq);
      await reviewTable.appendEvent(
        tx,
        action.reviewSeq,
        version,
        options.event,
      );
      await options.within?.(tx);
    });
    return (await this.getAction(action.reviewSeq, action.number))!;
  }

  /** A page of actions of the reviews the filter lets through, newest first unless `asc`. */
  async listActions(
    query: ReviewActionListQuery,
    now: Date,
    permissionFilter?: Filter,
  ): Promise<StorePage<ReviewActionRecord>> {
    const db = this.#db;
    const q = this.#actionQuery();
    if (query.owner?.length) {
      q.whereIn(`${ACTIONS}.owner`, query.owner.map(lower));
    }
    if (query.status?.length) q.whereIn(`${ACTIONS}.status`, query.status);
    if (query.entityRef?.length) {
      q.whereIn(`${REVIEWS}.entity_ref`, query.entityRef.map(lower));
    }
    if (query.overdue !== undefined) {
      const overdue = (inner: Knex.QueryBuilder) =>
        inner
          .whereIn(`${ACTIONS}.status`, OPEN_REVIEW_ACTION_STATUSES)
          .where(`${ACTIONS}.due_date`, '<', todayOf(now));
      if (query.overdue) q.where(overdue);
      else q.whereNot(overdue);
    }
    if (permissionFilter) whereReviewPermitted(db, q, permissionFilter);
    return keysetPage(
      q,
      {
        order: query.order,
        limit: query.limit,
        cursor: query.cursor,
        column: `${ACTIONS}.seq`,
      },
      rows => rows.map(rowToAction),
    );
  }

  /**
   * The open actions of the service's other reviews scheduled before `scheduledFor` (the
   * actions a pack carries), earliest due first.
   */
  async openActionsBefore(options: {
    entityRef: string;
    scheduledFor: Date;
    excludeSeq: number;
  }): Promise<ReviewActionRecord[]> {
    return this.#actions(q =>
      q
        .where(`${REVIEWS}.entity_ref`, options.entityRef)
        .where(`${REVIEWS}.scheduled_for`, '<', options.scheduledFor)
        .whereNot(`${REVIEWS}.seq`, options.excludeSeq)
        .whereNot(`${REVIEWS}.status`, 'cancelled')
        .whereIn(`${ACTIONS}.status`, OPEN_REVIEW_ACTION_STATUSES)
        .orderBy(`${ACTIONS}.seq`),
    );
  }

  // The scheduling job's reads and the notification ledger --------------------------------

  /** Unheld reviews with their service's stored owner, a page at a time by seq. */
  async listUnheldReviews(options: {
    afterSeq: number;
    limit: number;
  }): Promise<ReviewNoticeCandidate[]> {
    const rows = await this.#db(`${REVIEWS} as r`)
      .leftJoin(`${ENTITIES} as e`, join =>
        join.on('e.record_seq', 'r.seq').andOnVal('e.record_type', REVIEW),
      )
      .select(
        'r.seq',
        'r.title',
        'r.entity_ref',
        'r.status',
        'r.scheduled_for',
        'e.owner_ref',
      )
      .whereIn('r.status', UNHELD_REVIEW_STATUSES)
      .where('r.seq', '>', options.afterSeq)
      .orderBy('r.seq')
      .limit(options.limit);
    return rows.map(row => ({
      seq: Number(row.seq),
      title: row.title,
      entityRef: row.entity_ref,
      ownerRef: row.owner_ref ?? null,
      status: row.status,
      scheduledFor: toDate(row.scheduled_for),
    }));
  }

  /** Open actions with a due date, a page at a time by seq. */
  async listOpenActions(options: {
    afterSeq: number;
    limit: number;
  }): Promise<ReviewActionNoticeCandidate[]> {
    const rows = await this.#actionQuery()
      .whereIn(`${ACTIONS}.status`, OPEN_REVIEW_ACTION_STATUSES)
      .whereNotNull(`${ACTIONS}.due_date`)
      .where(`${ACTIONS}.seq`, '>', options.afterSeq)
      .orderBy(`${ACTIONS}.seq`)
      .limit(options.limit);
    return rows.map((row: Row) => {
      const action = rowToAction(row);
      return {
        seq: action.seq,
        reviewSeq: action.reviewSeq,
        number: action.number,
        title: action.title,
        owner: action.owner,
        dueDate: action.dueDate,
        status: action.status,
        entityRef: action.entityRef,
      };
    });
  }

  /**
   * Records a notice in the notification ledger and its history event on the review (at the
   * review's current version) in one transaction; the ledger id, or undefined, writing
   * nothing, when the key was recorded already (someone else notifies).
   */
  async recordNotice(options: {
    key: {
      recordType: string;
      recordSeq: number;
      clock: string;
      purpose: string;
      cycle: string;
    };
    reviewSeq: number;
    scope: string;
    recipients: string[];
    payload: NotificationPayload;
    event: NewHistoryEvent;
    now: Date;
  }): Promise<number | undefined> {
    const { key, now } = options;
    try {
      return await this.#db.transaction(async tx => {
        // The unique key decides who notifies; a second inserter's transaction rolls back.
        const [inserted] = await tx(LEDGER)
          .insert({
            record_type: key.recordType,
            record_seq: key.recordSeq,
            clock: key.clock,
            purpose: key.purpose,
            threshold: 0,
            cycle: key.cycle,
            scope: options.scope,
            recipients: json(options.recipients),
            payload: json(options.payload),
            created_at: now,
            claimed_at: now,
            notified_at: null,
          })
          .returning('id');
        const version = await this.#lockReview(tx, options.reviewSeq);
        await reviewTable.appendEvent(
          tx,
          options.reviewSeq,
          version,
          options.event,
        );
        return Number(typeof inserted === 'object' ? inserted.id : inserted);
      });
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  /** Marks a ledger row as sent. */
  async markNotified(id: number, at: Date): Promise<void> {
    await this.#db(LEDGER).where('id', id).update({ notified_at: at });
  }

  // Helpers ------------------------------------------------------------------------------

  async #lockReview(tx: Knex.Transaction, seq: number): Promise<number> {
    const version = await reviewTable.lock(tx, seq);
    if (version === undefined) {
      throw new NotFoundError(`${reviewRecordType.id(seq)} not found`);
    }
    return version;
  }

  #actionQuery(): Knex.QueryBuilder {
    return this.#db(ACTIONS)
      .join(REVIEWS, `${REVIEWS}.seq`, `${ACTIONS}.review_seq`)
      .select(`${ACTIONS}.*`, `${REVIEWS}.entity_ref`);
  }

  async #actions(
    where: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  ): Promise<ReviewActionRecord[]> {
    return (await where(this.#actionQuery())).map(rowToAction);
  }

  async #customersOf(seqs: number[]): Promise<Map<number, string[]>> {
    const result = new Map<number, string[]>();
    if (seqs.length === 0) return result;
    const rows = await this.#db(CUSTOMERS)
      .whereIn('review_seq', seqs)
      .orderBy('group_ref');
    for (const row of rows) {
      const seq = Number(row.review_seq);
      result.set(seq, [...(result.get(seq) ?? []), row.group_ref]);
    }
    return result;
  }

  async #hydrate(rows: Row[]): Promise<ReviewRecord[]> {
    if (rows.length === 0) return [];
    const db = this.#db;
    const seqs = rows.map(r => Number(r.seq));
    const [owners, customers, counts] = await Promise.all([
      db(ENTITIES)
        .select('record_seq', 'owner_ref')
        .where({ record_type: REVIEW })
        .whereIn('record_seq', seqs),
      this.#customersOf(seqs),
      db(ACTIONS)
        .select('review_seq')
        .count({ n: '*' })
        .whereIn('review_seq', seqs)
        .whereIn('status', OPEN_REVIEW_ACTION_STATUSES)
        .groupBy('review_seq'),
    ]);
    const ownerOf = new Map(
      owners.map(o => [Number(o.record_seq), o.owner_ref ?? null] as const),
    );
    const countOf = new Map(
      (counts as Row[]).map(c => [Number(c.review_seq), Number(c.n)] as const),
    );
    return rows.map(row => {
      const seq = Number(row.seq);
      return {
        seq,
        version: Number(row.version),
        status: row.status,
        title: row.title,
        entityRef: row.entity_ref,
        slaSeq: Number(row.sla_seq),
        periodFrom: toDate(row.period_from),
        periodTo: toDate(row.period_to),
        scheduledFor: toDate(row.scheduled_for),
        attendees: JSON.parse(row.attendees),
        agenda: JSON.parse(row.agenda),
        minutes: row.minutes,
        decisions: JSON.parse(row.decisions),
        heldAt: toOptionalDate(row.held_at),
        cancelReason: row.cancel_reason ?? null,
        packFrozenAt: toOptionalDate(row.pack_frozen_at),
        packHash: row.pack_hash ?? null,
        packGeneratorVersion: row.pack_generator_version ?? null,
        signedOffBy: row.signed_off_by ?? null,
        signedOffAt: toOptionalDate(row.signed_off_at),
        signOffComment: row.sign_off_comment ?? null,
        closedAt: toOptionalDate(row.closed_at),
        ownerRef: ownerOf.get(seq) ?? null,
        customerGroups: customers.get(seq) ?? [],
        openActionCount: countOf.get(seq) ?? 0,
        createdAt: toDate(row.created_at),
        createdBy: row.created_by,
        updatedAt: toDate(row.updated_at),
      };
    });
  }
}

async function replaceCustomers(
  tx: Knex.Transaction,
  seq: number,
  groups: string[],
): Promise<void> {
  await tx(CUSTOMERS).where('review_seq', seq).delete();
  const unique = [...new Set(groups.map(lower))];
  if (unique.length) {
    await tx(CUSTOMERS).insert(
      unique.map(group_ref => ({ review_seq: seq, group_ref })),
    );
  }
}
