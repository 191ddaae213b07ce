import { InputError } from '@backstage/errors';
import {
  ALWAYS_ON,
  MAX_HOLIDAYS_PER_YEAR,
  ServiceCalendar,
  validateServiceCalendar,
} from './types';
import { businessMsBetween } from './businessTime';

const base: ServiceCalendar = {
  id: 'cal',
  timezone: 'Europe/Berlin',
  hours: { mon: [['09:00', '17:00']] },
};

describe('validateServiceCalendar', () => {
  it('accepts a valid calendar and ALWAYS_ON', () => {
    expect(() => validateServiceCalendar(base)).not.toThrow();
    expect(() => validateServiceCalendar(ALWAYS_ON)).not.toThrow();
  });

  it('describes ALWAYS_ON as 24x7 in UTC', () => {
    expect(ALWAYS_ON.id).toBe('24x7');
    expect(ALWAYS_ON.timezone).toBe('UTC');
    for (const day of [
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
      'sat',
      'sun',
    ] as const) {
      expect(ALWAYS_ON.hours[day]).toEqual([['00:00', '24:00']]);
    }
  });

  it.each<[string, Partial<ServiceCalendar> | Record<string, unknown>, RegExp]>(
    [
      [
        'an unknown time zone',
        { timezone: 'Mars/Olympus_Mons' },
        /calendar\.timezone/,
      ],
      ['an empty time zone', { timezone: '' }, /calendar\.timezone/],
      [
        'a time without a leading zero',
        { hours: { mon: [['9:00', '17:00']] } },
        /calendar\.hours\.mon\[0\]\[0\]/,
      ],
      [
        'an hour past 23',
        { hours: { mon: [['09:00', '25:00']] } },
        /calendar\.hours\.mon\[0\]\[1\]/,
      ],
      [
        '24:00 as a start',
        { hours: { mon: [['24:00', '24:00']] } },
        /calendar\.hours\.mon\[0\]\[0\]/,
      ],
      [
        '24:30 as an end',
        { hours: { mon: [['09:00', '24:30']] } },
        /calendar\.hours\.mon\[0\]\[1\]/,
      ],
      [
        'a start equal to the end',
        { hours: { tue: [['09:00', '09:00']] } },
        /calendar\.hours\.tue\[0\] must start before/,
      ],
      [
        'a start after the end',
        { hours: { tue: [['18:00', '09:00']] } },
        /calendar\.hours\.tue\[0\] must start before/,
      ],
      [
        'an unknown weekday',
        { hours: { monday: [['09:00', '17:00']] } },
        /calendar\.hours\.monday is not a weekday/,
      ],
      [
        'a range that is not a pair',
        { hours: { mon: [['09:00']] } },
        /calendar\.hours\.mon\[0\]/,
      ],
      ['hours that are not an object', { hours: [] }, /calendar\.hours/],
      [
        'a holiday that is not a date',
        { holidays: ['2026-12-25', 'Christmas'] },
        /calendar\.holidays\[1\]/,
      ],
      [
        'a holiday on a day that does not exist',
        { holidays: ['2026-02-30'] },
        /calendar\.holidays\[0\]/,
      ],
    ],
  )(
    'rejects %s with an InputError naming the field',
    (_name, patch, message) => {
      const cal = { ...base, ...patch } as ServiceCalendar;
      expect(() => validateServiceCalendar(cal)).toThrow(InputError);
      expect(() => validateServiceCalendar(cal)).toThrow(message);
      // The clock functions reject the same calendar the same way.
      expect(() => businessMsBetween(cal, new Date(0), new Date(1))).toThrow(
        InputError,
      );
    },
  );

  it('notices a calendar whose holidays were replaced after first use', () => {
    const cal: ServiceCalendar = {
      id: 'c',
      timezone: 'UTC',
      hours: { fri: [['00:00', '24:00']] },
    };
    const from = new Date('2026-11-27T00:00:00Z');
    const to = new Date('2026-11-28T00:00:00Z');
    expect(businessMsBetween(cal, from, to)).toBe(86_400_000);
    cal.holidays = ['2026-11-27'];
    expect(businessMsBetween(cal, from, to)).toBe(0);
    cal.holidays.push('2026-11-28');
    cal.holidays.pop();
    cal.holidays.pop();
    expect(businessMsBetween(cal, from, to)).toBe(86_400_000);
  });
});

describe('validateServiceCalendar limits', () => {
  const week: ServiceCalendar = {
    id: 'week',
    timezone: 'Europe/Berlin',
    hours: { mon: [['09:00', '17:00']] },
  };

  it('refuses a calendar without service hours on any weekday', () => {
    for (const hours of [{}, { mon: [], sun: [] }]) {
      expect(() => validateServiceCalendar({ ...week, hours })).toThrow(
        'calendar.hours must give service hours on at least one weekday',
      );
    }
    expect(() => validateServiceCalendar(week)).not.toThrow();
  });

  it(`takes at most ${MAX_HOLIDAYS_PER_YEAR} holidays in one year, counting repeats once`, () => {
    const days = (year: number, count: number) =>
      Array.from({ length: count }, (_, i) =>
        new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10),
      );
    const full = days(2027, MAX_HOLIDAYS_PER_YEAR);
    expect(() =>
      validateServiceCalendar({
        ...week,
        holidays: [...full, ...full, ...days(2028, MAX_HOLIDAYS_PER_YEAR)],
      }),
    ).not.toThrow();
    expect(() =>
      validateServiceCalendar({
        ...week,
        holidays: days(2027, MAX_HOLIDAYS_PER_YEAR + 1),
      }),
    ).toThrow(/calendar\.holidays .* 2027 has more/);
  });
});
