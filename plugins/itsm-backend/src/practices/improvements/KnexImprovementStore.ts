import { DatabaseService } from '@backstage/backend-plugin-api';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  OPEN_IMPROVEMENT_STATUSES,
  improvementScore,
  type ImprovementListQuery,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { isUniqueViolation, migratedClient } from '../../records/database';
import {
  FiledEntity,
  ownersOf,
  readRecordEntities,
  replaceRecordEntities,
} from '../../records/entities';
import type { KeysetSort } from '../../records/recordTable';
import { toDate, toOptionalDate } from '../../records/rows';
import { lowerRefs } from '../../records/rules';
import { RECORD_TABLES } from '../../records/tables';
import type {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import type {
  ImprovementCounts,
  ImprovementFields,
  ImprovementFigureRecord,
  ImprovementRecord,
} from './ImprovementStore';
import {
  ImprovementPermissionFilter,
  whereImprovementPermitted,
} from './improvementPermissions';
import {
  improvementRecordType,
  improvementTable,
} from './improvementRecordType';

type Filter = PermissionCriteria<ImprovementPermissionFilter>;
type Db = Knex | Knex.Transaction;

const IMPROVEMENTS = improvementRecordType.table;
const IMPROVEMENT = improvementRecordType.recordType;
const ENTITIES = RECORD_TABLES.entities;

/** The plain columns of the fields (the KPI and the figures are written apart). */
const COLUMNS = {
  kind: 'kind',
  type: 'type',
  status: 'status',
  title: 'title',
  description: 'description',
  source: 'source',
  sourceId: 'source_id',
  sourceKey: 'source_key',
  owner: 'owner',
  owningGroup: 'owning_group',
  benefit: 'benefit',
  effort: 'effort',
  urgency: 'urgency',
  targetDate: 'target_date',
  nonconformity: 'nonconformity',
  correction: 'correction',
  rootCause: 'root_cause',
  effectivenessReview: 'effectiveness_review',
  measureDueAt: 'measure_due_at',
  goal: 'goal',
  verdict: 'verdict',
  evaluation: 'evaluation',
  approvedBy: 'approved_by',
  approvedAt: 'approved_at',
  startedAt: 'started_at',
  implementedAt: 'implemented_at',
  evaluatedAt: 'evaluated_at',
  closedAt: 'closed_at',
  rejectedAt: 'rejected_at',
  rejectionReason: 'rejection_reason',
} as const satisfies Partial<Record<keyof ImprovementFields, string>>;

function figureRow(
  prefix: 'baseline' | 'measured',
  figure: ImprovementFigureRecord | null,
): Record<string, unknown> {
  return {
    [`${prefix}_from`]: figure?.from ?? null,
    [`${prefix}_to`]: figure?.to ?? null,
    [`${prefix}_value`]: figure?.value ?? null,
    [`${prefix}_n`]: figure?.n ?? null,
    [`${prefix}_unit`]: figure?.unit ?? null,
    [`${prefix}_measured_at`]: figure?.measuredAt ?? null,
  };
}

function improvementRow(
  fields: Partial<ImprovementFields>,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = fields[key as keyof typeof COLUMNS];
    if (value !== undefined) {
      row[column] = value;
    }
  }
  if (fields.kpi !== undefined) {
    row.kpi = fields.kpi === null ? null : JSON.stringify(fields.kpi);
  }
  if (fields.baseline !== undefined) {
    Object.assign(row, figureRow('baseline', fields.baseline));
  }
  if (fields.measured !== undefined) {
    Object.assign(row, figureRow('measured', fields.measured));
  }
  if (
    fields.benefit !== undefined ||
    fields.effort !== undefined ||
    fields.urgency !== undefined
  ) {
    // Written with all three inputs (the service always passes them together).
    row.score_tenths = scoreTenths(fields);
  }
  return row;
}

