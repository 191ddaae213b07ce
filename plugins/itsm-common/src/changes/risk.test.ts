import { InputError } from '@backstage/errors';
import fc from 'fast-check';
import {
  CHANGE_RISK_LEVELS,
  ChangeRiskInput,
  RISK_QUESTIONNAIRE,
  RISK_QUESTIONNAIRE_MAX_SCORE,
  RiskAnswers,
  assessChangeRisk,
  scoreRiskAnswers,
} from './risk';

// score 0
const safe: RiskAnswers = {
  tested: 'yes',
  outage: 'no',
  backout: 'yes',
  implementers: 'one_person',
  failed_before: 'no',
  data_change: 'no',
};
// score 2 + 2 + 2 = 6
const moderate: RiskAnswers = {
  ...safe,
  tested: 'partially',
  outage: 'degraded',
  data_change: 'compatible',
};
// score 4 + 4 + 5 = 13
const risky: RiskAnswers = {
  ...safe,
  tested: 'no',
  outage: 'yes',
  backout: 'no',
};

const base: ChangeRiskInput = {
  answers: safe,
  blastRadius: { count: 0, tiers: [] },
  affectedTiers: [],
  recentChanges: { total: 0, failed: 0 },
  entityRefs: ['resource:default/payments-db'],
};

describe('RISK_QUESTIONNAIRE', () => {
  it('has 5–7 questions with unique ids and a zero-weight answer each', () => {
    expect(RISK_QUESTIONNAIRE.length).toBeGreaterThanOrEqual(5);
    expect(RISK_QUESTIONNAIRE.length).toBeLessThanOrEqual(7);
    const ids = RISK_QUESTIONNAIRE.map(q => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of RISK_QUESTIONNAIRE) {
      expect(q.answers.some(a => a.weight === 0)).toBe(true);
      const answerIds = q.answers.map(a => a.id);
      expect(new Set(answerIds).size).toBe(answerIds.length);
    }
    expect(RISK_QUESTIONNAIRE_MAX_SCORE).toBe(24);
  });
});

describe('scoreRiskAnswers', () => {
  it.each([
    ['all safe', safe, 0],
    ['moderate', moderate, 6],
    ['risky', risky, 13],
  ] as const)('scores %s answers', (_name, answers, score) => {
    expect(scoreRiskAnswers(answers)).toBe(score);
  });

  it.each([
    ['an unknown question', { ...safe, colour: 'red' }, /riskAnswers\.colour/],
    ['an unknown answer', { ...safe, tested: 'maybe' }, /riskAnswers\.tested/],
    [
      'an absent answer',
      Object.fromEntries(Object.entries(safe).filter(([q]) => q !== 'backout')),
      /riskAnswers\.backout is required/,
    ],
    [
      'an undefined answer',
      { ...safe, backout: undefined } as unknown as RiskAnswers,
      /riskAnswers\.backout is required/,
    ],
    ['not an object', null as unknown as RiskAnswers, /riskAnswers/],
  ])('rejects %s', (_name, answers, message) => {
    expect(() => scoreRiskAnswers(answers)).toThrow(InputError);
    expect(() => scoreRiskAnswers(answers)).toThrow(message);
  });
});

