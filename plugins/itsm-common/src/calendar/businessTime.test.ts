import { InputError } from '@backstage/errors';
import { ALWAYS_ON, ServiceCalendar } from './types';
import { addBusinessMs, businessMsBetween } from './businessTime';

const H = 3_600_000;
const M = 60_000;
const d = (iso: string) => new Date(iso);

const weekdays = (ranges: Array<[string, string]>) => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
});

// 2026-11-27 is a Friday; Europe/Berlin is UTC+1 in winter, UTC+2 in summer.
const berlin: ServiceCalendar = {
  id: 'berlin',
  timezone: 'Europe/Berlin',
  hours: weekdays([['09:00', '17:00']]),
};
const berlinSplit: ServiceCalendar = {
  id: 'split',
  timezone: 'Europe/Berlin',
  hours: weekdays([
    ['09:00', '12:00'],
    ['13:00', '17:00'],
  ]),
};
const berlinHolidays: ServiceCalendar = {
  ...berlin,
  id: 'holidays',
  holidays: ['2026-12-24', '2026-12-25'],
};
const overnight: ServiceCalendar = {
  id: 'overnight',
  timezone: 'UTC',
  hours: { fri: [['22:00', '24:00']], sat: [['00:00', '06:00']] },
};
const sundays: ServiceCalendar = {
  id: 'sundays',
  timezone: 'Europe/Berlin',
  hours: { sun: [['00:00', '24:00']] },
};
const newYork: ServiceCalendar = {
  id: 'ny',
  timezone: 'America/New_York',
  hours: weekdays([['09:00', '17:00']]),
};

describe('businessMsBetween', () => {
  it.each<[string, ServiceCalendar, string, string, number]>([
    [
      'is 0 when to equals from',
      berlin,
      '2026-11-27T10:00:00Z',
      '2026-11-27T10:00:00Z',
      0,
    ],
    [
      'is 0 when to is before from',
      berlin,
      '2026-11-27T12:00:00Z',
      '2026-11-27T10:00:00Z',
      0,
    ],
    [
      'counts inside one day',
      berlin,
      '2026-11-27T08:00:00Z',
      '2026-11-27T10:00:00Z',
      2 * H,
    ],
    [
      'clips to opening hours',
      berlin,
      '2026-11-27T06:00:00Z',
      '2026-11-27T20:00:00Z',
      8 * H,
    ],
    [
      'skips the weekend',
      berlin,
      '2026-11-27T07:00:00Z',
      '2026-11-30T09:00:00Z',
      9 * H,
    ],
    [
      'counts a full week',
      berlin,
      '2026-11-23T00:00:00Z',
      '2026-11-30T00:00:00Z',
      40 * H,
    ],
    [
      'skips the lunch break',
      berlinSplit,
      '2026-11-27T10:00:00Z',
      '2026-11-27T13:00:00Z',
      2 * H,
    ],
    [
      'skips holidays',
      berlinHolidays,
      '2026-12-21T00:00:00Z',
      '2026-12-28T00:00:00Z',
      24 * H,
    ],
    [
      'counts a range ending at 24:00',
      overnight,
      '2026-11-27T21:00:00Z',
      '2026-11-28T00:00:00Z',
      2 * H,
    ],
    [
      'joins an overnight shift across midnight',
      overnight,
      '2026-11-27T23:00:00Z',
      '2026-11-28T01:00:00Z',
      2 * H,
    ],
    [
      'counts a whole overnight shift',
      overnight,
      '2026-11-27T00:00:00Z',
      '2026-11-29T00:00:00Z',
      8 * H,
    ],
    [
      'is 24x7 for ALWAYS_ON',
      ALWAYS_ON,
      '2026-03-01T00:00:00Z',
      '2026-04-01T00:00:00Z',
      31 * 24 * H,
    ],
    [
      'counts the short spring-forward Sunday',
      sundays,
      '2026-03-28T00:00:00Z',
      '2026-03-30T00:00:00Z',
      23 * H,
    ],
    [
      'counts the long fall-back Sunday',
      sundays,
      '2026-10-24T00:00:00Z',
      '2026-10-27T00:00:00Z',
      25 * H,
    ],
    [
      'follows New York summer time',
      newYork,
      '2026-07-01T13:00:00Z',
      '2026-07-01T21:00:00Z',
      8 * H,
    ],
    [
      'follows New York winter time',
      newYork,
      '2026-12-01T13:00:00Z',
      '2026-12-01T21:00:00Z',
      7 * H,
    ],
    [
      'keeps millisecond precision',
      berlin,
      '2026-11-27T08:00:00.001Z',
      '2026-11-27T08:00:00.250Z',
      249,
    ],
    [
      'counts across a year end',
      ALWAYS_ON,
      '2026-12-31T23:00:00Z',
      '2027-01-01T01:00:00Z',
      2 * H,
    ],
  ])('%s', (_name, cal, from, to, expected) => {
    expect(businessMsBetween(cal, d(from), d(to))).toBe(expected);
  });

  it('merges overlapping ranges instead of counting them twice', () => {
    const cal: ServiceCalendar = {
      id: 'overlap',
      timezone: 'UTC',
      hours: {
        fri: [
          ['09:00', '13:00'],
          ['12:00', '17:00'],
          ['10:00', '11:00'],
        ],
      },
    };
    expect(
      businessMsBetween(
        cal,
        d('2026-11-27T00:00:00Z'),
        d('2026-11-28T00:00:00Z'),
      ),
    ).toBe(8 * H);
  });

  it('counts local wall-clock ranges through a DST gap and a repeated hour', () => {
    const cal: ServiceCalendar = {
      id: 'night',
      timezone: 'Europe/Berlin',
      hours: { sun: [['01:00', '04:00']] },
    };
    // 2026-03-29: 02:00 does not exist (clocks jump to 03:00) → 2 real hours.
    expect(
      businessMsBetween(
        cal,
        d('2026-03-28T12:00:00Z'),
        d('2026-03-29T12:00:00Z'),
      ),
    ).toBe(2 * H);
    // 2026-10-25: 02:00–03:00 happens twice → 4 real hours.
    expect(
      businessMsBetween(
        cal,
        d('2026-10-24T12:00:00Z'),
        d('2026-10-25T12:00:00Z'),
      ),
    ).toBe(4 * H);
  });

  it('runs over years of business days', () => {
    expect(
      businessMsBetween(
        berlin,
        d('2020-01-01T00:00:00Z'),
        d('2030-01-01T00:00:00Z'),
      ),
    ).toBe(2609 * 8 * H);
  });
});