/** The score × 10 (an integer 4–100) the board sorts by: `-common`'s score, to one decimal. */
function scoreTenths(fields: Partial<ImprovementFields>): number {
  const { benefit, effort, urgency } = fields;
  if (benefit === undefined || effort === undefined || urgency === undefined) {
    throw new Error('benefit, effort and urgency are written together');
  }
  return Math.round(improvementScore({ benefit, effort, urgency }).score * 10);
}

function rowToFigure(
  row: Record<string, any>,
  prefix: 'baseline' | 'measured',
): ImprovementFigureRecord | null {
  if (row[`${prefix}_measured_at`] === null) {
    return null;
  }
  const value = row[`${prefix}_value`];
  return {
    from: toDate(row[`${prefix}_from`]),
    to: toDate(row[`${prefix}_to`]),
    value: value === null ? null : Number(value),
    n: Number(row[`${prefix}_n`]),
    unit: row[`${prefix}_unit`],
    measuredAt: toDate(row[`${prefix}_measured_at`]),
  };
}

function rowToImprovement(
  row: Record<string, any>,
  entities: FiledEntity[],
): ImprovementRecord {
  return {
    seq: Number(row.seq),
    version: Number(row.version),
    kind: row.kind,
    type: row.type,
    status: row.status,
    title: row.title,
    description: row.description,
    source: row.source,
    sourceId: row.source_id ?? null,
    sourceKey: row.source_key ?? null,
    owner: row.owner ?? null,
    owningGroup: row.owning_group ?? null,
    benefit: Number(row.benefit),
    effort: Number(row.effort),
    urgency: Number(row.urgency),
    targetDate: row.target_date ?? null,
    nonconformity: row.nonconformity ?? null,
    correction: row.correction ?? null,
    rootCause: row.root_cause ?? null,
    effectivenessReview: row.effectiveness_review ?? null,
    kpi: row.kpi ? JSON.parse(row.kpi) : null,
    baseline: rowToFigure(row, 'baseline'),
    measured: rowToFigure(row, 'measured'),
    measureDueAt: toOptionalDate(row.measure_due_at),
    goal: row.goal === null || row.goal === undefined ? null : Number(row.goal),
    verdict: row.verdict ?? null,
    evaluation: row.evaluation ?? null,
    approvedBy: row.approved_by ?? null,
    approvedAt: toOptionalDate(row.approved_at),
    startedAt: toOptionalDate(row.started_at),
    implementedAt: toOptionalDate(row.implemented_at),
    evaluatedAt: toOptionalDate(row.evaluated_at),
    closedAt: toOptionalDate(row.closed_at),
    rejectedAt: toOptionalDate(row.rejected_at),
    rejectionReason: row.rejection_reason ?? null,
    entityRefs: entities.map(e => e.entityRef),
    entityOwnerRefs: ownersOf(entities),
    createdAt: toDate(row.created_at),
    createdBy: row.created_by,
    updatedAt: toDate(row.updated_at),
  };
}

/** Where items without a target date sort. */
const NO_TARGET_DATE = '9999-12-31';

/** The register's sorts besides creation (the sequence alone): score, and target date. */
function sortOf(
  db: Knex,
  sort: ImprovementListQuery['sort'],
): KeysetSort | undefined {
  if (sort === 'score') {
    return {
      name: 'score',
      key: db.raw('??', [`${IMPROVEMENTS}.score_tenths`]),
      valueOf: row => Number(row.score_tenths),
      // 4–100; anything far outside would not even compare with the column (int4).
      accepts: v =>
        Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 1000,
    };
  }
  if (sort === 'targetDate') {
    // Items without a target date come last when ascending.
    return {
      name: 'targetDate',
      key: db.raw('coalesce(??, ?)', [
        `${IMPROVEMENTS}.target_date`,
        NO_TARGET_DATE,
      ]),
      valueOf: row => row.target_date ?? NO_TARGET_DATE,
      accepts: v => typeof v === 'string' && v.length <= 10,
    };
  }
  return undefined;
}

/**
 * The improvement register: its own columns and reads. Versioned writes, history, the create
 * event and keyset pages (by score or target date too) go through the kernel's record table,
 * the services with their owners through its filed entities. No business rule lives here.
 */
