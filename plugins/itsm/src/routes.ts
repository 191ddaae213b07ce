import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The ITSM page, mounted at `/itsm`: the new frontend system mounts it itself; a legacy
 * app mounts `ItsmPage` there.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'itsm' });

/**
 * One incident, `/itsm/incidents/:id`.
 *
 * @public
 */
export const incidentRouteRef = createSubRouteRef({
  id: 'itsm/incident',
  parent: rootRouteRef,
  path: '/incidents/:id',
});

/**
 * The incidents assigned to the signed-in user or their groups, `/itsm/queue`.
 *
 * @public
 */
export const queueRouteRef = createSubRouteRef({
  id: 'itsm/queue',
  parent: rootRouteRef,
  path: '/queue',
});

/**
 * The list of all changes, `/itsm/changes`: its own page (and sidebar item) in the new
 * frontend system, which also serves `changes/new` and `changes/:id`; a legacy app reaches
 * it through `ItsmPage`.
 *
 * @public
 */
export const changesRouteRef = createRouteRef({ id: 'itsm/changes' });

/**
 * One change, `/itsm/changes/:id`. A sub-route of the ITSM page, so it resolves in a legacy
 * app too; in the new frontend system the Changes page at `/itsm/changes` serves it.
 *
 * @public
 */
export const changeRouteRef = createSubRouteRef({
  id: 'itsm/change',
  parent: rootRouteRef,
  path: '/changes/:id',
});

/**
 * The "Request a change" page, `/itsm/changes/new` (`?entityRef=` prefills the entities);
 * served like {@link changeRouteRef}.
 *
 * @public
 */
export const newChangeRouteRef = createSubRouteRef({
  id: 'itsm/new-change',
  parent: rootRouteRef,
  path: '/changes/new',
});

/**
 * The changes waiting for my decision, `/itsm/approvals`: its own page (and sidebar item) in
 * the new frontend system; a legacy app reaches it through `ItsmPage`.
 *
 * @public
 */
export const approvalsRouteRef = createRouteRef({ id: 'itsm/approvals' });

/**
 * The change calendar, `/itsm/change-calendar`: its own page (and sidebar item) in the new
 * frontend system; a legacy app reaches it through `ItsmPage`.
 *
 * @public
 */
export const changeCalendarRouteRef = createRouteRef({
  id: 'itsm/change-calendar',
});

/** Where the legacy "Service management" entity tab is mounted. */
export const entityContentRouteRef = createRouteRef({
  id: 'itsm/entity-content',
});

/** Where the legacy "Changes" entity tab is mounted. */
export const entityChangesRouteRef = createRouteRef({
  id: 'itsm/entity-changes',
});

/**
 * The printable SLA report, `/itsm/sla-report?entityRef=&from=&to=`: a plain page with a
 * Print button, opened from the entity's SLA tab.
 *
 * @public
 */
export const slaReportRouteRef = createSubRouteRef({
  id: 'itsm/sla-report',
  parent: rootRouteRef,
  path: '/sla-report',
});

/** Where the legacy "SLA" entity tab is mounted. */
export const entitySlaRouteRef = createRouteRef({
  id: 'itsm/entity-sla',
});

/**
 * Problem management, `/itsm/problems`: candidates, all problems and the incident trend; its
 * own page (and sidebar item) in the new frontend system, which also serves `problems/:id`;
 * a legacy app reaches it through `ItsmPage`.
 *
 * @public
 */
export const problemsRouteRef = createRouteRef({ id: 'itsm/problems' });

/**
 * One problem, `/itsm/problems/:id`; served like {@link changeRouteRef}.
 *
 * @public
 */
export const problemRouteRef = createSubRouteRef({
  id: 'itsm/problem',
  parent: rootRouteRef,
  path: '/problems/:id',
});

/**
 * The known-error database, `/itsm/known-errors`: its own page in the new frontend system,
 * which also serves `known-errors/:id`; a legacy app reaches it through `ItsmPage`.
 *
 * @public
 */
export const knownErrorsRouteRef = createRouteRef({ id: 'itsm/known-errors' });

/**
 * One known error, `/itsm/known-errors/:id`.
 *
 * @public
 */
export const knownErrorRouteRef = createSubRouteRef({
  id: 'itsm/known-error',
  parent: rootRouteRef,
  path: '/known-errors/:id',
});

/** Where the legacy "Problems" entity tab is mounted. */
export const entityProblemsRouteRef = createRouteRef({
  id: 'itsm/entity-problems',
});

/**
 * All complaints, `/itsm/complaints`: its own page in the new frontend system, which also
 * serves `complaints/:id`; a legacy app reaches it through `ItsmPage`.
 *
 * @public
 */
export const complaintsRouteRef = createRouteRef({ id: 'itsm/complaints' });

/**
 * One complaint, `/itsm/complaints/:id`: a sub-route of the ITSM page, so it resolves in a
 * legacy app too; in the new frontend system the Complaints page serves it.
 *
 * @public
 */
export const complaintRouteRef = createSubRouteRef({
  id: 'itsm/complaint',
  parent: rootRouteRef,
  path: '/complaints/:id',
});
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

/**
 * The continual improvement register, `/itsm/improvements`: the board by status and the
 * table; its own page in the new frontend system, which also serves `improvements/new` and
 * `improvements/:id`; a legacy app reaches it through `ItsmPage`.
 *
 * @public
 */
export const improvementsRouteRef = createRouteRef({
  id: 'itsm/improvements',
});

/**
 * One improvement item or corrective action, `/itsm/improvements/:id`: a sub-route of the
 * ITSM page, so it resolves in a legacy app too; in the new frontend system the Improvements
 * page serves it.
 *
 * @public
 */
export const improvementRouteRef = createSubRouteRef({
  id: 'itsm/improvement',
  parent: rootRouteRef,
  path: '/improvements/:id',
});

/**
 * "Raise improvement", `/itsm/improvements/new`: `?source=&sourceId=` pre-fills the form from
 * the source record's draft, `?entityRef=` (repeatable) names the services. Served like
 * {@link improvementRouteRef}.
 *
 * @public
 */
export const newImprovementRouteRef = createSubRouteRef({
  id: 'itsm/new-improvement',
  parent: rootRouteRef,
  path: '/improvements/new',
});

/** Where the legacy "Improvements" entity tab is mounted. */
export const entityImprovementsRouteRef = createRouteRef({
  id: 'itsm/entity-improvements',
});
