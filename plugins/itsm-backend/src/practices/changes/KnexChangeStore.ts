import { migratedClient } from '../../records/database';
import {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import { DatabaseService } from '@backstage/backend-plugin-api';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import type { ChangePermissionFilter } from './changePermissionResource';
import { whereChangePermitted } from './changeQuery';
import {
  ApprovalRecord,
  ChangeEntity,
  ChangeFailureCounts,
  ChangeFields,
  ChangeListOptions,
  ChangeRecord,
  ChangeStore,
  ChangeStoreTransaction,
  ChangeWindowQuery,
  ChangeWrite,
} from './ChangeStore';
import { changeFieldsToRow, rowToApproval, rowToChange } from './changeRows';
import { decodeCursor, encodeCursor } from '../../records/cursor';
import { likePattern, readHistoryPage } from '../../records/history';
import {
  CHANGE_RECORD_TYPE,
  CHANGE_TABLES as TABLES,
  changeTable,
} from './changeRecordTypes';
import { incidentRecordType } from '../incidents/incidentRecordType';

const CHANGES = TABLES.changes;
const ENTITIES = TABLES.changeEntities;
const APPROVALS = TABLES.changeApprovals;

/** Outcomes that count as a failed change. */
const FAILED_OUTCOMES = ['failed', 'backed_out'];
/** Statuses of finished changes. */
const FINISHED_STATUSES = ['review', 'closed'];

type Db = Knex | Knex.Transaction;
type Filter = PermissionCriteria<ChangePermissionFilter> | undefined;

/** The reads and writes of one transaction. */
class KnexChangeTransaction implements ChangeStoreTransaction {
  readonly #tx: Knex.Transaction;

  constructor(tx: Knex.Transaction) {
    this.#tx = tx;
  }

  async lockChange(seq: number): Promise<ChangeRecord | undefined> {
    // A write that changes nothing takes the row lock for the rest of the transaction.
    const version = await changeTable.lock(this.#tx, seq);
    return version === undefined ? undefined : readChange(this.#tx, seq);
  }

  async insertApproval(seq: number, approval: ApprovalRecord): Promise<void> {
    await this.#tx(APPROVALS).insert({
      change_seq: seq,
      approver: approval.approver,
      decision: approval.decision,
      comment: approval.comment,
      at: approval.at,
      plan_revision: approval.planRevision,
    });
  }

  async updateChange(write: ChangeWrite): Promise<ChangeRecord> {
    const tx = this.#tx;
    const { seq, expectedVersion } = write;
    // The version check is the update itself, so concurrent writers cannot both pass it.
    await changeTable.update(tx, {
      seq,
      expectedVersion,
      row: {
        ...changeFieldsToRow(write.changes),
        updated_at: write.event.at,
        updated_by: write.event.actor,
      },
      event: write.event,
    });
    if (write.entities) {
      await replaceEntities(tx, seq, write.entities);
    }
    return (await readChange(tx, seq))!;
  }
}

/** Knex implementation of {@link ChangeStore} (SQLite, PostgreSQL, MySQL). */
export class KnexChangeStore implements ChangeStore {
  readonly #db: Knex;

  /** Connects and runs the plugin's migrations unless the database service says to skip them. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexChangeStore> {
    return new KnexChangeStore(await migratedClient(options.database));
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async createChange(options: {
    change: ChangeFields;
    entities: ChangeEntity[];
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
  }): Promise<ChangeRecord> {
    return this.#db.transaction(async tx => {
      const seq = await changeTable.insert(
        tx,
        {
          ...changeFieldsToRow(options.change),
          created_at: options.createdAt,
          created_by: options.createdBy,
          updated_at: options.createdAt,
          updated_by: options.createdBy,
        },
        options.event,
      );
      await replaceEntities(tx, seq, options.entities);
      return (await readChange(tx, seq))!;
    });
  }

  async getChange(
    seq: number,
    options: { permissionFilter?: Filter } = {},
  ): Promise<ChangeRecord | undefined> {
    return readChange(this.#db, seq, options.permissionFilter);
  }

  async permittedChangeSeqs(
    seqs: number[],
    permissionFilter: NonNullable<Filter>,
  ): Promise<number[]> {
    if (seqs.length === 0) {
      return [];
    }
    const query = this.#db(CHANGES).select('seq').whereIn('seq', seqs);
    whereChangePermitted(this.#db, query, permissionFilter);
    return (await query).map(row => Number(row.seq));
  }

  async listChanges(
    options: ChangeListOptions,
  ): Promise<StorePage<ChangeRecord>> {
    const { order, limit } = options;
    const db = this.#db;
    const query = db(CHANGES).select(`${CHANGES}.*`);
    if (options.entityRefs?.length) {
      query.whereIn(
        'seq',
        db(ENTITIES)
          .select('change_seq')
          .whereIn('entity_ref', options.entityRefs),
      );
    }
    if (options.statuses?.length) {
      query.whereIn('status', options.statuses);
    }
    if (options.types?.length) {
      query.whereIn('type', options.types);
    }
    if (options.risks?.length) {
      query.whereIn('risk', options.risks);
    }
    if (options.requesters?.length) {
      query.whereIn('requester', options.requesters);
    }
    if (options.q) {
      const pattern = likePattern(options.q);
      query.where(inner =>
        inner
          .whereRaw(`lower(title) like ? escape '!'`, [pattern])
          .orWhereRaw(`lower(justification) like ? escape '!'`, [pattern]),
      );
    }
    if (options.permissionFilter) {
      whereChangePermitted(db, query, options.permissionFilter);
    }
    if (options.cursor) {
      const { seq } = decodeCursor(options.cursor, order);
      query.where('seq', order === 'desc' ? '<' : '>', seq);
    }
    const rows = await query.orderBy('seq', order).limit(limit + 1);
    const items = await hydrate(db, rows.slice(0, limit));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ seq: last.seq, order })
          : null,
    };
  }

  async listChangesInWindow(query: ChangeWindowQuery): Promise<ChangeRecord[]> {
    const db = this.#db;
    const rows = db(CHANGES)
      .select(`${CHANGES}.*`)
      .whereIn('status', query.statuses)
      .where('planned_start', '<', query.to)
      .where('planned_end', '>', query.from);
    const byEntity = (column: string, values?: string[]) => {
      if (values?.length) {
        rows.whereIn(
          'seq',
          db(ENTITIES).select('change_seq').whereIn(column, values),
        );
      }
    };
    byEntity('entity_ref', query.entityRefs);
    byEntity('owner_ref', query.owners);
    byEntity('system_ref', query.systems);
    if (query.excludeSeqs?.length) {
      rows.whereNotIn('seq', query.excludeSeqs);
    }
    if (query.permissionFilter) {
      whereChangePermitted(db, rows, query.permissionFilter);
    }
    return hydrate(
      db,
      await rows
        .orderBy('planned_start', 'asc')
        .orderBy('seq', 'asc')
        .limit(query.limit),
    );
  }

  async updateChange(write: ChangeWrite): Promise<ChangeRecord> {
    return this.transaction(tx => tx.updateChange(write));
  }

  async transaction<T>(
    fn: (tx: ChangeStoreTransaction) => Promise<T>,
  ): Promise<T> {
    return this.#db.transaction(tx => fn(new KnexChangeTransaction(tx)));
  }

  async listHistory(options: {
    seq: number;
    limit: number;
    cursor?: string;
  }): Promise<StorePage<HistoryEventRecord>> {
    return readHistoryPage(this.#db, {
      recordType: CHANGE_RECORD_TYPE,
      ...options,
    });
  }

  async countFinishedChanges(options: {
    entityRefs: string[];
    since: Date;
    permissionFilter?: Filter;
  }): Promise<ChangeFailureCounts> {
    if (options.entityRefs.length === 0) {
      return { total: 0, failed: 0, causedIncidents: 0 };
    }
    const db = this.#db;
    const causedIncident = db(incidentRecordType.table)
      .select('caused_by_change_seq')
      .whereNotNull('caused_by_change_seq');
    const finished = () => {
      const query = db(CHANGES)
        .whereIn('status', FINISHED_STATUSES)
        .where('actual_end', '>=', options.since)
        .whereIn(
          'seq',
          db(ENTITIES)
            .select('change_seq')
            .whereIn('entity_ref', options.entityRefs),
        );
      if (options.permissionFilter) {
        whereChangePermitted(db, query, options.permissionFilter);
      }
      return query;
    };
    const count = async (query: Knex.QueryBuilder) => {
      const [row] = await query.count({ count: '*' });
      return Number((row as { count?: unknown } | undefined)?.count ?? 0);
    };
    const [total, failed, causedIncidents] = await Promise.all([
      count(finished()),
      count(
        finished().where(inner =>
          inner
            .whereIn('outcome', FAILED_OUTCOMES)
            .orWhereIn('seq', causedIncident.clone()),
        ),
      ),
      count(finished().whereIn('seq', causedIncident.clone())),
    ]);
    return { total, failed, causedIncidents };
  }
}

async function readChange(
  db: Db,
  seq: number,
  permissionFilter?: Filter,
): Promise<ChangeRecord | undefined> {
  const query = db(CHANGES).select(`${CHANGES}.*`).where('seq', seq);
  if (permissionFilter) {
    whereChangePermitted(db as Knex, query, permissionFilter);
  }
  const row = await query.first();
  return row ? (await hydrate(db, [row]))[0] : undefined;
}

/** Loads the entities and votes of a page of change rows. */
async function hydrate(
  db: Db,
  rows: Array<Record<string, any>>,
): Promise<ChangeRecord[]> {
  if (rows.length === 0) {
    return [];
  }
  const seqs = rows.map(row => Number(row.seq));
  const [entityRows, approvalRows] = await Promise.all([
    db(ENTITIES).whereIn('change_seq', seqs).orderBy('entity_ref'),
    db(APPROVALS).whereIn('change_seq', seqs).orderBy('seq'),
  ]);
  const entities = new Map<number, ChangeEntity[]>();
  for (const row of entityRows) {
    const seq = Number(row.change_seq);
    const list = entities.get(seq) ?? [];
    list.push({
      entityRef: row.entity_ref,
      ownerRef: row.owner_ref ?? null,
      systemRef: row.system_ref ?? null,
    });
    entities.set(seq, list);
  }
  const approvals = new Map<number, ApprovalRecord[]>();
  for (const row of approvalRows) {
    const seq = Number(row.change_seq);
    const list = approvals.get(seq) ?? [];
    list.push(rowToApproval(row));
    approvals.set(seq, list);
  }
  return rows.map(row => {
    const seq = Number(row.seq);
    return rowToChange(row, entities.get(seq) ?? [], approvals.get(seq) ?? []);
  });
}

async function replaceEntities(
  tx: Knex.Transaction,
  seq: number,
  entities: ChangeEntity[],
): Promise<void> {
  await tx(ENTITIES).where({ change_seq: seq }).delete();
  if (entities.length) {
    await tx(ENTITIES).insert(
      entities.map(e => ({
        change_seq: seq,
        entity_ref: e.entityRef,
        owner_ref: e.ownerRef,
        system_ref: e.systemRef,
      })),
    );
  }
}
