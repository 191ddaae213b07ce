import { migratedClient } from '../../records/database';
import {
  DatabaseService,
  isDatabaseConflictError,
} from '@backstage/backend-plugin-api';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type {
  IncidentStatus,
  Priority,
  SlaBreach,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import type {
  LedgerEntry,
  LedgerHistoryEvent,
  LedgerKey,
  LedgerPurpose,
  LedgerStore,
  NewBreachRow,
  OpenIncidentClock,
  StoppedBreachedClock,
} from './LedgerStore';
import { ClockChangedError } from './LedgerStore';
import type { SlaClockRecord } from '../incidents/IncidentStore';
import { BREACH_RECORD_TYPE, rowToBreach } from './KnexBreachStore';
import { appendHistoryEvent } from '../../records/history';
import { rowToClock } from '../incidents/incidentRows';

const LEDGER = 'itsm_notification_ledger';
const INCIDENTS = 'itsm_incidents';
const ENTITIES = 'itsm_record_entities';
const HISTORY = 'itsm_history_events';
const CLOCKS = 'itsm_sla_clocks';
const BREACHES = 'itsm_sla_breaches';

/** Columns the jobs read of a clock, its incident and the incident's primary entity. */
const CLOCK_COLUMNS = [
  'i.seq',
  'i.version',
  'i.title',
  'i.priority',
  'i.status',
  'i.entity_ref',
  'i.assignee',
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
  'c.sla_seq',
  'c.sla_revision',
];

function rowToOpenClock(row: Record<string, any>): OpenIncidentClock {
  return {
    seq: Number(row.seq),
    version: Number(row.version),
    title: row.title,
    priority: Number(row.priority) as Priority,
    status: row.status,
    entityRef: row.entity_ref,
    assignee: row.assignee ?? null,
    assignmentGroup: row.assignment_group,
    ownerRef: row.owner_ref ?? null,
    clock: rowToClock(row),
  };
}

/** Bookkeeping fields a create event leaves out, as for the other records. */
const NOT_IN_CREATE_EVENT = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
]);

/** The changes of a breach's `create` event: every field as `[null, value]` (DESIGN §5). */
function createdBreachChanges(
  breach: SlaBreach,
): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    Object.entries(breach)
      .filter(([field]) => !NOT_IN_CREATE_EVENT.has(field))
      .map(([field, value]) => [field, [null, value]]),
  );
}

