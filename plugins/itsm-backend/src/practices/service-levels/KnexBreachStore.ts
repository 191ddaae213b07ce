import { migratedClient } from '../../records/database';
import { toDate } from '../../records/rows';
import {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import { DatabaseService } from '@backstage/backend-plugin-api';
import type { SlaBreach } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import type {
  BreachChanges,
  BreachListOptions,
  BreachRecord,
  BreachStore,
} from './BreachStore';
import { decodeCursor, encodeCursor } from '../../records/cursor';
import { toOptionalDate } from '../../records/rows';
import { breachRecordType, breachTable } from './serviceLevelRecordTypes';

const BREACHES = 'itsm_sla_breaches';
const CLOCKS = 'itsm_sla_clocks';
const ENTITIES = 'itsm_record_entities';
/** `record_type` of breaches in the shared history table. */
export const BREACH_RECORD_TYPE = breachRecordType.recordType;

/** A breach register row as the API shows it. @internal */
export function rowToBreach(row: Record<string, any>): SlaBreach {
  const waiverAt = toOptionalDate(row.waiver_at);
  return {
    id: `BRE-${Number(row.seq)}`,
    version: Number(row.version),
    recordId: `INC-${Number(row.record_seq)}`,
    clock: row.clock,
    priority: Number(row.priority) as SlaBreach['priority'],
    entityRef: row.entity_ref,
    slaId: row.sla_seq === null ? null : `SLA-${Number(row.sla_seq)}`,
    slaRevision: row.sla_revision === null ? null : Number(row.sla_revision),
    targetMs: Number(row.target_ms),
    calendarId: row.calendar_id,
    breachedAt: toDate(row.breached_at).toISOString(),
    detectedAt: toDate(row.detected_at).toISOString(),
    cause: row.cause ?? null,
    action: row.action ?? null,
    improvementId: row.improvement_id ?? null,
    waiver: waiverAt
      ? {
          reason: row.waiver_reason,
          approver: row.waiver_approver,
          at: waiverAt.toISOString(),
        }
      : null,
    createdAt: toDate(row.created_at).toISOString(),
    updatedAt: toDate(row.updated_at).toISOString(),
  };
}

/** Knex implementation of {@link BreachStore}. */
export class KnexBreachStore implements BreachStore {
  readonly #db: Knex;

  /** Connects and runs the plugin's migrations unless the database service says to skip them. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexBreachStore> {
    return new KnexBreachStore(await migratedClient(options.database));
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async list(options: BreachListOptions): Promise<StorePage<SlaBreach>> {
    const query = this.#db(BREACHES).select('*');
    if (options.entityRefs?.length) {
      query.whereIn('entity_ref', options.entityRefs);
    }
    if (options.recordSeq !== undefined) {
      query.where({ record_type: 'incident', record_seq: options.recordSeq });
    }
    if (options.clock) {
      query.where('clock', options.clock);
    }
    if (options.from) {
      query.where('breached_at', '>=', options.from);
    }
    if (options.to) {
      query.where('breached_at', '<', options.to);
    }
    if (options.waived === true) {
      query.whereNotNull('waiver_at');
    } else if (options.waived === false) {
      query.whereNull('waiver_at');
    }
    if (options.cursor) {
      query.where('seq', '<', decodeCursor(options.cursor, 'desc').seq);
    }
    const rows = await query.orderBy('seq', 'desc').limit(options.limit + 1);
    const page = rows.slice(0, options.limit);
    return {
      items: page.map(rowToBreach),
      nextCursor:
        rows.length > options.limit
          ? encodeCursor({
              seq: Number(page[page.length - 1].seq),
              order: 'desc',
            })
          : null,
    };
  }

  async get(
    seq: number,
    tx?: Knex.Transaction,
  ): Promise<BreachRecord | undefined> {
    const row = await (tx ?? this.#db)(`${BREACHES} as b`)
      .leftJoin(`${ENTITIES} as e`, join =>
        join
          .on('e.record_type', 'b.record_type')
          .andOn('e.record_seq', 'b.record_seq')
          .andOnVal('e.is_primary', true),
      )
      .select('b.*', 'e.owner_ref')
      .where('b.seq', seq)
      .first();
    return row
      ? { seq, breach: rowToBreach(row), ownerRef: row.owner_ref ?? null }
      : undefined;
  }

  async update(options: {
    seq: number;
    expectedVersion: number;
    changes: BreachChanges;
    event: NewHistoryEvent;
    now: Date;
    tx?: Knex.Transaction;
  }): Promise<boolean> {
    const { seq, expectedVersion, changes, event, now } = options;
    const row: Record<string, unknown> = { updated_at: now };
    if (changes.cause !== undefined) row.cause = changes.cause;
    if (changes.action !== undefined) row.action = changes.action;
    if (changes.improvementId !== undefined) {
      row.improvement_id = changes.improvementId;
    }
    if (changes.waiver !== undefined) {
      row.waiver_reason = changes.waiver?.reason ?? null;
      row.waiver_approver = changes.waiver?.approver ?? null;
      row.waiver_at = changes.waiver?.at ?? null;
    }
    const stale = Symbol('stale');
    // Inside the caller's transaction when given (a savepoint there).
    const written = await (options.tx ?? this.#db).transaction(async tx => {
      // The version check is the update itself (DESIGN §5).
      try {
        await breachTable.update(tx, { seq, expectedVersion, row, event });
      } catch (error) {
        if ((error as Error).name === 'PreconditionFailedError') {
          return stale;
        }
        throw error;
      }
      if (changes.waiver !== undefined) {
        // The clock of this breach (same instant) carries the waiver flag SLA reports count by.
        const breach = await tx(BREACHES)
          .first('record_type', 'record_seq', 'clock', 'breached_at')
          .where('seq', seq);
        await tx(CLOCKS)
          .where({
            record_type: breach.record_type,
            record_seq: breach.record_seq,
            clock: breach.clock,
            breached_at: breach.breached_at,
          })
          .update({ waived: changes.waiver !== null });
      }
      return true;
    });
    return written !== stale;
  }

  async listHistory(options: {
    seq: number;
    limit: number;
    cursor?: string;
  }): Promise<StorePage<HistoryEventRecord>> {
    return breachTable.history(this.#db, options);
  }
}
