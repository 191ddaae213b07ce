import fc from 'fast-check';
import { checkSurveyAnswers, validateSurveyAnswers } from './answers';
import { checkSurveyPatch, planSurveyTransition } from './lifecycle';
import {
  surveyCreateSchema,
  surveyResponseSchema,
  surveyTemplateCreateSchema,
} from './schemas';
import {
  isInvitationSampled,
  satisfactionScores,
  scoresFromCounts,
} from './scores';
import {
  BUILT_IN_SURVEY_TEMPLATES,
  DEFAULT_CAMPAIGN_TEMPLATE_ID,
  builtInSurveyTemplate,
} from './templates';
import type { SurveyQuestion } from './types';

const questions = builtInSurveyTemplate(DEFAULT_CAMPAIGN_TEMPLATE_ID)!
  .questions as SurveyQuestion[];
const now = new Date('2027-02-01T10:00:00Z');

describe('checkSurveyAnswers', () => {
  it('takes the first rating as CSAT and the NPS answer, text trimmed', () => {
    const { problems, checked } = checkSurveyAnswers(questions, {
      answers: {
        overall: 4,
        recommend: 9,
        matters: 'Reliability',
        improve: '  faster  ',
      },
    });
    expect(problems).toEqual([]);
    expect(checked).toEqual({
      rating: 4,
      nps: 9,
      comment: null,
      answers: {
        overall: 4,
        recommend: 9,
        matters: 'Reliability',
        improve: 'faster',
      },
    });
  });

  it.each([
    [{ overall: 0 }, 'answers.overall: must be a whole number from 1 to 5'],
    [{ overall: 4.5 }, 'answers.overall: must be a whole number from 1 to 5'],
    [
      { overall: 4, recommend: 11 },
      'answers.recommend: must be a whole number from 0 to 10',
    ],
    [
      { overall: 4, matters: 'Price' },
      'answers.matters: must be one of Reliability, Speed of support, Communication, Features',
    ],
    [{ overall: 4, improve: 3 }, 'answers.improve: must be text'],
    [
      { overall: 4, other: 1 },
      'answers.other: is not a question of this survey',
    ],
    [{}, 'answers.overall: is required'],
  ])('refuses %j: %s', (answers, message) => {
    expect(() => validateSurveyAnswers(questions, { answers })).toThrow(
      message,
    );
  });

  it('asks why for a low rating or a detractor NPS', () => {
    expect(() =>
      validateSurveyAnswers(questions, { answers: { overall: 2 } }),
    ).toThrow(/comment: is required with a low score/);
    expect(() =>
      validateSurveyAnswers(questions, {
        answers: { overall: 5, recommend: 6 },
        comment: '   ',
      }),
    ).toThrow(/comment: is required/);
    expect(
      validateSurveyAnswers(questions, {
        answers: { overall: 2 },
        comment: 'Too slow',
      }),
    ).toMatchObject({ rating: 2, comment: 'Too slow' });
  });

  it('checks a multiple choice option by option', () => {
    const multi: SurveyQuestion[] = [
      { id: 'r', type: 'rating', text: 'R', required: true },
      {
        id: 'c',
        type: 'choice',
        text: 'C',
        required: false,
        options: ['a', 'b'],
        multiple: true,
      },
    ];
    expect(
      checkSurveyAnswers(multi, { answers: { r: 5, c: ['a', 'b'] } }).problems,
    ).toEqual([]);
    expect(
      checkSurveyAnswers(multi, { answers: { r: 5, c: ['a', 'a'] } }).problems,
    ).toEqual([{ field: 'answers.c', message: 'lists an option twice' }]);
    expect(
      checkSurveyAnswers(multi, { answers: { r: 5, c: 'a' } }).problems,
    ).toEqual([{ field: 'answers.c', message: 'must be a list of options' }]);
  });
});

