import { DatabaseService } from '@backstage/backend-plugin-api';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  OPEN_PROBLEM_STATUSES,
  type KnownErrorListQuery,
  type ProblemListQuery,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { isUniqueViolation, migratedClient } from '../../records/database';
import {
  ownersOf,
  readRecordEntities,
  replaceRecordEntities,
} from '../../records/entities';
import { likePattern } from '../../records/history';
import { toDate, toOptionalDate } from '../../records/rows';
import { RECORD_TABLES } from '../../records/tables';
import type {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import type { IncidentPermissionFilter } from '../incidents/incidentPermissionResource';
import { whereIncidentPermitted } from '../incidents/incidentQuery';
import { incidentRecordType } from '../incidents/incidentRecordType';
import type {
  CandidateKey,
  KnownErrorFields,
  KnownErrorRecord,
  ProblemEntity,
  ProblemFields,
  ProblemRecord,
} from './ProblemStore';
import {
  ProblemPermissionFilter,
  whereProblemPermitted,
} from './problemPermissions';
import {
  KNOWN_ERROR_USES,
  knownErrorRecordType,
  knownErrorTable,
  problemRecordType,
  problemTable,
} from './problemRecordTypes';

type Filter = PermissionCriteria<ProblemPermissionFilter>;

const PROBLEMS = problemRecordType.table;
const KNOWN_ERRORS = knownErrorRecordType.table;
const INCIDENTS = incidentRecordType.table;
const ENTITIES = RECORD_TABLES.entities;
const LINKS = RECORD_TABLES.links;
const LEASES = 'itsm_job_leases';
const PROBLEM = problemRecordType.recordType;
const KNOWN_ERROR = knownErrorRecordType.recordType;
const INCIDENT = incidentRecordType.recordType;

const json = (value: unknown) => JSON.stringify(value);

function problemRow(fields: Partial<ProblemFields>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const map: Record<string, (v: any) => [string, unknown]> = {
    status: v => ['status', v],
    title: v => ['title', v],
    statement: v => ['statement', v],
    entityRefs: v => ['entity_ref', v[0]],
    category: v => ['category', v],
    signature: v => ['signature', v],
    impact: v => ['impact', v],
    urgency: v => ['urgency', v],
    priority: v => ['priority', v],
    owner: v => ['owner', v],
    assignmentGroup: v => ['assignment_group', v],
    origin: v => ['origin', v],
    detection: v => ['detection', v === null ? null : json(v)],
    rcaMethod: v => ['rca_method', v],
    rcaNotes: v => ['rca_notes', json(v)],
    contributingFactors: v => ['contributing_factors', json(v)],
    rootCause: v => ['root_cause', v],
    workaround: v => ['workaround', v],
    targetDate: v => ['target_date', v],
    closureCode: v => ['closure_code', v],
    cancelReason: v => ['cancel_reason', v],
    resolvedAt: v => ['resolved_at', v],
    observationUntil: v => ['observation_until', v],
    closedAt: v => ['closed_at', v],
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && map[key]) {
      const [column, stored] = map[key](value);
      row[column] = stored;
    }
  }
  return row;
}

function knownErrorRow(
  fields: Partial<KnownErrorFields>,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  if (fields.status !== undefined) row.status = fields.status;
  if (fields.title !== undefined) row.title = fields.title;
  if (fields.symptom !== undefined) row.symptom = fields.symptom;
  if (fields.rootCause !== undefined) row.root_cause = fields.rootCause;
  if (fields.workaround !== undefined) row.workaround = fields.workaround;
  if (fields.matchRules !== undefined)
    row.match_rules = json(fields.matchRules);
  if (fields.reviewBy !== undefined) row.review_by = fields.reviewBy;
  return row;
}

/**
 * Problems, known errors and the ledger of known errors offered and applied: their own columns
 * and reads. Versioned writes, history and keyset pages go through the kernel's record tables;
 * links through the kernel's link table. No business rule lives here.
 */
