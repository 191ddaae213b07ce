import { DatabaseService } from '@backstage/backend-plugin-api';
import { INCIDENT_TREND_UNCATEGORISED } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { migratedClient } from '../../../records/database';

const INCIDENTS = 'itsm_incidents';
const BREACHES = 'itsm_sla_breaches';
const CHANGES = 'itsm_changes';
const CHANGE_ENTITIES = 'itsm_change_entities';

/** Outcomes the SLA report counts as a successful change; the others failed or were backed out. */
const SUCCESSFUL = "('successful', 'successful_with_issues')";

const count = (value: unknown) => Number(value ?? 0);

/** The services and window every aggregate is scoped to: `[from, to)`, lowercase refs. */
export interface KpiScope {
  entityRefs: string[];
  from: Date;
  to: Date;
}

/**
 * The aggregates improvement KPIs need over several services at once, in SQL. Each one is
 * the aggregate an existing report counts by, widened from one service to a set (and narrowed
 * by the KPI's filters); the comments name the report it agrees with. Reads only.
 *
 * Incidents belong to a service through their primary entity (`itsm_incidents.entity_ref`), as
 * in the SLA report's workload and the incident trend report. A category filter compares the
 * category as the trend report groups it (no category is `uncategorised`).
 */
export class KnexKpiStore {
  readonly #db: Knex;

  /** Connects and runs the plugin's migrations unless the database service says to skip them. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexKpiStore> {
    return new KnexKpiStore(await migratedClient(options.database));
  }

  static fromKnex(db: Knex): KnexKpiStore {
    return new KnexKpiStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  /**
   * Incidents created in the window on the services, cancelled ones left out (the SLA report's
   * workload `incidents` figure, for several services and optionally one category and priority).
   */
  async incidentCount(
    scope: KpiScope & { category: string | null; priority: number | null },
  ): Promise<number> {
    if (scope.entityRefs.length === 0) return 0;
    const row = await this.#incidents(scope)
      .where('created_at', '>=', scope.from)
      .where('created_at', '<', scope.to)
      .whereNot('status', 'cancelled')
      .count({ n: '*' })
      .first();
    return count((row as any)?.n);
  }

  /**
   * Incidents resolved in the window (resolved or closed since, `resolved_at` in it) on the
   * services, and their mean time from creation to resolution in milliseconds (null when
   * none). A reopened incident counts by its last resolution.
   */
  async timeToResolve(
    scope: KpiScope & { category: string | null; priority: number | null },
  ): Promise<{ n: number; meanMs: number | null }> {
    if (scope.entityRefs.length === 0) return { n: 0, meanMs: null };
    const db = this.#db;
    const row = await this.#incidents(scope)
      .whereIn('status', ['resolved', 'closed'])
      .whereNotNull('resolved_at')
      .where('resolved_at', '>=', scope.from)
      .where('resolved_at', '<', scope.to)
      .select(
        db.raw('count(*) as n'),
        db.raw(`avg(${durationMsSql(db, 'created_at', 'resolved_at')}) as ms`),
      )
      .first();
    const n = count((row as any)?.n);
    return {
      n,
      meanMs: n === 0 ? null : Number((row as any).ms),
    };
  }

  /**
   * Incidents created in the window on the services with the category and/or the signature
   * (both when both are given), whatever their status: what the incident trend report counts
   * in those rows, and what problem detection counts as recurrence.
   */
  async recurrence(
    scope: KpiScope & { category: string | null; signature: string | null },
  ): Promise<number> {
    if (scope.entityRefs.length === 0) return 0;
    if (scope.category === null && scope.signature === null) {
      throw new Error('recurrence needs a category or a signature');
    }
    const query = this.#incidents({ ...scope, priority: null })
      .where('created_at', '>=', scope.from)
      .where('created_at', '<', scope.to);
    if (scope.signature !== null) {
      query.where('signature', scope.signature);
    }
    const row = await query.count({ n: '*' }).first();
    return count((row as any)?.n);
  }

