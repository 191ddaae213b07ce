import { InputError } from '@backstage/errors';
import {
  CompiledCalendar,
  DAY_MS,
  ServiceCalendar,
  compileServiceCalendar,
} from './types';
import { forEachOffsetStretch } from './zones';

// Counting happens on the "local axis": local wall-clock time written as if it were UTC ms.
// Within a stretch of constant UTC offset, instant t sits at local position t + offset, so the
// weekly hours and holidays become plain intervals there and DST needs no special case.

/** JS weekday (0 = Sunday) of a local day number; 1970-01-01 was a Thursday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

function isHoliday(c: CompiledCalendar, day: number): boolean {
  if (c.holidays.length === 0) {
    return false;
  }
  const i = lowerBound(c.holidays, day);
  return i < c.holidays.length && c.holidays[i] === day;
}

/** Service ms of local day `day` within [a, b) ms after its midnight. */
function dayMeasure(
  c: CompiledCalendar,
  day: number,
  a: number,
  b: number,
): number {
  if (b <= a || isHoliday(c, day)) {
    return 0;
  }
  let sum = 0;
  for (const [start, end] of c.ranges[weekday(day)]) {
    const lo = start > a ? start : a;
    const hi = end < b ? end : b;
    if (hi > lo) {
      sum += hi - lo;
    }
  }
  return sum;
}

/** Service ms of the whole local days in [fromDay, toDay). */
function fullDaysMeasure(
  c: CompiledCalendar,
  fromDay: number,
  toDay: number,
): number {
  const n = toDay - fromDay;
  if (n <= 0) {
    return 0;
  }
  const weeks = Math.floor(n / 7);
  let total = weeks * c.weekTotal;
  for (let d = fromDay + weeks * 7; d < toDay; d++) {
    total += c.dayTotals[weekday(d)];
  }
  if (c.holidays.length > 0) {
    const last = lowerBound(c.holidays, toDay);
    for (let i = lowerBound(c.holidays, fromDay); i < last; i++) {
      total -= c.dayTotals[weekday(c.holidays[i])];
    }
  }
  return total;
}

/** Service ms of the local-axis interval [from, to). */
function measureLocal(c: CompiledCalendar, from: number, to: number): number {
  if (to <= from) {
    return 0;
  }
  const d0 = Math.floor(from / DAY_MS);
  const d1 = Math.floor(to / DAY_MS);
  if (d0 === d1) {
    return dayMeasure(c, d0, from - d0 * DAY_MS, to - d0 * DAY_MS);
  }
  return (
    dayMeasure(c, d0, from - d0 * DAY_MS, DAY_MS) +
    fullDaysMeasure(c, d0 + 1, d1) +
    dayMeasure(c, d1, 0, to - d1 * DAY_MS)
  );
}

/**
 * The earliest local position L in [from, limit] with measureLocal(from, L) >= need (need > 0),
 * or NaN when the interval holds less than `need`.
 */
function advanceLocal(
  c: CompiledCalendar,
  from: number,
  need: number,
  limit: number,
): number {
  let rem = need;
  let day = Math.floor(from / DAY_MS);
  let pos = from;
  for (;;) {
    const dayStart = day * DAY_MS;
    if (!isHoliday(c, day)) {
      for (const [start, end] of c.ranges[weekday(day)]) {
        const lo = Math.max(dayStart + start, pos);
        const hi = Math.min(dayStart + end, limit);
        if (hi > lo) {
          if (hi - lo >= rem) {
            return lo + rem;
          }
          rem -= hi - lo;
        }
      }
    }
    day += 1;
    pos = day * DAY_MS;
    if (pos >= limit) {
      return NaN;
    }
    // Skip whole weeks that cannot use up what is left (holidays only make them shorter).
    for (;;) {
      let weeks = Math.floor((rem - 1) / c.weekTotal);
      if (limit !== Infinity) {
        weeks = Math.min(weeks, Math.floor((limit - pos) / (7 * DAY_MS)));
      }
      if (weeks <= 0) {
        break;
      }
      rem -= fullDaysMeasure(c, day, day + weeks * 7);
      day += weeks * 7;
      pos = day * DAY_MS;
    }
  }
}

function toMs(value: unknown, field: string): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(ms)) {
    throw new InputError(`${field} must be a valid Date`);
  }
  return ms;
}

/**
 * Milliseconds of service time in `[from, to)`; 0 when `to <= from`.
 *
 * @public
 */
export function businessMsBetween(
  cal: ServiceCalendar,
  from: Date,
  to: Date,
): number {
  const c = compileServiceCalendar(cal);
  const a = toMs(from, 'from');
  const b = toMs(to, 'to');
  if (b <= a) {
    return 0;
  }
  let total = 0;
  forEachOffsetStretch(c.timezone, a, b, (s, e, offset) => {
    total += measureLocal(c, s + offset, e + offset);
  });
  return total;
}

/**
 * The earliest instant `t >= from` with `businessMsBetween(cal, from, t) >= ms`;
 * `from` itself when `ms` is 0.
 *
 * @public
 */
export function addBusinessMs(
  cal: ServiceCalendar,
  from: Date,
  ms: number,
): Date {
  const c = compileServiceCalendar(cal);
  const a = toMs(from, 'from');
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new InputError(
      `ms must be a finite number >= 0, got ${JSON.stringify(ms)}`,
    );
  }
  if (ms === 0) {
    return from;
  }
  if (c.weekTotal === 0) {
    throw new InputError(
      `calendar '${cal.id}' has no service hours, so no target can fall due on it`,
    );
  }
  let rem = ms;
  let result = NaN;
  forEachOffsetStretch(c.timezone, a, Infinity, (s, e, offset) => {
    const local = advanceLocal(c, s + offset, rem, e + offset);
    if (!Number.isNaN(local)) {
      result = local - offset;
      return true;
    }
    rem -= measureLocal(c, s + offset, e + offset);
    return false;
  });
  return new Date(result);
}
