import { DatabaseService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  MAX_RECORD_SEQ,
  OPEN_IMPROVEMENT_STATUSES,
  type ImprovementListQuery,
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
  ImprovementCounts,
  ImprovementEntity,
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

const lower = (refs: string[]) => refs.map(r => r.toLocaleLowerCase('en-US'));

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

/** The score × 10 (an integer 4–100) the board sorts by; the same rounding as improvementScore. */
function scoreTenths(fields: Partial<ImprovementFields>): number {
  const { benefit, effort, urgency } = fields;
  if (benefit === undefined || effort === undefined || urgency === undefined) {
    throw new Error('benefit, effort and urgency are written together');
  }
  return Math.round((10 * (benefit + urgency)) / effort);
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
  entities: Array<Record<string, any>>,
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
    entityRefs: entities.map(e => e.entity_ref),
    entityOwnerRefs: entities
      .map(e => e.owner_ref)
      .filter((o): o is string => !!o),
    createdAt: toDate(row.created_at),
    createdBy: row.created_by,
    updatedAt: toDate(row.updated_at),
  };
}

/** The sort keys of the register: a column (with nulls placed last) and the sequence. */
const SORTS = {
  created: { column: null, nullValue: null },
  score: { column: `${IMPROVEMENTS}.score_tenths`, nullValue: null },
  targetDate: {
    column: `${IMPROVEMENTS}.target_date`,
    nullValue: '9999-12-31',
  },
} as const;

type SortKey = keyof typeof SORTS;
type SortValue = number | string | null;

/** Where a page of the register ends: the sort, its last key value and sequence. */
function encodeListCursor(cursor: {
  sort: SortKey;
  value: SortValue;
  seq: number;
  order: 'asc' | 'desc';
}): string {
  return Buffer.from(
    JSON.stringify({
      k: cursor.sort,
      v: cursor.value,
      s: cursor.seq,
      o: cursor.order,
    }),
  ).toString('base64url');
}

function decodeListCursor(
  cursor: string,
  sort: SortKey,
  order: 'asc' | 'desc',
): { value: SortValue; seq: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { k, v, s, o } = (parsed ?? {}) as Record<string, unknown>;
  const valueOk =
    sort === 'created'
      ? v === null
      : (sort === 'score' &&
          Number.isSafeInteger(v) &&
          (v as number) >= 0 &&
          (v as number) <= 1000) ||
        (sort === 'targetDate' && typeof v === 'string' && v.length <= 10);
  if (
    k !== sort ||
    o !== order ||
    !valueOk ||
    typeof s !== 'number' ||
    !Number.isSafeInteger(s) ||
    s < 0
  ) {
    throw new InputError('cursor is invalid');
  }
  // Past every sequence a record can have (and outside PostgreSQL's int4): the last one.
  return { value: v as SortValue, seq: Math.min(s, MAX_RECORD_SEQ) };
}

/**
 * The improvement register: its own columns and reads, the services filed in the kernel's
 * entity table with their owners. Versioned writes, history and the create event go through
 * the kernel's record table. No business rule lives here.
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
    entities: ImprovementEntity[];
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
        await replaceEntities(tx, inserted, options.entities);
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
          .whereIn('entity_ref', lower(query.entityRef)),
      );
    }
    if (query.status?.length) q.whereIn('status', query.status);
    if (query.kind?.length) q.whereIn('kind', query.kind);
    if (query.source?.length) q.whereIn('source', query.source);
    if (query.owner?.length) {
      const owners = lower(query.owner);
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
    return this.#page(q, query);
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

  async #page(
    q: Knex.QueryBuilder,
    options: {
      sort: SortKey;
      order: 'asc' | 'desc';
      limit: number;
      cursor?: string;
    },
  ): Promise<StorePage<ImprovementRecord>> {
    const { sort, order, limit } = options;
    const { column, nullValue } = SORTS[sort];
    const seqColumn = `${IMPROVEMENTS}.seq`;
    const op = order === 'desc' ? '<' : '>';
    const key = column
      ? this.#db.raw(
          nullValue === null ? '??' : 'coalesce(??, ?)',
          nullValue === null ? [column] : [column, nullValue],
        )
      : null;
    if (options.cursor) {
      const at = decodeListCursor(options.cursor, sort, order);
      if (key) {
        q.where(inner =>
          inner
            .where(key, op, at.value as string | number)
            .orWhere(same =>
              same
                .where(key, '=', at.value as string | number)
                .where(seqColumn, op, at.seq),
            ),
        );
      } else {
        q.where(seqColumn, op, at.seq);
      }
    }
    if (key) {
      q.orderBy(key as any, order);
    }
    const rows = await q.orderBy(seqColumn, order).limit(limit + 1);
    const page = rows.slice(0, limit);
    const items = await this.#hydrate(page);
    const last = page[page.length - 1];
    let value: SortValue = null;
    if (last && sort === 'score') value = Number(last.score_tenths);
    if (last && sort === 'targetDate') value = last.target_date ?? nullValue;
    return {
      items,
      nextCursor:
        rows.length > limit && last
          ? encodeListCursor({ sort, value, seq: Number(last.seq), order })
          : null,
    };
  }

  /** A versioned write of an item's fields (and services, when given). */
  async updateImprovement(options: {
    seq: number;
    expectedVersion: number;
    changes: Partial<ImprovementFields>;
    entities?: ImprovementEntity[];
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
        await replaceEntities(tx, options.seq, options.entities);
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
   * Implemented items whose measurement window ended by `now`, by sequence after `afterSeq`,
   * at most `limit`.
   */
  async listDue(options: {
    now: Date;
    afterSeq: number;
    limit: number;
  }): Promise<ImprovementRecord[]> {
    const rows = await this.#db(IMPROVEMENTS)
      .select('*')
      .where('status', 'implemented')
      .whereNotNull('measure_due_at')
      .where('measure_due_at', '<=', options.now)
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
    if (rows.length === 0) return [];
    const seqs = rows.map(r => Number(r.seq));
    const entityRows = await db(ENTITIES)
      .select('record_seq', 'entity_ref', 'owner_ref', 'is_primary')
      .where('record_type', IMPROVEMENT)
      .whereIn('record_seq', seqs);
    const entities = new Map<number, Array<Record<string, any>>>();
    for (const row of entityRows) {
      const list = entities.get(Number(row.record_seq)) ?? [];
      list.push(row);
      entities.set(Number(row.record_seq), list);
    }
    return rows.map(row => {
      const own = (entities.get(Number(row.seq)) ?? []).sort(
        (a, b) =>
          Number(b.is_primary) - Number(a.is_primary) ||
          String(a.entity_ref).localeCompare(String(b.entity_ref)),
      );
      return rowToImprovement(row, own);
    });
  }
}

async function replaceEntities(
  tx: Knex.Transaction,
  seq: number,
  entities: ImprovementEntity[],
): Promise<void> {
  await tx(ENTITIES)
    .where({ record_type: IMPROVEMENT, record_seq: seq })
    .delete();
  if (entities.length) {
    await tx(ENTITIES).insert(
      entities.map((e, i) => ({
        record_type: IMPROVEMENT,
        record_seq: seq,
        entity_ref: e.entityRef,
        owner_ref: e.ownerRef,
        is_primary: i === 0,
      })),
    );
  }
}
