import { mockServices } from '@backstage/backend-test-utils';
import {
  REVIEW_DUE_LEAD_DAYS,
  planReviewTransition,
  reviewActionCreateSchema,
  reviewCreateSchema,
  reviewNotice,
  reviewPatchSchema,
  reviewTransitionSchema,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { MERCHANT_SUCCESS, seedDemoReviews } from './seedDemoReviews';

const NOW = new Date('2026-11-27T10:00:00Z');
const DAY = 86_400_000;

/** A context whose review importer applies the -common rules to what the seed writes. */
function recordingContext() {
  const calls: Array<{ op: string; at: number; actor: string }> = [];
  const reviews = new Map<string, any>();
  const unused = () => {
    throw new Error('the review seed writes only reviews');
  };
  const context: ItsmImportContext = {
    isEmpty: async () => true,
    incidents: unused,
    changes: unused,
    changeTemplates: unused,
    agreements: unused,
    problems: unused,
    reviews: ({ now }) => {
      const log = (op: string, actor: string) =>
        calls.push({ op, at: now().getTime(), actor });
      return {
        async create(input, actor) {
          const parsed = reviewCreateSchema.parse(input);
          const id = `REV-${reviews.size + 1}`;
          const review: any = {
            id,
            ...parsed,
            status: 'scheduled',
            packFrozenAt: null,
            minutes: '',
            signedOffAt: null,
          };
          reviews.set(id, review);
          log(`create ${id}`, actor);
          return review;
        },
        get: async id => reviews.get(id),
        async patch(id, body, actor) {
          Object.assign(reviews.get(id), reviewPatchSchema.parse(body));
          log(`patch ${id}`, actor);
          return reviews.get(id);
        },
        async freezePack(id, actor) {
          reviews.get(id).packFrozenAt = now().toISOString();
          log(`freeze ${id}`, actor);
          return reviews.get(id);
        },
        async transition(id, body, actor) {
          const {
            to,
            comment: _,
            ...fields
          } = reviewTransitionSchema.parse(body);
          const review = reviews.get(id);
          Object.assign(
            review,
            planReviewTransition(review, to, fields, { now: now() }),
          );
          log(`${to} ${id}`, actor);
          return review;
        },
        async signOff(id, _body, actor) {
          const review = reviews.get(id);
          expect(review.status).toBe('held');
          review.signedOffAt = now().toISOString();
          log(`sign-off ${id}`, actor);
          return review;
        },
        async addAction(id, body, actor) {
          const parsed = reviewActionCreateSchema.parse(body);
          log(`action ${id}`, actor);
          return { id: `${id}/A-${parsed.dueDate}`, ...parsed } as any;
        },
        async patchAction(actionId, body, actor) {
          log(`${(body as any).status} ${actionId}`, actor);
          return { id: actionId } as any;
        },
        schedule: async () => [],
      };
    },
  };
  return { context, calls, reviews };
}

describe('seedDemoReviews', () => {
  it('writes a closed payments review and a due acme-web review in time order, by the lifecycle', async () => {
    const { context, calls, reviews } = recordingContext();
    await seedDemoReviews(context, {
      now: NOW,
      logger: mockServices.logger.mock(),
    });
    const times = calls.map(c => c.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    expect(calls.map(c => c.op.replace(/ REV-1.*| REV-2.*/, ''))).toEqual([
      'create',
      'freeze',
      'prepared',
      'held',
      'patch',
      'action',
      'action',
      'sign-off',
      'closed',
      'in_progress',
      'done',
      'in_progress',
      'create',
    ]);
    expect(calls.find(c => c.op.startsWith('sign-off'))?.actor).toBe(
      MERCHANT_SUCCESS,
    );
    const payments = reviews.get('REV-1');
    expect(payments).toMatchObject({
      entityRef: 'component:default/payments-service',
      status: 'closed',
    });
    expect(payments.decisions).toHaveLength(2);
    const due = reviews.get('REV-2');
    expect(due).toMatchObject({
      entityRef: 'component:default/acme-web',
      status: 'scheduled',
    });
    expect(reviewNotice(due, NOW)).toBe('due');
    expect(Date.parse(due.scheduledFor) - NOW.getTime()).toBeLessThan(
      REVIEW_DUE_LEAD_DAYS * DAY,
    );
  });
});
