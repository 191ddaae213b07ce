import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  INCIDENT_TREND_NO_SIGNATURE,
  INCIDENT_TREND_UNCATEGORISED,
  IncidentTrendCount,
  IncidentTrendInterval,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { migratedClient } from '../../records/database';
import { toDate } from '../../records/rows';
import { whereIncidentPermitted } from '../incidents/incidentQuery';
import { incidentRecordType } from '../incidents/incidentRecordType';
import type {
  IncidentTrendCountOptions,
  IncidentTrendStore,
} from './IncidentTrendService';

const INCIDENTS = incidentRecordType.table;
const CREATED_AT = `${INCIDENTS}.created_at`;

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05 00:00 UTC, the first Monday of the epoch, in milliseconds. */
const FIRST_MONDAY_MS = 4 * DAY_MS;

/**
 * What a group key is, per `groupBy`, as SQL. Constants only (no bindings): PostgreSQL
 * matches the GROUP BY expressions to the selected ones textually, and a bound parameter
 * would be a different `$n` in each place.
 */
const KEYS: Record<IncidentTrendCountOptions['key'], string> = {
  entity: `${INCIDENTS}.entity_ref`,
  category: `coalesce(${INCIDENTS}.category, '${INCIDENT_TREND_UNCATEGORISED}')`,
  signature: `coalesce(${INCIDENTS}.signature, '${INCIDENT_TREND_NO_SIGNATURE}')`,
};

/**
 * The start of an incident's period as SQL, per dialect; it must agree with
 * `trendPeriodStart` in `-common` (weeks start on Monday 00:00 UTC, months on the 1st).
 *
 * - PostgreSQL: `created_at` is a timestamptz; `date_trunc` on its UTC wall time (ISO weeks
 *   start on Monday), turned back into a timestamptz.
 * - SQLite: the drivers store a `Date` as epoch milliseconds (an integer), so a week is
 *   integer arithmetic on it (the remainder kept positive), a month `strftime`'s
 *   `start of month` of the epoch seconds.
 * - MySQL: the day in the session's time zone (UTC on a server set up for Backstage), as
 *   `YYYY-MM-DD` text, read back as UTC midnight.
 */
function periodStartSql(db: Knex, interval: IncidentTrendInterval): string {
  const dialect = (db.client as { dialect?: string }).dialect;
  if (dialect === 'postgresql') {
    return `(date_trunc('${interval}', ${CREATED_AT} at time zone 'UTC') at time zone 'UTC')`;
  }
  if (dialect === 'sqlite3') {
    const ms = `cast(${CREATED_AT} as integer)`;
    return interval === 'week'
      ? `(${ms} - (((${ms} - ${FIRST_MONDAY_MS}) % ${WEEK_MS}) + ${WEEK_MS}) % ${WEEK_MS})`
      : `(cast(strftime('%s', ${ms} / 1000, 'unixepoch', 'start of month') as integer) * 1000)`;
  }
  if (dialect === 'mysql' || dialect === 'mysql2') {
    return interval === 'week'
      ? `date_format(date_sub(${CREATED_AT}, interval weekday(${CREATED_AT}) day), '%Y-%m-%d')`
      : `date_format(${CREATED_AT}, '%Y-%m-01')`;
  }
  throw new Error(`Incident trends are not supported on ${dialect}`);
}

/**
 * Knex implementation of {@link IncidentTrendStore}: one `GROUP BY key, period` over the
 * incidents created in [from, to) (the `created_at` index), narrowed by the caller's
 * permission filter as a WHERE clause; no incident is loaded to count it.
 */
export class KnexIncidentTrendStore implements IncidentTrendStore {
  readonly #db: Knex;

  /** Connects and runs the plugin's migrations unless the database service says to skip them. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexIncidentTrendStore> {
    return new KnexIncidentTrendStore(await migratedClient(options.database));
  }

  static fromKnex(db: Knex): KnexIncidentTrendStore {
    return new KnexIncidentTrendStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async countIncidents(
    options: IncidentTrendCountOptions,
  ): Promise<IncidentTrendCount[]> {
    const db = this.#db;
    const key = KEYS[options.key];
    const period = periodStartSql(db, options.interval);
    const query = db(INCIDENTS)
      .select(
        db.raw(`${key} as trend_key`),
        db.raw(`${period} as period_start`),
      )
      .count({ n: '*' })
      .where(CREATED_AT, '>=', options.from)
      .where(CREATED_AT, '<', options.to)
      .groupByRaw(`${key}, ${period}`);
    if (options.entityRefs?.length) {
      query.whereIn(`${INCIDENTS}.entity_ref`, options.entityRefs);
    }
    if (options.permissionFilter) {
      whereIncidentPermitted(db, query, options.permissionFilter);
    }
    const rows = (await query) as Array<{
      trend_key: string;
      period_start: unknown;
      n: unknown;
    }>;
    return rows.map(row => ({
      key: String(row.trend_key),
      periodStart: toDate(row.period_start),
      count: Number(row.n),
    }));
  }
}
