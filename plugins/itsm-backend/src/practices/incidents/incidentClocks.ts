import {
  IncidentStatus,
  Priority,
  ServiceCalendar,
  SlaClockResult,
  computeSlaClock,
} from '@backstage-itsm/plugin-itsm-common';
import type { SlaClockRecord } from './IncidentStore';

// How the lifecycle moves an incident's SLA clocks (DESIGN §3, Incident):
// the response clock stops at the first move out of `new`; the resolution
// clock pauses while `on_hold`, stops at `resolved`, and a reopen resumes it
// with the time since the resolution as a pause; `cancelled` stops both.
// Stopped clocks are frozen: nothing here changes them again.

/** A clock's target resolved to a calendar. */
export interface ResolvedClockTarget {
  targetMs: number;
  calendarId: string;
  /** The SLA revision the target came from; null or absent: the configured defaults. */
  slaSeq?: number | null;
  slaRevision?: number | null;
}

/** A stored clock evaluated at `now` with `computeSlaClock`. */
export function computeStoredClock(
  clock: SlaClockRecord,
  calendar: ServiceCalendar,
  now: Date,
): SlaClockResult {
  return computeSlaClock({
    targetMs: clock.targetMs,
    calendar,
    startedAt: clock.startedAt,
    pauses: clock.pauses,
    stoppedAt: clock.stoppedAt ?? undefined,
    now,
  });
}

/** The clock's persisted state (state, due and breach instants) as of `now`. */
export function evaluateClock(
  clock: SlaClockRecord,
  calendar: ServiceCalendar,
  now: Date,
): SlaClockRecord {
  const result = computeStoredClock(clock, calendar, now);
  return {
    ...clock,
    state: result.state,
    dueAt: result.dueAt,
    breachedAt: result.breachedAt,
    evaluatedAt: now,
  };
}

/** A clock started at `now` with the given target. */
export function startClock(
  name: SlaClockRecord['clock'],
  target: ResolvedClockTarget,
  now: Date,
  priority?: Priority,
): SlaClockRecord {
  return {
    clock: name,
    ...(priority === undefined ? {} : { priority }),
    targetMs: target.targetMs,
    calendarId: target.calendarId,
    slaSeq: target.slaSeq ?? null,
    slaRevision: target.slaRevision ?? null,
    startedAt: now,
    stoppedAt: null,
    pauses: [],
    state: 'running',
    dueAt: null,
    breachedAt: null,
    evaluatedAt: now,
  };
}

/** The clocks after a move from `from` to `to` at `now` (not yet re-evaluated). */
export function clocksAfterTransition(
  clocks: SlaClockRecord[],
  from: IncidentStatus,
  to: IncidentStatus,
  now: Date,
): SlaClockRecord[] {
  return clocks.map(clock =>
    clock.clock === 'response'
      ? responseAfter(clock, from, to, now)
      : resolutionAfter(clock, from, to, now),
  );
}

function responseAfter(
  clock: SlaClockRecord,
  from: IncidentStatus,
  to: IncidentStatus,
  now: Date,
): SlaClockRecord {
  if (clock.stoppedAt) {
    return clock;
  }
  if (from === 'new' || to === 'cancelled') {
    return { ...clock, stoppedAt: now };
  }
  return clock;
}

function resolutionAfter(
  clock: SlaClockRecord,
  from: IncidentStatus,
  to: IncidentStatus,
  now: Date,
): SlaClockRecord {
  if (from === 'resolved' && to === 'in_progress' && clock.stoppedAt) {
    // Reopen: the time between the resolution and now does not count.
    return {
      ...clock,
      stoppedAt: null,
      pauses: [...clock.pauses, { from: clock.stoppedAt, to: now }],
    };
  }
  if (clock.stoppedAt) {
    return clock;
  }
  let pauses = clock.pauses;
  if (from === 'on_hold') {
    pauses = pauses.map(p => (p.to ? p : { from: p.from, to: now }));
  }
  if (to === 'on_hold') {
    pauses = [...pauses, { from: now }];
  }
  const stops = to === 'resolved' || to === 'cancelled';
  return { ...clock, pauses, stoppedAt: stops ? now : null };
}

/**
 * Re-targets the running clocks from their start (a priority change): same
 * start and pauses, the new priority's targets (taken by the caller from the
 * SLA revision the clocks were started under). Stopped clocks keep theirs, and so
 * does a clock that has already breached (evaluated as of now): lowering the priority
 * must not turn a breach into "met".
 */
export function retargetClocks(
  clocks: SlaClockRecord[],
  targets: Record<SlaClockRecord['clock'], ResolvedClockTarget>,
  priority?: Priority,
): SlaClockRecord[] {
  return clocks.map(clock =>
    clock.stoppedAt || clock.breachedAt
      ? clock
      : {
          ...clock,
          ...(priority === undefined ? {} : { priority }),
          targetMs: targets[clock.clock].targetMs,
          calendarId: targets[clock.clock].calendarId,
          slaSeq: targets[clock.clock].slaSeq ?? null,
          slaRevision: targets[clock.clock].slaRevision ?? null,
        },
  );
}
