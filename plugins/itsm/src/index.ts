/**
 * The ITSM frontend plugin: service health and incidents on catalog entity pages.
 *
 * The new frontend system plugin is the default export of `@backstage-itsm/plugin-itsm/alpha`.
 *
 * @packageDocumentation
 */

export {
  itsmPlugin,
  EntityServiceManagementContent,
  EntityServiceHealthCard,
} from './plugin';
export { itsmApiRef, ItsmClient } from './api';
export type { ItsmApi, ListIncidentsOptions } from './api';
