import { InputError } from '@backstage/errors';

/** @public */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** The weekdays in calendar order. @public */
export const WEEKDAYS: readonly Weekday[] = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
];

/**
 * When a service is supported: local weekly hours in an IANA time zone, minus holidays.
 *
 * @public
 */
export interface ServiceCalendar {
  id: string;
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timezone: string;
  /** Local `HH:mm` ranges per weekday, end exclusive, `24:00` allowed as an end. */
  hours: Partial<Record<Weekday, Array<[string, string]>>>;
  /** Local dates `YYYY-MM-DD` without service hours. */
  holidays?: string[];
}

/**
 * Service all day, every day, in UTC.
 *
 * @public
 */
export const ALWAYS_ON: ServiceCalendar = Object.freeze({
  id: '24x7',
  timezone: 'UTC',
  hours: Object.freeze(
    Object.fromEntries(
      WEEKDAYS.map(day => [
        day,
        Object.freeze([Object.freeze(['00:00', '24:00'])]),
      ]),
    ),
  ),
}) as ServiceCalendar;

/** @internal */
export const DAY_MS = 86_400_000;

/** @internal */
export interface CompiledCalendar {
  /** The fields it was compiled from, to notice a calendar whose fields were replaced. */
  hoursRef: unknown;
  holidaysRef: unknown;
  holidayCount: number;
  timezone: string;
  /** Merged local ranges in ms from local midnight, by JS weekday (0 = Sunday). */
  ranges: Array<Array<[number, number]>>;
  /** Service ms per JS weekday. */
  dayTotals: number[];
  weekTotal: number;
  /** Sorted, unique local day numbers (days since 1970-01-01) without service. */
  holidays: number[];
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseTime(value: unknown, field: string, allow24: boolean): number {
  if (allow24 && value === '24:00') {
    return DAY_MS;
  }
  const m = typeof value === 'string' ? HHMM.exec(value) : null;
  if (!m) {
    throw new InputError(
      `${field} must be a time 'HH:mm'${
        allow24 ? " or '24:00'" : ''
      }, got ${JSON.stringify(value)}`,
    );
  }
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Day number (days since 1970-01-01) of a `YYYY-MM-DD` date; throws `InputError` naming `field`.
 *
 * @internal
 */
export function parseLocalDate(value: unknown, field: string): number {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const check = new Date(ms);
    if (
      check.getUTCFullYear() === y &&
      check.getUTCMonth() === mo - 1 &&
      check.getUTCDate() === d
    ) {
      return ms / DAY_MS;
    }
  }
  throw new InputError(
    `${field} must be a date 'YYYY-MM-DD', got ${JSON.stringify(value)}`,
  );
}

const validZones = new Map<string, boolean>();

/** Checks an IANA time zone, naming `field` in the error. @internal */
export function checkTimezone(
  timezone: unknown,
  field = 'calendar.timezone',
): string {
  if (typeof timezone !== 'string' || timezone.length === 0) {
    throw new InputError(
      `${field} must be an IANA time zone, got ${JSON.stringify(timezone)}`,
    );
  }
  let ok = validZones.get(timezone);
  if (ok === undefined) {
    try {
      // eslint-disable-next-line no-new
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
      ok = true;
    } catch {
      ok = false;
    }
    validZones.set(timezone, ok);
  }
  if (!ok) {
    throw new InputError(
      `${field} '${timezone}' is not a known IANA time zone`,
    );
  }
  return timezone;
}

/** JS weekday (0 = Sunday) of each of our weekday keys. */
const JS_DAY: Record<Weekday, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};

const compiled = new WeakMap<ServiceCalendar, CompiledCalendar>();

/**
 * Validates a calendar and turns it into the form the clock functions count with.
 * Cached per calendar object (it is re-read if its fields are replaced).
 *
 * @internal
 */
