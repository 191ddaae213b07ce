import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  ChangeOutcome,
  ChangeType,
  IncidentStatus,
  Priority,
  ProblemStatus,
  ReviewPackList,
  ReviewPackMajorIncident,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { migratedClient } from '../../../records/database';
import { toDate, toOptionalDate } from '../../../records/rows';
import { RECORD_TABLES } from '../../../records/tables';
import { incidentRecordType } from '../../incidents/incidentRecordType';
import { changeRecordType } from '../../changes/changeRecordTypes';
import {
  knownErrorRecordType,
  problemRecordType,
} from '../../problems/problemRecordTypes';
import type {
  IncidentCountRow,
  PackQuery,
  ReviewPackStore,
} from './ReviewPackStore';

const INCIDENTS = incidentRecordType.table;
const PROBLEMS = problemRecordType.table;
const KNOWN_ERRORS = knownErrorRecordType.table;
const CHANGES = changeRecordType.table;
const CHANGE_ENTITIES = 'itsm_change_entities';
const BREACHES = 'itsm_sla_breaches';
/** Problems that are worked on: not a proposal (candidate), not dismissed. */
const NOT_COUNTED_PROBLEMS = ['candidate', 'cancelled'];
const OPEN_PROBLEMS = ['new', 'investigating', 'known_error'];
const FAILED_OUTCOMES = ['failed', 'backed_out'];

const iso = (value: unknown) => toDate(value).toISOString();
const isoOrNull = (value: unknown) =>
  toOptionalDate(value)?.toISOString() ?? null;
const count = (value: unknown) => Number(value ?? 0);

/** Parses a stored post-incident review; text the pack cannot read is left out, not fatal. */
function reviewOf(value: unknown): ReviewPackMajorIncident['review'] {
  if (typeof value !== 'string' || !value) return null;
  try {
    const review = JSON.parse(value);
    return {
      summary: String(review.summary ?? ''),
      rootCause: review.rootCause ?? null,
      lessonsLearned: review.lessonsLearned ?? null,
      problemId: review.problemId ?? null,
    };
  } catch {
    return null;
  }
}

/**
 * Knex implementation of {@link ReviewPackStore}: every figure is one aggregate on an index
 * range of one service (incidents by `(entity_ref, created_at)`, breaches by `(entity_ref,
 * breached_at)`, problems, known errors and changes through their entity rows); lists are
 * `LIMIT`ed and counted apart. Orders end on the record number, so equal values always come
 * back in the same order and a regenerated pack is identical.
 */
export class KnexReviewPackStore implements ReviewPackStore {
  readonly #db: Knex;

