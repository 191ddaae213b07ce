import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
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
  ChangeTemplate,
  ChangeTemplateCreateRequest,
  ChangeTemplatePatchRequest,
  ChangeTransitionRequest,
  HistoryEvent,
  ImpactAnalysis,
  ImpactDirection,
  Incident,
  IncidentCategory,
  IncidentCreateRequest,
  IncidentPatchRequest,
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
  ProblemPatchRequest,
  ProblemTransitionRequest,
  RecordLink,
  RecordLinkCreate,
  ServiceHealth,
  ServiceLevelAgreement,
  SlaAlignment,
  SlaBreach,
  SlaCreateRequest,
  SlaPatchRequest,
  SlaReport,
  SupportingAgreement,
  SupportingAgreementCreateRequest,
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
  ComplaintTransitionRequest,
  ReviewPackResponse,
} from '@backstage-itsm/plugin-itsm-common';
import {
  reviewActionKey,
  type ReviewAction,
  type ReviewActionCreateRequest,
  type ReviewActionPatchRequest,
  type ReviewCreateRequest,
  type ReviewPatchRequest,
  type ReviewTransitionRequest,
  type ServiceReview,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  ChangeAssessmentRequest,
  ChangeCalendarOptions,
  IncidentTrend,
  IncidentTrendOptions,
  ItsmApi,
  ListBreachesOptions,
  ListChangesOptions,
  ListIncidentsOptions,
  ListKnownErrorsOptions,
  ListProblemsOptions,
  MatchKnownErrorsOptions,
  ProblemIncident,
  ListSupportingAgreementsOptions,
  RecordCollection,
  RecordQuery,
  SlaReportOptions,
} from './ItsmApi';
import type { ListComplaintsOptions } from './ItsmApi';
import type { ImprovementCounts, ListImprovementsOptions } from './ItsmApi';
import type {
  Improvement,
  ImprovementCreateRequest,
  ImprovementDraft,
  ImprovementPatchRequest,
  ImprovementSource,
  ImprovementTransitionRequest,
} from '@backstage-itsm/plugin-itsm-common';
import type { ListReviewActionsOptions, ListReviewsOptions } from './ItsmApi';

/** The backend compares entity refs in their lowercase canonical form. */
function canonicalRef(entityRef: string): string {
  return entityRef.toLocaleLowerCase('en-US');
}

/** `/collection/<encoded id>`. */
function recordPath(collection: RecordCollection, id: string): string {
  return `/${collection}/${encodeURIComponent(id)}`;
}

/**
 * `?a=1&b=x&b=y` from the defined parameters, in their order (arrays repeat the parameter,
 * entity refs are lowercased by the caller); `''` when there are none.
 */
function queryOf(params: RecordQuery) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of [value].flat()) {
      if (v !== undefined && v !== '') {
        query.append(name, String(v));
      }
    }
  }
  const qs = query.toString();
  return qs ? `?${qs}` : '';
}

const canonicalRefs = (refs: string | readonly string[] | undefined) =>
  [refs ?? []].flat().map(canonicalRef);

/** The filters and order of the improvement register, as its list and export read them. */
function improvementFilters(
  options: Omit<ListImprovementsOptions, 'limit' | 'cursor'>,
): RecordQuery {
  return {
    entityRef: canonicalRefs(options.entityRef),
    status: options.status,
    kind: options.kind,
    source: options.source,
    owner: canonicalRefs(options.owner),
    verdict: options.verdict,
    overdue: options.overdue,
    sort: options.sort,
    order: options.order,
  };
}

/** A JSON body; writes to a versioned record also carry the version they were made against. */
function jsonHeaders(version?: number): Record<string, string> {
  return version === undefined
    ? { 'Content-Type': 'application/json' }
    : { 'Content-Type': 'application/json', 'If-Match': `"${version}"` };
}

/**
 * Default {@link ItsmApi} implementation, talking to the `itsm` backend plugin.
 *
 * @public
 */