export function compileServiceCalendar(
  calendar: ServiceCalendar,
): CompiledCalendar {
  if (!calendar || typeof calendar !== 'object') {
    throw new InputError('calendar must be an object');
  }
  const cached = compiled.get(calendar);
  if (
    cached &&
    cached.timezone === calendar.timezone &&
    cached.hoursRef === calendar.hours &&
    cached.holidaysRef === calendar.holidays &&
    cached.holidayCount === (calendar.holidays?.length ?? 0)
  ) {
    return cached;
  }
  const timezone = checkTimezone(calendar.timezone);
  const hours = calendar.hours;
  if (!hours || typeof hours !== 'object' || Array.isArray(hours)) {
    throw new InputError('calendar.hours must be an object of weekday ranges');
  }
  const ranges: Array<Array<[number, number]>> = [[], [], [], [], [], [], []];
  for (const [day, list] of Object.entries(hours)) {
    if (!(day in JS_DAY)) {
      throw new InputError(
        `calendar.hours.${day} is not a weekday; use one of ${WEEKDAYS.join(
          ', ',
        )}`,
      );
    }
    if (list === undefined) {
      continue;
    }
    if (!Array.isArray(list)) {
      throw new InputError(`calendar.hours.${day} must be an array of ranges`);
    }
    const parsed = list.map((range, i) => {
      const field = `calendar.hours.${day}[${i}]`;
      if (!Array.isArray(range) || range.length !== 2) {
        throw new InputError(`${field} must be a ['HH:mm', 'HH:mm'] range`);
      }
      const start = parseTime(range[0], `${field}[0]`, false);
      const end = parseTime(range[1], `${field}[1]`, true);
      if (start >= end) {
        throw new InputError(
          `${field} must start before it ends, got ${range[0]}–${range[1]}`,
        );
      }
      return [start, end] as [number, number];
    });
    parsed.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const [start, end] of parsed) {
      const last = merged[merged.length - 1];
      if (last && start <= last[1]) {
        last[1] = Math.max(last[1], end);
      } else {
        merged.push([start, end]);
      }
    }
    ranges[JS_DAY[day as Weekday]] = merged;
  }
  const rawHolidays = calendar.holidays ?? [];
  if (!Array.isArray(rawHolidays)) {
    throw new InputError('calendar.holidays must be an array of dates');
  }
  const holidays = [
    ...new Set(
      rawHolidays.map((d, i) => parseLocalDate(d, `calendar.holidays[${i}]`)),
    ),
  ].sort((a, b) => a - b);
  const dayTotals = ranges.map(list =>
    list.reduce((sum, [start, end]) => sum + end - start, 0),
  );
  const result: CompiledCalendar = {
    hoursRef: hours,
    holidaysRef: calendar.holidays,
    holidayCount: rawHolidays.length,
    timezone,
    ranges,
    dayTotals,
    weekTotal: dayTotals.reduce((a, b) => a + b, 0),
    holidays,
  };
  compiled.set(calendar, result);
  return result;
}

/**
 * The most holidays a calendar may have in one calendar year: a shared calendar with a
 * year of holidays would stop the clocks of every service that counts in it.
 *
 * @public
 */
export const MAX_HOLIDAYS_PER_YEAR = 60;

/**
 * Throws an `InputError` naming the offending field unless the calendar is valid:
 * a known IANA time zone, weekday keys, `HH:mm` ranges with `start < end`, service hours on
 * at least one weekday (a calendar without any would never let a clock run out), real holiday
 * dates, and at most {@link MAX_HOLIDAYS_PER_YEAR} holidays in any one year.
 *
 * @public
 */
export function validateServiceCalendar(calendar: ServiceCalendar): void {
  // Compiling validates the form; it is also what the clock functions do first.
  const { weekTotal } = compileServiceCalendar(calendar);
  if (weekTotal === 0) {
    throw new InputError(
      'calendar.hours must give service hours on at least one weekday',
    );
  }
  const perYear = new Map<string, number>();
  for (const date of new Set(calendar.holidays ?? [])) {
    const year = date.slice(0, 4);
    const count = (perYear.get(year) ?? 0) + 1;
    if (count > MAX_HOLIDAYS_PER_YEAR) {
      throw new InputError(
        `calendar.holidays must hold at most ${MAX_HOLIDAYS_PER_YEAR} dates in one year; ${year} has more`,
      );
    }
    perYear.set(year, count);
  }
}
