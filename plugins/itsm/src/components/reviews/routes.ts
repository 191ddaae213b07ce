import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';

/**
 * Service reviews, `/itsm/reviews`: due and overdue reviews, open actions by owner and "My
 * actions"; its own page in the new frontend system, which also serves `reviews/:id` and
 * `reviews/:id/pack`; a legacy app reaches it through `ItsmPage`.
 *
 * @public
 */
export const reviewsRouteRef = createRouteRef({ id: 'itsm/reviews' });

/**
 * One service review, `/itsm/reviews/:id`: a sub-route of the ITSM page, so it resolves in a
 * legacy app too; in the new frontend system the Reviews page serves it.
 *
 * @public
 */
export const reviewRouteRef = createSubRouteRef({
  id: 'itsm/review',
  parent: rootRouteRef,
  path: '/reviews/:id',
});

/**
 * The printable pack of a review, `/itsm/reviews/:id/pack`; served like
 * {@link reviewRouteRef}.
 *
 * @public
 */
export const reviewPackRouteRef = createSubRouteRef({
  id: 'itsm/review-pack',
  parent: rootRouteRef,
  path: '/reviews/:id/pack',
});

/** Where the legacy "Service review" entity tab is mounted. */
export const entityServiceReviewRouteRef = createRouteRef({
  id: 'itsm/entity-service-review',
});