function rowToEntry(row: Record<string, any>): LedgerEntry {
  return {
    id: Number(row.id),
    recordType: row.record_type,
    recordSeq: Number(row.record_seq),
    clock: row.clock,
    purpose: row.purpose ?? 'escalation',
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
    return new KnexLedgerStore(await migratedClient(options.database));
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
    return this.#insertOnce(options, async () => {});
  }

  async recordBreach(options: {
    key: LedgerKey;
    scope: string;
    recipients: string[];
    payload: NotificationPayload;
    event: LedgerHistoryEvent;
    breach: NewBreachRow;
    clock?: SlaClockRecord;
    now: Date;
  }): Promise<LedgerEntry | undefined> {
    const { key, breach, clock, event, now } = options;
    return this.#insertOnce(options, async tx => {
      if (clock && clock.stoppedAt === null) {
        // Job bookkeeping on a running clock; stopped clocks are frozen. Only the clock run
        // the job evaluated: a PATCH may have re-targeted it since the job read it.
        const updated = await tx(CLOCKS)
          .where({
            record_type: key.recordType,
            record_seq: key.recordSeq,
            clock: key.clock,
            started_at: clock.startedAt,
            target_ms: clock.targetMs,
            calendar_id: clock.calendarId,
          })
          .whereNull('stopped_at')
          .update({
            state: clock.state,
            due_at: clock.dueAt,
            breached_at: clock.breachedAt,
            decided_at: clock.breachedAt,
            evaluated_at: clock.evaluatedAt,
            // Its breach register row is the one inserted below, without a waiver.
            waived: false,
          });
        if (updated !== 1) {
          // Rolls the ledger row back too.
          throw new ClockChangedError(
            `The ${key.clock} clock of incident ${key.recordSeq} changed since it was evaluated`,
          );
        }
      }
      const [inserted] = await tx(BREACHES)
        .insert({
          version: 1,
          record_type: key.recordType,
          record_seq: key.recordSeq,
          clock: key.clock,
          cycle: key.cycle,
          priority: breach.priority,
          entity_ref: breach.entityRef,
          sla_seq: breach.slaSeq,
          sla_revision: breach.slaRevision,
          target_ms: breach.targetMs,
          calendar_id: breach.calendarId,
          breached_at: breach.breachedAt,
          detected_at: now,
          created_at: now,
          updated_at: now,
        })
        .returning('seq');
      const seq = Number(
        typeof inserted === 'object' ? inserted.seq : inserted,
      );
      const row = await tx(BREACHES).where('seq', seq).first();
      await appendHistoryEvent(tx, {
        recordType: BREACH_RECORD_TYPE,
        seq,
        version: 1,
        event: {
          at: event.at,
          actor: event.actor,
          action: 'create',
          changes: createdBreachChanges(rowToBreach(row)),
        },
      });
    });
  }

  /**
   * Inserts the ledger row, runs `also` and appends the history event in one
   * transaction; undefined when the key is taken (someone else notifies).
   */
  async #insertOnce(
    options: {
      key: LedgerKey;
      scope: string;
      recipients: string[];
      payload: NotificationPayload;
      event: LedgerHistoryEvent;
      now: Date;
    },
    also: (tx: Knex.Transaction) => Promise<void>,
  ): Promise<LedgerEntry | undefined> {
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
            purpose: key.purpose,
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
        await also(tx);
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
    purposes: readonly LedgerPurpose[];
  }): Promise<LedgerKey[]> {
    if (options.recordSeqs.length === 0) {
      return [];
    }
    const rows = await this.#db(LEDGER)
      .select(
        'record_type',
        'record_seq',
        'clock',
        'purpose',
        'threshold',
        'cycle',
      )
      .where({ record_type: options.recordType, clock: options.clock })
      .whereIn('purpose', options.purposes)
      .whereIn('record_seq', options.recordSeqs);
    return rows.map(row => ({
      recordType: row.record_type,
      recordSeq: Number(row.record_seq),
      clock: row.clock,
      purpose: row.purpose,
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
    const rows = await this.#withIncident()
      .where('c.clock', options.clock)
      .whereNull('c.stopped_at')
      .whereIn('i.status', options.statuses)
      .where('i.seq', '>', options.afterSeq)
      .orderBy('i.seq')
      .limit(options.limit);
    return rows.map(rowToOpenClock);
  }

  async listStoppedBreachedClocks(options: {
    decidedSince: Date;
    after?: { seq: number; clock: SlaClockRecord['clock'] };
    limit: number;
  }): Promise<StoppedBreachedClock[]> {
    const db = this.#db;
    const query = this.#withIncident()
      .whereNotNull('c.stopped_at')
      .whereNotNull('c.breached_at')
      .where('c.decided_at', '>=', options.decidedSince)
      .whereNotExists(
        db(`${BREACHES} as b`)
          .select(db.raw('1'))
          .whereRaw('b.record_type = c.record_type')
          .whereRaw('b.record_seq = c.record_seq')
          .whereRaw('b.clock = c.clock')
          .whereRaw('b.breached_at = c.breached_at'),
      );
    if (options.after) {
      const { seq, clock } = options.after;
      query.where(inner =>
        inner
          .where('i.seq', '>', seq)
          .orWhere(same =>
            same.where('i.seq', seq).where('c.clock', '>', clock),
          ),
      );
    }
    const rows = await query
      .orderBy('i.seq')
      .orderBy('c.clock')
      .limit(options.limit);
    return rows.map(rowToOpenClock);
  }

  /** Incident clocks joined to their incident and its primary entity. */
  #withIncident() {
    return this.#db(`${CLOCKS} as c`)
      .join(`${INCIDENTS} as i`, 'i.seq', 'c.record_seq')
      .leftJoin(`${ENTITIES} as e`, join =>
        join
          .on('e.record_seq', 'i.seq')
          .andOnVal('e.record_type', 'incident')
          .andOnVal('e.is_primary', true),
      )
      .select(CLOCK_COLUMNS)
      .where('c.record_type', 'incident');
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
