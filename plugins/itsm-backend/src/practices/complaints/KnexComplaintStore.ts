import { DatabaseService } from '@backstage/backend-plugin-api';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  OPEN_COMPLAINT_STATUSES,
  type ComplaintListQuery,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { isUniqueViolation, migratedClient } from '../../records/database';
import { toDate, toOptionalDate } from '../../records/rows';
import { RECORD_TABLES } from '../../records/tables';
import type {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import type {
  ComplaintCounts,
  ComplaintFields,
  ComplaintRecord,
} from './ComplaintStore';
import {
  ComplaintPermissionFilter,
  whereComplaintPermitted,
} from './complaintPermissions';
import { complaintRecordType, complaintTable } from './complaintRecordType';

type Filter = PermissionCriteria<ComplaintPermissionFilter>;

const COMPLAINTS = complaintRecordType.table;
const COMPLAINT = complaintRecordType.recordType;
const ENTITIES = RECORD_TABLES.entities;
/** The notification ledger of escalations, SLA warnings and breaches (exactly once). */
const LEDGER = 'itsm_notification_ledger';

const COLUMNS: Record<keyof ComplaintFields, string> = {
  status: 'status',
  title: 'title',
  description: 'description',
  entityRef: 'entity_ref',
  complainant: 'complainant',
  owner: 'owner',
  channel: 'channel',
  category: 'category',
  response: 'response',
  escalatedAt: 'escalated_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
};

function complaintRow(
  fields: Partial<ComplaintFields>,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const column = COLUMNS[key as keyof ComplaintFields];
    if (value !== undefined && column) {
      row[column] = value;
    }
  }
  return row;
}

function rowToComplaint(row: Record<string, any>): ComplaintRecord {
  return {
    seq: Number(row.seq),
    version: Number(row.version),
    status: row.status,
    title: row.title,
    description: row.description,
    entityRef: row.entity_ref,
    complainant: row.complainant,
    owner: row.owner ?? null,
    channel: row.channel ?? null,
    category: row.category ?? null,
    response: row.response ?? null,
    escalatedAt: toOptionalDate(row.escalated_at),
    resolvedAt: toOptionalDate(row.resolved_at),
    closedAt: toOptionalDate(row.closed_at),
    serviceOwnerRef: row.service_owner_ref ?? null,
    createdAt: toDate(row.created_at),
    createdBy: row.created_by,
    updatedAt: toDate(row.updated_at),
  };
}

const lower = (refs: string[]) => refs.map(r => r.toLocaleLowerCase('en-US'));

/**
 * Complaints: their own columns and reads, the service filed in the kernel's entity table with
 * its owner, and the one escalation of each complaint in the notification ledger. Versioned
 * writes, history and keyset pages go through the kernel's record table. No business rule
 * lives here.
 */
export class KnexComplaintStore {
  readonly #db: Knex;

  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexComplaintStore> {
    return new KnexComplaintStore(await migratedClient(options.database));
  }

  constructor(db: Knex) {
    this.#db = db;
  }

  get db(): Knex {
    return this.#db;
  }