  /**
   * Breach register rows of the services breached in the window and not waived, optionally
   * of one priority (the SLA report's breaches `total − waived`, for several services).
   */
  async breachCount(
    scope: KpiScope & { priority: number | null },
  ): Promise<number> {
    if (scope.entityRefs.length === 0) return 0;
    const query = this.#db(BREACHES)
      .whereIn('entity_ref', scope.entityRefs)
      .where('breached_at', '>=', scope.from)
      .where('breached_at', '<', scope.to)
      .whereNull('waiver_at');
    if (scope.priority !== null) {
      query.where('priority', scope.priority);
    }
    const row = await query.count({ n: '*' }).first();
    return count((row as any)?.n);
  }

  /**
   * Changes naming any of the services closed in the window with an outcome, each counted
   * once, and the successful ones (the SLA report's change success figures, for several
   * services: closed changes take no further writes, so `updated_at` is when they closed).
   */
  async changeOutcomes(
    scope: KpiScope,
  ): Promise<{ closed: number; successful: number }> {
    if (scope.entityRefs.length === 0) return { closed: 0, successful: 0 };
    const db = this.#db;
    const row = await this.#closedChanges(scope.from, scope.to)
      .whereIn('ce.entity_ref', scope.entityRefs)
      .select(
        db.raw('count(distinct ch.seq) as closed'),
        db.raw(
          `count(distinct case when ch.outcome in ${SUCCESSFUL} then ch.seq end) as successful`,
        ),
      )
      .first();
    return {
      closed: count((row as any)?.closed),
      successful: count((row as any)?.successful),
    };
  }

  /**
   * The same change figures for every service with a change closed in the window, with the
   * latest failed (or backed-out) change of each; services in ref order.
   */
  async changeOutcomesByService(options: { from: Date; to: Date }): Promise<
    Array<{
      entityRef: string;
      closed: number;
      successful: number;
      latestFailedSeq: number | null;
    }>
  > {
    const db = this.#db;
    const rows = await this.#closedChanges(options.from, options.to)
      .select(
        'ce.entity_ref',
        db.raw('count(distinct ch.seq) as closed'),
        db.raw(
          `count(distinct case when ch.outcome in ${SUCCESSFUL} then ch.seq end) as successful`,
        ),
        db.raw(
          `max(case when ch.outcome not in ${SUCCESSFUL} then ch.seq end) as latest_failed`,
        ),
      )
      .groupBy('ce.entity_ref')
      .orderBy('ce.entity_ref');
    return rows.map((row: any) => ({
      entityRef: row.entity_ref,
      closed: count(row.closed),
      successful: count(row.successful),
      latestFailedSeq:
        row.latest_failed === null || row.latest_failed === undefined
          ? null
          : Number(row.latest_failed),
    }));
  }

  #closedChanges(from: Date, to: Date) {
    return this.#db(`${CHANGE_ENTITIES} as ce`)
      .join(`${CHANGES} as ch`, 'ch.seq', 'ce.change_seq')
      .where('ch.status', 'closed')
      .whereNotNull('ch.outcome')
      .where('ch.updated_at', '>=', from)
      .where('ch.updated_at', '<', to);
  }

  /** Incidents on the services (primary entity), of the category and priority when given. */
  #incidents(scope: {
    entityRefs: string[];
    category: string | null;
    priority: number | null;
  }) {
    const query = this.#db(INCIDENTS).whereIn('entity_ref', scope.entityRefs);
    if (scope.category !== null) {
      query.whereRaw(`coalesce(category, ?) = ?`, [
        INCIDENT_TREND_UNCATEGORISED,
        scope.category,
      ]);
    }
    if (scope.priority !== null) {
      query.where('priority', scope.priority);
    }
    return query;
  }
}

/**
 * `to − from` in milliseconds as SQL, per dialect: PostgreSQL subtracts timestamptz values;
 * SQLite stores a `Date` as epoch milliseconds; MySQL counts microseconds between them.
 */
function durationMsSql(db: Knex, from: string, to: string): string {
  const dialect = (db.client as { dialect?: string }).dialect;
  if (dialect === 'postgresql') {
    return `extract(epoch from (${to} - ${from})) * 1000`;
  }
  if (dialect === 'sqlite3') {
    return `(cast(${to} as integer) - cast(${from} as integer))`;
  }
  if (dialect === 'mysql' || dialect === 'mysql2') {
    return `timestampdiff(microsecond, ${from}, ${to}) / 1000`;
  }
  throw new Error(`Improvement KPIs are not supported on ${dialect}`);
}
