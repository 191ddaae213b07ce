import { InputError } from '@backstage/errors';
import type { ServiceCalendar } from '../calendar/types';
import { addBusinessMs, businessMsBetween } from '../calendar/businessTime';

/** @public */
export type SlaClockState = 'running' | 'paused' | 'met' | 'breached';

/** @public */
export interface SlaClockInput {
  /** Service time allowed, in ms; must be > 0. */
  targetMs: number;
  calendar: ServiceCalendar;
  startedAt: Date;
  /** Intervals in which the clock does not count; an open pause (no `to`) lasts until the end. */
  pauses?: Array<{ from: Date; to?: Date }>;
  stoppedAt?: Date;
  now: Date;
}

/** @public */
export interface SlaClockResult {
  elapsedMs: number;
  remainingMs: number;
  percent: number;
  state: SlaClockState;
  dueAt: Date | null;
  breachedAt: Date | null;
}

function instant(value: unknown, field: string): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(ms)) {
    throw new InputError(`${field} must be a valid Date`);
  }
  return ms;
}

/**
 * Evaluates an SLA clock at `now`: service time elapsed outside pauses, what is left,
 * when it falls due, and whether it is running, paused, met or breached.
 * See DESIGN §4 for the exact semantics.
 *
 * @public
 */
export function computeSlaClock(input: SlaClockInput): SlaClockResult {
  const { targetMs, calendar } = input;
  if (
    typeof targetMs !== 'number' ||
    !Number.isFinite(targetMs) ||
    targetMs <= 0
  ) {
    throw new InputError(
      `targetMs must be a number > 0, got ${JSON.stringify(targetMs)}`,
    );
  }
  const start = instant(input.startedAt, 'startedAt');
  const now = instant(input.now, 'now');
  const stopped =
    input.stoppedAt === undefined
      ? undefined
      : instant(input.stoppedAt, 'stoppedAt');
  const end = stopped ?? now;

  // Merge the pauses and clip them to [start, end]; remember where an open pause begins.
  const raw = (input.pauses ?? []).map((p, i) => {
    const from = instant(p?.from, `pauses[${i}].from`);
    const to =
      p.to === undefined ? undefined : instant(p.to, `pauses[${i}].to`);
    return { from, to };
  });
  let openFrom: number | undefined;
  const closed: Array<[number, number]> = [];
  for (const p of raw) {
    const from = Math.max(p.from, start);
    if (p.to === undefined) {
      if (from <= end) {
        openFrom = openFrom === undefined ? from : Math.min(openFrom, from);
      }
      continue;
    }
    const to = Math.min(p.to, end);
    if (to > from) {
      closed.push([from, to]);
    }
  }
  if (openFrom !== undefined) {
    // An open pause runs to the end and swallows every pause that starts after it.
    closed.push([openFrom, end]);
  }
  closed.sort((a, b) => a[0] - b[0]);
  const pauses: Array<[number, number]> = [];
  for (const [from, to] of closed) {
    const last = pauses[pauses.length - 1];
    if (last && from <= last[1]) {
      last[1] = Math.max(last[1], to);
    } else {
      pauses.push([from, to]);
    }
  }
  const openMerged =
    openFrom === undefined
      ? undefined
      : pauses.find(p => p[1] === end && p[0] <= openFrom!);

  // Active stretches: [start, end) outside pauses. Count elapsed and find the due instant.
  let elapsedMs = 0;
  let dueAt: number | null = null;
  let cursor = start;
  const toDue = (from: number, to: number | undefined) => {
    if (dueAt !== null) {
      return;
    }
    const need = targetMs - elapsedMs;
    if (to === undefined) {
      dueAt = addBusinessMs(calendar, new Date(from), need).getTime();
      return;
    }
    const span = businessMsBetween(calendar, new Date(from), new Date(to));
    if (span >= need) {
      dueAt = addBusinessMs(calendar, new Date(from), need).getTime();
    }
  };
  for (const [from, to] of pauses) {
    if (from > cursor) {
      toDue(cursor, from);
      elapsedMs += businessMsBetween(
        calendar,
        new Date(cursor),
        new Date(from),
      );
    }
    cursor = Math.max(cursor, to);
  }
  if (end > cursor) {
    toDue(cursor, end);
    elapsedMs += businessMsBetween(calendar, new Date(cursor), new Date(end));
  }
  if (dueAt === null && openMerged === undefined) {
    // Not yet due by the end: it falls due after the end, counting on from there.
    toDue(Math.max(cursor, end), undefined);
  }

  const remainingMs = targetMs - elapsedMs;
  const percent = (100 * elapsedMs) / targetMs;
  let state: SlaClockState;
  let breachedAt: Date | null = null;
  if (dueAt !== null && end > dueAt) {
    state = 'breached';
    breachedAt = new Date(dueAt);
  } else if (stopped !== undefined) {
    state = 'met';
  } else if (openMerged !== undefined) {
    state = 'paused';
  } else {
    state = 'running';
  }
  return {
    elapsedMs,
    remainingMs,
    percent,
    state,
    dueAt: dueAt === null ? null : new Date(dueAt),
    breachedAt,
  };
}
