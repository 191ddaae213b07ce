import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AgreementRevision,
  ApprovalDecisionRequest,
  BreachPatchRequest,
  CalendarCreateRequest,
  CalendarPatchRequest,
  CalendarRecord,
  Change,
  ChangeAssessment,
  ChangeCalendar,
  ChangeCreateRequest,
  ChangePatchRequest,
  ChangeStats,
  ChangeStatus,
  ChangeTemplate,
  ChangeTemplateCreateRequest,
  ChangeTemplatePatchRequest,
  ChangeTransitionRequest,
  ChangeType,
  HistoryEvent,
  ImpactAnalysis,
  ImpactDirection,
  ImpactItem,
  Incident,
  IncidentCategory,
  IncidentCreateRequest,
  IncidentPatchRequest,
  IncidentStatus,
  Priority,
  IncidentTransitionRequest,
  KnownError,
  KnownErrorCreateRequest,
  KnownErrorMatch,
  KnownErrorPatchRequest,
  KnownErrorStatus,
  Page,
  Problem,
  ProblemCreateRequest,
  ProblemCounts,
  ProblemEffectiveness,
  ProblemOrigin,
  ProblemPatchRequest,
  ProblemStatus,
  ProblemTransitionRequest,
  RecordLink,
  RecordLinkCreate,
  RiskLevel,
  ServiceHealth,
  ServiceLevelAgreement,
  SlaAlignment,
  SlaBreach,
  SlaCreateRequest,
  SlaPatchRequest,
  SlaReport,
  SupportingAgreement,
  SupportingAgreementCreateRequest,
  SupportingAgreementKind,
  SupportingAgreementPatchRequest,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  SatisfactionHealth,
  SatisfactionOverview,
  Survey,
  SurveyCreateRequest,
  SurveyInvitation,
  SurveyResponse,
  SurveyResponseRequest,
  SurveySource,
  SurveyStatus,
  SurveyTemplate,
  SurveyTransitionRequest,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  Complaint,
  ComplaintCreateRequest,
  ComplaintPatchRequest,
  ComplaintStatus,
  ComplaintTransitionRequest,
  ReviewPackResponse,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  ReviewAction,
  ReviewActionCreateRequest,
  ReviewActionPatchRequest,
  ReviewActionStatus,
  ReviewCreateRequest,
  ReviewPatchRequest,
  ReviewStatus,
  ReviewTransitionRequest,
  ServiceReview,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  Improvement,
  ImprovementCreateRequest,
  ImprovementDraft,
  ImprovementKind,
  ImprovementPatchRequest,
  ImprovementSource,
  ImprovementStatus,
  ImprovementTransitionRequest,
  ImprovementVerdict,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * Filters and paging of {@link ItsmApi.listIncidents}.
 *
 * @public
 */
