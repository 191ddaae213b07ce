import type { SurveyTemplate } from './types';

/** The built-in template an incident's reporter is asked after its resolution. @public */
export const INCIDENT_SURVEY_TEMPLATE_ID = 'incident-resolution';

/** The built-in template a new campaign uses unless another is chosen. @public */
export const DEFAULT_CAMPAIGN_TEMPLATE_ID = 'service-satisfaction';

const builtIn = (
  template: Pick<SurveyTemplate, 'id' | 'title' | 'description' | 'questions'>,
): SurveyTemplate => ({
  ...template,
  version: 0,
  builtIn: true,
  createdAt: null,
  createdBy: null,
  updatedAt: null,
});

/**
 * Templates every portal has: the transactional question after an incident's resolution and a
 * service satisfaction campaign (CSAT, NPS, what matters, free text). They cannot change;
 * templates of one's own can.
 *
 * @public
 */
export const BUILT_IN_SURVEY_TEMPLATES: readonly SurveyTemplate[] = [
  builtIn({
    id: INCIDENT_SURVEY_TEMPLATE_ID,
    title: 'Incident resolution',
    description: 'Asked of the reporter after an incident is resolved.',
    questions: [
      {
        id: 'rating',
        type: 'rating',
        text: 'How satisfied are you with how this incident was resolved?',
        required: true,
      },
    ],
  }),
  builtIn({
    id: DEFAULT_CAMPAIGN_TEMPLATE_ID,
    title: 'Service satisfaction',
    description:
      'How the customers of a service rate it, whether they would recommend it, and why.',
    questions: [
      {
        id: 'overall',
        type: 'rating',
        text: 'Overall, how satisfied are you with this service?',
        required: true,
      },
      {
        id: 'recommend',
        type: 'nps',
        text: 'How likely are you to recommend this service to a colleague?',
        required: false,
      },
      {
        id: 'matters',
        type: 'choice',
        text: 'What matters most to you?',
        required: false,
        options: [
          'Reliability',
          'Speed of support',
          'Communication',
          'Features',
        ],
      },
      {
        id: 'improve',
        type: 'text',
        text: 'What should we improve?',
        required: false,
      },
    ],
  }),
];

/** A built-in template by id. @public */
export function builtInSurveyTemplate(id: string): SurveyTemplate | undefined {
  return BUILT_IN_SURVEY_TEMPLATES.find(t => t.id === id);
}
