import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { rowToBreach } from './KnexBreachStore';
import { toDate, toOptionalDate } from './rows';
import type {
  AttainmentRow,
  OutageRow,
  SlaReportStore,
  StoredSla,
} from './SlaReportStore';

const migrationsDir = resolvePackagePath(
  '@backstage-itsm/plugin-itsm-backend',
  'migrations',
);

const CLOCKS = 'itsm_sla_clocks';
const INCIDENTS = 'itsm_incidents';
const ENTITIES = 'itsm_record_entities';
const BREACHES = 'itsm_sla_breaches';
const SLAS = 'itsm_slas';
const REVISIONS = 'itsm_agreement_revisions';
const CHANGES = 'itsm_changes';
const CHANGE_ENTITIES = 'itsm_change_entities';

const iso = (value: unknown) => toDate(value).toISOString();
const count = (value: unknown) => Number(value ?? 0);

/**
 * Knex implementation of {@link SlaReportStore}: every figure is an aggregate in SQL on the
 * clocks' (entity_ref, decided_at) index; no incident is loaded to count it.
 */
export class KnexSlaReportStore implements SlaReportStore {
  readonly #db: Knex;

  /** Connects and runs the plugin's migrations unless the database service says to skip them. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexSlaReportStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new KnexSlaReportStore(client);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async getSla(entityRef: string): Promise<StoredSla | undefined> {
    const row = await this.#db(SLAS).where('entity_ref', entityRef).first();
    if (!row) {
      return undefined;
    }
    const revisions = await this.#db(REVISIONS)
      .where({ agreement_type: 'sla', agreement_seq: row.seq })
      .orderBy('revision');
    return {
      ...rowToSla(row),
      revisions: revisions.map(r => ({
        revision: Number(r.revision),
        effectiveFrom: iso(r.effective_from),
        effectiveTo: r.effective_to === null ? null : iso(r.effective_to),
        terms: JSON.parse(r.terms),
      })),
    };
  }

  async listSlas(): Promise<StoredSla[]> {
    const rows = await this.#db(SLAS).select('*').orderBy('entity_ref');
    return rows.map(row => ({ ...rowToSla(row), revisions: [] }));
  }

  async attainment(options: {
    entityRef?: string;
    from: Date;
    to: Date;
  }): Promise<AttainmentRow[]> {
    const db = this.#db;
    const query = this.#decided(options.from, options.to)
      .select(
        'c.entity_ref',
        'i.priority',
        'c.clock',
        db.raw('sum(case when c.breached_at is null then 1 else 0 end) as met'),
        db.raw(
          'sum(case when c.breached_at is not null and b.waiver_at is null then 1 else 0 end) as breached',
        ),
        db.raw(
          'sum(case when c.breached_at is not null and b.waiver_at is not null then 1 else 0 end) as waived',
        ),
        db.raw(
          'sum(case when c.sla_seq is null then 1 else 0 end) as from_defaults',
        ),
      )
      .groupBy('c.entity_ref', 'i.priority', 'c.clock');
    if (options.entityRef) {
      query.where('c.entity_ref', options.entityRef);
    }
    const rows = await query;
    return rows.map((row: any) => ({
      entityRef: row.entity_ref,
      priority: Number(row.priority),
      clock: row.clock,
      met: count(row.met),
      breached: count(row.breached),
      waived: count(row.waived),
      fromDefaults: count(row.from_defaults),
    }));
  }

  async attainmentByPeriod(options: {
    entityRef: string;
    bounds: Date[];
  }): Promise<Array<{ met: number; breached: number }>> {
    const { bounds } = options;
    const periods = bounds.length - 1;
    if (periods < 1) {
      return [];
    }
    const db = this.#db;
    // One pass over the index range; each clock falls in the period its decision is in.
    const bucket = db.raw(
      `case ${bounds
        .slice(1, -1)
        .map((_, i) => `when c.decided_at < ? then ${i}`)
        .join(' ')} else ${periods - 1} end`,
      bounds.slice(1, -1),
    );
    const rows = await this.#decided(bounds[0], bounds[periods])
      .where('c.entity_ref', options.entityRef)
      .select(
        db.raw('? as bucket', [bucket]),
        db.raw('sum(case when c.breached_at is null then 1 else 0 end) as met'),
        db.raw(
          'sum(case when c.breached_at is not null and b.waiver_at is null then 1 else 0 end) as breached',
        ),
      )
      .groupByRaw('1');
    const result = Array.from({ length: periods }, () => ({
      met: 0,
      breached: 0,
    }));
    for (const row of rows as any[]) {
      const i = Number(row.bucket);
      result[i] = { met: count(row.met), breached: count(row.breached) };
    }
    return result;
  }

  async outages(options: {
    entityRef?: string;
    from: Date;
    to: Date;
  }): Promise<OutageRow[]> {
    const query = this.#db(`${ENTITIES} as e`)
      .join(`${INCIDENTS} as i`, 'i.seq', 'e.record_seq')
      .select('e.entity_ref', 'i.outage_start', 'i.outage_end')
      .where('e.record_type', 'incident')
      .where('e.is_primary', true)
      .where('i.major', true)
      .whereNot('i.status', 'cancelled')
      .whereNotNull('i.outage_start')
      .where('i.outage_start', '<', options.to)
      .where(q =>
        q.whereNull('i.outage_end').orWhere('i.outage_end', '>', options.from),
      );
    if (options.entityRef) {
      query.where('e.entity_ref', options.entityRef);
    }
    const rows = await query;
    return rows.map(row => ({
      entityRef: row.entity_ref,
      start: toDate(row.outage_start),
      end: toOptionalDate(row.outage_end),
    }));
  }

  async workload(options: { entityRef: string; from: Date; to: Date }) {
    const db = this.#db;
    const [incidents, changes] = await Promise.all([
      db(`${ENTITIES} as e`)
        .join(`${INCIDENTS} as i`, 'i.seq', 'e.record_seq')
        .where({
          'e.record_type': 'incident',
          'e.entity_ref': options.entityRef,
          'e.is_primary': true,
        })
        .whereNot('i.status', 'cancelled')
        .where('i.created_at', '>=', options.from)
        .where('i.created_at', '<', options.to)
        .select(
          db.raw('count(*) as total'),
          db.raw('sum(case when i.major then 1 else 0 end) as major'),
        )
        .first(),
      db(`${CHANGE_ENTITIES} as ce`)
        .join(`${CHANGES} as ch`, 'ch.seq', 'ce.change_seq')
        .where('ce.entity_ref', options.entityRef)
        .where('ch.created_at', '>=', options.from)
        .where('ch.created_at', '<', options.to)
        .countDistinct({ total: 'ch.seq' })
        .first(),
    ]);
    return {
      incidents: count((incidents as any)?.total),
      majorIncidents: count((incidents as any)?.major),
      changes: count((changes as any)?.total),
    };
  }

  async changeOutcomes(options: { entityRef: string; from: Date; to: Date }) {
    const db = this.#db;
    // Closed changes take no further writes, so their updated_at is when they closed.
    const row = await db(`${CHANGE_ENTITIES} as ce`)
      .join(`${CHANGES} as ch`, 'ch.seq', 'ce.change_seq')
      .where('ce.entity_ref', options.entityRef)
      .where('ch.status', 'closed')
      .whereNotNull('ch.outcome')
      .where('ch.updated_at', '>=', options.from)
      .where('ch.updated_at', '<', options.to)
      .select(
        db.raw('count(distinct ch.seq) as closed'),
        db.raw(
          "count(distinct case when ch.outcome in ('successful', 'successful_with_issues') then ch.seq end) as successful",
        ),
      )
      .first();
    return {
      closed: count((row as any)?.closed),
      successful: count((row as any)?.successful),
    };
  }

  async breaches(options: {
    entityRef: string;
    from: Date;
    to: Date;
    limit: number;
  }) {
    const db = this.#db;
    const inPeriod = () =>
      db(BREACHES)
        .where('entity_ref', options.entityRef)
        .where('breached_at', '>=', options.from)
        .where('breached_at', '<', options.to);
    const [totals, rows] = await Promise.all([
      inPeriod()
        .select(
          db.raw('count(*) as total'),
          db.raw(
            'sum(case when waiver_at is not null then 1 else 0 end) as waived',
          ),
        )
        .first(),
      inPeriod().select('*').orderBy('seq', 'desc').limit(options.limit),
    ]);
    return {
      total: count((totals as any)?.total),
      waived: count((totals as any)?.waived),
      items: rows.map(rowToBreach),
    };
  }

  /**
   * Clocks decided in `[from, to)` of non-cancelled incidents, with the breach row of
   * their breach (for waivers): the register row shares record, clock and breach instant.
   */
  #decided(from: Date, to: Date) {
    return this.#db(`${CLOCKS} as c`)
      .join(`${INCIDENTS} as i`, 'i.seq', 'c.record_seq')
      .leftJoin(`${BREACHES} as b`, join =>
        join
          .on('b.record_type', 'c.record_type')
          .andOn('b.record_seq', 'c.record_seq')
          .andOn('b.clock', 'c.clock')
          .andOn('b.breached_at', 'c.breached_at'),
      )
      .where('c.record_type', 'incident')
      .where('c.decided_at', '>=', from)
      .where('c.decided_at', '<', to)
      .whereNot('i.status', 'cancelled');
  }
}

function rowToSla(row: Record<string, any>): Omit<StoredSla, 'revisions'> {
  return {
    seq: Number(row.seq),
    entityRef: row.entity_ref,
    title: row.title,
    revision: Number(row.revision),
    terms: JSON.parse(row.terms),
    effectiveFrom: iso(row.effective_from),
    lastReviewedAt:
      row.last_reviewed_at === null || row.last_reviewed_at === undefined
        ? null
        : iso(row.last_reviewed_at),
  };
}
