import { mockServices } from '@backstage/backend-test-utils';
import {
  BUILT_IN_SURVEY_TEMPLATES,
  incidentCreateSchema,
  isLowScore,
  surveyCreateSchema,
  surveyResponseSchema,
  validateSurveyAnswers,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { seedDemoSatisfaction } from './seedDemoSatisfaction';

const NOW = new Date('2027-02-01T10:00:00Z');
const DAY = 86_400_000;
const template = (id: string) =>
  BUILT_IN_SURVEY_TEMPLATES.find(t => t.id === id)!.questions;

function recordingContext() {
  const calls: Array<{ op: string; at: number; actor: string; body: any }> = [];
  let seq = 0;
  const unused = () => {
    throw new Error('the satisfaction seed writes incidents and surveys only');
  };
  const context: ItsmImportContext = {
    isEmpty: async () => true,
    changes: unused,
    changeTemplates: unused,
    problems: unused,
    agreements: unused,
    incidents: ({ now }) =>
      ({
        async create(input: any, actor: string) {
          calls.push({
            op: 'incident',
            at: now().getTime(),
            actor,
            body: input,
          });
          seq += 1;
          return { id: `INC-${seq}` };
        },
        async transition(id: string, body: any, actor: string) {
          calls.push({ op: `move ${id}`, at: now().getTime(), actor, body });
          return { id };
        },
      } as any),
    satisfaction: ({ now }) => ({
      async createSurvey(input, actor) {
        calls.push({ op: 'survey', at: now().getTime(), actor, body: input });
        return { id: 'SUR-1' } as any;
      },
      async transitionSurvey(id, body, actor) {
        calls.push({ op: `open ${id}`, at: now().getTime(), actor, body });
        return { id } as any;
      },
      async respondToSurvey(id, body, actor) {
        calls.push({ op: `answer ${id}`, at: now().getTime(), actor, body });
        return {} as any;
      },
      async rateIncident(id, body, actor) {
        calls.push({ op: `rate ${id}`, at: now().getTime(), actor, body });
        return {} as any;
      },
    }),
  };
  return { context, calls };
}

describe('seedDemoSatisfaction', () => {
  it('writes valid ratings of a quarter, some low with why, and one open campaign with answers', async () => {
    const { context, calls } = recordingContext();
    await seedDemoSatisfaction(context, {
      now: NOW,
      logger: mockServices.logger.mock(),
    });
    for (const call of calls) {
      expect(call.at).toBeLessThanOrEqual(NOW.getTime());
      expect(call.at).toBeGreaterThan(NOW.getTime() - 90 * DAY);
    }
    const created = calls.filter(c => c.op === 'incident');
    for (const c of created) {
      expect(incidentCreateSchema.safeParse(c.body).success).toBe(true);
    }
    const ratings = calls.filter(c => c.op.startsWith('rate '));
    expect(ratings).toHaveLength(created.length);
    for (const [i, rating] of ratings.entries()) {
      // The reporter rates, after the resolution.
      expect(rating.actor).toBe(created[i].actor);
      const body = surveyResponseSchema.parse(rating.body);
      expect(() =>
        validateSurveyAnswers(template('incident-resolution'), body),
      ).not.toThrow();
    }
    const low = ratings.filter(r =>
      isLowScore({ rating: r.body.answers.rating }),
    );
    expect(low.length).toBeGreaterThan(2);
    expect(low.length).toBeLessThan(ratings.length / 2);

    const [survey] = calls.filter(c => c.op === 'survey');
    const body = surveyCreateSchema.parse(survey.body);
    expect(new Date(body.closesAt!).getTime()).toBeGreaterThan(NOW.getTime());
    expect(calls.filter(c => c.op === 'open SUR-1')).toHaveLength(1);
    const answers = calls.filter(c => c.op === 'answer SUR-1');
    expect(answers.length).toBeGreaterThan(1);
    for (const answer of answers) {
      expect(answer.at).toBeGreaterThan(survey.at);
      expect(() =>
        validateSurveyAnswers(
          template('service-satisfaction'),
          surveyResponseSchema.parse(answer.body),
        ),
      ).not.toThrow();
    }
  });
});
