import {
  DatabaseService,
  isDatabaseConflictError,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type {
  IncidentStatus,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import type {
  LedgerEntry,
  LedgerHistoryEvent,
  LedgerKey,
  LedgerStore,
  OpenIncidentClock,
} from './LedgerStore';
import type { SlaClockRecord } from './IncidentStore';
import { rowToClock } from './rows';

const migrationsDir = resolvePackagePath(
  '@backstage-itsm/plugin-itsm-backend',
  'migrations',
);

const LEDGER = 'itsm_notification_ledger';
const INCIDENTS = 'itsm_incidents';
const ENTITIES = 'itsm_record_entities';
const HISTORY = 'itsm_history_events';
const CLOCKS = 'itsm_sla_clocks';

function rowToEntry(row: Record<string, any>): LedgerEntry {
  return {
    id: Number(row.id),
    recordType: row.record_type,
    recordSeq: Number(row.record_seq),
    clock: row.clock,
    threshold: Number(row.threshold),
    cycle: row.cycle,
    scope: row.scope,
    recipients: JSON.parse(row.recipients),
    payload: JSON.parse(row.payload),
  };
}

/** Knex implementation of {@link LedgerStore}; reads the incident tables directly. */
export class KnexLedgerStore implements LedgerStore {
  readonly #db: Knex;

  /** Connects and runs the plugin's migrations unless the database service says to skip them. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexLedgerStore> {
    const { database } = options;
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new KnexLedgerStore(client);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async recordNotification(options: {
    key: LedgerKey;
    scope: string;
    recipients: string[];
    payload: NotificationPayload;
    event: LedgerHistoryEvent;
    now: Date;
  }): Promise<LedgerEntry | undefined> {
    const { key, event, now } = options;
    try {
      return await this.#db.transaction(async tx => {
        // The unique key decides who notifies: a second inserter fails here
        // (after the first commits, on PostgreSQL) and its transaction rolls back.
        const [inserted] = await tx(LEDGER)
          .insert({
            record_type: key.recordType,
            record_seq: key.recordSeq,
            clock: key.clock,
            threshold: key.threshold,
            cycle: key.cycle,
            scope: options.scope,
            recipients: JSON.stringify(options.recipients),
            payload: JSON.stringify(options.payload),
            created_at: now,
            claimed_at: now,
            notified_at: null,
          })
          .returning('id');
        const id = Number(
          typeof inserted === 'object' ? inserted.id : inserted,
        );
        const record = await tx(INCIDENTS)
          .select('version')
          .where('seq', key.recordSeq)
          .first();
        // Bookkeeping, not a business write: the event carries the current version.
        await tx(HISTORY).insert({
          record_type: key.recordType,
          record_seq: key.recordSeq,
          version: Number(record?.version ?? 1),
          at: event.at,
          actor: event.actor,
          action: event.action,
          changes: JSON.stringify(event.changes),
          comment: event.comment ?? null,
        });
        return {
          ...key,
          id,
          scope: options.scope,
          recipients: options.recipients,
          payload: options.payload,
        };
      });
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        return undefined;
      }
      throw error;
    }
  }

  async markNotified(options: { id: number; at: Date }): Promise<void> {
    await this.#db(LEDGER)
      .where('id', options.id)
      .update({ notified_at: options.at });
  }

  async claimUnsent(options: {
    claimedBefore: Date;
    now: Date;
    limit: number;
  }): Promise<LedgerEntry[]> {
    const stale = () =>
      this.#db(LEDGER)
        .whereNull('notified_at')
        .where('claimed_at', '<', options.claimedBefore);
    const candidates = await stale()
      .select('*')
      .orderBy('id')
      .limit(options.limit);
    const claimed: LedgerEntry[] = [];
    for (const row of candidates) {
      // Only one caller's update still sees the stale claim.
      const updated = await stale()
        .where('id', row.id)
        .update({ claimed_at: options.now });
      if (updated === 1) {
        claimed.push(rowToEntry(row));
      }
    }
    return claimed;
  }

  async listKeys(options: {
    recordType: LedgerKey['recordType'];
    recordSeqs: number[];
    clock: LedgerKey['clock'];
  }): Promise<LedgerKey[]> {
    if (options.recordSeqs.length === 0) {
      return [];
    }
    const rows = await this.#db(LEDGER)
      .select('record_type', 'record_seq', 'clock', 'threshold', 'cycle')
      .where({ record_type: options.recordType, clock: options.clock })
      .whereIn('record_seq', options.recordSeqs);
    return rows.map(row => ({
      recordType: row.record_type,
      recordSeq: Number(row.record_seq),
      clock: row.clock,
      threshold: Number(row.threshold),
      cycle: row.cycle,
    }));
  }

  async listOpenIncidentClocks(options: {
    clock: SlaClockRecord['clock'];
    statuses: readonly IncidentStatus[];
    afterSeq: number;
    limit: number;
  }): Promise<OpenIncidentClock[]> {
    const rows = await this.#db(`${CLOCKS} as c`)
      .join(`${INCIDENTS} as i`, 'i.seq', 'c.record_seq')
      .leftJoin(`${ENTITIES} as e`, join =>
        join
          .on('e.record_seq', 'i.seq')
          .andOnVal('e.record_type', 'incident')
          .andOnVal('e.is_primary', true),
      )
      .select(
        'i.seq',
        'i.version',
        'i.title',
        'i.priority',
        'i.status',
        'i.entity_ref',
        'i.assignment_group',
        'e.owner_ref',
        'c.clock',
        'c.target_ms',
        'c.calendar_id',
        'c.started_at',
        'c.stopped_at',
        'c.pauses',
        'c.state',
        'c.due_at',
        'c.breached_at',
        'c.evaluated_at',
      )
      .where('c.record_type', 'incident')
      .where('c.clock', options.clock)
      .whereNull('c.stopped_at')
      .whereIn('i.status', options.statuses)
      .where('i.seq', '>', options.afterSeq)
      .orderBy('i.seq')
      .limit(options.limit);
    return rows.map(row => ({
      seq: Number(row.seq),
      version: Number(row.version),
      title: row.title,
      priority: Number(row.priority) as Priority,
      status: row.status,
      entityRef: row.entity_ref,
      assignmentGroup: row.assignment_group,
      ownerRef: row.owner_ref ?? null,
      clock: rowToClock(row),
    }));
  }

  async listAutoClosable(options: {
    resolvedBefore: Date;
    afterSeq: number;
    limit: number;
  }): Promise<Array<{ seq: number; version: number }>> {
    const rows = await this.#db(INCIDENTS)
      .select('seq', 'version')
      .where('status', 'resolved')
      .where('major', false)
      .where('resolved_at', '<', options.resolvedBefore)
      .where('seq', '>', options.afterSeq)
      .orderBy('seq')
      .limit(options.limit);
    return rows.map(row => ({
      seq: Number(row.seq),
      version: Number(row.version),
    }));
  }
}