export class KnexProblemStore {
  readonly #db: Knex;

  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexProblemStore> {
    return new KnexProblemStore(await migratedClient(options.database));
  }

  constructor(db: Knex) {
    this.#db = db;
  }

  get db(): Knex {
    return this.#db;
  }

  // Problems ---------------------------------------------------------------------------

  /**
   * Inserts a problem at version 1 with its create event and entities; `within` runs in the
   * same transaction (links). A candidate whose detection key and window exist already is not
   * inserted: undefined.
   */
  async createProblem(options: {
    problem: ProblemFields;
    entities: ProblemEntity[];
    candidateKey?: CandidateKey;
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
    within?: (tx: Knex.Transaction, seq: number) => Promise<void>;
  }): Promise<ProblemRecord | undefined> {
    const insert = async (tx: Knex.Transaction) => {
      const seq = await problemTable.insert(
        tx,
        {
          ...problemRow(options.problem),
          detection_key: options.candidateKey?.detectionKey ?? null,
          detection_window: options.candidateKey?.window ?? null,
          created_at: options.createdAt,
          created_by: options.createdBy,
          updated_at: options.createdAt,
        },
        options.event,
      );
      await replaceRecordEntities(tx, PROBLEM, seq, options.entities);
      await options.within?.(tx, seq);
      return seq;
    };
    let seq: number;
    try {
      seq = await this.#db.transaction(insert);
    } catch (error) {
      if (options.candidateKey && isUniqueViolation(error)) {
        return undefined;
      }
      throw error;
    }
    return (await this.getProblem(seq))!;
  }

