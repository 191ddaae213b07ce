import { InputError } from '@backstage/errors';
import { ALWAYS_ON, ServiceCalendar } from '../calendar/types';
import { computeSlaClock } from './computeSlaClock';

const H = 3_600_000;
const d = (iso: string) => new Date(iso);
const iso = (date: Date | null) => (date ? date.toISOString() : null);

// 2026-11-27 is a Friday; Berlin is UTC+1.
const berlin: ServiceCalendar = {
  id: 'berlin',
  timezone: 'Europe/Berlin',
  hours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map(day => [day, [['09:00', '17:00']]]),
  ),
};

describe('computeSlaClock', () => {
  it('runs on ALWAYS_ON', () => {
    const clock = computeSlaClock({
      targetMs: 4 * H,
      calendar: ALWAYS_ON,
      startedAt: d('2026-11-27T10:00:00Z'),
      now: d('2026-11-27T11:00:00Z'),
    });
    expect(clock).toEqual({
      elapsedMs: H,
      remainingMs: 3 * H,
      percent: 25,
      state: 'running',
      dueAt: d('2026-11-27T14:00:00Z'),
      breachedAt: null,
    });
  });

  it('falls due on the next business day on a business calendar', () => {
    const clock = computeSlaClock({
      targetMs: 4 * H,
      calendar: berlin,
      startedAt: d('2026-11-27T14:00:00Z'), // Fri 15:00 local: 2 h left that day
      now: d('2026-11-28T12:00:00Z'), // Saturday
    });
    expect(clock.elapsedMs).toBe(2 * H);
    expect(clock.state).toBe('running');
    expect(iso(clock.dueAt)).toBe('2026-11-30T10:00:00.000Z'); // Mon 11:00 local
  });

  it('is still running, not breached, at exactly the due instant', () => {
    const clock = computeSlaClock({
      targetMs: H,
      calendar: ALWAYS_ON,
      startedAt: d('2026-11-27T10:00:00Z'),
      now: d('2026-11-27T11:00:00Z'),
    });
    expect(clock.state).toBe('running');
    expect(clock.remainingMs).toBe(0);
    expect(clock.percent).toBe(100);
  });

  it('is breached one millisecond after the due instant, with breachedAt = dueAt', () => {
    const clock = computeSlaClock({
      targetMs: H,
      calendar: ALWAYS_ON,
      startedAt: d('2026-11-27T10:00:00Z'),
      now: d('2026-11-27T11:00:00.001Z'),
    });
    expect(clock.state).toBe('breached');
    expect(iso(clock.breachedAt)).toBe('2026-11-27T11:00:00.000Z');
    expect(clock.breachedAt).toEqual(clock.dueAt);
    expect(clock.remainingMs).toBe(-1);
    expect(clock.percent).toBeGreaterThan(100);
  });

  it('is breached once the due instant has passed in real time, even outside service hours', () => {
    const clock = computeSlaClock({
      targetMs: 8 * H,
      calendar: berlin,
      startedAt: d('2026-11-27T08:00:00Z'), // Fri 09:00 local
      now: d('2026-11-27T16:00:00.001Z'), // just after closing, when it fell due
    });
    expect(iso(clock.dueAt)).toBe('2026-11-27T16:00:00.000Z');
    expect(clock.elapsedMs).toBe(8 * H);
    expect(clock.remainingMs).toBe(0);
    expect(clock.state).toBe('breached');
  });

  it('is met when stopped at the due instant, and breached when stopped after it', () => {
    const input = {
      targetMs: H,
      calendar: ALWAYS_ON,
      startedAt: d('2026-11-27T10:00:00Z'),
      now: d('2026-11-29T00:00:00Z'),
    };
    expect(
      computeSlaClock({ ...input, stoppedAt: d('2026-11-27T11:00:00Z') }).state,
    ).toBe('met');
    const late = computeSlaClock({
      ...input,
      stoppedAt: d('2026-11-27T11:30:00Z'),
    });
    expect(late.state).toBe('breached');
    expect(late.elapsedMs).toBe(1.5 * H);
    expect(late.percent).toBe(150);
    expect(iso(late.breachedAt)).toBe('2026-11-27T11:00:00.000Z');
  });

  it('freezes a stopped clock whatever now is', () => {
    const input = {
      targetMs: 4 * H,
      calendar: ALWAYS_ON,
      startedAt: d('2026-11-27T10:00:00Z'),
      stoppedAt: d('2026-11-27T11:00:00Z'),
    };
    const a = computeSlaClock({ ...input, now: d('2026-11-27T12:00:00Z') });
    const b = computeSlaClock({ ...input, now: d('2027-01-01T00:00:00Z') });
    expect(a).toEqual(b);
    expect(a.state).toBe('met');
    expect(a.elapsedMs).toBe(H);
  });

  it('pauses while an open pause holds and has no due instant short of the target', () => {
    const clock = computeSlaClock({
      targetMs: 4 * H,
      calendar: ALWAYS_ON,
      startedAt: d('2026-11-27T10:00:00Z'),
      pauses: [{ from: d('2026-11-27T11:00:00Z') }],
      now: d('2026-11-28T10:00:00Z'),
    });
    expect(clock).toEqual({
      elapsedMs: H,
      remainingMs: 3 * H,
      percent: 25,
      state: 'paused',
      dueAt: null,
      breachedAt: null,
    });
  });

  it('stays breached when the pause began after the target was reached', () => {
    const clock = computeSlaClock({
      targetMs: H,
      calendar: ALWAYS_ON,
      startedAt: d('2026-11-27T10:00:00Z'),
      pauses: [{ from: d('2026-11-27T12:00:00Z') }],
      now: d('2026-11-28T10:00:00Z'),
    });
    expect(clock.state).toBe('breached');
    expect(clock.elapsedMs).toBe(2 * H);
    expect(iso(clock.dueAt)).toBe('2026-11-27T11:00:00.000Z');
  });

  it('moves the due instant by closed pauses, merging overlaps and clipping to the clock', () => {
    const clock = computeSlaClock({
      targetMs: 4 * H,
      calendar: ALWAYS_ON,
      startedAt: d('2026-11-27T10:00:00Z'),
      pauses: [
        { from: d('2026-11-27T08:00:00Z'), to: d('2026-11-27T10:30:00Z') }, // clipped to start
        { from: d('2026-11-27T11:00:00Z'), to: d('2026-11-27T12:00:00Z') },
        { from: d('2026-11-27T11:30:00Z'), to: d('2026-11-27T12:30:00Z') }, // overlaps
      ],
      now: d('2026-11-27T13:00:00Z'),
    });
    // Counted: 10:30–11:00 and 12:30–13:00.
    expect(clock.elapsedMs).toBe(H);
    expect(clock.state).toBe('running');
    expect(iso(clock.dueAt)).toBe('2026-11-27T16:00:00.000Z');
  });

  it('counts a resolved-then-reopened incident without the time in between (as a pause)', () => {
    const clock = computeSlaClock({
      targetMs: 8 * H,
      calendar: berlin,
      startedAt: d('2026-11-27T08:00:00Z'),
      pauses: [
        { from: d('2026-11-27T10:00:00Z'), to: d('2026-11-30T08:00:00Z') },
      ],
      now: d('2026-11-30T09:00:00Z'),
    });
    expect(clock.elapsedMs).toBe(3 * H);
    expect(iso(clock.dueAt)).toBe('2026-11-30T14:00:00.000Z'); // 2 h on Friday + 6 h from Monday 09:00 local
  });

  it('is met when stopped while paused short of the target', () => {
    const clock = computeSlaClock({
      targetMs: 4 * H,
      calendar: ALWAYS_ON,
      startedAt: d('2026-11-27T10:00:00Z'),
      pauses: [{ from: d('2026-11-27T11:00:00Z') }],
      stoppedAt: d('2026-11-28T11:00:00Z'),
      now: d('2026-11-29T11:00:00Z'),
    });
    expect(clock.state).toBe('met');
    expect(clock.elapsedMs).toBe(H);
    expect(clock.dueAt).toBeNull();
  });

  it('ignores pauses that begin after the clock stopped', () => {
    const clock = computeSlaClock({
      targetMs: 4 * H,
      calendar: ALWAYS_ON,
      startedAt: d('2026-11-27T10:00:00Z'),
      pauses: [{ from: d('2026-11-27T13:00:00Z') }],
      stoppedAt: d('2026-11-27T12:00:00Z'),
      now: d('2026-11-27T14:00:00Z'),
    });
    expect(clock.state).toBe('met');
    expect(iso(clock.dueAt)).toBe('2026-11-27T14:00:00.000Z');
  });

  it.each([0, -1, NaN, Infinity])('rejects targetMs %p', targetMs => {
    expect(() =>
      computeSlaClock({
        targetMs,
        calendar: ALWAYS_ON,
        startedAt: d('2026-11-27T10:00:00Z'),
        now: d('2026-11-27T10:00:00Z'),
      }),
    ).toThrow(InputError);
  });

  it('rejects invalid dates and calendars with an InputError naming the field', () => {
    const base = {
      targetMs: H,
      calendar: ALWAYS_ON,
      startedAt: d('2026-11-27T10:00:00Z'),
      now: d('2026-11-27T10:00:00Z'),
    };
    expect(() =>
      computeSlaClock({ ...base, startedAt: new Date('nope') }),
    ).toThrow(/startedAt/);
    expect(() =>
      computeSlaClock({ ...base, pauses: [{ from: new Date('nope') }] }),
    ).toThrow(/pauses\[0\]\.from/);
    expect(() =>
      computeSlaClock({
        ...base,
        calendar: { ...ALWAYS_ON, timezone: 'Nowhere/Land' },
      }),
    ).toThrow(/timezone/);
  });
});
