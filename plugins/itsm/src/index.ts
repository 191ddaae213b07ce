/**
 * The ITSM frontend plugin: service health, incidents and changes on catalog entity pages,
 * the incident and change pages, my queue, my approvals and the change calendar, problems,
 * service reviews, complaints and the continual improvement register.
 *
 * The new frontend system plugin is the default export of `@backstage-itsm/plugin-itsm/alpha`.
 *
 * @packageDocumentation
 */

export {
  itsmPlugin,
  ItsmPage,
  EntityServiceManagementContent,
  EntityChangesContent,
  EntitySlaContent,
  EntityProblemsContent,
  EntityServiceReviewContent,
  EntityImprovementsContent,
  EntityServiceHealthCard,
} from './plugin';
export { itsmApiRef, ItsmClient } from './api';
export type {
  ChangeAssessmentRequest,
  ChangeCalendarOptions,
  ListChangesOptions,
  ImpactAnalysis,
  ImpactDirection,
  ImpactedEntity,
  ImpactItem,
  IncidentTrend,
  IncidentTrendOptions,
  ItsmApi,
  ListBreachesOptions,
  ListImprovementsOptions,
  ListIncidentsOptions,
  ListKnownErrorsOptions,
  ListProblemsOptions,
  ListSupportingAgreementsOptions,
  MatchKnownErrorsOptions,
  ProblemIncident,
  SlaReportOptions,
} from './api';
export {
  rootRouteRef,
  incidentRouteRef,
  queueRouteRef,
  changesRouteRef,
  changeRouteRef,
  newChangeRouteRef,
  approvalsRouteRef,
  changeCalendarRouteRef,
  slaReportRouteRef,
  problemsRouteRef,
  problemRouteRef,
  knownErrorsRouteRef,
  knownErrorRouteRef,
  reviewsRouteRef,
  reviewRouteRef,
  reviewPackRouteRef,
  complaintsRouteRef,
  complaintRouteRef,
  improvementsRouteRef,
  improvementRouteRef,
  newImprovementRouteRef,
} from './routes';
