import { formatPercent, periodOf } from './periods';

const now = new Date('2026-11-27T11:00:00Z');

describe('periodOf', () => {
  it('gives this month, last month and last quarter as whole UTC periods', () => {
    expect(periodOf('this_month', now)).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      label: 'Nov 2026 (month to date)',
    });
    expect(periodOf('last_month', now)).toMatchObject({
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-01T00:00:00.000Z',
      label: 'Oct 2026',
    });
    expect(periodOf('last_quarter', now)).toMatchObject({
      from: '2026-07-01T00:00:00.000Z',
      to: '2026-10-01T00:00:00.000Z',
      label: 'Q3 2026',
    });
    expect(
      periodOf('last_quarter', new Date('2027-02-01T00:00:00Z')),
    ).toMatchObject({
      from: '2026-10-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
      label: 'Q4 2026',
    });
  });

  it('takes custom dates inclusively and refuses reversed or missing ones', () => {
    expect(
      periodOf('custom', now, { from: '2026-11-03', to: '2026-11-05' }),
    ).toMatchObject({
      from: '2026-11-03T00:00:00.000Z',
      to: '2026-11-06T00:00:00.000Z',
    });
    expect(
      periodOf('custom', now, { from: '2026-11-05', to: '2026-11-03' }),
    ).toBeUndefined();
    expect(periodOf('custom', now, { from: '', to: '2026-11-03' })).toBe(
      undefined,
    );
  });
});

describe("periodOf in the SLA calendar's zone", () => {
  it('cuts months and quarters at local midnight, DST included', () => {
    expect(periodOf('this_month', now, undefined, 'Europe/Berlin')).toEqual({
      from: '2026-10-31T23:00:00.000Z',
      to: '2026-11-30T23:00:00.000Z',
      label: 'Nov 2026 (month to date)',
    });
    // October: CEST until the 25th, CET after.
    expect(
      periodOf('last_month', now, undefined, 'Europe/Berlin'),
    ).toMatchObject({
      from: '2026-09-30T22:00:00.000Z',
      to: '2026-10-31T23:00:00.000Z',
      label: 'Oct 2026',
    });
    expect(
      periodOf('last_quarter', now, undefined, 'America/New_York'),
    ).toMatchObject({
      from: '2026-07-01T04:00:00.000Z',
      to: '2026-10-01T04:00:00.000Z',
      label: 'Q3 2026',
    });
  });

  it('takes the month holding now in the zone, not in UTC', () => {
    // 23:30 on 31 October UTC is already November in Berlin.
    expect(
      periodOf(
        'this_month',
        new Date('2026-10-31T23:30:00Z'),
        undefined,
        'Europe/Berlin',
      )?.label,
    ).toBe('Nov 2026 (month to date)');
  });

  it('reads custom dates as local days', () => {
    expect(
      periodOf(
        'custom',
        now,
        { from: '2026-11-03', to: '2026-11-05' },
        'Europe/Berlin',
      ),
    ).toMatchObject({
      from: '2026-11-02T23:00:00.000Z',
      to: '2026-11-05T23:00:00.000Z',
    });
    expect(
      periodOf('custom', now, { from: '2026-02-30', to: '2026-03-01' }),
    ).toBeUndefined();
  });
});

describe('formatPercent', () => {
  it('rounds to two decimals and shows a dash for nothing measured', () => {
    expect(formatPercent(99.4249)).toBe('99.42%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(null)).toBe('–');
  });
});
