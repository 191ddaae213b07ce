import fc from 'fast-check';
import type { ServiceCalendar, Weekday } from '../calendar/types';
import { addBusinessMs, businessMsBetween } from '../calendar/businessTime';
import {
  naiveAddBusinessMs,
  naiveBusinessMsBetween,
  naiveClock,
} from '../calendar/naiveReference';
import { computeSlaClock } from './computeSlaClock';

// Property tests against the minute-stepping reference, on minute-aligned inputs
// in windows around DST changes of zones with different rules.

const MINUTE = 60_000;
const DAY = 86_400_000;
const ZONES: Array<[string, string]> = [
  ['Europe/Berlin', '2026-03-29T01:00:00Z'],
  ['Europe/Berlin', '2026-10-25T01:00:00Z'],
  ['America/New_York', '2026-03-08T07:00:00Z'],
  ['America/New_York', '2026-11-01T06:00:00Z'],
  ['Australia/Lord_Howe', '2026-04-05T15:00:00Z'], // a 30-minute DST shift
  ['Asia/Kathmandu', '2026-06-01T00:00:00Z'], // +05:45, no DST
  ['UTC', '2026-12-31T12:00:00Z'],
];
const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const hhmm = (minutes: number) =>
  minutes === 1440
    ? '24:00'
    : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(
        minutes % 60,
      ).padStart(2, '0')}`;

const range = fc
  .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 }))
  .filter(([a, b]) => a < b)
  .map(([a, b]) => [hhmm(a), hhmm(b)] as [string, string]);

const scenario = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    hours: fc.dictionary(
      fc.constantFrom(...DAYS),
      fc.array(range, { maxLength: 3 }),
      { minKeys: 1 },
    ),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -3, max: 3 }), {
      maxLength: 2,
    }),
    fromOffset: fc.integer({ min: -2 * 1440, max: 1440 }),
    spanMinutes: fc.integer({ min: 0, max: 3 * 1440 }),
  })
  .map(s => {
    const [timezone, pivotIso] = s.zone;
    const pivot = Date.parse(pivotIso);
    const calendar: ServiceCalendar = {
      id: 'prop',
      timezone,
      hours: s.hours as ServiceCalendar['hours'],
      holidays: s.holidayOffsets.map(o =>
        new Date(pivot + o * DAY).toISOString().slice(0, 10),
      ),
    };
    const from = pivot + s.fromOffset * MINUTE;
    return { calendar, from, to: from + s.spanMinutes * MINUTE };
  });

const hasHours = (cal: ServiceCalendar) =>
  Object.values(cal.hours).some(list => (list ?? []).length > 0);

describe('calendar functions against a minute-stepping reference', () => {
  it('businessMsBetween matches the reference', () => {
    fc.assert(
      fc.property(scenario, ({ calendar, from, to }) => {
        expect(businessMsBetween(calendar, new Date(from), new Date(to))).toBe(
          naiveBusinessMsBetween(calendar, from, to),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('addBusinessMs matches the reference', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: 1440 }),
        ({ calendar, from }, minutes) => {
          fc.pre(hasHours(calendar));
          const ms = minutes * MINUTE;
          expect(addBusinessMs(calendar, new Date(from), ms).getTime()).toBe(
            ms === 0 ? from : naiveAddBusinessMs(calendar, from, ms),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('computeSlaClock against a minute-stepping reference', () => {
  const pause = fc.record({
    fromMinute: fc.integer({ min: -60, max: 2 * 1440 }),
    lengthMinutes: fc.option(fc.integer({ min: 0, max: 1440 }), {
      nil: undefined,
    }),
  });

  it('agrees on elapsed time, state and the due instant', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 1, max: 600 }),
        fc.array(pause, { maxLength: 3 }),
        fc.option(fc.integer({ min: 0, max: 3 * 1440 }), { nil: undefined }),
        fc.integer({ min: 0, max: 3 * 1440 }),
        ({ calendar, from }, targetMinutes, pauses, stopMinute, nowMinute) => {
          fc.pre(hasHours(calendar));
          const at = (m: number) => from + m * MINUTE;
          const rawPauses = pauses.map(p => ({
            from: at(p.fromMinute),
            to:
              p.lengthMinutes === undefined
                ? undefined
                : at(p.fromMinute + p.lengthMinutes),
          }));
          const input = {
            targetMs: targetMinutes * MINUTE,
            calendar,
            startedAt: new Date(from),
            pauses: rawPauses.map(p => ({
              from: new Date(p.from),
              to: p.to === undefined ? undefined : new Date(p.to),
            })),
            stoppedAt:
              stopMinute === undefined ? undefined : new Date(at(stopMinute)),
            now: new Date(at(nowMinute)),
          };
          const actual = computeSlaClock(input);
          const expected = naiveClock({
            targetMs: input.targetMs,
            calendar,
            startedAt: from,
            pauses: rawPauses,
            stoppedAt: stopMinute === undefined ? undefined : at(stopMinute),
            now: at(nowMinute),
            horizon: at(30 * 1440),
          });
          expect(actual.elapsedMs).toBe(expected.elapsedMs);
          expect(actual.remainingMs).toBe(input.targetMs - expected.elapsedMs);
          expect(actual.percent).toBeCloseTo(
            (100 * expected.elapsedMs) / input.targetMs,
            10,
          );
          // The reference stops looking after 30 days; the real clock looks further.
          const horizon = at(30 * 1440);
          const actualDue = actual.dueAt?.getTime() ?? null;
          expect(
            actualDue !== null && actualDue > horizon ? null : actualDue,
          ).toBe(expected.dueAt);
          expect(actual.state).toBe(expected.state);
          expect(actual.breachedAt?.getTime() ?? null).toBe(
            expected.state === 'breached' ? expected.dueAt : null,
          );
        },
      ),
      { numRuns: 120 },
    );
  });
});
