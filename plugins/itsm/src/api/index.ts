export { itsmApiRef } from './ItsmApi';
export type {
  ChangeAssessmentRequest,
  ChangeCalendarOptions,
  ImpactedEntity,
  ItsmApi,
  ListChangesOptions,
  ListBreachesOptions,
  ListIncidentsOptions,
  ListSupportingAgreementsOptions,
  RecordCollection,
  RecordQuery,
  SlaReportOptions,
} from './ItsmApi';
export type {
  ImpactAnalysis,
  ImpactDirection,
  ImpactItem,
} from '@backstage-itsm/plugin-itsm-common';
export { ItsmClient } from './ItsmClient';
