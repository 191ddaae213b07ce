export { itsmApiRef } from './ItsmApi';
export type { ItsmApi, ListIncidentsOptions } from './ItsmApi';
export { ItsmClient } from './ItsmClient';