describe('survey schemas', () => {
  it('accepts the built-in templates as templates of one’s own', () => {
    for (const template of BUILT_IN_SURVEY_TEMPLATES) {
      expect(
        surveyTemplateCreateSchema.safeParse({
          id: `${template.id}-copy`,
          title: template.title,
          questions: template.questions,
        }).success,
      ).toBe(true);
    }
  });

  it.each([
    [
      [{ id: 'a', type: 'text', text: 'Why?' }],
      'needs a rating or an NPS question to score',
    ],
    [
      [
        { id: 'a', type: 'nps', text: 'A' },
        { id: 'b', type: 'nps', text: 'B' },
      ],
      'may hold one NPS question only',
    ],
    [
      [
        { id: 'a', type: 'rating', text: 'A' },
        { id: 'a', type: 'text', text: 'B' },
      ],
      "'a' is used twice",
    ],
    [
      [
        { id: 'a', type: 'rating', text: 'A' },
        { id: 'b', type: 'choice', text: 'B', options: ['x'] },
      ],
      'a choice needs at least two different options',
    ],
    [
      [{ id: 'a', type: 'rating', text: 'A', options: ['x', 'y'] }],
      'only a choice question has options',
    ],
  ])('refuses questions %j (%s)', (qs, message) => {
    const result = surveyTemplateCreateSchema.safeParse({
      id: 'mine',
      title: 'Mine',
      questions: qs,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map(i => i.message)).toContain(message);
  });

  it('defaults a campaign to the service template and the whole audience', () => {
    expect(
      surveyCreateSchema.parse({
        title: 'Q1',
        entityRef: 'component:default/payments',
      }),
    ).toMatchObject({
      templateId: DEFAULT_CAMPAIGN_TEMPLATE_ID,
      anonymous: false,
      audience: { slaCustomers: true, consumerOwners: true, extra: [] },
    });
    expect(
      surveyCreateSchema.safeParse({
        title: 'Q1',
        entityRef: 'component:default/payments',
        audience: { extra: ['component:default/x'] },
      }).success,
    ).toBe(false);
  });

  it('takes answers keyed by question id only', () => {
    expect(
      surveyResponseSchema.safeParse({ answers: { 'Not an id': 1 } }).success,
    ).toBe(false);
    expect(
      surveyResponseSchema.safeParse({ answers: { a: 1 }, extra: 1 }).success,
    ).toBe(false);
  });
});

describe('campaign lifecycle', () => {
  it('opens with a closesAt in the future, and closes', () => {
    expect(
      planSurveyTransition(
        { status: 'draft', closesAt: null },
        'open',
        { closesAt: '2027-03-01T00:00:00Z' },
        { now },
      ),
    ).toEqual({
      status: 'open',
      openedAt: now.toISOString(),
      closesAt: '2027-03-01T00:00:00.000Z',
    });
    expect(
      planSurveyTransition(
        { status: 'open', closesAt: '2027-03-01T00:00:00.000Z' },
        'closed',
        {},
        { now },
      ),
    ).toEqual({ status: 'closed', closedAt: now.toISOString() });
  });

  it('answers 409 before 400', () => {
    expect(() =>
      planSurveyTransition(
        { status: 'closed', closesAt: null },
        'open',
        {},
        { now },
      ),
    ).toThrow('The survey is closed and cannot change');
    expect(() =>
      planSurveyTransition(
        { status: 'draft', closesAt: null },
        'open',
        {},
        { now },
      ),
    ).toThrow('closesAt is required to open a survey');
    expect(() =>
      planSurveyTransition(
        { status: 'draft', closesAt: '2027-01-01T00:00:00.000Z' },
        'open',
        {},
        { now },
      ),
    ).toThrow('closesAt must be in the future');
  });

  it('lets an open campaign change only its closing time', () => {
    expect(() =>
      checkSurveyPatch({ status: 'open' }, ['closesAt'], {
        closesAt: '2027-04-01T00:00:00Z',
        now,
      }),
    ).not.toThrow();
    expect(() =>
      checkSurveyPatch({ status: 'open' }, ['title'], { now }),
    ).toThrow('only closesAt may change, not title');
    expect(() =>
      checkSurveyPatch({ status: 'closed' }, ['title'], { now }),
    ).toThrow('closed');
  });
});

describe('scoresFromCounts', () => {
  it('gives what satisfactionScores gives for the same answers', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            rating: fc.option(fc.integer({ min: 1, max: 5 })),
            nps: fc.option(fc.integer({ min: 0, max: 10 })),
          }),
        ),
        answers => {
          const ratings = answers.flatMap(a =>
            a.rating === null ? [] : [a.rating],
          );
          const nps = answers.flatMap(a => (a.nps === null ? [] : [a.nps]));
          expect(
            scoresFromCounts({
              ratings: ratings.length,
              satisfied: ratings.filter(r => r >= 4).length,
              ratingSum: ratings.reduce((s, r) => s + r, 0),
              npsAnswers: nps.length,
              promoters: nps.filter(n => n >= 9).length,
              detractors: nps.filter(n => n <= 6).length,
            }),
          ).toEqual(satisfactionScores(answers));
        },
      ),
    );
  });
});

describe('isInvitationSampled across cycles', () => {
  it('decides each resolution cycle of an incident independently', () => {
    const n = 10_000;
    let both = 0;
    let first = 0;
    for (let i = 1; i <= n; i++) {
      const one = isInvitationSampled(`INC-${i}`, 1, 0.5);
      const two = isInvitationSampled(`INC-${i}`, 2, 0.5);
      if (one) first++;
      if (one && two) both++;
    }
    expect(first / n).toBeGreaterThan(0.47);
    expect(first / n).toBeLessThan(0.53);
    // Independent: about a quarter in both, not about half.
    expect(both / n).toBeGreaterThan(0.22);
    expect(both / n).toBeLessThan(0.28);
  });
});