export class ItsmClient implements ItsmApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  // The generic record methods: every practice's reads and writes go through these.

  async listRecords<T>(options: {
    collection: RecordCollection;
    query?: RecordQuery;
  }): Promise<Page<T>> {
    return this.#request(
      `/${options.collection}${queryOf(options.query ?? {})}`,
    );
  }

  async getRecord<T>(options: {
    collection: RecordCollection;
    id: string;
  }): Promise<T> {
    return this.#request(recordPath(options.collection, options.id));
  }

  async createRecord<T>(options: {
    collection: RecordCollection;
    body: unknown;
  }): Promise<T> {
    return this.#send(`/${options.collection}`, 'POST', options.body);
  }

  async patchRecord<T>(options: {
    collection: RecordCollection;
    id: string;
    version: number;
    patch: unknown;
  }): Promise<T> {
    return this.#send(
      recordPath(options.collection, options.id),
      'PATCH',
      options.patch,
      options.version,
    );
  }

  async transitionRecord<T>(options: {
    collection: RecordCollection;
    id: string;
    version: number;
    transition: unknown;
  }): Promise<T> {
    return this.#send(
      `${recordPath(options.collection, options.id)}/transitions`,
      'POST',
      options.transition,
      options.version,
    );
  }

  async getRecordHistory(options: {
    collection: RecordCollection;
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>> {
    return this.#request(
      `${recordPath(options.collection, options.id)}/history${queryOf({
        cursor: options.cursor,
      })}`,
    );
  }

  async listLinks(options: {
    collection: RecordCollection;
    id: string;
    limit?: number;
    cursor?: string;
  }): Promise<Page<RecordLink>> {
    return this.#request(
      `${recordPath(options.collection, options.id)}/links${queryOf({
        limit: options.limit,
        cursor: options.cursor,
      })}`,
    );
  }

  async addLink(options: {
    collection: RecordCollection;
    id: string;
    link: RecordLinkCreate;
  }): Promise<RecordLink> {
    return this.#send(
      `${recordPath(options.collection, options.id)}/links`,
      'POST',
      options.link,
    );
  }

  async removeLink(options: {
    collection: RecordCollection;
    id: string;
    linkId: string;
  }): Promise<void> {
    await this.#fetch(
      `${recordPath(options.collection, options.id)}/links/${encodeURIComponent(
        options.linkId,
      )}`,
      { method: 'DELETE' },
    );
  }

  async getServiceHealth(options: {
    entityRef: string;
  }): Promise<ServiceHealth> {
    const query = new URLSearchParams({
      entityRef: canonicalRef(options.entityRef),
    });
    return this.#request(`/service-health?${query}`);
  }

  async listIncidents(
    options: ListIncidentsOptions = {},
  ): Promise<Page<Incident>> {
    return this.listRecords({
      collection: 'incidents',
      query: {
        entityRef: canonicalRefs(options.entityRef),
        status: options.status,
        priority: options.priority,
        major: options.major,
        q: options.q,
        queue: options.queue,
        causedByChangeId: options.causedByChangeId,
        limit: options.limit,
        cursor: options.cursor,
      },
    });
  }

  async getIncident(options: { id: string }): Promise<Incident> {
    return this.getRecord({ collection: 'incidents', id: options.id });
  }

  async getIncidentCategories(): Promise<{ items: IncidentCategory[] }> {
    return this.#request('/incidents/categories');
  }

  async getIncidentHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>> {
    return this.getRecordHistory({ collection: 'incidents', ...options });
  }

  async createIncident(request: IncidentCreateRequest): Promise<Incident> {
    return this.createRecord({ collection: 'incidents', body: request });
  }

  async patchIncident(options: {
    id: string;
    version: number;
    patch: IncidentPatchRequest;
  }): Promise<Incident> {
    return this.patchRecord({ collection: 'incidents', ...options });
  }

  async transitionIncident(options: {
    id: string;
    version: number;
    transition: IncidentTransitionRequest;
  }): Promise<Incident> {
    return this.transitionRecord({ collection: 'incidents', ...options });
  }

  async addWorkNote(options: {
    id: string;
    text: string;
  }): Promise<HistoryEvent> {
    return this.#send(
      `${recordPath('incidents', options.id)}/work-notes`,
      'POST',
      { text: options.text },
    );
  }

  async addStatusUpdate(options: {
    id: string;
    text: string;
  }): Promise<HistoryEvent> {
    return this.#send(
      `${recordPath('incidents', options.id)}/updates`,
      'POST',
      { text: options.text },
    );
  }

  async getImpact(options: {
    entityRef: string;
    direction?: ImpactDirection;
    depth?: number;
  }): Promise<ImpactAnalysis> {
    const query = new URLSearchParams({
      entityRef: canonicalRef(options.entityRef),
    });
    if (options.direction) {
      query.set('direction', options.direction);
    }
    if (options.depth !== undefined) {
      query.set('depth', String(options.depth));
    }
    return this.#request(`/impact?${query}`);
  }

  async listChanges(options: ListChangesOptions = {}): Promise<Page<Change>> {
    return this.listRecords({
      collection: 'changes',
      query: {
        entityRef: canonicalRefs(options.entityRef),
        status: options.status,
        type: options.type,
        risk: options.risk,
        requester: options.requester,
        q: options.q,
        limit: options.limit,
        cursor: options.cursor,
        order: options.order,
      },
    });
  }

  async getChange(options: { id: string }): Promise<Change> {
    return this.getRecord({ collection: 'changes', id: options.id });
  }

  async createChange(request: ChangeCreateRequest): Promise<Change> {
    return this.createRecord({ collection: 'changes', body: request });
  }

  async patchChange(options: {
    id: string;
    version: number;
    patch: ChangePatchRequest;
  }): Promise<Change> {
    return this.patchRecord({ collection: 'changes', ...options });
  }

  async transitionChange(options: {
    id: string;
    version: number;
    transition: ChangeTransitionRequest;
  }): Promise<Change> {
    return this.transitionRecord({ collection: 'changes', ...options });
  }

  async decideChange(
    options: { id: string } & ApprovalDecisionRequest,
  ): Promise<Change> {
    const { id, ...decision } = options;
    return this.#send(
      `${recordPath('changes', id)}/approvals`,
      'POST',
      decision,
    );
  }

  async getChangeHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>> {
    return this.getRecordHistory({ collection: 'changes', ...options });
  }

  async assessChange(
    request: ChangeAssessmentRequest,
  ): Promise<ChangeAssessment> {
    return this.#send('/change-assessments', 'POST', {
      ...request,
      entityRefs: canonicalRefs(request.entityRefs),
    });
  }

  async getApprovalQueue(): Promise<{ items: Change[] }> {
    return this.#request('/approval-queue');
  }

  async getChangeCalendar(
    options: ChangeCalendarOptions,
  ): Promise<ChangeCalendar> {
    return this.#request(
      `/change-calendar${queryOf({
        from: options.from,
        to: options.to,
        entityRef: canonicalRefs(options.entityRef),
        owner: canonicalRefs(options.owner),
        system: canonicalRefs(options.system),
      })}`,
    );
  }

  async getChangeStats(options: {
    entityRef: string;
    days?: number;
  }): Promise<ChangeStats> {
    return this.#request(
      `/change-stats${queryOf({
        entityRef: canonicalRef(options.entityRef),
        days: options.days,
      })}`,
    );
  }

  async listChangeTemplates(
    options: {
      entityRef?: string;
      active?: boolean;
      limit?: number;
      cursor?: string;
    } = {},
  ): Promise<Page<ChangeTemplate>> {
    return this.listRecords({
      collection: 'change-templates',
      query: {
        entityRef: canonicalRefs(options.entityRef),
        active: options.active,
        limit: options.limit,
        cursor: options.cursor,
      },
    });
  }

  async getChangeTemplate(options: { id: string }): Promise<ChangeTemplate> {
    return this.getRecord({ collection: 'change-templates', id: options.id });
  }

  async createChangeTemplate(
    request: ChangeTemplateCreateRequest,
  ): Promise<ChangeTemplate> {
    return this.createRecord({ collection: 'change-templates', body: request });
  }

  async patchChangeTemplate(options: {
    id: string;
    version: number;
    patch: ChangeTemplatePatchRequest;
  }): Promise<ChangeTemplate> {
    return this.patchRecord({ collection: 'change-templates', ...options });
  }

  async listCalendars(): Promise<{ items: CalendarRecord[] }> {
    return this.listRecords({ collection: 'calendars' });
  }

  async getCalendar(options: { id: string }): Promise<CalendarRecord> {
    return this.getRecord({ collection: 'calendars', id: options.id });
  }

  async createCalendar(
    request: CalendarCreateRequest,
  ): Promise<CalendarRecord> {
    return this.createRecord({ collection: 'calendars', body: request });
  }

  async patchCalendar(options: {
    id: string;
    version: number;
    patch: CalendarPatchRequest;
  }): Promise<CalendarRecord> {
    return this.patchRecord({ collection: 'calendars', ...options });
  }

  async listSlas(
    options: { entityRef?: string; limit?: number; cursor?: string } = {},
  ): Promise<Page<ServiceLevelAgreement>> {
    return this.listRecords({
      collection: 'slas',
      query: {
        entityRef: canonicalRefs(options.entityRef),
        limit: options.limit,
        cursor: options.cursor,
      },
    });
  }

  async getSla(options: { id: string }): Promise<ServiceLevelAgreement> {
    return this.getRecord({ collection: 'slas', id: options.id });
  }

  async createSla(request: SlaCreateRequest): Promise<ServiceLevelAgreement> {
    return this.createRecord({
      collection: 'slas',
      body: { ...request, entityRef: canonicalRef(request.entityRef) },
    });
  }

  async patchSla(options: {
    id: string;
    version: number;
    patch: SlaPatchRequest;
  }): Promise<ServiceLevelAgreement> {
    return this.patchRecord({ collection: 'slas', ...options });
  }

  async getSlaRevisions(options: {
    id: string;
  }): Promise<{ items: AgreementRevision[] }> {
    return this.#request(`${recordPath('slas', options.id)}/revisions`);
  }

  async getSlaHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>> {
    return this.getRecordHistory({ collection: 'slas', ...options });
  }

  async getSlaAlignment(options: { id: string }): Promise<SlaAlignment> {
    return this.#request(`${recordPath('slas', options.id)}/alignment`);
  }

  async listSupportingAgreements(
    options: ListSupportingAgreementsOptions = {},
  ): Promise<Page<SupportingAgreement>> {
    return this.listRecords({
      collection: 'supporting-agreements',
      query: {
        entityRef: canonicalRefs(options.entityRef),
        slaId: options.slaId,
        kind: options.kind,
        limit: options.limit,
        cursor: options.cursor,
      },
    });
  }

  async getSupportingAgreement(options: {
    id: string;
  }): Promise<SupportingAgreement> {
    return this.getRecord({
      collection: 'supporting-agreements',
      id: options.id,
    });
  }

  async createSupportingAgreement(
    request: SupportingAgreementCreateRequest,
  ): Promise<SupportingAgreement> {
    return this.createRecord({
      collection: 'supporting-agreements',
      body: { ...request, entityRef: canonicalRef(request.entityRef) },
    });
  }

  async patchSupportingAgreement(options: {
    id: string;
    version: number;
    patch: SupportingAgreementPatchRequest;
  }): Promise<SupportingAgreement> {
    return this.patchRecord({
      collection: 'supporting-agreements',
      ...options,
    });
  }

  async getSupportingAgreementRevisions(options: {
    id: string;
  }): Promise<{ items: AgreementRevision[] }> {
    return this.#request(
      `${recordPath('supporting-agreements', options.id)}/revisions`,
    );
  }

  async listBreaches(
    options: ListBreachesOptions = {},
  ): Promise<Page<SlaBreach>> {
    return this.listRecords({
      collection: 'breaches',
      query: {
        entityRef: canonicalRefs(options.entityRef),
        from: options.from,
        to: options.to,
        waived: options.waived,
        limit: options.limit,
        cursor: options.cursor,
      },
    });
  }

  async getBreach(options: { id: string }): Promise<SlaBreach> {
    return this.getRecord({ collection: 'breaches', id: options.id });
  }

  async patchBreach(options: {
    id: string;
    version: number;
    patch: BreachPatchRequest;
  }): Promise<SlaBreach> {
    return this.patchRecord({ collection: 'breaches', ...options });
  }

  async getSlaReport(options: SlaReportOptions): Promise<SlaReport> {
    return this.#request(this.#reportPath(options));
  }

  async getSlaReportCsv(options: SlaReportOptions): Promise<Blob> {
    const response = await this.#fetch(this.#reportPath(options), {
      headers: { Accept: 'text/csv' },
    });
    const text = await response.text();
    return new Blob([text], { type: 'text/csv;charset=utf-8' });
  }

  async listProblems(
    options: ListProblemsOptions = {},
  ): Promise<Page<Problem>> {
    return this.listRecords({
      collection: 'problems',
      query: {
        entityRef: canonicalRefs(options.entityRef),
        status: options.status,
        origin: options.origin,
        priority: options.priority,
        owner: canonicalRefs(options.owner),
        category: options.category,
        q: options.q,
        limit: options.limit,
        cursor: options.cursor,
        order: options.order,
      },
    });
  }

  async getProblem(options: { id: string }): Promise<Problem> {
    return this.getRecord({ collection: 'problems', id: options.id });
  }

  async createProblem(request: ProblemCreateRequest): Promise<Problem> {
    return this.createRecord({
      collection: 'problems',
      body: { ...request, entityRefs: canonicalRefs(request.entityRefs) },
    });
  }

  async updateProblem(options: {
    id: string;
    version: number;
    patch: ProblemPatchRequest;
  }): Promise<Problem> {
    return this.patchRecord({ collection: 'problems', ...options });
  }

  async transitionProblem(options: {
    id: string;
    version: number;
    transition: ProblemTransitionRequest;
  }): Promise<Problem> {
    return this.transitionRecord({ collection: 'problems', ...options });
  }

  async getProblemHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>> {
    return this.getRecordHistory({ collection: 'problems', ...options });
  }

  async listProblemIncidents(options: {
    id: string;
  }): Promise<{ items: ProblemIncident[] }> {
    return this.#request(`${recordPath('problems', options.id)}/incidents`);
  }

  async linkProblemIncident(options: {
    id: string;
    incidentId: string;
    reason?: string;
  }): Promise<RecordLink> {
    const { id, ...body } = options;
    return this.#send(`${recordPath('problems', id)}/incidents`, 'POST', body);
  }

  async getProblemCounts(options: {
    entityRef: string;
  }): Promise<ProblemCounts> {
    return this.#request(
      `/problem-counts?entityRef=${encodeURIComponent(options.entityRef)}`,
    );
  }

  async getProblemEffectiveness(options: {
    id: string;
  }): Promise<ProblemEffectiveness> {
    return this.#request(`${recordPath('problems', options.id)}/effectiveness`);
  }

  async runProblemDetection(): Promise<{ proposed: string[] }> {
    return this.#send('/problem-detection/runs', 'POST', {});
  }

  async listComplaints(
    options: ListComplaintsOptions = {},
  ): Promise<Page<Complaint>> {
    return this.listRecords({
      collection: 'complaints',
      query: {
        entityRef: canonicalRefs(options.entityRef),
        status: options.status,
        owner: canonicalRefs(options.owner),
        complainant: canonicalRefs(options.complainant),
        limit: options.limit,
        cursor: options.cursor,
        order: options.order,
      },
    });
  }

  async getComplaint(options: { id: string }): Promise<Complaint> {
    return this.getRecord({ collection: 'complaints', id: options.id });
  }

  async createComplaint(request: ComplaintCreateRequest): Promise<Complaint> {
    return this.createRecord({
      collection: 'complaints',
      body: { ...request, entityRef: canonicalRef(request.entityRef) },
    });
  }

  async updateComplaint(options: {
    id: string;
    version: number;
    patch: ComplaintPatchRequest;
  }): Promise<Complaint> {
    return this.patchRecord({ collection: 'complaints', ...options });
  }

  async transitionComplaint(options: {
    id: string;
    version: number;
    transition: ComplaintTransitionRequest;
  }): Promise<Complaint> {
    return this.transitionRecord({ collection: 'complaints', ...options });
  }

  async getComplaintHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>> {
    return this.getRecordHistory({ collection: 'complaints', ...options });
  }

  async getReviewPack(options: {
    id: string;
    live?: boolean;
  }): Promise<ReviewPackResponse> {
    return this.#request(
      `/reviews/${encodeURIComponent(options.id)}/pack${queryOf({
        live: options.live,
      })}`,
    );
  }

  async listReviews(
    options: ListReviewsOptions = {},
  ): Promise<Page<ServiceReview>> {
    return this.listRecords({
      collection: 'reviews',
      query: {
        entityRef: canonicalRefs(options.entityRef),
        status: options.status,
        overdue: options.overdue,
        slaId: options.slaId,
        limit: options.limit,
        cursor: options.cursor,
        order: options.order,
      },
    });
  }

  async getReview(options: { id: string }): Promise<ServiceReview> {
    return this.getRecord({ collection: 'reviews', id: options.id });
  }

  async createReview(request: ReviewCreateRequest): Promise<ServiceReview> {
    return this.createRecord({
      collection: 'reviews',
      body: {
        ...request,
        entityRef: canonicalRef(request.entityRef),
        ...(request.attendees && {
          attendees: canonicalRefs(request.attendees),
        }),
      },
    });
  }

  async updateReview(options: {
    id: string;
    version: number;
    patch: ReviewPatchRequest;
  }): Promise<ServiceReview> {
    return this.patchRecord({ collection: 'reviews', ...options });
  }

  async transitionReview(options: {
    id: string;
    version: number;
    transition: ReviewTransitionRequest;
  }): Promise<ServiceReview> {
    return this.transitionRecord({ collection: 'reviews', ...options });
  }

  async getReviewHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>> {
    return this.getRecordHistory({ collection: 'reviews', ...options });
  }

  async freezeReviewPack(options: {
    id: string;
    version: number;
    comment?: string;
  }): Promise<ServiceReview> {
    const { id, version, ...body } = options;
    return this.#send(
      `${recordPath('reviews', id)}/pack`,
      'POST',
      body,
      version,
    );
  }

  async signOffReview(options: {
    id: string;
    comment?: string;
  }): Promise<ServiceReview> {
    const { id, ...body } = options;
    return this.#send(`${recordPath('reviews', id)}/sign-off`, 'POST', body);
  }

  async listActionsOfReview(options: {
    id: string;
  }): Promise<{ items: ReviewAction[] }> {
    return this.#request(`${recordPath('reviews', options.id)}/actions`);
  }

  async createReviewAction(options: {
    reviewId: string;
    action: ReviewActionCreateRequest;
  }): Promise<ReviewAction> {
    return this.#send(
      `${recordPath('reviews', options.reviewId)}/actions`,
      'POST',
      { ...options.action, owner: canonicalRef(options.action.owner) },
    );
  }

  async updateReviewAction(options: {
    reviewId: string;
    number: number;
    version: number;
    patch: ReviewActionPatchRequest;
  }): Promise<ReviewAction> {
    const { patch } = options;
    return this.#send(
      `${recordPath('reviews', options.reviewId)}/actions/${reviewActionKey(
        options.number,
      )}`,
      'PATCH',
      patch.owner ? { ...patch, owner: canonicalRef(patch.owner) } : patch,
      options.version,
    );
  }

  async listReviewActions(
    options: ListReviewActionsOptions = {},
  ): Promise<Page<ReviewAction>> {
    return this.#request(
      `/review-actions${queryOf({
        owner: canonicalRefs(options.owner),
        status: options.status,
        entityRef: canonicalRefs(options.entityRef),
        overdue: options.overdue,
        limit: options.limit,
        cursor: options.cursor,
        order: options.order,
      })}`,
    );
  }

  async listKnownErrors(
    options: ListKnownErrorsOptions = {},
  ): Promise<Page<KnownError>> {
    return this.listRecords({
      collection: 'known-errors',
      query: {
        entityRef: canonicalRefs(options.entityRef),
        status: options.status,
        q: options.q,
        limit: options.limit,
        cursor: options.cursor,
        order: options.order,
      },
    });
  }

  async getKnownError(options: { id: string }): Promise<KnownError> {
    return this.getRecord({ collection: 'known-errors', id: options.id });
  }

  async createKnownError(
    request: KnownErrorCreateRequest,
  ): Promise<KnownError> {
    return this.createRecord({
      collection: 'known-errors',
      body: { ...request, entityRefs: canonicalRefs(request.entityRefs) },
    });
  }

  async updateKnownError(options: {
    id: string;
    version: number;
    patch: KnownErrorPatchRequest;
  }): Promise<KnownError> {
    return this.patchRecord({ collection: 'known-errors', ...options });
  }

  async transitionKnownError(options: {
    id: string;
    version: number;
    transition: { to: KnownErrorStatus; comment?: string };
  }): Promise<KnownError> {
    return this.transitionRecord({ collection: 'known-errors', ...options });
  }

  async getKnownErrorHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>> {
    return this.getRecordHistory({ collection: 'known-errors', ...options });
  }

  async matchKnownErrors(
    options: MatchKnownErrorsOptions,
  ): Promise<{ items: KnownErrorMatch[] }> {
    return this.#request(
      `/known-errors/matches${queryOf({
        entityRef: canonicalRef(options.entityRef),
        text: options.text,
        category: options.category,
        signature: options.signature,
        limit: options.limit,
      })}`,
    );
  }

  async recordKnownErrorUse(options: {
    id: string;
    incidentId: string;
    kind: 'offered' | 'applied';
  }): Promise<KnownError> {
    const { id, ...body } = options;
    return this.#send(`${recordPath('known-errors', id)}/uses`, 'POST', body);
  }

  async getIncidentTrends(
    options: IncidentTrendOptions,
  ): Promise<IncidentTrend> {
    return this.#request(this.#trendPath(options));
  }

  async getIncidentTrendsCsv(options: IncidentTrendOptions): Promise<Blob> {
    const response = await this.#fetch(this.#trendPath(options), {
      headers: { Accept: 'text/csv' },
    });
    const text = await response.text();
    return new Blob([text], { type: 'text/csv;charset=utf-8' });
  }

  async getSatisfaction(options: {
    entityRef: string;
    from?: string;
    to?: string;
    comments?: number;
  }): Promise<SatisfactionOverview> {
    return this.#request(
      `/satisfaction${queryOf({
        entityRef: canonicalRef(options.entityRef),
        from: options.from,
        to: options.to,
        comments: options.comments,
      })}`,
    );
  }

  async getSatisfactionSummary(options: {
    entityRef: string;
  }): Promise<SatisfactionHealth> {
    return this.#request(
      `/satisfaction/summary${queryOf({
        entityRef: canonicalRef(options.entityRef),
      })}`,
    );
  }

  async listSurveyInvitations(options: {
    surveyId?: string;
    incidentId?: string;
    state?: 'pending' | 'all';
  }): Promise<{ items: SurveyInvitation[] }> {
    return this.#request(`/survey-invitations${queryOf(options)}`);
  }

  async respondToSurvey(options: {
    source: SurveySource;
    response: SurveyResponseRequest;
  }): Promise<SurveyResponse> {
    const { source, response } = options;
    const path =
      source.type === 'campaign'
        ? `${recordPath('surveys', source.id)}/responses`
        : `${recordPath('incidents', source.id)}/satisfaction`;
    return this.#send(path, 'POST', response);
  }

  async listSurveys(
    options: {
      entityRef?: string;
      status?: SurveyStatus[];
      limit?: number;
      cursor?: string;
    } = {},
  ): Promise<Page<Survey>> {
    return this.listRecords({
      collection: 'surveys',
      query: {
        entityRef: canonicalRefs(options.entityRef),
        status: options.status,
        limit: options.limit,
        cursor: options.cursor,
      },
    });
  }

  async createSurvey(request: SurveyCreateRequest): Promise<Survey> {
    return this.createRecord({ collection: 'surveys', body: request });
  }

  async transitionSurvey(options: {
    id: string;
    version: number;
    transition: SurveyTransitionRequest;
  }): Promise<Survey> {
    return this.transitionRecord({ collection: 'surveys', ...options });
  }

  async listSurveyTemplates(): Promise<Page<SurveyTemplate>> {
    return this.listRecords({ collection: 'survey-templates' });
  }

  async listImprovements(
    options: ListImprovementsOptions = {},
  ): Promise<Page<Improvement>> {
    return this.listRecords({
      collection: 'improvements',
      query: {
        ...improvementFilters(options),
        limit: options.limit,
        cursor: options.cursor,
      },
    });
  }

  async getImprovementsCsv(
    options: Omit<ListImprovementsOptions, 'limit' | 'cursor'> = {},
  ): Promise<Blob> {
    const response = await this.#fetch(
      `/improvements/export${queryOf(improvementFilters(options))}`,
      { headers: { Accept: 'text/csv' } },
    );
    const text = await response.text();
    return new Blob([text], { type: 'text/csv;charset=utf-8' });
  }

  async getImprovement(options: { id: string }): Promise<Improvement> {
    return this.getRecord({ collection: 'improvements', id: options.id });
  }

  async getImprovementDraft(options: {
    source: ImprovementSource;
    sourceId: string;
  }): Promise<ImprovementDraft> {
    return this.#request(
      `/improvements/draft${queryOf({
        source: options.source,
        sourceId: options.sourceId,
      })}`,
    );
  }

  async createImprovement(
    request: ImprovementCreateRequest,
  ): Promise<Improvement> {
    return this.createRecord({
      collection: 'improvements',
      body: {
        ...request,
        entityRefs: canonicalRefs(request.entityRefs),
        ...(request.owner ? { owner: canonicalRef(request.owner) } : {}),
      },
    });
  }

  async updateImprovement(options: {
    id: string;
    version: number;
    patch: ImprovementPatchRequest;
  }): Promise<Improvement> {
    const { patch } = options;
    return this.patchRecord({
      collection: 'improvements',
      ...options,
      patch: {
        ...patch,
        ...(patch.entityRefs
          ? { entityRefs: canonicalRefs(patch.entityRefs) }
          : {}),
        ...(patch.owner ? { owner: canonicalRef(patch.owner) } : {}),
      },
    });
  }

  async transitionImprovement(options: {
    id: string;
    version: number;
    transition: ImprovementTransitionRequest;
  }): Promise<Improvement> {
    return this.transitionRecord({ collection: 'improvements', ...options });
  }

  async evaluateImprovement(options: {
    id: string;
    version: number;
  }): Promise<Improvement> {
    return this.#send(
      `${recordPath('improvements', options.id)}/evaluation`,
      'POST',
      {},
      options.version,
    );
  }

  async getImprovementHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>> {
    return this.getRecordHistory({ collection: 'improvements', ...options });
  }

  async getImprovementCounts(options: {
    entityRef: string;
  }): Promise<ImprovementCounts> {
    return this.#request(
      `/improvement-counts?entityRef=${encodeURIComponent(options.entityRef)}`,
    );
  }

  #trendPath(options: IncidentTrendOptions): string {
    return `/reports/incident-trends${queryOf({
      groupBy: options.groupBy,
      interval: options.interval,
      from: options.from,
      to: options.to,
      entityRef: canonicalRefs(options.entityRef),
      top: options.top,
    })}`;
  }

  #reportPath(options: SlaReportOptions): string {
    return `/reports/sla${queryOf({
      entityRef: canonicalRef(options.entityRef),
      from: options.from,
      to: options.to,
    })}`;
  }

  /** A JSON body, with `If-Match` when written against a version. */
  async #send<T>(
    path: string,
    method: 'POST' | 'PATCH',
    body: unknown,
    version?: number,
  ): Promise<T> {
    return this.#request(path, {
      method,
      headers: jsonHeaders(version),
      body: JSON.stringify(body),
    });
  }

  async #request<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.#fetch(path, init);
    return (await response.json()) as T;
  }

  /** The answer of a request to the backend, or its error as a `ResponseError`. */
  async #fetch(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('itsm');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
