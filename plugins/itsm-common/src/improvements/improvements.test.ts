import fc from 'fast-check';
import { improvementScore } from './scores';
import { improvementVerdict } from './verdict';

const level = fc.integer({ min: 1, max: 5 });

describe('improvementScore', () => {
  it.each([
    [{ benefit: 5, effort: 1, urgency: 5 }, 10, 10],
    [{ benefit: 1, effort: 5, urgency: 1 }, 2, 0.4],
    [{ benefit: 3, effort: 3, urgency: 3 }, 6, 2],
    [{ benefit: 4, effort: 3, urgency: 1 }, 5, 1.7],
    [{ benefit: 2, effort: 4, urgency: 5 }, 7, 1.8],
  ])('scores %o as cost of delay %d / effort = %d', (inputs, cost, score) => {
    expect(improvementScore(inputs)).toEqual({
      ...inputs,
      costOfDelay: cost,
      score,
    });
  });

  it.each([
    [{ benefit: 0, effort: 1, urgency: 1 }, 'benefit'],
    [{ benefit: 1, effort: 6, urgency: 1 }, 'effort'],
    [{ benefit: 1, effort: 1, urgency: 2.5 }, 'urgency'],
    [{ benefit: '3' as unknown as number, effort: 1, urgency: 1 }, 'benefit'],
  ])('refuses %o naming %s', (inputs, field) => {
    expect(() => improvementScore(inputs)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(field),
      }),
    );
  });

  it('rises with benefit and urgency and falls with effort, within 0.4–10', () => {
    const up = (value: number) => Math.min(value + 1, 5);
    fc.assert(
      fc.property(level, level, level, (benefit, effort, urgency) => {
        const { score } = improvementScore({ benefit, effort, urgency });
        expect(score).toBeGreaterThanOrEqual(0.4);
        expect(score).toBeLessThanOrEqual(10);
        expect(
          improvementScore({ benefit: up(benefit), effort, urgency }).score,
        ).toBeGreaterThanOrEqual(score);
        expect(
          improvementScore({ benefit, effort, urgency: up(urgency) }).score,
        ).toBeGreaterThanOrEqual(score);
        expect(
          improvementScore({ benefit, effort: up(effort), urgency }).score,
        ).toBeLessThanOrEqual(score);
      }),
    );
  });
});

describe('improvementVerdict', () => {
  it.each([
    // 12 breaches before, 30% fewer wanted: 8.4 or fewer.
    ['count', 'decrease', 30, 12, 12, 8, 8, 'achieved', 8.4],
    ['count', 'decrease', 30, 12, 12, 9, 9, 'not_achieved', 8.4],
    // Nothing left is a success when there was something to stop.
    ['count', 'decrease', 50, 6, 6, 0, 0, 'achieved', 3],
    // 3 before, 0 after: too few events to say.
    ['count', 'decrease', 50, 3, 3, 0, 0, 'inconclusive', 1.5],
    // MTTR of 10 h on 20 incidents, 20% shorter wanted.
    ['rate', 'decrease', 20, 10, 20, 7.9, 15, 'achieved', 8],
    // Attainment 80% up by 10%: 88 or more.
    ['rate', 'increase', 10, 80, 40, 87.9, 40, 'not_achieved', 88],
    // Too few incidents after implementation to judge the MTTR.
    ['rate', 'decrease', 20, 10, 20, 2, 4, 'inconclusive', 8],
  ] as const)(
    '%s %s by %d%%: %d (n %d) then %d (n %d) is %s',
    (
      kind,
      direction,
      percent,
      before,
      nBefore,
      after,
      nAfter,
      verdict,
      goal,
    ) => {
      const result = improvementVerdict({
        kind,
        direction,
        target: { kind: 'relative', percent },
        baseline: { value: before, n: nBefore },
        measured: { value: after, n: nAfter },
      });
      expect(result.verdict).toBe(verdict);
      expect(result.goal).toBeCloseTo(goal, 10);
    },
  );

  it('compares with an absolute target (CSAT of 85% or more)', () => {
    const verdict = (value: number) =>
      improvementVerdict({
        kind: 'rate',
        direction: 'increase',
        target: { kind: 'absolute', value: 85 },
        baseline: { value: 70, n: 30 },
        measured: { value, n: 25 },
      }).verdict;
    expect(verdict(85)).toBe('achieved');
    expect(verdict(84.9)).toBe('not_achieved');
  });

  it('is inconclusive without a baseline value for a relative target', () => {
    expect(
      improvementVerdict({
        kind: 'rate',
        direction: 'increase',
        target: { kind: 'relative', percent: 10 },
        baseline: { value: null, n: 0 },
        measured: { value: 90, n: 12 },
      }),
    ).toEqual({ verdict: 'inconclusive', goal: null });
  });

  it('refuses a negative percent or a non-finite value, naming the field', () => {
    const base = {
      kind: 'count' as const,
      direction: 'decrease' as const,
      baseline: { value: 10, n: 10 },
      measured: { value: 5, n: 5 },
    };
    expect(() =>
      improvementVerdict({
        ...base,
        target: { kind: 'relative', percent: -5 },
      }),
    ).toThrow(/target.percent/);
    expect(() =>
      improvementVerdict({ ...base, target: { kind: 'absolute', value: NaN } }),
    ).toThrow(/target.value/);
  });

  it('never calls a worse measurement achieved (any counts, any target)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (before, more, percent) => {
          const { verdict } = improvementVerdict({
            kind: 'count',
            direction: 'decrease',
            target: { kind: 'relative', percent },
            baseline: { value: before, n: before },
            measured: { value: before + more, n: before + more },
          });
          expect(verdict).not.toBe('achieved');
        },
      ),
    );
  });

  it('rounds the goal, so a measurement exactly at it is achieved', () => {
    expect(
      improvementVerdict({
        kind: 'count',
        direction: 'decrease',
        target: { kind: 'relative', percent: 30 },
        baseline: { value: 3, n: 3 },
        measured: { value: 2.1, n: 3 },
      }),
    ).toEqual({ verdict: 'achieved', goal: 2.1 });
  });
});
