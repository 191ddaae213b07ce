import { migratedClient } from '../../records/database';
import { toDate } from '../../records/rows';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { rowToBreach } from './KnexBreachStore';
import { toOptionalDate } from '../../records/rows';
import type {
  AttainmentRow,
  OutageRow,
  SlaReportStore,
  StoredSla,
} from './SlaReportStore';

const CLOCKS = 'itsm_sla_clocks';
const INCIDENTS = 'itsm_incidents';
const BREACHES = 'itsm_sla_breaches';
const SLAS = 'itsm_slas';
const REVISIONS = 'itsm_agreement_revisions';
const CHANGES = 'itsm_changes';
const CHANGE_ENTITIES = 'itsm_change_entities';

/** A breached clock that counts against the target, and one whose breach was waived. */
const BREACHED = 'breached_at is not null and not waived';
const WAIVED = 'breached_at is not null and waived';

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
    return new KnexSlaReportStore(await migratedClient(options.database));
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
        'entity_ref',
        'priority',
        'clock',
        db.raw('sum(case when breached_at is null then 1 else 0 end) as met'),
        db.raw(`sum(case when ${BREACHED} then 1 else 0 end) as breached`),
        db.raw(`sum(case when ${WAIVED} then 1 else 0 end) as waived`),
        db.raw(
          'sum(case when sla_seq is null then 1 else 0 end) as from_defaults',
        ),
      )
      .groupBy('entity_ref', 'priority', 'clock');
    if (options.entityRef) {
      query.where('entity_ref', options.entityRef);
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
    // One aggregate per period, each on its own range of the (entity_ref, decided_at)
    // index: over the whole span at once PostgreSQL would rather scan the table.
    const [first, ...rest] = Array.from({ length: periods }, (_, i) =>
      this.#decided(bounds[i], bounds[i + 1])
        .where('entity_ref', options.entityRef)
        .select(
          db.raw(`${i} as bucket`),
          db.raw('sum(case when breached_at is null then 1 else 0 end) as met'),
          db.raw(`sum(case when ${BREACHED} then 1 else 0 end) as breached`),
        ),
    );
    const rows = rest.length ? await first.unionAll(rest) : await first;
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
    // The incident's entity_ref is its primary entity.
    const query = this.#db(INCIDENTS)
      .select('entity_ref', 'outage_start', 'outage_end')
      .where('major', true)
      .whereNot('status', 'cancelled')
      .whereNotNull('outage_start')
      .where('outage_start', '<', options.to)
      .where(q =>
        q.whereNull('outage_end').orWhere('outage_end', '>', options.from),
      );
    if (options.entityRef) {
      query.where('entity_ref', options.entityRef);
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
      // One range of itsm_incidents (entity_ref, created_at): its primary entity.
      db(INCIDENTS)
        .where('entity_ref', options.entityRef)
        .where('created_at', '>=', options.from)
        .where('created_at', '<', options.to)
        .whereNot('status', 'cancelled')
        .select(
          db.raw('count(*) as total'),
          db.raw('sum(case when major then 1 else 0 end) as major'),
        )
        .first(),
      // A change names several entities and a service has few changes: through its entity rows.
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
    // As the attainment figures: a recorded breach counts until it is waived, whatever
    // happened to its incident since (cancelled, priority lowered).
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
   * Incident clocks decided in `[from, to)` that count (their incident is not cancelled),
   * from itsm_sla_clocks alone: the clock rows carry the incident's priority, whether it
   * counts and whether their breach is waived.
   */
  #decided(from: Date, to: Date) {
    return this.#db(CLOCKS)
      .where('record_type', 'incident')
      .where('decided_at', '>=', from)
      .where('decided_at', '<', to)
      .where('counts', true);
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