export interface ListIncidentsOptions {
  /** Matches the primary and the affected entities; any form of entity ref, compared in lowercase. */
  entityRef?: string | string[];
  /** Only incidents in one of these statuses; all statuses when omitted. */
  status?: readonly IncidentStatus[];
  /** Only incidents of these priorities; all when omitted. */
  priority?: readonly Priority[];
  /** Only major (true) or only other (false) incidents; both when omitted. */
  major?: boolean;
  /** Free text, matched against title and description. */
  q?: string;
  /** `mine`: assigned to the signed-in user or to one of their groups. */
  queue?: 'mine';
  /** Only incidents caused by this change (`CHG-n`). */
  causedByChangeId?: string;
  /** Page size, 1–200 (server default 50). */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * Filters and paging of {@link ItsmApi.listChanges}.
 *
 * @public
 */
export interface ListChangesOptions {
  /** Matches any affected entity; any form of entity ref, compared in lowercase. */
  entityRef?: string | string[];
  status?: readonly ChangeStatus[];
  type?: readonly ChangeType[];
  risk?: readonly RiskLevel[];
  /** User entity ref of the requester. */
  requester?: string;
  /** Free text, matched against title and justification. */
  q?: string;
  /** Page size, 1–200 (server default 50). */
  limit?: number;
  cursor?: string;
  /** Newest first (`desc`, the default) or oldest first. */
  order?: 'asc' | 'desc';
}

/**
 * Body of `POST /change-assessments`: what the "Request a change" form knows so far.
 *
 * @public
 */
export interface ChangeAssessmentRequest {
  type: ChangeType;
  entityRefs: string[];
  riskAnswers?: Record<string, string>;
  plannedStart?: string;
  plannedEnd?: string;
  templateId?: string;
}

/**
 * The range and filters of {@link ItsmApi.getChangeCalendar}; at most 100 days.
 *
 * @public
 */
export interface ChangeCalendarOptions {
  /** ISO-8601 instants. */
  from: string;
  to: string;
  entityRef?: string[];
  /** Group refs owning an affected entity. */
  owner?: string[];
  /** System refs an affected entity is part of. */
  system?: string[];
}

/**
 * Filters and paging of {@link ItsmApi.listSupportingAgreements}.
 *
 * @public
 */
export interface ListSupportingAgreementsOptions {
  /** The service or component covered; any form of entity ref. */
  entityRef?: string;
  /** Only agreements underpinning this SLA (`SLA-n`). */
  slaId?: string;
  kind?: SupportingAgreementKind;
  limit?: number;
  cursor?: string;
}

/**
 * Filters and paging of {@link ItsmApi.listBreaches}.
 *
 * @public
 */
export interface ListBreachesOptions {
  entityRef?: string;
  /** ISO-8601 instants bounding `breachedAt` (`to` exclusive). */
  from?: string;
  to?: string;
  /** Only waived (true) or only unwaived (false) breaches; both when omitted. */
  waived?: boolean;
  limit?: number;
  cursor?: string;
}

/**
 * The service and period of {@link ItsmApi.getSlaReport}: `[from, to)` as ISO-8601 instants.
 *
 * @public
 */
export interface SlaReportOptions {
  entityRef: string;
  from: string;
  to: string;
}

/**
 * Filters and paging of {@link ItsmApi.listProblems}.
 *
 * @public
 */
export interface ListProblemsOptions {
  /** Matches any entity of the problem; any form of entity ref, compared in lowercase. */
  entityRef?: string | string[];
  status?: readonly ProblemStatus[];
  origin?: readonly ProblemOrigin[];
  priority?: readonly Priority[];
  /** User entity refs of the owner. */
  owner?: string[];
  category?: string[];
  /** Free text, matched against title and statement. */
  q?: string;
  /** Page size, 1–200 (server default 50). */
  limit?: number;
  cursor?: string;
  order?: 'asc' | 'desc';
}

/**
 * Filters and paging of {@link ItsmApi.listKnownErrors}.
 *
 * @public
 */
export interface ListKnownErrorsOptions {
  entityRef?: string | string[];
  status?: readonly KnownErrorStatus[];
  q?: string;
  limit?: number;
  cursor?: string;
  order?: 'asc' | 'desc';
}

/**
 * What is known of an incident being reported, for {@link ItsmApi.matchKnownErrors}.
 *
 * @public
 */
export interface MatchKnownErrorsOptions {
  entityRef: string;
  /** Title and description as typed so far. */
  text?: string;
  category?: string;
  signature?: string;
  /** 1–20 (server default 5). */
  limit?: number;
}

/**
 * One incident linked to a problem, with who linked it and why (the problem's timeline).
 *
 * @public
 */
export interface ProblemIncident {
  linkId: string;
  incidentId: string;
  title: string;
  status: string;
  priority: Priority;
  entityRef: string;
  createdAt: string;
  resolvedAt?: string | null;
  linkedAt: string;
  linkedBy: string;
  reason?: string | null;
}

/**
 * The query of {@link ItsmApi.getIncidentTrends}.
 *
 * @public
 */
export interface IncidentTrendOptions {
  groupBy: 'entity' | 'category' | 'signature' | 'upstream';
  interval?: 'week' | 'month';
  /** ISO-8601 instants or dates. */
  from?: string;
  to?: string;
  entityRef?: string[];
  /** The most frequent groups kept; the rest are summed under `(other)`. */
  top?: number;
}

/**
 * Incidents counted per group and period (`GET /reports/incident-trends`).
 *
 * @public
 */
export interface IncidentTrend {
  groupBy: string;
  interval: string;
  from: string;
  to: string;
  /** Start of each week (Monday, UTC) or month, in order. */
  periods: string[];
  /** One count per period, in the order of `periods`. */
  rows: Array<{ key: string; total: number; counts: number[] }>;
}

/**
 * Filters and paging of {@link ItsmApi.listComplaints}.
 *
 * @public
 */
export interface ListComplaintsOptions {
  /** The service complained about; any form of entity ref, compared in lowercase. */
  entityRef?: string | string[];
  status?: readonly ComplaintStatus[];
  /** User or group refs of the owner. */
  owner?: string[];
  /** User refs of who raised it. */
  complainant?: string[];
  /** Page size, 1–200 (server default 50). */
  limit?: number;
  cursor?: string;
  order?: 'asc' | 'desc';
}

/**
 * Filters and paging of {@link ItsmApi.listReviews}.
 *
 * @public
 */
export interface ListReviewsOptions {
  /** The reviewed service; any form of entity ref, compared in lowercase. */
  entityRef?: string | string[];
  status?: readonly ReviewStatus[];
  /** Only reviews past their date and not held (true), or only the others (false). */
  overdue?: boolean;
  /** Only reviews under this SLA (`SLA-n`). */
  slaId?: string;
  /** Page size, 1–200 (server default 50). */
  limit?: number;
  cursor?: string;
  order?: 'asc' | 'desc';
}

/**
 * Filters and paging of {@link ItsmApi.listReviewActions}.
 *
 * @public
 */
export interface ListReviewActionsOptions {
  /** User or group refs of the action's owner. */
  owner?: string[];
  status?: readonly ReviewActionStatus[];
  /** The reviewed service; any form of entity ref, compared in lowercase. */
  entityRef?: string | string[];
  /** Only open or in-progress actions past their due date. */
  overdue?: boolean;
  limit?: number;
  cursor?: string;
  order?: 'asc' | 'desc';
}

/**
 * Filters, order and paging of {@link ItsmApi.listImprovements} (and, without the paging, of
 * the CSV export).
 *
 * @public
 */
export interface ListImprovementsOptions {
  /** Any of the item's services; any form of entity ref, compared in lowercase. */
  entityRef?: string | string[];
  status?: readonly ImprovementStatus[];
  kind?: readonly ImprovementKind[];
  source?: readonly ImprovementSource[];
  /** User or group refs of the owner. */
  owner?: string[];
  /** The verdict of the measurement; `none` for items not measured (yet). */
  verdict?: readonly (ImprovementVerdict | 'none')[];
  /** Only open items past their target date (true), or only the others (false). */
  overdue?: boolean;
  /** `score` (priority), `created` (the default) or `targetDate`. */
  sort?: 'score' | 'created' | 'targetDate';
  /** `desc` by default. */
  order?: 'asc' | 'desc';
  /** Page size, 1–200 (server default 50). */
  limit?: number;
  cursor?: string;
}

/**
 * `GET /improvement-counts?entityRef=`: the open improvement items on an entity and how many
 * of them are overdue, counted on the server over the items the caller may read; both null
 * when the caller may not read improvement items.
 *
 * @public
 */
export interface ImprovementCounts {
  /** The entity, lowercase. */
  entityRef: string;
  /** Open items (proposed, approved, in progress). */
  open: number | null;
  /** Open items past the end of their target date. */
  overdue: number | null;
}

/**
 * A collection of versioned records on the API, as in `/api/itsm/{collection}/{id}`.
 *
 * @public
 */
export type RecordCollection =
  | 'incidents'
  | 'changes'
  | 'change-templates'
  | 'slas'
  | 'supporting-agreements'
  | 'breaches'
  | 'calendars'
  | 'problems'
  | 'known-errors'
  | 'complaints'
  | 'reviews'
  | 'improvements'
  | 'surveys'
  | 'survey-templates';

/**
 * Query parameters of a list: arrays repeat the parameter, empty values are left out.
 *
 * @public
 */
export type RecordQuery = Record<
  string,
  string | number | boolean | undefined | readonly (string | number | boolean)[]
>;

/**
 * One entity reached by an impact analysis.
 *
 * @public
 * @deprecated Use `ImpactItem` from `@backstage-itsm/plugin-itsm-common`.
 */
export type ImpactedEntity = ImpactItem;

/**
 * The ITSM backend (`/api/itsm`) as the portal sees it.
 *
 * Writes to an incident take the `version` of the last read body and send it as
 * `If-Match`; a stale version fails with a `ResponseError` whose `statusCode` is 412.
 *
 * @public
 */
export interface ItsmApi {
  /** One page of a collection, filtered by `query` as that collection's list route reads it. */
  listRecords<T>(options: {
    collection: RecordCollection;
    query?: RecordQuery;
  }): Promise<Page<T>>;
  getRecord<T>(options: {
    collection: RecordCollection;
    id: string;
  }): Promise<T>;
  /** Creates a record from `body`, the collection's create request. */
  createRecord<T>(options: {
    collection: RecordCollection;
    body: unknown;
  }): Promise<T>;
  /** Edits a record at `version` (`If-Match`). */
  patchRecord<T>(options: {
    collection: RecordCollection;
    id: string;
    version: number;
    patch: unknown;
  }): Promise<T>;
  /** Moves a record at `version` (`If-Match`) to another status. */
  transitionRecord<T>(options: {
    collection: RecordCollection;
    id: string;
    version: number;
    transition: unknown;
  }): Promise<T>;
  /** One page of a record's append-only history, oldest first. */
  getRecordHistory(options: {
    collection: RecordCollection;
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>>;
  /** One page of the links of a record, made on it (`outgoing`) or on the other (`incoming`). */
  listLinks(options: {
    collection: RecordCollection;
    id: string;
    limit?: number;
    cursor?: string;
  }): Promise<Page<RecordLink>>;
  /** Links a record to another (`INC-7 caused_by CHG-3`). */
  addLink(options: {
    collection: RecordCollection;
    id: string;
    link: RecordLinkCreate;
  }): Promise<RecordLink>;
  removeLink(options: {
    collection: RecordCollection;
    id: string;
    linkId: string;
  }): Promise<void>;

  /** Status, open work and SLA risk of one catalog entity. */
  getServiceHealth(options: { entityRef: string }): Promise<ServiceHealth>;
  /** One page of incidents, newest first. */
  listIncidents(options?: ListIncidentsOptions): Promise<Page<Incident>>;
  getIncident(options: { id: string }): Promise<Incident>;
  /** The controlled categories with their subcategories, in their configured order. */
  getIncidentCategories(): Promise<{ items: IncidentCategory[] }>;
  /** One page of the incident's append-only history, oldest first. */
  getIncidentHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>>;
  /** Raises an incident; the server derives its priority from impact and urgency. */
  createIncident(request: IncidentCreateRequest): Promise<Incident>;
  /** Edits the editable fields of an incident at `version`. */
  patchIncident(options: {
    id: string;
    version: number;
    patch: IncidentPatchRequest;
  }): Promise<Incident>;
  /** Moves an incident at `version` to another status, with the fields the move requires. */
  transitionIncident(options: {
    id: string;
    version: number;
    transition: IncidentTransitionRequest;
  }): Promise<Incident>;
  /** Adds an internal work note to the incident's history. */
  addWorkNote(options: { id: string; text: string }): Promise<HistoryEvent>;
  /** Posts a status update on a major incident's communication timeline. */
  addStatusUpdate(options: { id: string; text: string }): Promise<HistoryEvent>;
  /** The catalog entities related to `entityRef`, up to `depth` hops away. */
  getImpact(options: {
    entityRef: string;
    direction?: ImpactDirection;
    depth?: number;
  }): Promise<ImpactAnalysis>;

  /** One page of changes, newest first unless `order: 'asc'`. */
  listChanges(options?: ListChangesOptions): Promise<Page<Change>>;
  /** One change, with the approvals it still needs and whether the caller may decide. */
  getChange(options: { id: string }): Promise<Change>;
  /** Submits a change as a draft; the caller is its requester. */
  createChange(request: ChangeCreateRequest): Promise<Change>;
  /** Edits a change at `version`; a plan edit raises its plan revision. */
  patchChange(options: {
    id: string;
    version: number;
    patch: ChangePatchRequest;
  }): Promise<Change>;
  /** Moves a change at `version` to another status, with the fields the move requires. */
  transitionChange(options: {
    id: string;
    version: number;
    transition: ChangeTransitionRequest;
  }): Promise<Change>;
  /** Approves or rejects a change in authorization (no `If-Match`); answers the change after the vote. */
  decideChange(
    options: { id: string } & ApprovalDecisionRequest,
  ): Promise<Change>;
  /** One page of the change's append-only history, oldest first. */
  getChangeHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>>;
  /** Risk, approvals and conflicts a change would get; writes nothing. */
  assessChange(request: ChangeAssessmentRequest): Promise<ChangeAssessment>;
  /** Changes in authorization waiting for the caller's decision. */
  getApprovalQueue(): Promise<{ items: Change[] }>;
  /** Changes and freeze windows in a range of at most 100 days. */
  getChangeCalendar(options: ChangeCalendarOptions): Promise<ChangeCalendar>;
  /** Change-failure figures of an entity over the last `days` (server default 90). */
  getChangeStats(options: {
    entityRef: string;
    days?: number;
  }): Promise<ChangeStats>;
  /** Standard change templates, optionally those usable on an entity or only active ones. */
  listChangeTemplates(options?: {
    entityRef?: string;
    active?: boolean;
    limit?: number;
    cursor?: string;
  }): Promise<Page<ChangeTemplate>>;
  getChangeTemplate(options: { id: string }): Promise<ChangeTemplate>;
  createChangeTemplate(
    request: ChangeTemplateCreateRequest,
  ): Promise<ChangeTemplate>;
  /** Edits a template at `version` (raises its version). */
  patchChangeTemplate(options: {
    id: string;
    version: number;
    patch: ChangeTemplatePatchRequest;
  }): Promise<ChangeTemplate>;

  /** Service-hours calendars: from config, API-managed, and the built-in `24x7`. */
  listCalendars(): Promise<{ items: CalendarRecord[] }>;
  getCalendar(options: { id: string }): Promise<CalendarRecord>;
  createCalendar(request: CalendarCreateRequest): Promise<CalendarRecord>;
  /** Edits a calendar at `version` (a config calendar: only its API-managed holidays). */
  patchCalendar(options: {
    id: string;
    version: number;
    patch: CalendarPatchRequest;
  }): Promise<CalendarRecord>;

  /** SLAs, optionally of one service, newest first. */
  listSlas(options?: {
    entityRef?: string;
    limit?: number;
    cursor?: string;
  }): Promise<Page<ServiceLevelAgreement>>;
  getSla(options: { id: string }): Promise<ServiceLevelAgreement>;
  /** Defines an SLA for a service (its owners only: `itsm.sla.manage`). */
  createSla(request: SlaCreateRequest): Promise<ServiceLevelAgreement>;
  /** Edits an SLA at `version`; new terms add a revision effective from `effectiveFrom`. */
  patchSla(options: {
    id: string;
    version: number;
    patch: SlaPatchRequest;
  }): Promise<ServiceLevelAgreement>;
  /** Every agreed revision of an SLA, oldest first. */
  getSlaRevisions(options: { id: string }): Promise<{
    items: AgreementRevision[];
  }>;
  /** One page of the SLA record's history, oldest first. */
  getSlaHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>>;
  /** The supporting agreements of an SLA and every target of theirs looser than the SLA's. */
  getSlaAlignment(options: { id: string }): Promise<SlaAlignment>;

  /** OLAs and underpinning contracts. */
  listSupportingAgreements(
    options?: ListSupportingAgreementsOptions,
  ): Promise<Page<SupportingAgreement>>;
  getSupportingAgreement(options: { id: string }): Promise<SupportingAgreement>;
  createSupportingAgreement(
    request: SupportingAgreementCreateRequest,
  ): Promise<SupportingAgreement>;
  patchSupportingAgreement(options: {
    id: string;
    version: number;
    patch: SupportingAgreementPatchRequest;
  }): Promise<SupportingAgreement>;
  getSupportingAgreementRevisions(options: { id: string }): Promise<{
    items: AgreementRevision[];
  }>;

  /** The breach register, newest first. */
  listBreaches(options?: ListBreachesOptions): Promise<Page<SlaBreach>>;
  getBreach(options: { id: string }): Promise<SlaBreach>;
  /** Records cause, action, improvement item or a waiver (`null` withdraws it) at `version`. */
  patchBreach(options: {
    id: string;
    version: number;
    patch: BreachPatchRequest;
  }): Promise<SlaBreach>;

  /** How a service kept its SLA in `[from, to)`. */
  getSlaReport(options: SlaReportOptions): Promise<SlaReport>;
  /** The same report as CSV (`Accept: text/csv`), for a download. */
  getSlaReportCsv(options: SlaReportOptions): Promise<Blob>;

  /** One page of problems, newest first unless `order: 'asc'`. */
  listProblems(options?: ListProblemsOptions): Promise<Page<Problem>>;
  getProblem(options: { id: string }): Promise<Problem>;
  /** Raises a problem (status new), linking `incidentIds` in the same write. */
  createProblem(request: ProblemCreateRequest): Promise<Problem>;
  /** Edits a problem at `version` (`If-Match`): RCA, root cause, workaround, ... */
  updateProblem(options: {
    id: string;
    version: number;
    patch: ProblemPatchRequest;
  }): Promise<Problem>;
  /** Moves a problem at `version` to another status, with the fields the move requires. */
  transitionProblem(options: {
    id: string;
    version: number;
    transition: ProblemTransitionRequest;
  }): Promise<Problem>;
  getProblemHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>>;
  /** The incidents linked to a problem, oldest first, with who linked each and why. */
  listProblemIncidents(options: {
    id: string;
  }): Promise<{ items: ProblemIncident[] }>;
  /** Links an incident to the problem (`INC caused_by PRB`). */
  linkProblemIncident(options: {
    id: string;
    incidentId: string;
    reason?: string;
  }): Promise<RecordLink>;
  /** Open problems and active known errors of an entity, counted on the server. */
  getProblemCounts(options: { entityRef: string }): Promise<ProblemCounts>;
  /** Incidents after vs before the resolution of a resolved or closed problem (409 otherwise). */
  getProblemEffectiveness(options: {
    id: string;
  }): Promise<ProblemEffectiveness>;
  /** Runs the detection now; answers the ids of the candidates it proposed. */
  runProblemDetection(): Promise<{ proposed: string[] }>;

  /** One page of the complaints the caller may read, newest first. */
  listComplaints(options?: ListComplaintsOptions): Promise<Page<Complaint>>;
  getComplaint(options: { id: string }): Promise<Complaint>;
  /** Raises a complaint about a service, as the signed-in user. */
  createComplaint(request: ComplaintCreateRequest): Promise<Complaint>;
  /** Edits a complaint at `version` (`If-Match`): owner, response, ... */
  updateComplaint(options: {
    id: string;
    version: number;
    patch: ComplaintPatchRequest;
  }): Promise<Complaint>;
  /** Moves a complaint at `version` to another status, with the fields the move requires. */
  transitionComplaint(options: {
    id: string;
    version: number;
    transition: ComplaintTransitionRequest;
  }): Promise<Complaint>;
  getComplaintHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>>;

  /**
   * The pack of a service review (`GET /reviews/{id}/pack`): the frozen one (null before
   * freezing) and, unless `live` is false, the pack generated now with its drift.
   */
  getReviewPack(options: {
    id: string;
    live?: boolean;
  }): Promise<ReviewPackResponse>;

  /** One page of the service reviews the caller may read, newest first. */
  listReviews(options?: ListReviewsOptions): Promise<Page<ServiceReview>>;
  getReview(options: { id: string }): Promise<ServiceReview>;
  /** Schedules a review of a service by hand (`itsm.review.manage`). */
  createReview(request: ReviewCreateRequest): Promise<ServiceReview>;
  /** Edits a review at `version` (`If-Match`): attendees, agenda, minutes, decisions, ... */
  updateReview(options: {
    id: string;
    version: number;
    patch: ReviewPatchRequest;
  }): Promise<ServiceReview>;
  /** Moves a review at `version` to another status, with the fields the move requires. */
  transitionReview(options: {
    id: string;
    version: number;
    transition: ReviewTransitionRequest;
  }): Promise<ServiceReview>;
  getReviewHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>>;
  /** Generates the review's pack from live records and freezes it at `version` (`If-Match`). */
  freezeReviewPack(options: {
    id: string;
    version: number;
    comment?: string;
  }): Promise<ServiceReview>;
  /** The customer signs a held review off (no `If-Match`); 403 for anyone outside its customer groups. */
  signOffReview(options: {
    id: string;
    comment?: string;
  }): Promise<ServiceReview>;
  /** The actions recorded at one review, in the order they were recorded. */
  listActionsOfReview(options: {
    id: string;
  }): Promise<{ items: ReviewAction[] }>;
  /** Records an action (open) at a review. */
  createReviewAction(options: {
    reviewId: string;
    action: ReviewActionCreateRequest;
  }): Promise<ReviewAction>;
  /** Edits or moves action `A-<number>` of a review at the action's own `version` (`If-Match`). */
  updateReviewAction(options: {
    reviewId: string;
    number: number;
    version: number;
    patch: ReviewActionPatchRequest;
  }): Promise<ReviewAction>;
  /** One page of the actions of the reviews the caller may read ("My actions"), newest first. */
  listReviewActions(
    options?: ListReviewActionsOptions,
  ): Promise<Page<ReviewAction>>;

  /** One page of known errors, newest first. */
  listKnownErrors(options?: ListKnownErrorsOptions): Promise<Page<KnownError>>;
  getKnownError(options: { id: string }): Promise<KnownError>;
  createKnownError(request: KnownErrorCreateRequest): Promise<KnownError>;
  updateKnownError(options: {
    id: string;
    version: number;
    patch: KnownErrorPatchRequest;
  }): Promise<KnownError>;
  /** Retires a known error or makes it active again, at `version`. */
  transitionKnownError(options: {
    id: string;
    version: number;
    transition: { to: KnownErrorStatus; comment?: string };
  }): Promise<KnownError>;
  getKnownErrorHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>>;
  /** The active known errors of the entity and its upstream dependencies that match, best first. */
  matchKnownErrors(
    options: MatchKnownErrorsOptions,
  ): Promise<{ items: KnownErrorMatch[] }>;
  /** The known error was offered to an incident, or its workaround applied (which links them). */
  recordKnownErrorUse(options: {
    id: string;
    incidentId: string;
    kind: 'offered' | 'applied';
  }): Promise<KnownError>;
  /** Incidents per group and week or month. */
  getIncidentTrends(options: IncidentTrendOptions): Promise<IncidentTrend>;
  /** The same trend as CSV (`Accept: text/csv`), for a download. */
  getIncidentTrendsCsv(options: IncidentTrendOptions): Promise<Blob>;
  /** A service's satisfaction figures, monthly trend and latest comments (90 days by default). */
  getSatisfaction(options: {
    entityRef: string;
    from?: string;
    to?: string;
    comments?: number;
  }): Promise<SatisfactionOverview>;
  /** A service's satisfaction figures of the last 90 days (the health card). */
  getSatisfactionSummary(options: {
    entityRef: string;
  }): Promise<SatisfactionHealth>;
  /** The caller's own survey invitations: pending ones, or all. */
  listSurveyInvitations(options: {
    surveyId?: string;
    incidentId?: string;
    state?: 'pending' | 'all';
  }): Promise<{ items: SurveyInvitation[] }>;
  /** Answers a campaign (`SUR-n`) or rates an incident's resolution (`INC-n`); once. */
  respondToSurvey(options: {
    source: SurveySource;
    response: SurveyResponseRequest;
  }): Promise<SurveyResponse>;
  listSurveys(options?: {
    entityRef?: string;
    status?: SurveyStatus[];
    limit?: number;
    cursor?: string;
  }): Promise<Page<Survey>>;
  createSurvey(request: SurveyCreateRequest): Promise<Survey>;
  /** Opens or closes a campaign at `version` (`If-Match`). */
  transitionSurvey(options: {
    id: string;
    version: number;
    transition: SurveyTransitionRequest;
  }): Promise<Survey>;
  /** The built-in survey templates, then one's own. */
  listSurveyTemplates(): Promise<Page<SurveyTemplate>>;

  /** One page of the improvement register as far as the caller may read it. */
  listImprovements(
    options?: ListImprovementsOptions,
  ): Promise<Page<Improvement>>;
  /** The register with the same filters as CSV (`GET /improvements/export`), for a download. */
  getImprovementsCsv(
    options?: Omit<ListImprovementsOptions, 'limit' | 'cursor'>,
  ): Promise<Blob>;
  getImprovement(options: { id: string }): Promise<Improvement>;
  /** A create body pre-filled from a source record (a breach, a problem, a review action, ...). */
  getImprovementDraft(options: {
    source: ImprovementSource;
    sourceId: string;
  }): Promise<ImprovementDraft>;
  /** Raises an improvement item or corrective action (proposed); links its source record. */
  createImprovement(request: ImprovementCreateRequest): Promise<Improvement>;
  /** Edits an item at `version` (`If-Match`); the KPI is fixed once approved (409). */
  updateImprovement(options: {
    id: string;
    version: number;
    patch: ImprovementPatchRequest;
  }): Promise<Improvement>;
  /**
   * Moves an item at `version` to another status, with the fields the move requires. An
   * approval by the owner or a member of the owning group answers 403 (separation of duties).
   */
  transitionImprovement(options: {
    id: string;
    version: number;
    transition: ImprovementTransitionRequest;
  }): Promise<Improvement>;
  /**
   * Measures an implemented item's KPI now and records the verdict (`POST
   * /improvements/{id}/evaluation`, `If-Match`); 409 before its measurement window is over.
   */
  evaluateImprovement(options: {
    id: string;
    version: number;
  }): Promise<Improvement>;
  getImprovementHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>>;
  /** Open and overdue improvement items of an entity, counted on the server. */
  getImprovementCounts(options: {
    entityRef: string;
  }): Promise<ImprovementCounts>;
}

/**
 * Reference to the {@link ItsmApi}.
 *
 * @public
 */
export const itsmApiRef = createApiRef<ItsmApi>({
  id: 'plugin.itsm.service',
});
