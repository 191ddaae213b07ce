// A deliberately naive model of the DESIGN §4 semantics, for property tests only:
// step minute by minute and ask Intl for each minute's local wall-clock time.
// It shares no code with the real implementation.
import type { ServiceCalendar, Weekday } from './types';

const MINUTE = 60_000;
const DAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(timezone: string, t: number) {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(timezone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(t))) {
    p[part.type] = part.value;
  }
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: p.weekday.toLowerCase().slice(0, 3) as Weekday,
    minuteOfDay: Number(p.hour) * 60 + Number(p.minute),
  };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Whether the minute starting at `t` (minute-aligned) is service time. */
export function naiveInService(cal: ServiceCalendar, t: number): boolean {
  const local = localParts(cal.timezone, t);
  if (cal.holidays?.includes(local.date)) {
    return false;
  }
  const ranges = cal.hours[local.weekday] ?? [];
  return ranges.some(
    ([a, b]) =>
      toMinutes(a) <= local.minuteOfDay && local.minuteOfDay < toMinutes(b),
  );
}

export function naiveBusinessMsBetween(
  cal: ServiceCalendar,
  from: number,
  to: number,
): number {
  let total = 0;
  for (let t = from; t < to; t += MINUTE) {
    if (naiveInService(cal, t)) {
      total += MINUTE;
    }
  }
  return total;
}

/** The earliest t >= from with the service time in [from, t) >= ms (minute-aligned ms). */
export function naiveAddBusinessMs(
  cal: ServiceCalendar,
  from: number,
  ms: number,
): number {
  let acc = 0;
  let t = from;
  while (acc < ms) {
    if (naiveInService(cal, t)) {
      acc += MINUTE;
    }
    t += MINUTE;
  }
  return t;
}

export interface NaiveClock {
  elapsedMs: number;
  state: string;
  dueAt: number | null;
}

/** The clock by stepping minutes: counting only minutes in service and outside every pause. */
export function naiveClock(input: {
  targetMs: number;
  calendar: ServiceCalendar;
  startedAt: number;
  pauses: Array<{ from: number; to?: number }>;
  stoppedAt?: number;
  now: number;
  horizon: number;
}): NaiveClock {
  const end = input.stoppedAt ?? input.now;
  const openFrom = input.pauses
    .filter(p => p.to === undefined && Math.max(p.from, input.startedAt) <= end)
    .reduce<number | undefined>(
      (min, p) =>
        min === undefined
          ? Math.max(p.from, input.startedAt)
          : Math.min(min, Math.max(p.from, input.startedAt)),
      undefined,
    );
  const pausedAt = (t: number) =>
    (openFrom !== undefined && t >= openFrom) ||
    input.pauses.some(
      p => p.to !== undefined && t >= p.from && t < Math.min(p.to, end),
    );
  let elapsed = 0;
  for (let t = input.startedAt; t < end; t += MINUTE) {
    if (!pausedAt(t) && naiveInService(input.calendar, t)) {
      elapsed += MINUTE;
    }
  }
  let dueAt: number | null = null;
  // Second pass for the due instant: count on past the end with no further pauses.
  let acc = 0;
  for (let t = input.startedAt; t < input.horizon; t += MINUTE) {
    if (openFrom !== undefined && t >= openFrom) {
      break;
    }
    const paused = t < end && pausedAt(t);
    if (!paused && naiveInService(input.calendar, t)) {
      acc += MINUTE;
      if (acc >= input.targetMs) {
        dueAt = t + MINUTE;
        break;
      }
    }
  }
  let state: string;
  if (dueAt !== null && end > dueAt) {
    state = 'breached';
  } else if (input.stoppedAt !== undefined) {
    state = 'met';
  } else if (openFrom !== undefined) {
    state = 'paused';
  } else {
    state = 'running';
  }
  return { elapsedMs: elapsed, state, dueAt };
}

export const NAIVE_WEEKDAYS = DAYS;
