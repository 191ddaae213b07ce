import fc from 'fast-check';
import { ALWAYS_ON, type ServiceCalendar } from '../calendar/types';
import { availability } from './availability';

const HOUR = 3_600_000;
const d = (iso: string) => new Date(iso);

const office: ServiceCalendar = {
  id: 'office-hours',
  timezone: 'Europe/Berlin',
  hours: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
  holidays: ['2026-04-03'], // Good Friday
};
const berlin24x7: ServiceCalendar = {
  ...ALWAYS_ON,
  id: 'berlin',
  timezone: 'Europe/Berlin',
};

// Mon 30 March – Sun 5 April 2026 in Berlin (CEST, UTC+2): four service days of 8 hours.
const week = { from: d('2026-03-29T22:00:00Z'), to: d('2026-04-05T22:00:00Z') };

describe('availability', () => {
  it.each([
    ['no outage', [], 32 * HOUR, 0],
    [
      'overlapping outages merged, only service hours counted',
      [
        { start: d('2026-03-31T06:00:00Z'), end: d('2026-03-31T08:00:00Z') }, // Tue 08–10
        { start: d('2026-03-31T07:30:00Z'), end: d('2026-03-31T09:00:00Z') }, // Tue 09:30–11
      ],
      32 * HOUR,
      2 * HOUR,
    ],
    [
      'outages on a holiday and in the evening do not count',
      [
        { start: d('2026-04-03T08:00:00Z'), end: d('2026-04-03T12:00:00Z') },
        { start: d('2026-04-01T16:00:00Z'), end: d('2026-04-01T20:00:00Z') },
      ],
      32 * HOUR,
      0,
    ],
    [
      'an open outage lasts until the end of the period',
      [{ start: d('2026-04-02T14:00:00Z') }], // Thu 16:00 → Thu 17:00, then the holiday
      32 * HOUR,
      HOUR,
    ],
    [
      'an outage begun before the period is clipped to it',
      [{ start: d('2026-03-27T08:00:00Z'), end: d('2026-03-30T08:00:00Z') }], // until Mon 10:00
      32 * HOUR,
      HOUR,
    ],
  ])('%s', (_name, outages, serviceMs, outageMs) => {
    const result = availability({ calendar: office, ...week, outages });
    expect(result).toEqual({
      serviceMs,
      outageMs,
      ratio: (serviceMs - outageMs) / serviceMs,
    });
  });

  it('counts real hours on a DST day', () => {
    // Sunday 29 March 2026 in Berlin lasts 23 hours; 3 real hours of outage.
    const result = availability({
      calendar: berlin24x7,
      from: d('2026-03-28T23:00:00Z'),
      to: d('2026-03-29T22:00:00Z'),
      outages: [
        { start: d('2026-03-29T00:00:00Z'), end: d('2026-03-29T03:00:00Z') },
      ],
    });
    expect(result).toEqual({
      serviceMs: 23 * HOUR,
      outageMs: 3 * HOUR,
      ratio: 20 / 23,
    });
  });

  it('is 1 without agreed service time', () => {
    const result = availability({
      calendar: office,
      from: d('2026-04-04T00:00:00Z'), // a weekend
      to: d('2026-04-05T20:00:00Z'),
      outages: [{ start: d('2026-04-04T00:00:00Z') }],
    });
    expect(result).toEqual({ serviceMs: 0, outageMs: 0, ratio: 1 });
  });

  it('names a bad outage', () => {
    expect(() =>
      availability({
        calendar: office,
        ...week,
        outages: [{ start: new Date('x') }],
      }),
    ).toThrow(/outages\[0\]\.start/);
  });

  describe('properties', () => {
    const base = Date.parse('2026-03-23T00:00:00Z');
    const outage = fc
      .record({
        start: fc.integer({ min: -2 * 24 * 60, max: 16 * 24 * 60 }),
        length: fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 }), {
          nil: undefined,
        }),
      })
      .map(o => ({
        start: new Date(base + o.start * 60_000),
        end:
          o.length === undefined
            ? undefined
            : new Date(base + (o.start + o.length) * 60_000),
      }));
    const period = {
      calendar: office,
      from: new Date(base),
      to: new Date(base + 14 * 24 * HOUR), // spans the DST change and the holiday
    };

    it('stays within 0..1, counts no more outage than service time, ignores order', () => {
      fc.assert(
        fc.property(fc.array(outage, { maxLength: 6 }), outages => {
          const r = availability({ ...period, outages });
          expect(r.ratio).toBeGreaterThanOrEqual(0);
          expect(r.ratio).toBeLessThanOrEqual(1);
          expect(r.outageMs).toBeLessThanOrEqual(r.serviceMs);
          expect(
            availability({ ...period, outages: [...outages].reverse() }),
          ).toEqual(r);
        }),
      );
    });

    it('never rises when an outage is added', () => {
      fc.assert(
        fc.property(
          fc.array(outage, { maxLength: 5 }),
          outage,
          (outages, extra) => {
            const before = availability({ ...period, outages });
            const after = availability({
              ...period,
              outages: [...outages, extra],
            });
            expect(after.ratio).toBeLessThanOrEqual(before.ratio);
            expect(after.outageMs).toBeGreaterThanOrEqual(before.outageMs);
          },
        ),
      );
    });
  });
});
