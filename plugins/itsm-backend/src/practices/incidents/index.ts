import type { ItsmPractice } from '../practice';
import { createImpactRouter } from './impactRoutes';
import { createIncidentsRouter } from './incidentRoutes';
import { createServiceHealthRouter } from './serviceHealthRoutes';

/** Incident management, service health and impact analysis. */
export const incidentsPractice: ItsmPractice = {
  name: 'incidents',
  routers: context => [
    createIncidentsRouter(context),
    createServiceHealthRouter(context),
    createImpactRouter(context),
  ],
  linkables: services => [services.incidents.linkable()],
  isEmpty: async (services, ctx) =>
    (await services.incidents.list({ limit: 1, order: 'desc' }, ctx)).items
      .length === 0,
};
