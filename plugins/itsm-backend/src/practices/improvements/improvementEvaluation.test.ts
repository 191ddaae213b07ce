import type { ImprovementKpi } from '@backstage-itsm/plugin-itsm-common';
import { evaluationSummary, formatFigure } from './improvementEvaluation';

const figure = (value: number | null, n: number, unit: any, from: string) => ({
  from: new Date(`${from}T00:00:00Z`),
  to: new Date(new Date(`${from}T00:00:00Z`).getTime() + 21 * 86_400_000),
  value,
  n,
  unit,
  measuredAt: new Date('2026-12-01T00:00:00Z'),
});

const kpi = (over: Partial<ImprovementKpi>): ImprovementKpi => ({
  kpi: 'recurrence',
  category: 'data',
  priority: null,
  signature: null,
  windowDays: 21,
  settleDays: 3,
  direction: 'decrease',
  target: { kind: 'relative', percent: 50 },
  ...over,
});

describe('formatFigure', () => {
  it.each([
    [1, 'incidents', '1 incident'],
    [6, 'incidents', '6 incidents'],
    [1, 'breaches', '1 breach'],
    [0, 'breaches', '0 breaches'],
    [1, 'hours', '1 hour'],
    [3.456, 'hours', '3.46 hours'],
    [99.951, '%', '99.95%'],
    [null, 'incidents', 'no value'],
  ] as const)('%s %s → %s', (value, unit, text) => {
    expect(formatFigure(value, unit)).toBe(text);
  });
});

describe('evaluationSummary', () => {
  it('says both figures with their windows and n, the goal and the verdict', () => {
    expect(
      evaluationSummary({
        kpi: kpi({}),
        baseline: figure(6, 6, 'incidents', '2026-09-16'),
        measured: figure(1, 1, 'incidents', '2026-10-17'),
        goal: 3,
        verdict: 'achieved',
      }),
    ).toBe(
      'Recurrence of a category or signature: 6 incidents before approval (2026-09-16 to 2026-10-07, n = 6), 1 incident after implementation (2026-10-17 to 2026-11-07, n = 1); goal at most 3 incidents (50% fewer): achieved.',
    );
  });

  it('words a rate target as lower or higher, and says why a verdict is inconclusive', () => {
    expect(
      evaluationSummary({
        kpi: kpi({ kpi: 'mttr', category: null }),
        baseline: figure(4, 3, 'hours', '2026-09-16'),
        measured: figure(2, 2, 'hours', '2026-10-17'),
        goal: 2,
        verdict: 'inconclusive',
      }),
    ).toContain(
      'goal at most 2 hours (50% lower): inconclusive (too few events to tell: at least 5 needed).',
    );
  });
});
