import { trendPeriods } from './SlaReportService';

describe('trendPeriods', () => {
  const labels = (to: string, tz: string) =>
    trendPeriods(new Date(to), tz).map(p => p.label);

  it('ends with the month that holds the last instant of the report', () => {
    // A UTC-month report of November ends at 1 December 00:00 UTC, which is already
    // 01:00 on 1 December in Berlin: the trend still ends in November.
    expect(labels('2026-12-01T00:00:00Z', 'Europe/Berlin')).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(labels('2026-11-15T10:00:00Z', 'UTC').at(-1)).toBe('2026-11');
  });

  it('gives whole months in the zone, the last one included in full', () => {
    const periods = trendPeriods(
      new Date('2026-03-10T00:00:00Z'),
      'Europe/Berlin',
    );
    expect(periods).toHaveLength(6);
    expect(periods[0].from.toISOString()).toBe('2025-09-30T22:00:00.000Z');
    expect(periods[5].from.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(periods[5].to.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    for (let i = 1; i < periods.length; i++) {
      expect(periods[i].from).toEqual(periods[i - 1].to);
    }
  });
});
