import { migratedClient } from '../../records/database';
import { toDate } from '../../records/rows';
import {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import { DatabaseService } from '@backstage/backend-plugin-api';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import type { IncidentPermissionFilter } from './incidentPermissionResource';
import { whereIncidentPermitted } from './incidentQuery';
import {
  EntityHealthRows,
  IncidentFields,
  IncidentListOptions,
  IncidentRecord,
  IncidentStore,
  IncidentStoreTransaction,
  IncidentWrite,
  RecordEntity,
  RecordType,
  SlaClockRecord,
} from './IncidentStore';
import {
  clockRecordColumns,
  clockToRow,
  incidentFieldsToRow,
  rowToClock,
  rowToIncidentFields,
} from './incidentRows';
import { RECORD_TABLES } from '../../records/tables';
import {
  INCIDENT_RECORD_TYPE,
  incidentRecordType,
  incidentTable,
} from './incidentRecordType';
import { likePattern, readHistoryPage } from '../../records/history';

const INCIDENT = INCIDENT_RECORD_TYPE as RecordType;
const INCIDENTS = incidentRecordType.table;
const ENTITIES = RECORD_TABLES.entities;
const CLOCKS = RECORD_TABLES.clocks;
const BREACHES = 'itsm_sla_breaches';

type Db = Knex | Knex.Transaction;
type Filter = PermissionCriteria<IncidentPermissionFilter> | undefined;

/** The reads and writes of one transaction. */
class KnexIncidentTransaction implements IncidentStoreTransaction {
  readonly #tx: Knex.Transaction;

  constructor(tx: Knex.Transaction) {
    this.#tx = tx;
  }

  async getIncident(seq: number): Promise<IncidentRecord | undefined> {
    return readIncident(this.#tx, seq);
  }

  async listChildren(
    parentSeq: number,
    statuses: readonly string[],
  ): Promise<IncidentRecord[]> {
    const rows = await this.#tx(INCIDENTS)
      .where('parent_seq', parentSeq)
      .whereIn('status', statuses)
      .orderBy('seq', 'asc');
    return hydrate(this.#tx, rows);
  }

  async updateIncident(write: IncidentWrite): Promise<IncidentRecord> {
    const tx = this.#tx;
    const { seq, expectedVersion } = write;
    // The version check is the update itself, so concurrent writers cannot both pass it.
    await incidentTable.update(tx, {
      seq,
      expectedVersion,
      row: {
        ...incidentFieldsToRow(write.changes),
        updated_at: write.event.at,
      },
      event: write.event,
    });
    if (write.entities) {
      await replaceEntities(tx, seq, write.entities);
    }
    // A clock carries its own priority (kept once decided); whether it counts follows the
    // record's status, on every clock that has not breached.
    const copiedChange = write.changes.status !== undefined;
    if (write.clocks || copiedChange) {
      const row = await tx(INCIDENTS)
        .first('entity_ref', 'priority', 'status')
        .where('seq', seq);
      const record = {
        entityRef: row.entity_ref,
        priority: Number(row.priority),
        status: row.status,
      };
      if (write.clocks) {
        await upsertClocks(tx, seq, write.clocks, record);
      }
      if (copiedChange) {
        // A breached clock counts whatever the status (see clockRecordColumns).
        await tx(CLOCKS)
          .where({ record_type: INCIDENT, record_seq: seq })
          .whereNull('breached_at')
          .update({ counts: clockRecordColumns(record).counts });
        await tx(CLOCKS)
          .where({ record_type: INCIDENT, record_seq: seq })
          .whereNotNull('breached_at')
          .update({ counts: true });
      }
    }
    return (await readIncident(tx, seq))!;
  }
}

/** Knex implementation of {@link IncidentStore} (SQLite, PostgreSQL, MySQL). */
export class KnexIncidentStore implements IncidentStore {
  readonly #db: Knex;

  /** Connects and runs the plugin's migrations unless the database service says to skip them. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexIncidentStore> {
    return new KnexIncidentStore(await migratedClient(options.database));
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async createIncident(options: {
    incident: IncidentFields;
    entities: RecordEntity[];
    clocks: SlaClockRecord[];
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
  }): Promise<IncidentRecord> {
    return this.#db.transaction(async tx => {
      const seq = await incidentTable.insert(
        tx,
        {
          ...incidentFieldsToRow(options.incident),
          created_at: options.createdAt,
          created_by: options.createdBy,
          updated_at: options.createdAt,
        },
        options.event,
      );
      await replaceEntities(tx, seq, options.entities);
      await upsertClocks(tx, seq, options.clocks, options.incident);
      return (await readIncident(tx, seq))!;
    });
  }

  async getIncident(
    seq: number,
    options: { permissionFilter?: Filter } = {},
  ): Promise<IncidentRecord | undefined> {
    return readIncident(this.#db, seq, options.permissionFilter);
  }

  async findByExternalId(
    source: string,
    externalId: string,
  ): Promise<IncidentRecord | undefined> {
    const row = await this.#db(INCIDENTS)
      .where({ source, external_id: externalId })
      .first();
    return row ? (await hydrate(this.#db, [row]))[0] : undefined;
  }

  async listIncidents(
    options: IncidentListOptions,
  ): Promise<StorePage<IncidentRecord>> {
    const { order, limit } = options;
    const db = this.#db;
    const query = db(INCIDENTS).select(`${INCIDENTS}.*`);
    if (options.entityRefs?.length) {
      query.whereIn(
        'seq',
        db(ENTITIES)
          .select('record_seq')
          .where('record_type', INCIDENT)
          .whereIn('entity_ref', options.entityRefs),
      );
    }
    if (options.statuses?.length) {
      query.whereIn('status', options.statuses);
    }
    if (options.priorities?.length) {
      query.whereIn('priority', options.priorities);
    }
    if (options.assignees?.length) {
      query.whereIn('assignee', options.assignees);
    }
    if (options.assignmentGroups?.length) {
      query.whereIn('assignment_group', options.assignmentGroups);
    }
    if (options.major !== undefined) {
      query.where('major', options.major);
    }
    if (options.causedByChangeSeqs?.length) {
      query.whereIn('caused_by_change_seq', options.causedByChangeSeqs);
    }
    if (options.q) {
      const pattern = likePattern(options.q);
      query.where(inner =>
        inner
          .whereRaw(`lower(title) like ? escape '!'`, [pattern])
          .orWhereRaw(`lower(description) like ? escape '!'`, [pattern]),
      );
    }
    if (options.queue) {
      const { assignee, groups } = options.queue;
      query.where(inner =>
        inner.where('assignee', assignee).orWhereIn('assignment_group', groups),
      );
    }
    if (options.permissionFilter) {
      whereIncidentPermitted(db, query, options.permissionFilter);
    }
    return incidentTable.page(
      query,
      { order, limit, cursor: options.cursor },
      rows => hydrate(db, rows),
    );
  }

  async updateIncident(write: IncidentWrite): Promise<IncidentRecord> {
    return this.transaction(tx => tx.updateIncident(write));
  }

  async transaction<T>(
    fn: (tx: IncidentStoreTransaction) => Promise<T>,
  ): Promise<T> {
    return this.#db.transaction(tx => fn(new KnexIncidentTransaction(tx)));
  }

  async appendEvent(options: {
    seq: number;
    where: { statuses: readonly string[]; major?: boolean };
    event: NewHistoryEvent;
  }): Promise<HistoryEventRecord | undefined> {
    const { seq, where, event } = options;
    return this.#db.transaction(async tx => {
      // The row lock is held until the event is in, so the event's version is the current one.
      const version = await incidentTable.lock(tx, seq, query => {
        query.whereIn('status', where.statuses);
        if (where.major !== undefined) {
          query.where('major', where.major);
        }
      });
      if (version === undefined) {
        return undefined;
      }
      await incidentTable.appendEvent(tx, seq, version, event);
      return { ...event, version };
    });
  }

  async listHistory(options: {
    recordType: RecordType;
    recordSeq: number;
    limit: number;
    cursor?: string;
  }): Promise<StorePage<HistoryEventRecord>> {
    return readHistoryPage(this.#db, {
      recordType: options.recordType,
      seq: options.recordSeq,
      limit: options.limit,
      cursor: options.cursor,
    });
  }

  async getEntityHealth(options: {
    entityRef: string;
    statuses: readonly string[];
    permissionFilter?: Filter;
  }): Promise<EntityHealthRows> {
    const db = this.#db;
    const open = () => {
      const query = db(INCIDENTS)
        .whereIn('status', options.statuses)
        .whereIn(
          'seq',
          db(ENTITIES)
            .select('record_seq')
            .where({ record_type: INCIDENT, entity_ref: options.entityRef }),
        );
      return options.permissionFilter
        ? whereIncidentPermitted(db, query, options.permissionFilter)
        : query;
    };
    const openClocks = () =>
      db(CLOCKS)
        .where('record_type', INCIDENT)
        .whereIn('record_seq', open().select('seq'));

    const [byPriority, major, running, breached] = await Promise.all([
      open().select('priority').count({ count: '*' }).groupBy('priority'),
      open()
        .select('seq', 'title', 'priority', 'created_at')
        .where('major', true)
        .orderBy('seq', 'desc')
        .first(),
      openClocks().select('*').whereNull('stopped_at'),
      openClocks()
        .whereNotNull('stopped_at')
        .where('state', 'breached')
        .count({ count: '*' }),
    ]);

    const openByPriority: EntityHealthRows['openByPriority'] = {};
    for (const row of byPriority as Array<{
      priority: unknown;
      count: unknown;
    }>) {
      openByPriority[Number(row.priority) as 1] = Number(row.count);
    }
    return {
      openByPriority,
      activeMajorIncident: major
        ? {
            seq: Number(major.seq),
            title: major.title,
            priority: Number(major.priority) as 1,
            createdAt: toDate(major.created_at),
          }
        : null,
      runningClocks: running.map(rowToClock),
      stoppedBreachedClocks: Number(
        (breached[0] as { count?: unknown } | undefined)?.count ?? 0,
      ),
    };
  }
}

async function readIncident(
  db: Db,
  seq: number,
  permissionFilter?: Filter,
): Promise<IncidentRecord | undefined> {
  const query = db(INCIDENTS).select(`${INCIDENTS}.*`).where('seq', seq);
  if (permissionFilter) {
    whereIncidentPermitted(db as Knex, query, permissionFilter);
  }
  const row = await query.first();
  return row ? (await hydrate(db, [row]))[0] : undefined;
}

/** Loads the entities and clocks of a page of incident rows. */
async function hydrate(
  db: Db,
  rows: Array<Record<string, any>>,
): Promise<IncidentRecord[]> {
  if (rows.length === 0) {
    return [];
  }
  const seqs = rows.map(row => Number(row.seq));
  const [entityRows, clockRows, problemRows] = await Promise.all([
    db(ENTITIES)
      .select('record_seq', 'entity_ref', 'owner_ref', 'is_primary')
      .where({ record_type: INCIDENT })
      .whereIn('record_seq', seqs)
      .orderBy('entity_ref'),
    db(CLOCKS)
      .where('record_type', INCIDENT)
      .whereIn('record_seq', seqs)
      .orderBy('clock', 'desc'),
    // The problem an incident points at: the first it was linked to as `caused_by`.
    db(RECORD_TABLES.links)
      .select('from_seq', 'to_seq')
      .where({ from_type: INCIDENT, to_type: 'problem', relation: 'caused_by' })
      .whereIn('from_seq', seqs)
      .orderBy('seq', 'asc'),
  ]);
  const problems = new Map<number, number>();
  for (const row of problemRows) {
    if (!problems.has(Number(row.from_seq))) {
      problems.set(Number(row.from_seq), Number(row.to_seq));
    }
  }
  const affected = new Map<number, string[]>();
  const owners = new Map<number, string | null>();
  for (const row of entityRows) {
    const seq = Number(row.record_seq);
    if (row.is_primary) {
      owners.set(seq, row.owner_ref ?? null);
      continue;
    }
    const list = affected.get(seq) ?? [];
    list.push(row.entity_ref);
    affected.set(seq, list);
  }
  const clocks = new Map<number, SlaClockRecord[]>();
  for (const row of clockRows) {
    const list = clocks.get(Number(row.record_seq)) ?? [];
    list.push(rowToClock(row));
    clocks.set(Number(row.record_seq), list);
  }
  return rows.map(row => {
    const seq = Number(row.seq);
    const fields = rowToIncidentFields(row, affected.get(seq) ?? []);
    return {
      ...fields,
      problemSeq: problems.get(seq) ?? fields.problemSeq,
      seq,
      version: Number(row.version),
      createdAt: toDate(row.created_at),
      createdBy: row.created_by,
      updatedAt: toDate(row.updated_at),
      clocks: clocks.get(seq) ?? [],
      serviceOwnerRef: owners.get(seq) ?? null,
    };
  });
}

async function replaceEntities(
  tx: Knex.Transaction,
  seq: number,
  entities: RecordEntity[],
): Promise<void> {
  await tx(ENTITIES).where({ record_type: INCIDENT, record_seq: seq }).delete();
  if (entities.length) {
    await tx(ENTITIES).insert(
      entities.map(e => ({
        record_type: INCIDENT,
        record_seq: seq,
        entity_ref: e.entityRef,
        owner_ref: e.ownerRef,
        is_primary: e.primary,
      })),
    );
  }
}

async function upsertClocks(
  tx: Knex.Transaction,
  seq: number,
  clocks: SlaClockRecord[],
  record: { entityRef: string | null; priority: number; status: string },
): Promise<void> {
  if (clocks.length === 0) {
    return;
  }
  const entityRef = record.entityRef?.toLocaleLowerCase('en-US') ?? null;
  await tx(CLOCKS)
    .insert(
      clocks.map(clock =>
        clockToRow(INCIDENT, seq, clock, { ...record, entityRef }),
      ),
    )
    .onConflict(['record_type', 'record_seq', 'clock'])
    .merge();
  // A clock is waived when the register row of its breach (same instant) has a waiver;
  // a restarted clock no longer is.
  await tx(CLOCKS)
    .where({ record_type: INCIDENT, record_seq: seq })
    .whereIn(
      'clock',
      clocks.map(clock => clock.clock),
    )
    .update({
      waived: tx.raw('exists ?', [
        tx(BREACHES)
          .select(tx.raw('1'))
          .whereRaw(`${BREACHES}.record_type = ${CLOCKS}.record_type`)
          .whereRaw(`${BREACHES}.record_seq = ${CLOCKS}.record_seq`)
          .whereRaw(`${BREACHES}.clock = ${CLOCKS}.clock`)
          .whereRaw(`${BREACHES}.breached_at = ${CLOCKS}.breached_at`)
          .whereNotNull(`${BREACHES}.waiver_at`),
      ]),
    });
}
