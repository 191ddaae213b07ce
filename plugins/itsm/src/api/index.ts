export { itsmApiRef } from './ItsmApi';
export type {
  ChangeAssessmentRequest,
  ChangeCalendarOptions,
  ImpactedEntity,
  ImprovementCounts,
  IncidentTrend,
  IncidentTrendOptions,
  ItsmApi,
  ListChangesOptions,
  ListComplaintsOptions,
  ListBreachesOptions,
  ListImprovementsOptions,
  ListIncidentsOptions,
  ListKnownErrorsOptions,
  ListProblemsOptions,
  ListReviewActionsOptions,
  ListReviewsOptions,
  MatchKnownErrorsOptions,
  ProblemIncident,
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
