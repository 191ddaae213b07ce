import fc from 'fast-check';
import {
  attainment,
  MAX_PERIODS,
  nextReviewDate,
  periodsOf,
} from './attainment';

const d = (iso: string) => new Date(iso);

describe('attainment', () => {
  const clocks = [
    {
      target: 'p1.response',
      outcome: 'met',
      decidedAt: d('2026-03-01T00:00:00Z'),
    },
    {
      target: 'p1.response',
      outcome: 'breached',
      decidedAt: d('2026-03-10T00:00:00Z'),
    },
    {
      target: 'p1.response',
      outcome: 'met',
      decidedAt: d('2026-03-31T23:59:59Z'),
    },
    {
      target: 'p1.resolution',
      outcome: 'breached',
      waived: true,
      decidedAt: d('2026-03-02T00:00:00Z'),
    },
    {
      target: 'p2.resolution',
      outcome: 'cancelled',
      decidedAt: d('2026-03-02T00:00:00Z'),
    },
    {
      target: 'p2.resolution',
      outcome: 'met',
      decidedAt: d('2026-04-01T00:00:00Z'),
    }, // next period
    {
      target: 'p3.resolution',
      outcome: 'met',
      decidedAt: d('2026-02-28T23:59:59Z'),
    }, // last period
  ] as const;

  it('counts the clocks decided in the period, per target and overall', () => {
    const result = attainment({
      clocks,
      from: d('2026-03-01T00:00:00Z'),
      to: d('2026-04-01T00:00:00Z'),
    });
    expect(result.targets).toEqual([
      {
        target: 'p1.response',
        met: 2,
        breached: 1,
        waived: 0,
        percent: (100 * 2) / 3,
      },
      {
        target: 'p1.resolution',
        met: 0,
        breached: 0,
        waived: 1,
        percent: null,
      },
    ]);
    expect(result.overall).toEqual({
      target: 'overall',
      met: 2,
      breached: 1,
      waived: 1,
      percent: (100 * 2) / 3,
    });
  });

  it('counts every clock given when no period is', () => {
    const result = attainment({ clocks });
    expect(result.overall).toMatchObject({ met: 4, breached: 1, waived: 1 });
    expect(result.targets.map(t => t.target)).toEqual([
      'p1.response',
      'p1.resolution',
      'p2.resolution',
      'p3.resolution',
    ]);
  });

  it('has no percentage when nothing was decided', () => {
    expect(attainment({ clocks: [] }).overall.percent).toBeNull();
  });

  it('names a clock without a decision time when a period is given', () => {
    expect(() =>
      attainment({
        clocks: [{ target: 'p1.response', outcome: 'met' }],
        from: d('2026-01-01'),
      }),
    ).toThrow(/clocks\[0\]\.decidedAt/);
  });

  it('keeps its counts consistent', () => {
    const clock = fc.record({
      target: fc.constantFrom('p1.response', 'p1.resolution', 'p2.resolution'),
      outcome: fc.constantFrom('met', 'breached', 'cancelled') as fc.Arbitrary<
        'met' | 'breached' | 'cancelled'
      >,
      waived: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(clock, { maxLength: 40 }), list => {
        const r = attainment({ clocks: list });
        const counted = list.filter(c => c.outcome !== 'cancelled').length;
        expect(r.overall.met + r.overall.breached + r.overall.waived).toBe(
          counted,
        );
        const percents = [...r.targets, r.overall]
          .map(t => t.percent)
          .filter((x): x is number => x !== null);
        expect(percents.every(x => x >= 0 && x <= 100)).toBe(true);
      }),
    );
  });
});