  /** Connects and runs the plugin's migrations unless the database service says to skip them. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexReviewPackStore> {
    return new KnexReviewPackStore(await migratedClient(options.database));
  }

  constructor(db: Knex) {
    this.#db = db;
  }

  async incidentCounts(query: PackQuery): Promise<IncidentCountRow[]> {
    const db = this.#db;
    const rows = await db(INCIDENTS)
      .where('entity_ref', query.entityRef)
      .where('created_at', '>=', query.from)
      .where('created_at', '<', query.to)
      .select(
        'priority',
        'status',
        db.raw('count(*) as total'),
        db.raw(
          'sum(case when resolved_at is not null and resolved_at < ? then 1 else 0 end) as resolved',
          [query.to],
        ),
      )
      .groupBy('priority', 'status');
    return rows.map((row: any) => ({
      priority: Number(row.priority),
      status: row.status,
      count: count(row.total),
      resolvedInPeriod: count(row.resolved),
    }));
  }

  async majorIncidents(
    query: PackQuery & { limit: number },
  ): Promise<ReviewPackList<ReviewPackMajorIncident>> {
    const inPack = () =>
      this.#db(INCIDENTS)
        .where('entity_ref', query.entityRef)
        .where('major', true)
        .whereNot('status', 'cancelled')
        .where(q =>
          q
            .where(created =>
              created
                .where('created_at', '>=', query.from)
                .where('created_at', '<', query.to),
            )
            .orWhere(outage =>
              outage
                .where('outage_start', '<', query.to)
                .where(end =>
                  end
                    .whereNull('outage_end')
                    .orWhere('outage_end', '>', query.from),
                ),
            ),
        );
    const [total, rows] = await Promise.all([
      inPack().count({ total: '*' }).first(),
      inPack()
        .select(
          'seq',
          'title',
          'priority',
          'status',
          'created_at',
          'resolved_at',
          'outage_start',
          'outage_end',
          'post_incident_review',
        )
        .orderBy([
          { column: 'created_at', order: 'asc' },
          { column: 'seq', order: 'asc' },
        ])
        .limit(query.limit),
    ]);
    return {
      total: count((total as any)?.total),
      items: rows.map(row => ({
        id: incidentRecordType.id(Number(row.seq)),
        title: row.title,
        priority: Number(row.priority) as Priority,
        status: row.status as IncidentStatus,
        createdAt: iso(row.created_at),
        resolvedAt: isoOrNull(row.resolved_at),
        outageStart: isoOrNull(row.outage_start),
        outageEnd: isoOrNull(row.outage_end),
        review: reviewOf(row.post_incident_review),
      })),
    };
  }

  async breachCauses(query: PackQuery) {
    const rows = await this.#db(BREACHES)
      .where('entity_ref', query.entityRef)
      .where('breached_at', '>=', query.from)
      .where('breached_at', '<', query.to)
      .select('cause', this.#db.raw('count(*) as total'))
      .groupBy('cause');
    return rows.map((row: any) => ({
      cause: row.cause ?? null,
      count: count(row.total),
    }));
  }

  /** The problems of a service, through their entity rows. */
  #problemsOf(entityRef: string) {
    return this.#db(`${RECORD_TABLES.entities} as re`)
      .join(`${PROBLEMS} as p`, 'p.seq', 're.record_seq')
      .where('re.record_type', problemRecordType.recordType)
      .where('re.entity_ref', entityRef)
      .whereNotIn('p.status', NOT_COUNTED_PROBLEMS);
  }

  async problemCounts(query: PackQuery) {
    const db = this.#db;
    const row: any = await this.#problemsOf(query.entityRef)
      .select(
        db.raw(
          'sum(case when p.created_at >= ? and p.created_at < ? then 1 else 0 end) as opened',
          [query.from, query.to],
        ),
        db.raw(
          'sum(case when p.resolved_at >= ? and p.resolved_at < ? then 1 else 0 end) as resolved',
          [query.from, query.to],
        ),
        db.raw(
          `sum(case when p.status in (${OPEN_PROBLEMS.map(() => '?').join(
            ', ',
          )}) then 1 else 0 end) as open_now`,
          OPEN_PROBLEMS,
        ),
      )
      .first();
    return {
      opened: count(row?.opened),
      resolved: count(row?.resolved),
      open: count(row?.open_now),
    };
  }

  async problems(query: PackQuery & { limit: number }) {
    const inPack = () =>
      this.#problemsOf(query.entityRef).where(q =>
        q
          .whereIn('p.status', OPEN_PROBLEMS)
          .orWhere(c =>
            c
              .where('p.created_at', '>=', query.from)
              .where('p.created_at', '<', query.to),
          )
          .orWhere(r =>
            r
              .where('p.resolved_at', '>=', query.from)
              .where('p.resolved_at', '<', query.to),
          ),
      );
    const [total, rows] = await Promise.all([
      inPack().count({ total: '*' }).first(),
      inPack()
        .select(
          'p.seq',
          'p.title',
          'p.status',
          'p.priority',
          'p.created_at',
          'p.resolved_at',
        )
        .orderBy([
          { column: 'p.priority', order: 'asc' },
          { column: 'p.seq', order: 'asc' },
        ])
        .limit(query.limit),
    ]);
    return {
      total: count((total as any)?.total),
      items: rows.map((row: any) => ({
        id: problemRecordType.id(Number(row.seq)),
        title: row.title,
        status: row.status as ProblemStatus,
        priority: Number(row.priority) as Priority,
        createdAt: iso(row.created_at),
        resolvedAt: isoOrNull(row.resolved_at),
      })),
    };
  }

  async activeKnownErrors(options: { entityRef: string; limit: number }) {
    const active = () =>
      this.#db(`${RECORD_TABLES.entities} as re`)
        .join(`${KNOWN_ERRORS} as k`, 'k.seq', 're.record_seq')
        .where('re.record_type', knownErrorRecordType.recordType)
        .where('re.entity_ref', options.entityRef)
        .where('k.status', 'active');
    const [total, rows] = await Promise.all([
      active().count({ total: '*' }).first(),
      active()
        .select('k.seq', 'k.title', 'k.created_at', 'k.review_by')
        .orderBy('k.seq', 'asc')
        .limit(options.limit),
    ]);
    return {
      total: count((total as any)?.total),
      items: rows.map((row: any) => ({
        id: knownErrorRecordType.id(Number(row.seq)),
        title: row.title,
        createdAt: iso(row.created_at),
        reviewBy: row.review_by ?? null,
      })),
    };
  }

  /**
   * Changes on the service closed in the period with an outcome. Closed changes take no
   * further writes, so their `updated_at` is when they closed (as the SLA report counts them).
   */
  #closedChanges(query: PackQuery) {
    return this.#db(`${CHANGE_ENTITIES} as ce`)
      .join(`${CHANGES} as ch`, 'ch.seq', 'ce.change_seq')
      .where('ce.entity_ref', query.entityRef)
      .where('ch.status', 'closed')
      .whereNotNull('ch.outcome')
      .where('ch.updated_at', '>=', query.from)
      .where('ch.updated_at', '<', query.to);
  }

  async changeOutcomes(query: PackQuery) {
    const rows = await this.#closedChanges(query)
      .select('ch.outcome', this.#db.raw('count(*) as total'))
      .groupBy('ch.outcome');
    return rows.map((row: any) => ({
      outcome: row.outcome as ChangeOutcome,
      count: count(row.total),
    }));
  }

  async failedChanges(query: PackQuery & { limit: number }) {
    const failed = () =>
      this.#closedChanges(query).whereIn('ch.outcome', FAILED_OUTCOMES);
    const [total, rows] = await Promise.all([
      failed().count({ total: '*' }).first(),
      failed()
        .select('ch.seq', 'ch.title', 'ch.type', 'ch.outcome', 'ch.updated_at')
        .orderBy([
          { column: 'ch.updated_at', order: 'asc' },
          { column: 'ch.seq', order: 'asc' },
        ])
        .limit(query.limit),
    ]);
    return {
      total: count((total as any)?.total),
      items: rows.map((row: any) => ({
        id: changeRecordType.id(Number(row.seq)),
        title: row.title,
        type: row.type as ChangeType,
        outcome: row.outcome as ChangeOutcome,
        closedAt: iso(row.updated_at),
      })),
    };
  }
}