  async getProblem(
    seq: number,
    permissionFilter?: Filter,
  ): Promise<ProblemRecord | undefined> {
    const query = this.#db(PROBLEMS).select(`${PROBLEMS}.*`).where('seq', seq);
    if (permissionFilter) {
      whereProblemPermitted(this.#db, query, permissionFilter);
    }
    const row = await query.first();
    return row ? (await this.#hydrateProblems([row]))[0] : undefined;
  }

  async listProblems(
    query: ProblemListQuery,
    permissionFilter?: Filter,
  ): Promise<StorePage<ProblemRecord>> {
    const db = this.#db;
    const q = db(PROBLEMS).select(`${PROBLEMS}.*`);
    if (query.entityRef?.length) {
      q.whereIn(
        `${PROBLEMS}.seq`,
        db(ENTITIES)
          .select('record_seq')
          .where('record_type', PROBLEM)
          .whereIn(
            'entity_ref',
            query.entityRef.map(r => r.toLocaleLowerCase('en-US')),
          ),
      );
    }
    if (query.status?.length) q.whereIn('status', query.status);
    if (query.origin?.length) q.whereIn('origin', query.origin);
    if (query.priority?.length) q.whereIn('priority', query.priority);
    if (query.owner?.length) {
      q.whereIn(
        'owner',
        query.owner.map(r => r.toLocaleLowerCase('en-US')),
      );
    }
    if (query.category?.length) q.whereIn('category', query.category);
    if (query.q) {
      const like = likePattern(query.q);
      q.where(inner =>
        inner
          .whereRaw(`lower(title) like ? escape '!'`, [like])
          .orWhereRaw(`lower(statement) like ? escape '!'`, [like]),
      );
    }
    if (permissionFilter) {
      whereProblemPermitted(db, q, permissionFilter);
    }
    return problemTable.page(q, query, rows => this.#hydrateProblems(rows));
  }

  /** A versioned write of a problem's fields (and entities, when given). */
  async updateProblem(options: {
    seq: number;
    expectedVersion: number;
    changes: Partial<ProblemFields>;
    entities?: ProblemEntity[];
    at: Date;
    event: NewHistoryEvent;
  }): Promise<ProblemRecord> {
    await this.#db.transaction(async tx => {
      await problemTable.update(tx, {
        seq: options.seq,
        expectedVersion: options.expectedVersion,
        row: { ...problemRow(options.changes), updated_at: options.at },
        event: options.event,
      });
      if (options.entities) {
        await replaceRecordEntities(tx, PROBLEM, options.seq, options.entities);
      }
    });
    return (await this.getProblem(options.seq))!;
  }

  problemHistory(
    seq: number,
    query: { limit: number; cursor?: string },
  ): Promise<StorePage<HistoryEventRecord>> {
    return problemTable.history(this.#db, { seq, ...query });
  }

  /** Open problems (candidate to known error) on an entity that the filter lets through. */
  async countOpenProblems(
    entityRef: string,
    permissionFilter?: Filter,
  ): Promise<number> {
    const db = this.#db;
    const q = db(PROBLEMS)
      .count({ n: '*' })
      .whereIn('status', OPEN_PROBLEM_STATUSES)
      .whereIn(
        `${PROBLEMS}.seq`,
        db(ENTITIES)
          .select('record_seq')
          .where({ record_type: PROBLEM, entity_ref: entityRef }),
      );
    if (permissionFilter) whereProblemPermitted(db, q, permissionFilter);
    const [row] = await q;
    return Number(row.n);
  }

  /** Active known errors on an entity. */
  async countActiveKnownErrors(entityRef: string): Promise<number> {
    const db = this.#db;
    const [row] = await db(KNOWN_ERRORS)
      .count({ n: '*' })
      .where('status', 'active')
      .whereIn(
        'seq',
        db(ENTITIES)
          .select('record_seq')
          .where({ record_type: KNOWN_ERROR, entity_ref: entityRef }),
      );
    return Number(row.n);
  }

  /** Whether an open problem (candidate to known error) covers the entity and key. */
  async hasOpenProblem(options: {
    entityRef: string;
    category?: string;
    signature?: string;
  }): Promise<boolean> {
    const db = this.#db;
    const q = db(PROBLEMS)
      .first('seq')
      .whereIn('status', ['candidate', 'new', 'investigating', 'known_error'])
      .whereIn(
        'seq',
        db(ENTITIES)
          .select('record_seq')
          .where({ record_type: PROBLEM, entity_ref: options.entityRef }),
      );
    if (options.category !== undefined) q.where('category', options.category);
    if (options.signature !== undefined)
      q.where('signature', options.signature);
    return (await q) !== undefined;
  }

  async #hydrateProblems(
    rows: Array<Record<string, any>>,
  ): Promise<ProblemRecord[]> {
    if (rows.length === 0) return [];
    const db = this.#db;
    const seqs = rows.map(r => Number(r.seq));
    const [entities, linkRows] = await Promise.all([
      readRecordEntities(db, PROBLEM, seqs),
      db(LINKS)
        .select('to_seq')
        .count({ n: '*' })
        .where({ from_type: INCIDENT, to_type: PROBLEM })
        .whereIn('to_seq', seqs)
        .groupBy('to_seq'),
    ]);
    const counts = new Map(
      (linkRows as Array<Record<string, any>>).map(
        r => [Number(r.to_seq), Number(r.n)] as const,
      ),
    );
    return rows.map(row => {
      const seq = Number(row.seq);
      const own = entities.get(seq) ?? [];
      return {
        seq,
        version: Number(row.version),
        status: row.status,
        title: row.title,
        statement: row.statement,
        entityRefs: own.map(e => e.entityRef),
        entityOwnerRefs: ownersOf(own),
        category: row.category ?? null,
        signature: row.signature ?? null,
        impact: Number(row.impact) as ProblemRecord['impact'],
        urgency: Number(row.urgency) as ProblemRecord['urgency'],
        priority: Number(row.priority) as ProblemRecord['priority'],
        owner: row.owner ?? null,
        assignmentGroup: row.assignment_group ?? null,
        origin: row.origin,
        detection: row.detection ? JSON.parse(row.detection) : null,
        rcaMethod: row.rca_method ?? null,
        rcaNotes: JSON.parse(row.rca_notes),
        contributingFactors: JSON.parse(row.contributing_factors),
        rootCause: row.root_cause ?? null,
        workaround: row.workaround ?? null,
        targetDate: row.target_date ?? null,
        closureCode: row.closure_code ?? null,
        cancelReason: row.cancel_reason ?? null,
        resolvedAt: toOptionalDate(row.resolved_at),
        observationUntil: toOptionalDate(row.observation_until),
        closedAt: toOptionalDate(row.closed_at),
        incidentCount: counts.get(seq) ?? 0,
        createdAt: toDate(row.created_at),
        createdBy: row.created_by,
        updatedAt: toDate(row.updated_at),
      };
    });
  }

  /**
   * Runs `fn` while holding the lease `name` (one holder at a time across replicas, until it
   * finishes or `ttlMs` passes); undefined, without running it, while another holder has it.
   */
  async withLease<T>(
    name: string,
    options: { holder: string; now: Date; ttlMs: number },
    fn: () => Promise<T>,
  ): Promise<T | undefined> {
    const db = this.#db;
    try {
      await db(LEASES).insert({
        name,
        holder: options.holder,
        expires_at: new Date(0),
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const taken = await db(LEASES)
      .where({ name })
      .andWhere('expires_at', '<=', options.now)
      .update({
        holder: options.holder,
        expires_at: new Date(options.now.getTime() + options.ttlMs),
      });
    if (taken === 0) {
      return undefined;
    }
    try {
      return await fn();
    } finally {
      await db(LEASES)
        .where({ name, holder: options.holder })
        .update({ expires_at: new Date(0) });
    }
  }

  // Incidents as problems see them ----------------------------------------------------

  /** The incidents linked to a problem (`INC caused_by PRB` and any other relation). */
  async linkedIncidents(
    problemSeq: number,
    /** The caller's incident read filter: incidents they may not read are left out. */
    incidentFilter?: PermissionCriteria<IncidentPermissionFilter>,
  ): Promise<
    Array<{
      linkSeq: number;
      incidentSeq: number;
      title: string;
      status: string;
      priority: number;
      entityRef: string;
      createdAt: Date;
      resolvedAt: Date | null;
      linkedAt: Date;
      linkedBy: string;
      reason: string | null;
    }>
  > {
    const db = this.#db;
    const rows = await db(LINKS)
      .join(INCIDENTS, `${INCIDENTS}.seq`, `${LINKS}.from_seq`)
      .select(
        `${LINKS}.seq as link_seq`,
        `${LINKS}.created_at as linked_at`,
        `${LINKS}.created_by as linked_by`,
        `${LINKS}.note`,
        `${INCIDENTS}.seq`,
        `${INCIDENTS}.title`,
        `${INCIDENTS}.status`,
        `${INCIDENTS}.priority`,
        `${INCIDENTS}.entity_ref`,
        `${INCIDENTS}.created_at`,
        `${INCIDENTS}.resolved_at`,
      )
      .where({
        [`${LINKS}.from_type`]: INCIDENT,
        [`${LINKS}.to_type`]: PROBLEM,
        [`${LINKS}.to_seq`]: problemSeq,
      })
      .orderBy(`${INCIDENTS}.created_at`, 'asc')
      .orderBy(`${INCIDENTS}.seq`, 'asc')
      .modify(q => {
        if (incidentFilter) whereIncidentPermitted(db, q, incidentFilter);
      });
    return (rows as Array<Record<string, any>>).map(row => ({
      linkSeq: Number(row.link_seq),
      incidentSeq: Number(row.seq),
      title: row.title,
      status: row.status,
      priority: Number(row.priority),
      entityRef: row.entity_ref,
      createdAt: toDate(row.created_at),
      resolvedAt: toOptionalDate(row.resolved_at),
      linkedAt: toDate(row.linked_at),
      linkedBy: row.linked_by,
      reason: row.note ?? null,
    }));
  }

  /**
   * Incidents created in [from, to) that match a problem: linked to it, or on one of its
   * entities with its category or signature.
   */
  async countMatchingIncidents(options: {
    problemSeq: number;
    entityRefs: string[];
    category: string | null;
    signature: string | null;
    from: Date;
    to: Date;
  }): Promise<number> {
    const db = this.#db;
    const q = db(INCIDENTS)
      .count({ n: '*' })
      .where('created_at', '>=', options.from)
      .andWhere('created_at', '<', options.to)
      .andWhere(inner => {
        inner.whereIn(
          'seq',
          db(LINKS).select('from_seq').where({
            from_type: INCIDENT,
            to_type: PROBLEM,
            to_seq: options.problemSeq,
          }),
        );
        if (
          options.entityRefs.length &&
          (options.category || options.signature)
        ) {
          inner.orWhere(sub => {
            sub.whereIn('entity_ref', options.entityRefs).andWhere(m => {
              if (options.category) m.orWhere('category', options.category);
              if (options.signature) m.orWhere('signature', options.signature);
            });
          });
        }
      });
    const [row] = await q;
    return Number(row.n);
  }

  /** The first incident linked to the problem, for the effectiveness window. */
  async firstLinkedIncidentAt(problemSeq: number): Promise<Date | null> {
    const db = this.#db;
    const row = await db(INCIDENTS)
      .min({ at: 'created_at' })
      .whereIn(
        'seq',
        db(LINKS)
          .select('from_seq')
          .where({ from_type: INCIDENT, to_type: PROBLEM, to_seq: problemSeq }),
      )
      .first();
    return row?.at ? toDate(row.at) : null;
  }

  /** Incidents linked (`caused_by`) to an open problem: a cause is being looked for already. */
  #explainedIncidents() {
    const db = this.#db;
    return db(LINKS)
      .select(`${LINKS}.from_seq`)
      .join(PROBLEMS, `${PROBLEMS}.seq`, `${LINKS}.to_seq`)
      .where({
        [`${LINKS}.from_type`]: INCIDENT,
        [`${LINKS}.to_type`]: PROBLEM,
        [`${LINKS}.relation`]: 'caused_by',
      })
      .whereIn(`${PROBLEMS}.status`, OPEN_PROBLEM_STATUSES);
  }

  /**
   * Recurrence: (entity, category or signature) with at least `threshold` incidents created in
   * [since, until) that no open problem explains yet.
   */
  async recurringIncidents(options: {
    since: Date;
    until: Date;
    threshold: number;
    by: 'category' | 'signature';
  }): Promise<Array<{ entityRef: string; value: string; count: number }>> {
    const column = options.by;
    const groups = await this.#db(INCIDENTS)
      .select('entity_ref', { value: column })
      .count({ n: '*' })
      .where('created_at', '>=', options.since)
      .andWhere('created_at', '<', options.until)
      .whereNotNull(column)
      .whereNotIn('seq', this.#explainedIncidents())
      .modify(q => {
        if (column === 'category') q.whereNot('category', 'uncategorised');
      })
      .groupBy('entity_ref', column)
      .havingRaw('count(*) >= ?', [options.threshold]);
    return (groups as Array<Record<string, any>>).map(group => ({
      entityRef: group.entity_ref as string,
      value: group.value as string,
      count: Number(group.n),
    }));
  }

  /**
   * The incidents of one recurrence group (oldest first, at most 100) and the title of the most
   * recent: read only for a group about to be proposed.
   */
  async groupIncidents(options: {
    entityRef: string;
    by: 'category' | 'signature';
    value: string;
    since: Date;
    until: Date;
  }): Promise<{ incidentSeqs: number[]; latestTitle: string }> {
    const rows = await this.#db(INCIDENTS)
      .select('seq', 'title')
      .where({ entity_ref: options.entityRef, [options.by]: options.value })
      .whereNotIn('seq', this.#explainedIncidents())
      .andWhere('created_at', '>=', options.since)
      .andWhere('created_at', '<', options.until)
      .orderBy('seq', 'asc')
      .limit(100);
    return {
      incidentSeqs: rows.map(r => Number(r.seq)),
      latestTitle: rows[rows.length - 1]?.title ?? options.value,
    };
  }

  /** The incidents created in [since, until) that no open problem explains, newest first, capped. */
  async recentIncidents(
    since: Date,
    until: Date,
    limit = 5000,
  ): Promise<Array<{ seq: number; entityRef: string }>> {
    const rows = await this.#db(INCIDENTS)
      .select('seq', 'entity_ref')
      .where('created_at', '>=', since)
      .andWhere('created_at', '<', until)
      .whereNotIn('seq', this.#explainedIncidents())
      .orderBy('seq', 'desc')
      .limit(limit);
    return rows.map(r => ({ seq: Number(r.seq), entityRef: r.entity_ref }));
  }

  /** The problems resolved in [from, to), for the effectiveness report. */
  async resolvedProblems(options: {
    from: Date;
    to: Date;
    permissionFilter?: Filter;
    limit: number;
  }): Promise<ProblemRecord[]> {
    const q = this.#db(PROBLEMS)
      .select(`${PROBLEMS}.*`)
      .whereIn('status', ['resolved', 'closed'])
      .where('resolved_at', '>=', options.from)
      .andWhere('resolved_at', '<', options.to)
      .orderBy('resolved_at', 'asc')
      .limit(options.limit);
    if (options.permissionFilter) {
      whereProblemPermitted(this.#db, q, options.permissionFilter);
    }
    return this.#hydrateProblems(await q);
  }

  // Known errors ----------------------------------------------------------------------

  async createKnownError(options: {
    knownError: KnownErrorFields;
    entities: ProblemEntity[];
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
    within?: (tx: Knex.Transaction, seq: number) => Promise<void>;
  }): Promise<KnownErrorRecord> {
    const seq = await this.#db.transaction(async tx => {
      const inserted = await knownErrorTable.insert(
        tx,
        {
          ...knownErrorRow(options.knownError),
          created_at: options.createdAt,
          created_by: options.createdBy,
          updated_at: options.createdAt,
        },
        options.event,
      );
      await replaceRecordEntities(tx, KNOWN_ERROR, inserted, options.entities);
      await options.within?.(tx, inserted);
      return inserted;
    });
    return (await this.getKnownError(seq))!;
  }

  async getKnownError(seq: number): Promise<KnownErrorRecord | undefined> {
    const row = await this.#db(KNOWN_ERRORS).where('seq', seq).first();
    return row ? (await this.#hydrateKnownErrors([row]))[0] : undefined;
  }

  async listKnownErrors(
    query: KnownErrorListQuery,
  ): Promise<StorePage<KnownErrorRecord>> {
    const db = this.#db;
    const q = db(KNOWN_ERRORS).select(`${KNOWN_ERRORS}.*`);
    if (query.entityRef?.length) {
      q.whereIn(
        `${KNOWN_ERRORS}.seq`,
        db(ENTITIES)
          .select('record_seq')
          .where('record_type', KNOWN_ERROR)
          .whereIn(
            'entity_ref',
            query.entityRef.map(r => r.toLocaleLowerCase('en-US')),
          ),
      );
    }
    if (query.status?.length) q.whereIn('status', query.status);
    if (query.q) {
      const like = likePattern(query.q);
      q.where(inner =>
        inner
          .whereRaw(`lower(title) like ? escape '!'`, [like])
          .orWhereRaw(`lower(symptom) like ? escape '!'`, [like]),
      );
    }
    return knownErrorTable.page(q, query, rows =>
      this.#hydrateKnownErrors(rows),
    );
  }

  /** The active known errors on any of the entities (lowercase refs). */
  async activeKnownErrorsOn(entityRefs: string[]): Promise<KnownErrorRecord[]> {
    if (entityRefs.length === 0) return [];
    const db = this.#db;
    const rows = await db(KNOWN_ERRORS)
      .where('status', 'active')
      .whereIn(
        'seq',
        db(ENTITIES)
          .select('record_seq')
          .where('record_type', KNOWN_ERROR)
          .whereIn('entity_ref', entityRefs),
      )
      .orderBy('seq', 'asc')
      .limit(500);
    return this.#hydrateKnownErrors(rows);
  }

  async updateKnownError(options: {
    seq: number;
    expectedVersion: number;
    changes: Partial<KnownErrorFields>;
    entities?: ProblemEntity[];
    at: Date;
    event: NewHistoryEvent;
  }): Promise<KnownErrorRecord> {
    await this.#db.transaction(async tx => {
      await knownErrorTable.update(tx, {
        seq: options.seq,
        expectedVersion: options.expectedVersion,
        row: { ...knownErrorRow(options.changes), updated_at: options.at },
        event: options.event,
      });
      if (options.entities) {
        await replaceRecordEntities(
          tx,
          KNOWN_ERROR,
          options.seq,
          options.entities,
        );
      }
    });
    return (await this.getKnownError(options.seq))!;
  }

  knownErrorHistory(
    seq: number,
    query: { limit: number; cursor?: string },
  ): Promise<StorePage<HistoryEventRecord>> {
    return knownErrorTable.history(this.#db, { seq, ...query });
  }

  /**
   * Records that a known error was offered to or applied on an incident, once per incident
   * and kind; `within` runs in the same transaction when the use is new (the link of an
   * applied workaround). Returns false when it was recorded before.
   */
  async recordUse(options: {
    knownErrorSeq: number;
    incidentSeq: number;
    kind: 'offered' | 'applied';
    at: Date;
    actor: string;
    within?: (tx: Knex.Transaction) => Promise<void>;
  }): Promise<boolean> {
    try {
      await this.#db.transaction(async tx => {
        await tx(KNOWN_ERROR_USES).insert({
          known_error_seq: options.knownErrorSeq,
          incident_seq: options.incidentSeq,
          kind: options.kind,
          at: options.at,
          actor: options.actor,
        });
        await options.within?.(tx);
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async #hydrateKnownErrors(
    rows: Array<Record<string, any>>,
  ): Promise<KnownErrorRecord[]> {
    if (rows.length === 0) return [];
    const db = this.#db;
    const seqs = rows.map(r => Number(r.seq));
    const [entityRows, useRows, problemRows] = await Promise.all([
      db(ENTITIES)
        .select('record_seq', 'entity_ref')
        .where('record_type', KNOWN_ERROR)
        .whereIn('record_seq', seqs)
        .orderBy('entity_ref'),
      db(KNOWN_ERROR_USES)
        .select('known_error_seq', 'kind')
        .count({ n: '*' })
        .whereIn('known_error_seq', seqs)
        .groupBy('known_error_seq', 'kind'),
      db(LINKS)
        .select('from_seq', 'to_seq')
        .where({ from_type: KNOWN_ERROR, to_type: PROBLEM })
        .whereIn('from_seq', seqs)
        .orderBy('seq', 'asc'),
    ]);
    const entities = new Map<number, string[]>();
    for (const row of entityRows) {
      const list = entities.get(Number(row.record_seq)) ?? [];
      list.push(row.entity_ref);
      entities.set(Number(row.record_seq), list);
    }
    const uses = new Map<string, number>();
    for (const row of useRows as Array<Record<string, any>>) {
      uses.set(`${row.known_error_seq}:${row.kind}`, Number(row.n));
    }
    const problems = new Map<number, number>();
    for (const row of problemRows) {
      if (!problems.has(Number(row.from_seq))) {
        problems.set(Number(row.from_seq), Number(row.to_seq));
      }
    }
    return rows.map(row => {
      const seq = Number(row.seq);
      return {
        seq,
        version: Number(row.version),
        status: row.status,
        title: row.title,
        symptom: row.symptom,
        rootCause: row.root_cause,
        workaround: row.workaround,
        entityRefs: entities.get(seq) ?? [],
        matchRules: JSON.parse(row.match_rules),
        reviewBy: row.review_by ?? null,
        problemSeq: problems.get(seq) ?? null,
        offeredCount: uses.get(`${seq}:offered`) ?? 0,
        appliedCount: uses.get(`${seq}:applied`) ?? 0,
        createdAt: toDate(row.created_at),
        createdBy: row.created_by,
        updatedAt: toDate(row.updated_at),
      };
    });
  }
}