describe('periodsOf', () => {
  it('cuts local months in the time zone, clipped to the range', () => {
    const periods = periodsOf(
      d('2026-01-15T12:00:00Z'),
      d('2026-04-10T00:00:00Z'),
      'month',
      'Europe/Berlin',
    );
    expect(
      periods.map(p => [p.label, p.from.toISOString(), p.to.toISOString()]),
    ).toEqual([
      ['2026-01', '2026-01-15T12:00:00.000Z', '2026-01-31T23:00:00.000Z'],
      ['2026-02', '2026-01-31T23:00:00.000Z', '2026-02-28T23:00:00.000Z'],
      ['2026-03', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'], // DST in between
      ['2026-04', '2026-03-31T22:00:00.000Z', '2026-04-10T00:00:00.000Z'],
    ]);
  });

  it('labels quarters and years', () => {
    expect(
      periodsOf(
        d('2025-11-01T00:00:00Z'),
        d('2026-07-01T00:00:00Z'),
        'quarter',
        'UTC',
      ).map(p => p.label),
    ).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(
      periodsOf(
        d('2025-12-31T23:30:00Z'),
        d('2026-01-01T00:00:00Z'),
        'year',
        'Europe/Berlin',
      ).map(p => p.label),
    ).toEqual(['2026']); // already 2026 in Berlin
  });

  it('is empty for an empty range and refuses a huge one', () => {
    expect(periodsOf(d('2026-01-01'), d('2026-01-01'), 'month', 'UTC')).toEqual(
      [],
    );
    expect(() =>
      periodsOf(d('2000-01-01'), d('2030-01-01'), 'month', 'UTC'),
    ).toThrow(new RegExp(`more than ${MAX_PERIODS} periods`));
    expect(() =>
      periodsOf(d('2026-01-01'), d('2026-02-01'), 'month', 'Mars/Olympus'),
    ).toThrow(/timezone/);
  });

  it('tiles the range without gaps or overlaps', () => {
    const zones = [
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
    ];
    const base = Date.parse('2025-06-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom('month', 'quarter', 'year') as fc.Arbitrary<
          'month' | 'quarter' | 'year'
        >,
        fc.integer({ min: 0, max: 400 * 24 }),
        fc.integer({ min: 1, max: 500 * 24 }),
        (zone, unit, startH, lengthH) => {
          const from = new Date(base + startH * 3_600_000);
          const to = new Date(from.getTime() + lengthH * 3_600_000);
          const periods = periodsOf(from, to, unit, zone);
          expect(periods[0].from).toEqual(from);
          expect(periods[periods.length - 1].to).toEqual(to);
          periods.forEach(p =>
            expect(p.from.getTime()).toBeLessThan(p.to.getTime()),
          );
          periods.slice(1).forEach((p, i) => {
            expect(p.from).toEqual(periods[i].to);
            expect(p.label > periods[i].label).toBe(true);
          });
        },
      ),
    );
  });
});

describe('nextReviewDate', () => {
  it.each([
    ['monthly', null, '2026-01-15T09:00:00Z', '2026-02-15T09:00:00.000Z'],
    ['quarterly', null, '2026-01-31T10:00:00Z', '2026-04-30T10:00:00.000Z'],
    [
      'semiannual',
      '2026-08-31T00:00:00Z',
      '2026-01-01T00:00:00Z',
      '2027-02-28T00:00:00.000Z',
    ],
    [
      'annual',
      '2028-02-29T12:00:00Z',
      '2026-01-01T00:00:00Z',
      '2029-02-28T12:00:00.000Z',
    ],
  ] as const)(
    '%s after %s (from %s) is %s',
    (reviewCadence, lastReviewedAt, effectiveFrom, next) => {
      expect(
        nextReviewDate({
          reviewCadence,
          lastReviewedAt,
          effectiveFrom,
        }).toISOString(),
      ).toBe(next);
    },
  );

  it('names a bad cadence', () => {
    expect(() =>
      nextReviewDate({
        reviewCadence: 'weekly' as any,
        effectiveFrom: '2026-01-01T00:00:00Z',
      }),
    ).toThrow(/reviewCadence/);
  });
});
