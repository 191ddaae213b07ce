import fc from 'fast-check';
import {
  isInvitationSampled,
  isLowScore,
  responseRate,
  satisfactionScores,
} from './scores';

describe('satisfactionScores', () => {
  it.each([
    [
      [],
      {
        ratings: 0,
        csatPercent: null,
        meanRating: null,
        nps: null,
        tooFew: true,
      },
    ],
    [
      [5, 4, 3, 2, 1].map(rating => ({ rating })),
      { ratings: 5, csatPercent: 40, meanRating: 3, tooFew: false },
    ],
    [
      [5, 5, 4, 4, 4, 1].map(rating => ({ rating })),
      { ratings: 6, csatPercent: (100 * 5) / 6, meanRating: 23 / 6 },
    ],
    [
      [10, 9, 8, 7, 6, 0].map(nps => ({ rating: 4, nps })),
      { npsAnswers: 6, nps: 0, csatPercent: 100 },
    ],
    [
      [10, 10, 10, 10, 9].map(nps => ({ rating: 5, nps })),
      { nps: 100, tooFew: false },
    ],
    [
      [{ rating: 0 }, { rating: 6 }, { rating: 4.5 }, { nps: 11 }, { nps: -1 }],
      { ratings: 0, npsAnswers: 0, csatPercent: null, nps: null },
    ],
  ] as const)('scores %j as %j', (answers, expected) => {
    expect(satisfactionScores(answers)).toMatchObject(expected);
  });

  it('flags fewer responses than the minimum, and keeps the figures', () => {
    const scores = satisfactionScores([{ rating: 5 }, { rating: 4 }], {
      minResponses: 3,
    });
    expect(scores).toMatchObject({ csatPercent: 100, tooFew: true });
    expect(
      satisfactionScores([{ rating: 5 }, { rating: 4 }, { rating: 1 }], {
        minResponses: 3,
      }).tooFew,
    ).toBe(false);
  });

  it('keeps every figure on its scale, whatever the answers', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            rating: fc.option(fc.integer({ min: -2, max: 7 })),
            nps: fc.option(fc.integer({ min: -2, max: 12 })),
          }),
        ),
        answers => {
          const scores = satisfactionScores(answers);
          const within = (value: number | null, min: number, max: number) =>
            value === null || (value >= min && value <= max);
          expect(within(scores.csatPercent, 0, 100)).toBe(true);
          expect(within(scores.meanRating, 1, 5)).toBe(true);
          expect(within(scores.nps, -100, 100)).toBe(true);
          expect(scores.ratings).toBeLessThanOrEqual(answers.length);
        },
      ),
    );
  });
});

describe('responseRate and isLowScore', () => {
  it.each([
    [0, 0, null],
    [10, 4, 40],
    [3, 5, 100],
  ])('%d invited, %d responded: %p', (invited, responded, expected) => {
    expect(responseRate(invited, responded)).toBe(expected);
  });

  it.each([
    [{ rating: 1 }, true],
    [{ rating: 2 }, true],
    [{ rating: 3 }, false],
    [{ nps: 6 }, true],
    [{ nps: 7 }, false],
    [{ rating: 5, nps: 3 }, true],
    [{}, false],
  ])('%j is low: %p', (answer, low) => {
    expect(isLowScore(answer)).toBe(low);
  });
});

describe('isInvitationSampled', () => {
  it('decides the same for the same incident and cycle, and never or always at 0 and 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seq, cycle, rate) => {
          const id = `INC-${seq}`;
          expect(isInvitationSampled(id, cycle, rate)).toBe(
            isInvitationSampled(id, cycle, rate),
          );
          expect(isInvitationSampled(id, cycle, 0)).toBe(false);
          expect(isInvitationSampled(id, cycle, 1)).toBe(true);
          // A higher rate keeps everyone a lower rate invited.
          expect(
            !isInvitationSampled(id, cycle, rate / 2) ||
              isInvitationSampled(id, cycle, rate),
          ).toBe(true);
        },
      ),
    );
  });

  it('invites about the share asked for', () => {
    const invited = Array.from({ length: 10_000 }, (_, i) =>
      isInvitationSampled(`INC-${i + 1}`, 1, 0.3),
    ).filter(Boolean).length;
    expect(invited / 10_000).toBeGreaterThan(0.27);
    expect(invited / 10_000).toBeLessThan(0.33);
  });
});
