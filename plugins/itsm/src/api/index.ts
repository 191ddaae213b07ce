export { itsmApiRef } from './ItsmApi';
export type { ImpactedEntity, ItsmApi, ListIncidentsOptions } from './ItsmApi';
export type {
  ImpactAnalysis,
  ImpactDirection,
  ImpactItem,
} from '@backstage-itsm/plugin-itsm-common';
export { ItsmClient } from './ItsmClient';
