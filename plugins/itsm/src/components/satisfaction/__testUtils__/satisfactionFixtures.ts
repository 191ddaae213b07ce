import {
  BUILT_IN_SURVEY_TEMPLATES,
  SatisfactionFigures,
  SatisfactionOverview,
  Survey,
  SurveyInvitation,
} from '@backstage-itsm/plugin-itsm-common';

export const ENTITY = 'component:default/payments-api';

export const serviceQuestions = BUILT_IN_SURVEY_TEMPLATES.find(
  t => t.id === 'service-satisfaction',
)!.questions;

export function makeFigures(
  overrides: Partial<SatisfactionFigures> = {},
): SatisfactionFigures {
  return {
    ratings: 12,
    csatPercent: 75,
    meanRating: 3.9,
    npsAnswers: 10,
    nps: 20,
    tooFew: false,
    invited: 20,
    responses: 12,
    responseRatePercent: 60,
    ...overrides,
  };
}

export function makeOverview(
  overrides: Partial<SatisfactionOverview> = {},
): SatisfactionOverview {
  return {
    entityRef: ENTITY,
    from: '2026-11-01T00:00:00.000Z',
    to: '2027-02-01T00:00:00.000Z',
    minResponses: 5,
    figures: makeFigures(),
    trend: [
      {
        label: '2027-01',
        from: '2027-01-01T00:00:00.000Z',
        to: '2027-02-01T00:00:00.000Z',
        ...makeFigures({ ratings: 7, csatPercent: 71.4 }),
      },
    ],
    comments: [
      {
        at: '2027-01-20T10:00:00.000Z',
        rating: 2,
        nps: null,
        comment: 'Nobody told us it was being worked on',
        source: { type: 'incident', id: 'INC-7' },
      },
    ],
    ...overrides,
  };
}

export function makeSurvey(overrides: Partial<Survey> = {}): Survey {
  return {
    id: 'SUR-1',
    version: 1,
    title: 'Payments Q1',
    description: '',
    entityRef: ENTITY,
    templateId: 'service-satisfaction',
    questions: serviceQuestions,
    status: 'open',
    anonymous: false,
    audience: { slaCustomers: true, consumerOwners: true, extra: [] },
    closesAt: '2027-03-01T00:00:00.000Z',
    openedAt: '2027-01-15T00:00:00.000Z',
    closedAt: null,
    invited: 8,
    responses: 3,
    createdAt: '2027-01-14T00:00:00.000Z',
    createdBy: 'user:default/olivia',
    updatedAt: '2027-01-15T00:00:00.000Z',
    ...overrides,
  };
}

export function makeInvitation(
  overrides: Partial<SurveyInvitation> = {},
): SurveyInvitation {
  return {
    source: { type: 'campaign', id: 'SUR-1' },
    title: 'Payments Q1',
    description: 'How do you rate payments?',
    entityRef: ENTITY,
    questions: serviceQuestions,
    anonymous: false,
    invitedAt: '2027-01-15T00:00:00.000Z',
    expiresAt: '2027-03-01T00:00:00.000Z',
    state: 'pending',
    ...overrides,
  };
}
