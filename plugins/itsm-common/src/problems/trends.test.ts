import {
  INCIDENT_TREND_OTHER,
  addTrendPeriods,
  addUtcMonths,
  foldIncidentTrendUpstream,
  incidentTrendRows,
  resolveIncidentTrendRange,
  trendPeriodStart,
  trendPeriods,
} from './trends';

const d = (iso: string) => new Date(iso);
const iso = (dates: Date[]) => dates.map(x => x.toISOString());

describe('trendPeriodStart', () => {
  it.each([
    // Monday 2026-03-02 is a week start; Sunday 23:59:59.999 belongs to the week before.
    ['2026-03-02T00:00:00.000Z', '2026-03-02T00:00:00.000Z'],
    ['2026-03-01T23:59:59.999Z', '2026-02-23T00:00:00.000Z'],
    ['2026-03-08T23:59:59.999Z', '2026-03-02T00:00:00.000Z'],
    ['2026-03-09T00:00:00.000Z', '2026-03-09T00:00:00.000Z'],
    // Across a year end, and before the epoch's first Monday.
    ['2027-01-01T12:00:00.000Z', '2026-12-28T00:00:00.000Z'],
    ['1970-01-01T00:00:00.000Z', '1969-12-29T00:00:00.000Z'],
    ['1969-12-31T00:00:00.000Z', '1969-12-29T00:00:00.000Z'],
  ])('puts %s in the week starting %s', (at, start) => {
    expect(trendPeriodStart(d(at), 'week').toISOString()).toBe(start);
  });

  it.each([
    ['2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
    ['2026-02-28T23:59:59.999Z', '2026-02-01T00:00:00.000Z'],
    ['2024-02-29T12:00:00.000Z', '2024-02-01T00:00:00.000Z'],
    ['2026-12-31T23:59:59.999Z', '2026-12-01T00:00:00.000Z'],
  ])('puts %s in the month starting %s', (at, start) => {
    expect(trendPeriodStart(d(at), 'month').toISOString()).toBe(start);
  });
});

describe('trendPeriods', () => {
  it('lists every week intersecting [from, to), the first one starting before from', () => {
    expect(
      iso(
        trendPeriods(
          d('2026-03-04T10:00:00Z'),
          d('2026-03-23T00:00:00Z'),
          'week',
        ),
      ),
    ).toEqual([
      '2026-03-02T00:00:00.000Z',
      '2026-03-09T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z',
    ]);
    // `to` just after a Monday opens that week too.
    expect(
      trendPeriods(
        d('2026-03-02T00:00:00Z'),
        d('2026-03-23T00:00:00.001Z'),
        'week',
      ),
    ).toHaveLength(4);
  });

  it('lists months across a year end, and none for an empty range', () => {
    expect(
      iso(
        trendPeriods(
          d('2026-11-15T00:00:00Z'),
          d('2027-02-01T00:00:00Z'),
          'month',
        ),
      ),
    ).toEqual([
      '2026-11-01T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
    expect(
      trendPeriods(
        d('2026-03-01T00:00:00Z'),
        d('2026-03-01T00:00:00Z'),
        'month',
      ),
    ).toEqual([]);
  });

  it('adds periods to a period start', () => {
    expect(
      addTrendPeriods(d('2026-12-01T00:00:00Z'), 2, 'month').toISOString(),
    ).toBe('2027-02-01T00:00:00.000Z');
    expect(
      addTrendPeriods(d('2026-03-02T00:00:00Z'), -1, 'week').toISOString(),
    ).toBe('2026-02-23T00:00:00.000Z');
  });
});

describe('resolveIncidentTrendRange', () => {
  const now = d('2026-03-31T10:30:00.000Z');

  it('defaults to 12 weeks or 12 months up to now', () => {
    expect(resolveIncidentTrendRange({ interval: 'week', now })).toEqual({
      from: d('2026-01-06T10:30:00.000Z'),
      to: now,
    });
    expect(resolveIncidentTrendRange({ interval: 'month', now })).toEqual({
      from: d('2025-03-31T10:30:00.000Z'),
      to: now,
    });
    expect(
      resolveIncidentTrendRange({
        interval: 'month',
        to: '2027-01-01',
        now,
      }),
    ).toEqual({ from: d('2026-01-01'), to: d('2027-01-01') });
  });

  it('reads dates and date-times with offsets', () => {
    expect(
      resolveIncidentTrendRange({
        interval: 'week',
        from: '2026-03-01T01:00:00+01:00',
        to: '2026-03-15',
        now,
      }),
    ).toEqual({
      from: d('2026-03-01T00:00:00Z'),
      to: d('2026-03-15T00:00:00Z'),
    });
  });

  it('rejects from >= to and ranges over three years', () => {
    const range = (from: string, to: string) => () =>
      resolveIncidentTrendRange({ interval: 'month', from, to, now });
    expect(range('2026-03-01', '2026-03-01')).toThrow('from must be before to');
    expect(range('2026-03-02', '2026-03-01')).toThrow('from must be before to');
    expect(range('2023-03-01', '2026-03-01')).not.toThrow();
    expect(range('2023-03-01', '2026-03-01T00:00:00.001Z')).toThrow(
      'longer than 3 years',
    );
    expect(() =>
      resolveIncidentTrendRange({ interval: 'week', to: '2026-03-01', now }),
    ).not.toThrow();
    expect(() =>
      resolveIncidentTrendRange({ interval: 'week', from: 'soon', now }),
    ).toThrow('from must be an ISO date');
  });

  it('moves by calendar months, clamping the day', () => {
    expect(addUtcMonths(d('2026-03-31T10:00:00Z'), -1).toISOString()).toBe(
      '2026-02-28T10:00:00.000Z',
    );
    expect(addUtcMonths(d('2024-02-29T00:00:00Z'), -12).toISOString()).toBe(
      '2023-02-28T00:00:00.000Z',
    );
    expect(addUtcMonths(d('2026-11-30T00:00:00Z'), 3).toISOString()).toBe(
      '2027-02-28T00:00:00.000Z',
    );
  });
});

describe('incidentTrendRows', () => {
  const periods = [d('2026-03-02'), d('2026-03-09'), d('2026-03-16')];
  const cell = (key: string, period: number, count: number) => ({
    key,
    periodStart: periods[period],
    count,
  });

  it('fills one count per period, sorts by total then key, and sums the rest into (other)', () => {
    const cells = [
      cell('b', 0, 2),
      cell('a', 2, 2),
      cell('c', 1, 5),
      cell('d', 0, 1),
      cell('e', 2, 1),
      cell('b', 0, 1), // the same cell twice is added
    ];
    expect(incidentTrendRows(cells, periods, 10)).toEqual([
      { key: 'c', total: 5, counts: [0, 5, 0] },
      { key: 'b', total: 3, counts: [3, 0, 0] },
      { key: 'a', total: 2, counts: [0, 0, 2] },
      { key: 'd', total: 1, counts: [1, 0, 0] },
      { key: 'e', total: 1, counts: [0, 0, 1] },
    ]);
    expect(incidentTrendRows(cells, periods, 2)).toEqual([
      { key: 'c', total: 5, counts: [0, 5, 0] },
      { key: 'b', total: 3, counts: [3, 0, 0] },
      { key: INCIDENT_TREND_OTHER, total: 4, counts: [1, 0, 3] },
    ]);
    expect(incidentTrendRows(cells, periods, 5)).toHaveLength(5);
  });

  it('ignores cells outside the periods and empty cells', () => {
    expect(
      incidentTrendRows(
        [{ key: 'a', periodStart: d('2026-02-23'), count: 3 }, cell('b', 1, 0)],
        periods,
        10,
      ),
    ).toEqual([]);
  });

  it('folds entity counts into each upstream dependency once', () => {
    const upstream = new Map([
      [
        'component:default/cart',
        ['resource:default/db', 'component:default/auth'],
      ],
      [
        'component:default/shop',
        ['resource:default/db', 'resource:default/db'],
      ],
    ]);
    const folded = foldIncidentTrendUpstream(
      [
        cell('component:default/cart', 0, 2),
        cell('component:default/shop', 0, 3),
        cell('component:default/lonely', 1, 7),
      ],
      upstream,
    );
    expect(incidentTrendRows(folded, periods, 10)).toEqual([
      { key: 'resource:default/db', total: 5, counts: [5, 0, 0] },
      { key: 'component:default/auth', total: 2, counts: [2, 0, 0] },
    ]);
  });
});
