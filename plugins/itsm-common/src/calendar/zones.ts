/**
 * UTC offsets of IANA time zones, read once per zone and year from `Intl` and cached,
 * so the clock functions can walk time in stretches of constant offset.
 */

const SIX_HOURS = 6 * 3_600_000;

interface ZoneYear {
  end: number;
  startOffset: number;
  /** Instants at which the offset changes, with the offset from then on. */
  transitions: Array<[number, number]>;
}

const FIXED_UTC = new Set([
  'UTC',
  'Etc/UTC',
  'Etc/GMT',
  'GMT',
  'Etc/Universal',
  'Etc/Zulu',
]);
const formatters = new Map<string, Intl.DateTimeFormat>();
const years = new Map<string, Map<number, ZoneYear>>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timezone, f);
  }
  return f;
}

/** Local wall time minus UTC, in ms, at instant `t`. @internal */
export function offsetAt(timezone: string, t: number): number {
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of formatter(timezone).formatToParts(new Date(t))) {
    if (part.type === 'era') {
      bc = part.value.startsWith('B');
    } else if (part.type !== 'literal') {
      fields[part.type] = Number(part.value);
    }
  }
  const year = bc ? 1 - fields.year : fields.year;
  const local = new Date(0);
  local.setUTCFullYear(year, fields.month - 1, fields.day);
  local.setUTCHours(fields.hour, fields.minute, fields.second, 0);
  const wholeSecond = t - (((t % 1000) + 1000) % 1000);
  return local.getTime() - wholeSecond;
}

function zoneYear(timezone: string, year: number): ZoneYear {
  let byYear = years.get(timezone);
  if (!byYear) {
    byYear = new Map();
    years.set(timezone, byYear);
  }
  let zy = byYear.get(year);
  if (zy) {
    return zy;
  }
  const startDate = new Date(0);
  startDate.setUTCFullYear(year, 0, 1);
  const start = startDate.getTime();
  startDate.setUTCFullYear(year + 1, 0, 1);
  const end = startDate.getTime();
  const transitions: Array<[number, number]> = [];
  const startOffset = offsetAt(timezone, start);
  let prevT = start;
  let prevOffset = startOffset;
  while (prevT < end) {
    const t = Math.min(prevT + SIX_HOURS, end);
    const offset = offsetAt(timezone, t);
    if (offset === prevOffset) {
      prevT = t;
      continue;
    }
    // The first millisecond in (prevT, t] with a different offset.
    let lo = prevT;
    let hi = t;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(timezone, mid) === prevOffset) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    prevOffset = offsetAt(timezone, hi);
    prevT = hi;
    if (hi < end) {
      transitions.push([hi, prevOffset]);
    }
  }
  zy = { end, startOffset, transitions };
  byYear.set(year, zy);
  return zy;
}

/**
 * Calls `visit(from, to, offset)` for the stretches of constant UTC offset that cover
 * `[from, to)`, in order, until `visit` returns true. `to` may be `Infinity`.
 *
 * @internal
 */
export function forEachOffsetStretch(
  timezone: string,
  from: number,
  to: number,
  visit: (from: number, to: number, offset: number) => boolean | void,
): void {
  if (FIXED_UTC.has(timezone)) {
    if (from < to) {
      visit(from, to, 0);
    }
    return;
  }
  let t = from;
  while (t < to) {
    const zy = zoneYear(timezone, new Date(t).getUTCFullYear());
    let offset = zy.startOffset;
    let next = zy.end;
    for (const [at, after] of zy.transitions) {
      if (at <= t) {
        offset = after;
      } else {
        next = at;
        break;
      }
    }
    const stretchEnd = Math.min(next, to);
    if (visit(t, stretchEnd, offset)) {
      return;
    }
    t = stretchEnd;
  }
}
