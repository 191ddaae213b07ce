export { itsmApiRef } from './ItsmApi';
export type {
  ImpactAnalysis,
  ImpactDirection,
  ImpactedEntity,
  ItsmApi,
  ListIncidentsOptions,
} from './ItsmApi';
export { ItsmClient } from './ItsmClient';
