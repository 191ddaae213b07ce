import type { SlaClockView } from '@backstage-itsm/plugin-itsm-common';
import {
  describeLiveSlaClock,
  describeSlaClock,
  formatCountdown,
  formatDuration,
  humanizeCode,
  slaTimeLeftMs,
  formatIncidentStatus,
  formatRelativeTime,
  formatServiceStatus,
} from './format';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function clock(overrides: Partial<SlaClockView>): SlaClockView {
  return {
    targetMs: 8 * HOUR,
    elapsedMs: 0,
    remainingMs: 8 * HOUR,
    percent: 0,
    state: 'running',
    dueAt: '2026-03-02T18:00:00.000Z',
    breachedAt: null,
    calendarId: '24x7',
    ...overrides,
  };
}

describe('formatDuration', () => {
  it.each([
    [0, '<1m'],
    [59_999, '<1m'],
    [MIN, '1m'],
    [35 * MIN + 59_000, '35m'],
    [HOUR, '1h'],
    [2 * HOUR + 10 * MIN, '2h 10m'],
    [DAY, '1d'],
    [3 * DAY + 4 * HOUR + 30 * MIN, '3d 4h'],
    [-(2 * HOUR + 10 * MIN), '2h 10m'],
    [Number.NaN, '<1m'],
  ])('formats %p ms as %p', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('formatRelativeTime', () => {
  const now = new Date('2026-03-02T12:00:00.000Z');

  it('says how long ago an instant was', () => {
    expect(formatRelativeTime('2026-03-02T09:50:00.000Z', now)).toBe(
      '2h 10m ago',
    );
    expect(formatRelativeTime('2026-03-02T11:59:30.000Z', now)).toBe(
      'just now',
    );
    expect(formatRelativeTime('2026-03-02T12:05:00.000Z', now)).toBe('in 5m');
  });

  it('leaves an unparseable value as it is', () => {
    expect(formatRelativeTime('yesterday', now)).toBe('yesterday');
  });
});

describe('describeSlaClock', () => {
  const now = new Date('2026-03-02T12:00:00.000Z');

  it('shows the time left of a running clock, at risk from 75%', () => {
    expect(
      describeSlaClock(
        clock({ remainingMs: 2 * HOUR + 10 * MIN, percent: 72.9 }),
        now,
      ),
    ).toEqual({ text: '2h 10m left', tone: 'ok' });
    expect(
      describeSlaClock(clock({ remainingMs: 2 * HOUR, percent: 75 }), now),
    ).toEqual({ text: '2h left', tone: 'warning' });
  });

  it('counts a breach from the instant it happened', () => {
    expect(
      describeSlaClock(
        clock({
          state: 'breached',
          remainingMs: -20 * MIN,
          percent: 104,
          breachedAt: '2026-03-02T11:25:00.000Z',
        }),
        now,
      ),
    ).toEqual({ text: 'breached 35m ago', tone: 'error' });
  });

  it('falls back to the overrun when the breach instant is unknown', () => {
    expect(
      describeSlaClock(
        clock({ state: 'breached', remainingMs: -20 * MIN, breachedAt: null }),
        now,
      ),
    ).toEqual({ text: 'breached 20m ago', tone: 'error' });
  });

  it('shows met, paused and missing clocks', () => {
    expect(describeSlaClock(clock({ state: 'met' }), now)).toEqual({
      text: 'met',
      tone: 'ok',
    });
    expect(
      describeSlaClock(
        clock({ state: 'paused', remainingMs: 3 * HOUR, dueAt: null }),
        now,
      ),
    ).toEqual({ text: 'paused, 3h left', tone: 'neutral' });
    expect(describeSlaClock(null, now)).toEqual({
      text: 'no target',
      tone: 'neutral',
    });
  });
});

describe('labels', () => {
  it('turns wire values into words', () => {
    expect(formatIncidentStatus('in_progress')).toBe('In progress');
    expect(formatIncidentStatus('on_hold')).toBe('On hold');
    expect(formatServiceStatus('major_outage')).toBe('Major outage');
    expect(formatServiceStatus('operational')).toBe('Operational');
  });
});

describe('formatCountdown', () => {
  it.each([
    [0, '0s'],
    [12_400, '12s'],
    [4 * MIN + 5_000, '4m 05s'],
    [2 * HOUR + 10 * MIN + 5_000, '2h 10m 05s'],
    [DAY + 2 * HOUR + 3 * MIN + 59_000, '1d 2h 03m'],
    [-(4 * MIN + 5_000), '4m 05s'],
  ])('formats %p ms as %p', (ms, expected) => {
    expect(formatCountdown(ms)).toBe(expected);
  });
});

describe('describeLiveSlaClock', () => {
  const now = new Date('2026-03-02T12:00:00.000Z');

  it('counts a running clock down to its due instant, to the second', () => {
    const running = clock({
      dueAt: '2026-03-02T14:10:05.000Z',
      remainingMs: 9 * HOUR,
      percent: 10,
    });
    expect(describeLiveSlaClock(running, now)).toEqual({
      text: '2h 10m 05s left',
      tone: 'ok',
    });
    expect(
      describeLiveSlaClock(running, new Date('2026-03-02T14:10:00.000Z')),
    ).toEqual({ text: '5s left', tone: 'warning' });
  });

  it('turns red once the due instant has passed', () => {
    expect(
      describeLiveSlaClock(clock({ dueAt: '2026-03-02T11:58:00.000Z' }), now),
    ).toEqual({ text: 'breached 2m ago', tone: 'error' });
  });

  it('keeps paused, met and breached clocks static', () => {
    expect(
      describeLiveSlaClock(
        clock({ state: 'paused', remainingMs: 3 * HOUR, dueAt: null }),
        now,
      ),
    ).toEqual({ text: 'paused, 3h left', tone: 'neutral' });
    expect(describeLiveSlaClock(clock({ state: 'met' }), now).text).toBe('met');
  });
});

describe('slaTimeLeftMs', () => {
  const now = new Date('2026-03-02T12:00:00.000Z');

  it('reads a running clock from its due instant and a paused one from what remains', () => {
    expect(
      slaTimeLeftMs(clock({ dueAt: '2026-03-02T13:00:00.000Z' }), now),
    ).toBe(HOUR);
    expect(
      slaTimeLeftMs(
        clock({ state: 'paused', remainingMs: 2 * HOUR, dueAt: null }),
        now,
      ),
    ).toBe(2 * HOUR);
  });

  it('is negative since the breach, and undefined for met or missing clocks', () => {
    expect(
      slaTimeLeftMs(
        clock({ state: 'breached', breachedAt: '2026-03-02T11:30:00.000Z' }),
        now,
      ),
    ).toBe(-30 * MIN);
    expect(slaTimeLeftMs(clock({ state: 'met' }), now)).toBeUndefined();
    expect(slaTimeLeftMs(null, now)).toBeUndefined();
  });
});

describe('humanizeCode', () => {
  it('turns a wire code into words', () => {
    expect(humanizeCode('awaiting_caller')).toBe('Awaiting caller');
    expect(humanizeCode('change_rolled_back')).toBe('Change rolled back');
  });
});
