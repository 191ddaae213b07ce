import type { ItsmReviewImporter } from '@backstage-itsm/plugin-itsm-node';
import { reviewCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import { PLUGIN_SUBJECT, RequestContext } from '../../records/context';
import { parseInput } from '../../records/validation';
import type { ReviewActionService } from './ReviewActionService';
import type { ReviewSchedulerJob } from './ReviewSchedulerJob';
import type { ReviewService } from './ReviewService';

/**
 * Review writes of a trusted import through quiet services (their own clock, no permission
 * checks, sign-off recorded for the customer named): each write at the review's or action's
 * current version.
 */
export function reviewImporter(
  services: {
    reviews: ReviewService;
    actions: ReviewActionService;
    scheduler: ReviewSchedulerJob;
  },
  as: (actor: string) => RequestContext,
): ItsmReviewImporter {
  const { reviews, actions, scheduler } = services;
  const write = async (id: string, actor: string) => ({
    ...as(actor),
    expectedVersion: (await reviews.get(id, as(PLUGIN_SUBJECT))).version,
  });
  return {
    create: (input, actor) =>
      reviews.create(parseInput(reviewCreateSchema, input, 'body'), as(actor)),
    get: id => reviews.get(id, as(PLUGIN_SUBJECT)),
    patch: async (id, body, actor) =>
      reviews.patch(id, body, await write(id, actor)),
    freezePack: async (id, actor) =>
      reviews.freezePack(id, {}, await write(id, actor)),
    transition: async (id, body, actor) =>
      reviews.transition(id, body, await write(id, actor)),
    signOff: (id, body, actor) => reviews.signOff(id, body, as(actor)),
    addAction: (id, body, actor) => actions.create(id, body, as(actor)),
    patchAction: async (actionId, body, actor) => {
      const [reviewId, key] = actionId.split('/');
      const current = (
        await actions.ofReview(reviewId, as(PLUGIN_SUBJECT))
      ).items.find(a => a.id === actionId);
      return actions.patch(reviewId, key ?? '', body, {
        ...as(actor),
        expectedVersion: current?.version,
      });
    },
    schedule: async () => (await scheduler.run()).scheduled,
  };
}
