/**
 * The ITSM frontend plugin: service health and incidents on catalog entity pages, the
 * incident pages and my queue.
 *
 * The new frontend system plugin is the default export of `@backstage-itsm/plugin-itsm/alpha`.
 *
 * @packageDocumentation
 */

export {
  itsmPlugin,
  ItsmPage,
  EntityServiceManagementContent,
  EntityServiceHealthCard,
} from './plugin';
export { itsmApiRef, ItsmClient } from './api';
export type {
  ImpactAnalysis,
  ImpactDirection,
  ImpactedEntity,
  ImpactItem,
  ItsmApi,
  ListIncidentsOptions,
} from './api';
export { rootRouteRef, incidentRouteRef, queueRouteRef } from './routes';