describe('addBusinessMs', () => {
  it.each<[string, ServiceCalendar, string, number, string]>([
    [
      'adds inside one day',
      berlin,
      '2026-11-27T08:00:00Z',
      2 * H,
      '2026-11-27T10:00:00.000Z',
    ],
    [
      'waits for opening time',
      berlin,
      '2026-11-27T06:00:00Z',
      1 * H,
      '2026-11-27T09:00:00.000Z',
    ],
    [
      'is due at closing time, not at the next opening',
      berlin,
      '2026-11-27T08:00:00Z',
      8 * H,
      '2026-11-27T16:00:00.000Z',
    ],
    [
      'carries over the weekend',
      berlin,
      '2026-11-27T15:00:00Z',
      2 * H,
      '2026-11-30T09:00:00.000Z',
    ],
    [
      'carries over holidays',
      berlinHolidays,
      '2026-12-23T15:00:00Z',
      2 * H,
      '2026-12-28T09:00:00.000Z',
    ],
    [
      'resumes after the lunch break',
      berlinSplit,
      '2026-11-27T10:00:00Z',
      2 * H,
      '2026-11-27T13:00:00.000Z',
    ],
    [
      'crosses midnight on an overnight shift',
      overnight,
      '2026-11-27T23:00:00Z',
      2 * H,
      '2026-11-28T01:00:00.000Z',
    ],
    [
      'adds real time on ALWAYS_ON across DST',
      ALWAYS_ON,
      '2026-03-28T12:00:00Z',
      24 * H,
      '2026-03-29T12:00:00.000Z',
    ],
    [
      'adds a whole short DST day',
      sundays,
      '2026-03-28T23:00:00Z',
      23 * H,
      '2026-03-29T22:00:00.000Z',
    ],
    [
      'carries a short DST day into the next week',
      sundays,
      '2026-03-29T00:00:00Z',
      23 * H,
      '2026-04-04T23:00:00.000Z',
    ],
    [
      'keeps millisecond precision',
      berlin,
      '2026-11-27T08:00:00.123Z',
      1,
      '2026-11-27T08:00:00.124Z',
    ],
    [
      'adds many weeks',
      berlin,
      '2026-01-05T08:00:00Z',
      40 * 8 * H,
      '2026-02-27T16:00:00.000Z',
    ],
  ])('%s', (_name, cal, from, ms, expected) => {
    expect(addBusinessMs(cal, d(from), ms).toISOString()).toBe(expected);
  });

  it('returns from unchanged for 0 ms, even outside service hours', () => {
    const from = d('2026-11-28T03:00:00Z');
    expect(addBusinessMs(berlin, from, 0)).toBe(from);
  });

  it('throws InputError for a negative duration', () => {
    expect(() => addBusinessMs(berlin, d('2026-11-27T08:00:00Z'), -1)).toThrow(
      InputError,
    );
  });

  it('throws InputError for a calendar without any service hours', () => {
    const empty: ServiceCalendar = { id: 'empty', timezone: 'UTC', hours: {} };
    expect(() => addBusinessMs(empty, d('2026-11-27T08:00:00Z'), M)).toThrow(
      /no service hours/,
    );
    expect(
      businessMsBetween(
        empty,
        d('2026-11-27T08:00:00Z'),
        d('2026-11-28T08:00:00Z'),
      ),
    ).toBe(0);
  });

  it('is the inverse of businessMsBetween', () => {
    const from = d('2026-11-26T11:17:00Z');
    for (const ms of [1, M, 7 * H + 13, 40 * H, 123 * H + 4567]) {
      const due = addBusinessMs(berlinSplit, from, ms);
      expect(businessMsBetween(berlinSplit, from, due)).toBe(ms);
      expect(
        businessMsBetween(berlinSplit, from, new Date(due.getTime() - 1)),
      ).toBeLessThan(ms);
    }
  });
});