export class KnexImprovementStore {
  readonly #db: Knex;

  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexImprovementStore> {
    return new KnexImprovementStore(await migratedClient(options.database));
  }

  constructor(db: Knex) {
    this.#db = db;
  }

  get db(): Knex {
    return this.#db;
  }

  /**
   * Inserts an item at version 1 with its create event and its services, then runs `within`
   * in the same transaction (links, the source's back reference). Undefined, writing nothing,
   * when an item with its `sourceKey` exists already.
   */
  async createImprovement(options: {
    fields: ImprovementFields;
    entities: FiledEntity[];
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
    within?: (tx: Knex.Transaction, seq: number) => Promise<void>;
  }): Promise<ImprovementRecord | undefined> {
    let seq: number;
    try {
      seq = await this.#db.transaction(async tx => {
        const inserted = await improvementTable.insert(
          tx,
          {
            ...improvementRow(options.fields),
            created_at: options.createdAt,
            created_by: options.createdBy,
            updated_at: options.createdAt,
          },
          options.event,
        );
        await replaceRecordEntities(
          tx,
          IMPROVEMENT,
          inserted,
          options.entities,
        );
        await options.within?.(tx, inserted);
        return inserted;
      });
    } catch (error) {
      if (options.fields.sourceKey !== null && isUniqueViolation(error)) {
        return undefined;
      }
      throw error;
    }
    return (await this.getImprovement(seq))!;
  }

  /** Whether an item was proposed for `sourceKey` already, whatever its status. */
  async hasSourceKey(sourceKey: string): Promise<boolean> {
    return (
      (await this.#db(IMPROVEMENTS)
        .first('seq')
        .where('source_key', sourceKey)) !== undefined
    );
  }

  async getImprovement(
    seq: number,
    permissionFilter?: Filter,
    db: Db = this.#db,
  ): Promise<ImprovementRecord | undefined> {
    const query = db(IMPROVEMENTS)
      .select(`${IMPROVEMENTS}.*`)
      .where(`${IMPROVEMENTS}.seq`, seq);
    if (permissionFilter) {
      whereImprovementPermitted(this.#db, query, permissionFilter);
    }
    const row = await query.first();
    return row ? (await this.#hydrate([row], db))[0] : undefined;
  }

  /**
   * A page of the register with the list's filters, sorted by `sort` then sequence (both in
   * `order`; items without a target date last when ascending). `today` (`YYYY-MM-DD`, UTC)
   * decides the overdue filter: open past the end of their target date.
   */
  async listImprovements(
    query: ImprovementListQuery & { today: string },
    permissionFilter?: Filter,
  ): Promise<StorePage<ImprovementRecord>> {
    const db = this.#db;
    const q = db(IMPROVEMENTS).select(`${IMPROVEMENTS}.*`);
    if (query.entityRef?.length) {
      q.whereIn(
        `${IMPROVEMENTS}.seq`,
        db(ENTITIES)
          .select('record_seq')
          .where('record_type', IMPROVEMENT)
          .whereIn('entity_ref', lowerRefs(query.entityRef)),
      );
    }
    if (query.status?.length) q.whereIn('status', query.status);
    if (query.kind?.length) q.whereIn('kind', query.kind);
    if (query.source?.length) q.whereIn('source', query.source);
    if (query.owner?.length) {
      const owners = lowerRefs(query.owner);
      q.where(inner =>
        inner.whereIn('owner', owners).orWhereIn('owning_group', owners),
      );
    }
    if (query.verdict?.length) {
      const verdicts = query.verdict.filter(v => v !== 'none');
      q.where(inner => {
        if (verdicts.length) inner.whereIn('verdict', verdicts);
        if (query.verdict!.includes('none')) inner.orWhereNull('verdict');
      });
    }
    if (query.overdue) {
      const overdue = (inner: Knex.QueryBuilder) =>
        inner
          .whereIn('status', OPEN_IMPROVEMENT_STATUSES)
          .whereNotNull('target_date')
          .where('target_date', '<', query.today);
      if (query.overdue === 'true') q.where(overdue);
      else q.whereNot(overdue);
    }
    if (permissionFilter) {
      whereImprovementPermitted(db, q, permissionFilter);
    }
    return improvementTable.page(
      q,
      { ...query, sort: sortOf(db, query.sort) },
      rows => this.#hydrate(rows),
    );
  }

  /**
   * Open items (proposed, approved, in progress) on an entity (lowercase) and how many of
   * them are past the end of their target date as of `today` (`YYYY-MM-DD`, UTC), in one
   * query with the caller's filter.
   */
  async countImprovements(
    entityRef: string,
    today: string,
    permissionFilter?: Filter,
  ): Promise<ImprovementCounts> {
    const db = this.#db;
    const q = db(IMPROVEMENTS)
      .select(
        db.raw('count(*) as ??', ['open']),
        db.raw(
          'coalesce(sum(case when ?? is not null and ?? < ? then 1 else 0 end), 0) as ??',
          [
            `${IMPROVEMENTS}.target_date`,
            `${IMPROVEMENTS}.target_date`,
            today,
            'overdue',
          ],
        ),
      )
      .whereIn(`${IMPROVEMENTS}.status`, OPEN_IMPROVEMENT_STATUSES)
      .whereIn(
        `${IMPROVEMENTS}.seq`,
        db(ENTITIES)
          .select('record_seq')
          .where({ record_type: IMPROVEMENT, entity_ref: entityRef }),
      );
    if (permissionFilter) {
      whereImprovementPermitted(db, q, permissionFilter);
    }
    const [row] = await q;
    return { open: Number(row.open), overdue: Number(row.overdue) };
  }

  /** A versioned write of an item's fields (and services, when given). */
  async updateImprovement(options: {
    seq: number;
    expectedVersion: number;
    changes: Partial<ImprovementFields>;
    entities?: FiledEntity[];
    at: Date;
    event: NewHistoryEvent;
  }): Promise<ImprovementRecord> {
    await this.#db.transaction(async tx => {
      await improvementTable.update(tx, {
        seq: options.seq,
        expectedVersion: options.expectedVersion,
        row: { ...improvementRow(options.changes), updated_at: options.at },
        event: options.event,
      });
      if (options.entities) {
        await replaceRecordEntities(
          tx,
          IMPROVEMENT,
          options.seq,
          options.entities,
        );
      }
    });
    return (await this.getImprovement(options.seq))!;
  }

  improvementHistory(
    seq: number,
    query: { limit: number; cursor?: string },
  ): Promise<StorePage<HistoryEventRecord>> {
    return improvementTable.history(this.#db, { seq, ...query });
  }

  /**
   * Implemented items with a KPI, by sequence after `afterSeq`, at most `limit`: the
   * candidates of the evaluation job, which decides from `implementedAt` and the KPI whether
   * their window is over (the source of truth, not a stored copy of the window's end).
   */
  async listImplementedWithKpi(options: {
    afterSeq: number;
    limit: number;
  }): Promise<ImprovementRecord[]> {
    const rows = await this.#db(IMPROVEMENTS)
      .select('*')
      .where('status', 'implemented')
      .whereNotNull('kpi')
      .where('seq', '>', options.afterSeq)
      .orderBy('seq', 'asc')
      .limit(options.limit);
    return this.#hydrate(rows);
  }

  /** Whether any item exists (imports seed an empty portal only). */
  async isEmpty(): Promise<boolean> {
    return (await this.#db(IMPROVEMENTS).first('seq')) === undefined;
  }

  async #hydrate(
    rows: Array<Record<string, any>>,
    db: Db = this.#db,
  ): Promise<ImprovementRecord[]> {
    const entities = await readRecordEntities(
      db,
      IMPROVEMENT,
      rows.map(r => Number(r.seq)),
    );
    return rows.map(row =>
      rowToImprovement(row, entities.get(Number(row.seq)) ?? []),
    );
  }
}
