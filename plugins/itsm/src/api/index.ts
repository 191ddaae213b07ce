export { itsmApiRef } from './ItsmApi';
export type {
  ChangeAssessmentRequest,
  ChangeCalendarOptions,
  ImpactedEntity,
  ItsmApi,
  ListChangesOptions,
  ListIncidentsOptions,
} from './ItsmApi';
export type {
  ImpactAnalysis,
  ImpactDirection,
  ImpactItem,
} from '@backstage-itsm/plugin-itsm-common';
export { ItsmClient } from './ItsmClient';