  /** Complaints with the stored owner of their service. */
  #select() {
    return this.#db(COMPLAINTS)
      .select(`${COMPLAINTS}.*`, 'e.owner_ref as service_owner_ref')
      .leftJoin(`${ENTITIES} as e`, join =>
        join
          .on('e.record_seq', '=', `${COMPLAINTS}.seq`)
          .andOnVal('e.record_type', '=', COMPLAINT),
      );
  }

  /** Inserts a complaint at version 1 with its create event and its service. */
  async createComplaint(options: {
    complaint: ComplaintFields;
    serviceOwnerRef: string | null;
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
  }): Promise<ComplaintRecord> {
    const seq = await this.#db.transaction(async tx => {
      const inserted = await complaintTable.insert(
        tx,
        {
          ...complaintRow(options.complaint),
          created_at: options.createdAt,
          created_by: options.createdBy,
          updated_at: options.createdAt,
        },
        options.event,
      );
      await tx(ENTITIES).insert({
        record_type: COMPLAINT,
        record_seq: inserted,
        entity_ref: options.complaint.entityRef,
        owner_ref: options.serviceOwnerRef,
        is_primary: true,
      });
      return inserted;
    });
    return (await this.getComplaint(seq))!;
  }

  async getComplaint(
    seq: number,
    permissionFilter?: Filter,
  ): Promise<ComplaintRecord | undefined> {
    const query = this.#select().where(`${COMPLAINTS}.seq`, seq);
    if (permissionFilter) {
      whereComplaintPermitted(this.#db, query, permissionFilter);
    }
    const row = await query.first();
    return row ? rowToComplaint(row) : undefined;
  }

  async listComplaints(
    query: ComplaintListQuery,
    permissionFilter?: Filter,
  ): Promise<StorePage<ComplaintRecord>> {
    const q = this.#select();
    if (query.entityRef?.length) {
      q.whereIn(`${COMPLAINTS}.entity_ref`, lower(query.entityRef));
    }
    if (query.status?.length) q.whereIn(`${COMPLAINTS}.status`, query.status);
    if (query.owner?.length) {
      q.whereIn(`${COMPLAINTS}.owner`, lower(query.owner));
    }
    if (query.complainant?.length) {
      q.whereIn(`${COMPLAINTS}.complainant`, lower(query.complainant));
    }
    if (permissionFilter) {
      whereComplaintPermitted(this.#db, q, permissionFilter);
    }
    return complaintTable.page(q, query, rows => rows.map(rowToComplaint));
  }

  /** A versioned write of a complaint's fields. */
  async updateComplaint(options: {
    seq: number;
    expectedVersion: number;
    changes: Partial<ComplaintFields>;
    at: Date;
    event: NewHistoryEvent;
  }): Promise<ComplaintRecord> {
    await this.#db.transaction(tx => this.#update(tx, options));
    return (await this.getComplaint(options.seq))!;
  }

  async #update(
    tx: Knex.Transaction,
    options: {
      seq: number;
      expectedVersion: number;
      changes: Partial<ComplaintFields>;
      at: Date;
      event: NewHistoryEvent;
    },
  ): Promise<number> {
    return complaintTable.update(tx, {
      seq: options.seq,
      expectedVersion: options.expectedVersion,
      row: { ...complaintRow(options.changes), updated_at: options.at },
      event: options.event,
    });
  }

  complaintHistory(
    seq: number,
    query: { limit: number; cursor?: string },
  ): Promise<StorePage<HistoryEventRecord>> {
    return complaintTable.history(this.#db, { seq, ...query });
  }

  /**
   * Complaints still unanswered (open or investigating), never escalated, raised before
   * `raisedBefore`; by seq, a page at a time.
   */
  async listEscalatable(options: {
    raisedBefore: Date;
    afterSeq: number;
    limit: number;
  }): Promise<ComplaintRecord[]> {
    const rows = await this.#select()
      .whereIn(`${COMPLAINTS}.status`, OPEN_COMPLAINT_STATUSES)
      .whereNull(`${COMPLAINTS}.escalated_at`)
      .where(`${COMPLAINTS}.created_at`, '<', options.raisedBefore)
      .where(`${COMPLAINTS}.seq`, '>', options.afterSeq)
      .orderBy(`${COMPLAINTS}.seq`, 'asc')
      .limit(options.limit);
    return rows.map(rowToComplaint);
  }

  /**
   * Escalates a complaint in one transaction: its ledger row (unique per complaint, so only one
   * writer ever escalates it) and the versioned write of `escalatedAt` with its history event.
   * Undefined, writing nothing, when the ledger already holds the complaint's escalation. The
   * ledger row is what the SLA jobs resend when its sender failed.
   */
  async escalateComplaint(options: {
    seq: number;
    expectedVersion: number;
    at: Date;
    event: NewHistoryEvent;
    notice: {
      scope: string;
      recipients: string[];
      payload: NotificationPayload;
    };
  }): Promise<{ record: ComplaintRecord; ledgerId: number } | undefined> {
    const { seq, at, notice } = options;
    let ledgerId: number;
    try {
      ledgerId = await this.#db.transaction(async tx => {
        const [inserted] = await tx(LEDGER)
          .insert({
            record_type: COMPLAINT,
            record_seq: seq,
            clock: 'complaint',
            purpose: 'escalation',
            threshold: 100,
            cycle: 'raised',
            scope: notice.scope,
            recipients: JSON.stringify(notice.recipients),
            payload: JSON.stringify(notice.payload),
            created_at: at,
            claimed_at: at,
            notified_at: null,
          })
          .returning('id');
        await this.#update(tx, {
          seq,
          expectedVersion: options.expectedVersion,
          changes: { escalatedAt: at },
          at,
          event: options.event,
        });
        return Number(typeof inserted === 'object' ? inserted.id : inserted);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        return undefined;
      }
      throw error;
    }
    return { record: (await this.getComplaint(seq))!, ledgerId };
  }

  /** Marks an escalation's ledger row as sent. */
  async markNotified(ledgerId: number, at: Date): Promise<void> {
    await this.#db(LEDGER).where('id', ledgerId).update({ notified_at: at });
  }

  /**
   * The counts of a service's complaints for `[from, to)`, in one SQL aggregate: raised in the
   * period, open at its end (raised before it and neither resolved nor closed by then),
   * resolved in it and escalated in it.
   */
  async countComplaints(options: {
    entityRef: string;
    from: Date;
    to: Date;
  }): Promise<ComplaintCounts> {
    const { entityRef, from, to } = options;
    const db = this.#db;
    const [row] = await db(COMPLAINTS)
      .where('entity_ref', entityRef)
      .where('created_at', '<', to)
      .select(
        db.raw(
          'coalesce(sum(case when created_at >= ? then 1 else 0 end), 0) as raised',
          [from],
        ),
        db.raw(
          `coalesce(sum(case when (resolved_at is null or resolved_at >= ?)
            and (closed_at is null or closed_at >= ?) then 1 else 0 end), 0) as open_at_end`,
          [to, to],
        ),
        db.raw(
          'coalesce(sum(case when resolved_at >= ? and resolved_at < ? then 1 else 0 end), 0) as resolved',
          [from, to],
        ),
        db.raw(
          'coalesce(sum(case when escalated_at >= ? and escalated_at < ? then 1 else 0 end), 0) as escalated',
          [from, to],
        ),
      );
    return {
      raised: Number(row?.raised ?? 0),
      open: Number(row?.open_at_end ?? 0),
      resolved: Number(row?.resolved ?? 0),
      escalated: Number(row?.escalated ?? 0),
    };
  }

  /** A service's complaints raised in `[from, to)` or open at `to`, newest first. */
  async periodComplaints(options: {
    entityRef: string;
    from: Date;
    to: Date;
    limit: number;
  }): Promise<ComplaintRecord[]> {
    const { entityRef, from, to } = options;
    const rows = await this.#select()
      .where(`${COMPLAINTS}.entity_ref`, entityRef)
      .where(`${COMPLAINTS}.created_at`, '<', to)
      .where(inner =>
        inner
          .where(`${COMPLAINTS}.created_at`, '>=', from)
          .orWhere(open =>
            open
              .where(q =>
                q
                  .whereNull(`${COMPLAINTS}.resolved_at`)
                  .orWhere(`${COMPLAINTS}.resolved_at`, '>=', to),
              )
              .where(q =>
                q
                  .whereNull(`${COMPLAINTS}.closed_at`)
                  .orWhere(`${COMPLAINTS}.closed_at`, '>=', to),
              ),
          ),
      )
      .orderBy(`${COMPLAINTS}.created_at`, 'desc')
      .orderBy(`${COMPLAINTS}.seq`, 'desc')
      .limit(options.limit);
    return rows.map(rowToComplaint);
  }

  /** Whether any complaint exists (imports seed an empty portal only). */
  async isEmpty(): Promise<boolean> {
    return (await this.#db(COMPLAINTS).first('seq')) === undefined;
  }
}
