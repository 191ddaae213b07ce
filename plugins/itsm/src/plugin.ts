import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ItsmClient, itsmApiRef } from './api';
import {
  approvalsRouteRef,
  changeCalendarRouteRef,
  changeRouteRef,
  changesRouteRef,
  complaintRouteRef,
  complaintsRouteRef,
  entityImprovementsRouteRef,
  entityServiceReviewRouteRef,
  entityChangesRouteRef,
  entityContentRouteRef,
  entitySlaRouteRef,
  entityProblemsRouteRef,
  improvementRouteRef,
  improvementsRouteRef,
  incidentRouteRef,
  knownErrorRouteRef,
  knownErrorsRouteRef,
  newChangeRouteRef,
  newImprovementRouteRef,
  problemRouteRef,
  problemsRouteRef,
  queueRouteRef,
  reviewPackRouteRef,
  reviewRouteRef,
  reviewsRouteRef,
  rootRouteRef,
  slaReportRouteRef,
} from './routes';

/**
 * The ITSM frontend plugin for the legacy frontend system.
 *
 * @public
 */
export const itsmPlugin = createPlugin({
  id: 'itsm',
  apis: [
    createApiFactory({
      api: itsmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ItsmClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    incident: incidentRouteRef,
    queue: queueRouteRef,
    changes: changesRouteRef,
    change: changeRouteRef,
    newChange: newChangeRouteRef,
    approvals: approvalsRouteRef,
    changeCalendar: changeCalendarRouteRef,
    slaReport: slaReportRouteRef,
    problems: problemsRouteRef,
    problem: problemRouteRef,
    knownErrors: knownErrorsRouteRef,
    knownError: knownErrorRouteRef,
    reviews: reviewsRouteRef,
    review: reviewRouteRef,
    reviewPack: reviewPackRouteRef,
    complaints: complaintsRouteRef,
    complaint: complaintRouteRef,
    improvements: improvementsRouteRef,
    improvement: improvementRouteRef,
    newImprovement: newImprovementRouteRef,
  },
});

/**
 * The ITSM page: my queue (`queue`), incident pages (`incidents/:id`), all changes
 * (`changes`), "Request a change" (`changes/new`), change pages (`changes/:id`), my approvals (`approvals`), the change
 * calendar (`change-calendar`), the printable SLA report (`sla-report`), problems (`problems`,
 * `problems/:id`), known errors (`known-errors`, `known-errors/:id`), service reviews
 * (`reviews/*`), complaints (`complaints`, `complaints/:id`) and the improvement register
 * (`improvements`, `improvements/new`, `improvements/:id`). Mount it at `/itsm`:
 * `<Route path="/itsm" element={<ItsmPage />} />`.
 *
 * @public
 */
export const ItsmPage = itsmPlugin.provide(
  createRoutableExtension({
    name: 'ItsmPage',
    component: () => import('./components/ItsmPage').then(m => m.ItsmPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "Service management" entity tab: service health, blast radius and the entity's
 * incidents, with "Report incident".
 *
 * @public
 */
export const EntityServiceManagementContent = itsmPlugin.provide(
  createRoutableExtension({
    name: 'EntityServiceManagementContent',
    component: () =>
      import('./components/ServiceManagementContent').then(
        m => m.ServiceManagementContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * The "Changes" entity tab: the entity's changes (upcoming first), its change-failure
 * figures and "Request a change".
 *
 * @public
 */
export const EntityChangesContent = itsmPlugin.provide(
  createRoutableExtension({
    name: 'EntityChangesContent',
    component: () =>
      import('./components/changes/EntityChangesContent').then(
        m => m.EntityChangesContent,
      ),
    mountPoint: entityChangesRouteRef,
  }),
);

/**
 * The "SLA" entity tab: the agreement in force and its revisions, targets with this month's
 * attainment, clocks at risk, breaches, supporting agreements and the SLA report.
 *
 * @public
 */
export const EntitySlaContent = itsmPlugin.provide(
  createRoutableExtension({
    name: 'EntitySlaContent',
    component: () =>
      import('./components/service-levels/EntitySlaContent').then(
        m => m.EntitySlaContent,
      ),
    mountPoint: entitySlaRouteRef,
  }),
);

/**
 * The "Problems" entity tab: the entity's problems (open ones first) and active known
 * errors, with "Raise problem".
 *
 * @public
 */
export const EntityProblemsContent = itsmPlugin.provide(
  createRoutableExtension({
    name: 'EntityProblemsContent',
    component: () =>
      import('./components/problems/EntityProblemsContent').then(
        m => m.EntityProblemsContent,
      ),
    mountPoint: entityProblemsRouteRef,
  }),
);

/**
 * The "Service review" entity tab: the next review with its pack (preview, frozen pack and
 * drift), minutes, decisions, actions and the customer's sign-off, earlier reviews, the
 * service's satisfaction and its complaints.
 *
 * @public
 */
export const EntityServiceReviewContent = itsmPlugin.provide(
  createRoutableExtension({
    name: 'EntityServiceReviewContent',
    component: () =>
      import('./components/reviews').then(m => m.EntityServiceReviewContent),
    mountPoint: entityServiceReviewRouteRef,
  }),
);

/**
 * The "Improvements" entity tab: the entity's improvement items and corrective actions (open
 * ones first, by score), with "Raise improvement" pre-filled with the entity.
 *
 * @public
 */
export const EntityImprovementsContent = itsmPlugin.provide(
  createRoutableExtension({
    name: 'EntityImprovementsContent',
    component: () =>
      import('./components/improvements/ImprovementsSection').then(
        m => m.EntityImprovementsContent,
      ),
    mountPoint: entityImprovementsRouteRef,
  }),
);

/**
 * The "Service health" card for an entity overview page.
 *
 * @public
 */
export const EntityServiceHealthCard = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityServiceHealthCard',
    component: {
      lazy: () =>
        import('./components/ServiceHealthCard').then(m => m.ServiceHealthCard),
    },
  }),
);