describe('assessChangeRisk', () => {
  it.each<[string, Partial<ChangeRiskInput>, string, string[]]>([
    [
      'a low questionnaire and nothing else',
      {},
      'low',
      ['Risk questionnaire score 0 of 24 is low (below 6)'],
    ],
    [
      'a medium questionnaire',
      { answers: moderate },
      'medium',
      ['Risk questionnaire score 6 of 24 is medium (6 or more)'],
    ],
    [
      'a high questionnaire',
      { answers: risky },
      'high',
      ['Risk questionnaire score 13 of 24 is high (12 or more)'],
    ],
    [
      '9 dependents of tier 2–4',
      { blastRadius: { count: 9, tiers: [2, 3, 4] } },
      'low',
      ['Risk questionnaire score 0 of 24 is low (below 6)'],
    ],
    [
      '10 dependents',
      { blastRadius: { count: 10, tiers: [] } },
      'medium',
      [
        'Risk questionnaire score 0 of 24 is low (below 6)',
        '10 entities depend on payments-db (medium at 10 or more)',
      ],
    ],
    [
      'two tier-1 dependents',
      { blastRadius: { count: 3, tiers: [1, 1, 2] } },
      'medium',
      [
        'Risk questionnaire score 0 of 24 is low (below 6)',
        '2 tier-1 services depend on payments-db',
      ],
    ],
    [
      '25 dependents',
      {
        blastRadius: { count: 25, tiers: [1] },
        entityRefs: ['component:default/a', 'component:default/b'],
      },
      'high',
      [
        'Risk questionnaire score 0 of 24 is low (below 6)',
        '25 entities depend on a and b (high at 25 or more)',
        '1 tier-1 service depends on a and b',
      ],
    ],
    [
      'a tier-1 affected entity without dependents',
      { affectedTiers: [1] },
      'medium',
      [
        'Risk questionnaire score 0 of 24 is low (below 6)',
        'payments-db is a tier-1 service',
      ],
    ],
    [
      'a tier-1 affected entity with a tier-1 dependent',
      { affectedTiers: [1], blastRadius: { count: 1, tiers: [1] } },
      'high',
      [
        'Risk questionnaire score 0 of 24 is low (below 6)',
        '1 tier-1 service depends on payments-db',
        'payments-db is a tier-1 service with a medium blast radius',
      ],
    ],
    [
      'tier-1 among several affected entities',
      {
        affectedTiers: [2, 1],
        entityRefs: ['component:default/a', 'component:default/b'],
      },
      'medium',
      [
        'Risk questionnaire score 0 of 24 is low (below 6)',
        'The change affects 1 tier-1 service',
      ],
    ],
    [
      'tier-2 affected entities',
      { affectedTiers: [2, 3] },
      'low',
      ['Risk questionnaire score 0 of 24 is low (below 6)'],
    ],
    [
      '3 of 8 recent changes failed',
      { answers: moderate, recentChanges: { total: 8, failed: 3 } },
      'high',
      [
        'Risk questionnaire score 6 of 24 is medium (6 or more)',
        '3 of 8 recent changes on these services failed (38%; raised from medium to high)',
      ],
    ],
    [
      '1 of 5 recent changes failed (exactly 20%)',
      { recentChanges: { total: 5, failed: 1 } },
      'medium',
      [
        'Risk questionnaire score 0 of 24 is low (below 6)',
        '1 of 5 recent changes on these services failed (20%; raised from low to medium)',
      ],
    ],
    [
      '3 of 4 recent changes failed (too few changes)',
      { recentChanges: { total: 4, failed: 3 } },
      'low',
      ['Risk questionnaire score 0 of 24 is low (below 6)'],
    ],
    [
      '1 of 6 recent changes failed (below 20%)',
      { recentChanges: { total: 6, failed: 1 } },
      'low',
      ['Risk questionnaire score 0 of 24 is low (below 6)'],
    ],
    [
      'failures on an already high change',
      { answers: risky, recentChanges: { total: 5, failed: 5 } },
      'high',
      [
        'Risk questionnaire score 13 of 24 is high (12 or more)',
        '5 of 5 recent changes on these services failed (100%; already high)',
      ],
    ],
    [
      'no entity refs given',
      { blastRadius: { count: 1, tiers: [1] }, entityRefs: undefined },
      'medium',
      [
        'Risk questionnaire score 0 of 24 is low (below 6)',
        '1 tier-1 service depends on the affected entities',
      ],
    ],
  ])('%s → %s', (_name, overrides, risk, reasons) => {
    const result = assessChangeRisk({ ...base, ...overrides });
    expect(result.risk).toBe(risk);
    expect(result.reasons).toEqual(reasons);
  });

  it('returns the questionnaire score', () => {
    expect(assessChangeRisk({ ...base, answers: risky }).score).toBe(13);
  });

  it.each<[string, Partial<ChangeRiskInput>, RegExp]>([
    [
      'negative dependents',
      { blastRadius: { count: -1, tiers: [] } },
      /blastRadius\.count/,
    ],
    [
      'a bad dependent tier',
      { blastRadius: { count: 1, tiers: [5] } },
      /blastRadius\.tiers\[0\]/,
    ],
    [
      'more tiers than dependents',
      { blastRadius: { count: 0, tiers: [2] } },
      /blastRadius\.tiers/,
    ],
    ['a bad affected tier', { affectedTiers: [0] }, /affectedTiers\[0\]/],
    [
      'fractional totals',
      { recentChanges: { total: 1.5, failed: 0 } },
      /recentChanges\.total/,
    ],
    [
      'more failures than changes',
      { recentChanges: { total: 2, failed: 3 } },
      /recentChanges\.failed/,
    ],
    ['bad answers', { answers: { tested: 'yes' } }, /riskAnswers\.outage/],
  ])('rejects %s', (_name, overrides, message) => {
    const call = () => assessChangeRisk({ ...base, ...overrides });
    expect(call).toThrow(InputError);
    expect(call).toThrow(message);
  });
});

