/*
 * The incident trend report (DESIGN §3, problem management, proactive): the pure period
 * arithmetic and the shaping of rows. The counting itself is an aggregate in SQL.
 *
 * Periods are UTC: a week starts on Monday 00:00 UTC, a month on its first day 00:00 UTC.
 */
import { InputError } from '@backstage/errors';

/** What the trend report groups incidents by. @public */
export type IncidentTrendGroupBy =
  | 'entity'
  | 'category'
  | 'signature'
  | 'upstream';

/** The length of one period of the trend report. @public */
export type IncidentTrendInterval = 'week' | 'month';

/** One group of the trend report: its counts per period, in the order of the periods. @public */
export interface IncidentTrendRow {
  key: string;
  total: number;
  counts: number[];
}

/** `GET /reports/incident-trends`. @public */
export interface IncidentTrend {
  groupBy: IncidentTrendGroupBy;
  interval: IncidentTrendInterval;
  /** The counted range [from, to), ISO. */
  from: string;
  to: string;
  /** The start of every week or month that intersects [from, to), ISO, in order. */
  periods: string[];
  /** Sorted by total (descending), then key; the groups past `top` are summed in `(other)`, last. */
  rows: IncidentTrendRow[];
}

/** The row the groups past `top` are summed into. @public */
export const INCIDENT_TREND_OTHER = '(other)';
/** The key of incidents without a category. @public */
export const INCIDENT_TREND_UNCATEGORISED = 'uncategorised';
/** The key of incidents without a signature. @public */
export const INCIDENT_TREND_NO_SIGNATURE = '(none)';
/** How many periods the report covers when `from` is not given. @public */
export const INCIDENT_TREND_DEFAULT_PERIODS = 12;
/** The longest range a report may cover, in years. @public */
export const INCIDENT_TREND_MAX_YEARS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05, the first Monday of the epoch. */
const FIRST_MONDAY_MS = 4 * DAY_MS;

/** The start of the week (Monday 00:00 UTC) or month (the 1st, 00:00 UTC) holding `at`. @public */
export function trendPeriodStart(
  at: Date,
  interval: IncidentTrendInterval,
): Date {
  const ms = at.getTime();
  if (interval === 'week') {
    const into = (((ms - FIRST_MONDAY_MS) % WEEK_MS) + WEEK_MS) % WEEK_MS;
    return new Date(ms - into);
  }
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/** The start of the period `n` periods after the one starting at `start` (a period start). @public */
export function addTrendPeriods(
  start: Date,
  n: number,
  interval: IncidentTrendInterval,
): Date {
  if (interval === 'week') {
    return new Date(start.getTime() + n * WEEK_MS);
  }
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + n, 1));
}

/** The starts of every period that intersects [from, to), in order (none when from >= to). @public */
export function trendPeriods(
  from: Date,
  to: Date,
  interval: IncidentTrendInterval,
): Date[] {
  const periods: Date[] = [];
  for (
    let start = trendPeriodStart(from, interval);
    start.getTime() < to.getTime();
    start = addTrendPeriods(start, 1, interval)
  ) {
    periods.push(start);
  }
  return periods;
}

/**
 * `at` moved by `months` calendar months in UTC, the day of month clamped to the target
 * month's last day (31 March minus one month is 28 or 29 February), the time of day kept.
 *
 * @public
 */
export function addUtcMonths(at: Date, months: number): Date {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const moved = new Date(at.getTime());
  moved.setUTCFullYear(year, month, Math.min(at.getUTCDate(), lastDay));
  return moved;
}

/** 12 weeks or 12 calendar months before `to`. @public */
export function defaultIncidentTrendFrom(
  to: Date,
  interval: IncidentTrendInterval,
): Date {
  return interval === 'week'
    ? new Date(to.getTime() - INCIDENT_TREND_DEFAULT_PERIODS * WEEK_MS)
    : addUtcMonths(to, -INCIDENT_TREND_DEFAULT_PERIODS);
}

/**
 * The range a trend report counts: `to` defaults to `now`, `from` to 12 weeks or 12 months
 * before `to`. Throws `InputError` (400) when a date cannot be read, when `from` is not before
 * `to`, or when the range is longer than three years.
 *
 * @public
 */
export function resolveIncidentTrendRange(input: {
  from?: string;
  to?: string;
  interval: IncidentTrendInterval;
  now: Date;
}): { from: Date; to: Date } {
  const to = input.to === undefined ? input.now : parseDate(input.to, 'to');
  const from =
    input.from === undefined
      ? defaultIncidentTrendFrom(to, input.interval)
      : parseDate(input.from, 'from');
  if (from.getTime() >= to.getTime()) {
    throw new InputError('from must be before to');
  }
  if (
    to.getTime() > addUtcMonths(from, 12 * INCIDENT_TREND_MAX_YEARS).getTime()
  ) {
    throw new InputError(
      `The range from ${from.toISOString()} to ${to.toISOString()} is longer than ${INCIDENT_TREND_MAX_YEARS} years`,
    );
  }
  return { from, to };
}

function parseDate(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InputError(`${field} must be an ISO date or date-time`);
  }
  return date;
}

/** One counted cell: incidents of a group created in the period starting at `periodStart`. @public */
export interface IncidentTrendCount {
  key: string;
  /** A period start, as `trendPeriodStart` computes it. */
  periodStart: Date;
  count: number;
}

/**
 * The rows of the report from counted cells: one row per key with one count per period
 * (cells of the same key and period are added), sorted by total descending then key; past
 * `top` rows the rest are summed into one `(other)` row, last. Cells outside the periods
 * are ignored.
 *
 * @public
 */
export function incidentTrendRows(
  cells: Iterable<IncidentTrendCount>,
  periods: readonly Date[],
  top: number,
): IncidentTrendRow[] {
  const index = new Map(periods.map((p, i) => [p.getTime(), i]));
  const byKey = new Map<string, IncidentTrendRow>();
  for (const cell of cells) {
    const i = index.get(cell.periodStart.getTime());
    if (i === undefined || cell.count === 0) {
      continue;
    }
    let row = byKey.get(cell.key);
    if (!row) {
      row = { key: cell.key, total: 0, counts: periods.map(() => 0) };
      byKey.set(cell.key, row);
    }
    row.counts[i] += cell.count;
    row.total += cell.count;
  }
  const rows = [...byKey.values()].sort(
    (a, b) => b.total - a.total || compareKeys(a.key, b.key),
  );
  if (rows.length <= top) {
    return rows;
  }
  const other: IncidentTrendRow = {
    key: INCIDENT_TREND_OTHER,
    total: 0,
    counts: periods.map(() => 0),
  };
  for (const row of rows.slice(top)) {
    other.total += row.total;
    row.counts.forEach((n, i) => {
      other.counts[i] += n;
    });
  }
  return [...rows.slice(0, top), other];
}

/** Keys in code unit order, the same in every locale. */
function compareKeys(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/**
 * Counts per entity folded into counts per upstream dependency: each cell is counted once
 * under every dependency of its entity (an incident on a service with two dependencies counts
 * for both); entities without a dependency are left out.
 *
 * @public
 */
export function foldIncidentTrendUpstream(
  cells: Iterable<IncidentTrendCount>,
  upstreamOf: ReadonlyMap<string, readonly string[]>,
): IncidentTrendCount[] {
  const folded: IncidentTrendCount[] = [];
  for (const cell of cells) {
    for (const dependency of new Set(upstreamOf.get(cell.key) ?? [])) {
      folded.push({ ...cell, key: dependency });
    }
  }
  return folded;
}