describe('assessChangeRisk is monotonic', () => {
  const rank = (input: ChangeRiskInput) =>
    CHANGE_RISK_LEVELS.indexOf(assessChangeRisk(input).risk);

  const answersArb = fc.tuple(
    ...RISK_QUESTIONNAIRE.map(q => fc.nat(q.answers.length - 1)),
  );
  const toAnswers = (indexes: number[]): RiskAnswers =>
    Object.fromEntries(
      RISK_QUESTIONNAIRE.map((q, i) => {
        // answers sorted by weight, so a higher index is never a lighter answer
        const sorted = [...q.answers].sort((a, b) => a.weight - b.weight);
        return [q.id, sorted[indexes[i]].id];
      }),
    );
  const tierArb = fc.integer({ min: 1, max: 4 });
  const inputArb = fc
    .record({
      answers: answersArb,
      tiers: fc.array(tierArb, { maxLength: 5 }),
      extra: fc.nat(40),
      affectedTiers: fc.array(tierArb, { maxLength: 3 }),
      total: fc.nat(12),
      failedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(r => ({
      indexes: r.answers,
      input: {
        answers: toAnswers(r.answers),
        blastRadius: { count: r.tiers.length + r.extra, tiers: r.tiers },
        affectedTiers: r.affectedTiers,
        recentChanges: {
          total: r.total,
          failed: Math.floor(r.failedShare * r.total),
        },
      } satisfies ChangeRiskInput,
    }));

  it('more dependents never lower the risk', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(30), ({ input }, more) => {
        const bigger = {
          ...input,
          blastRadius: {
            ...input.blastRadius,
            count: input.blastRadius.count + more,
          },
        };
        expect(rank(bigger)).toBeGreaterThanOrEqual(rank(input));
      }),
    );
  });

  it('more dependents with a tier never lower the risk', () => {
    fc.assert(
      fc.property(inputArb, tierArb, ({ input }, tier) => {
        const bigger = {
          ...input,
          blastRadius: {
            count: input.blastRadius.count + 1,
            tiers: [...input.blastRadius.tiers, tier],
          },
        };
        expect(rank(bigger)).toBeGreaterThanOrEqual(rank(input));
      }),
    );
  });

  it('lower (more critical) tiers never lower the risk', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.nat(),
        fc.boolean(),
        ({ input }, pick, affected) => {
          const tiers = affected
            ? input.affectedTiers
            : input.blastRadius.tiers;
          fc.pre(tiers.length > 0);
          const i = pick % tiers.length;
          const lowered = tiers.map((t, j) =>
            j === i ? Math.max(1, t - 1) : t,
          );
          const worse = affected
            ? { ...input, affectedTiers: lowered }
            : {
                ...input,
                blastRadius: { ...input.blastRadius, tiers: lowered },
              };
          expect(rank(worse)).toBeGreaterThanOrEqual(rank(input));
        },
      ),
    );
  });

  it('more affected entities with a tier never lower the risk', () => {
    fc.assert(
      fc.property(inputArb, tierArb, ({ input }, tier) => {
        const worse = {
          ...input,
          affectedTiers: [...input.affectedTiers, tier],
        };
        expect(rank(worse)).toBeGreaterThanOrEqual(rank(input));
      }),
    );
  });

  it('more failures never lower the risk', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.nat(5),
        fc.boolean(),
        ({ input }, more, newChanges) => {
          const { total, failed } = input.recentChanges;
          // either failures among the same changes, or further failed changes
          const worse = {
            ...input,
            recentChanges: newChanges
              ? { total: total + more, failed: failed + more }
              : { total, failed: Math.min(total, failed + more) },
          };
          expect(rank(worse)).toBeGreaterThanOrEqual(rank(input));
        },
      ),
    );
  });

  it('worse answers never lower the risk', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), ({ indexes, input }, pick) => {
        const q = pick % RISK_QUESTIONNAIRE.length;
        const worseIndexes = indexes.map((a, i) =>
          i === q
            ? Math.min(a + 1, RISK_QUESTIONNAIRE[i].answers.length - 1)
            : a,
        );
        const worse = { ...input, answers: toAnswers(worseIndexes) };
        expect(assessChangeRisk(worse).score).toBeGreaterThanOrEqual(
          assessChangeRisk(input).score,
        );
        expect(rank(worse)).toBeGreaterThanOrEqual(rank(input));
      }),
    );
  });
});
