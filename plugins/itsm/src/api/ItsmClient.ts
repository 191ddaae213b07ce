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
  IncidentCreateRequest,
  IncidentPatchRequest,
  IncidentTransitionRequest,
  Page,
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
  ChangeAssessmentRequest,
  ChangeCalendarOptions,
  ItsmApi,
  ListBreachesOptions,
  ListChangesOptions,
  ListIncidentsOptions,
  ListSupportingAgreementsOptions,
  SlaReportOptions,
} from './ItsmApi';

/** The backend compares entity refs in their lowercase canonical form. */
function canonicalRef(entityRef: string): string {
  return entityRef.toLocaleLowerCase('en-US');
}

function incidentPath(id: string): string {
  return `/incidents/${encodeURIComponent(id)}`;
}

function changePath(id: string): string {
  return `/changes/${encodeURIComponent(id)}`;
}

/** `/collection/<encoded id>`. */
function recordPath(collection: string, id: string): string {
  return `/${collection}/${encodeURIComponent(id)}`;
}

type QueryValue = string | number | boolean | undefined;

/**
 * `?a=1&b=x&b=y` from the defined parameters, in their order (arrays repeat the parameter,
 * entity refs are lowercased by the caller); `''` when there are none.
 */
function queryOf(params: Record<string, QueryValue | readonly QueryValue[]>) {
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
    return this.#request(
      `/incidents${queryOf({
        entityRef: canonicalRefs(options.entityRef),
        status: options.status,
        priority: options.priority,
        major: options.major,
        q: options.q,
        queue: options.queue,
        causedByChangeId: options.causedByChangeId,
        limit: options.limit,
        cursor: options.cursor,
      })}`,
    );
  }

  async getIncident(options: { id: string }): Promise<Incident> {
    return this.#request(incidentPath(options.id));
  }

  async getIncidentHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>> {
    const query = options.cursor
      ? `?${new URLSearchParams({ cursor: options.cursor })}`
      : '';
    return this.#request(`${incidentPath(options.id)}/history${query}`);
  }

  async createIncident(request: IncidentCreateRequest): Promise<Incident> {
    return this.#request('/incidents', {
      method: 'POST',
      headers: jsonHeaders(),
      body: JSON.stringify(request),
    });
  }

  async patchIncident(options: {
    id: string;
    version: number;
    patch: IncidentPatchRequest;
  }): Promise<Incident> {
    return this.#request(incidentPath(options.id), {
      method: 'PATCH',
      headers: jsonHeaders(options.version),
      body: JSON.stringify(options.patch),
    });
  }

  async transitionIncident(options: {
    id: string;
    version: number;
    transition: IncidentTransitionRequest;
  }): Promise<Incident> {
    return this.#request(`${incidentPath(options.id)}/transitions`, {
      method: 'POST',
      headers: jsonHeaders(options.version),
      body: JSON.stringify(options.transition),
    });
  }

  async addWorkNote(options: {
    id: string;
    text: string;
  }): Promise<HistoryEvent> {
    return this.#request(`${incidentPath(options.id)}/work-notes`, {
      method: 'POST',
      headers: jsonHeaders(),
      body: JSON.stringify({ text: options.text }),
    });
  }

  async addStatusUpdate(options: {
    id: string;
    text: string;
  }): Promise<HistoryEvent> {
    return this.#request(`${incidentPath(options.id)}/updates`, {
      method: 'POST',
      headers: jsonHeaders(),
      body: JSON.stringify({ text: options.text }),
    });
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
    return this.#request(
      `/changes${queryOf({
        entityRef: canonicalRefs(options.entityRef),
        status: options.status,
        type: options.type,
        risk: options.risk,
        requester: options.requester,
        q: options.q,
        limit: options.limit,
        cursor: options.cursor,
        order: options.order,
      })}`,
    );
  }

  async getChange(options: { id: string }): Promise<Change> {
    return this.#request(changePath(options.id));
  }

  async createChange(request: ChangeCreateRequest): Promise<Change> {
    return this.#post('/changes', request);
  }

  async patchChange(options: {
    id: string;
    version: number;
    patch: ChangePatchRequest;
  }): Promise<Change> {
    return this.#request(changePath(options.id), {
      method: 'PATCH',
      headers: jsonHeaders(options.version),
      body: JSON.stringify(options.patch),
    });
  }

  async transitionChange(options: {
    id: string;
    version: number;
    transition: ChangeTransitionRequest;
  }): Promise<Change> {
    return this.#post(
      `${changePath(options.id)}/transitions`,
      options.transition,
      options.version,
    );
  }

  async decideChange(
    options: { id: string } & ApprovalDecisionRequest,
  ): Promise<Change> {
    const { id, ...decision } = options;
    return this.#post(`${changePath(id)}/approvals`, decision);
  }

  async getChangeHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>> {
    return this.#request(
      `${changePath(options.id)}/history${queryOf({ cursor: options.cursor })}`,
    );
  }

  async assessChange(
    request: ChangeAssessmentRequest,
  ): Promise<ChangeAssessment> {
    return this.#post('/change-assessments', {
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
    return this.#request(
      `/change-templates${queryOf({
        entityRef: canonicalRefs(options.entityRef),
        active: options.active,
        limit: options.limit,
        cursor: options.cursor,
      })}`,
    );
  }

  async getChangeTemplate(options: { id: string }): Promise<ChangeTemplate> {
    return this.#request(`/change-templates/${encodeURIComponent(options.id)}`);
  }

  async createChangeTemplate(
    request: ChangeTemplateCreateRequest,
  ): Promise<ChangeTemplate> {
    return this.#post('/change-templates', request);
  }

  async patchChangeTemplate(options: {
    id: string;
    version: number;
    patch: ChangeTemplatePatchRequest;
  }): Promise<ChangeTemplate> {
    return this.#request(
      `/change-templates/${encodeURIComponent(options.id)}`,
      {
        method: 'PATCH',
        headers: jsonHeaders(options.version),
        body: JSON.stringify(options.patch),
      },
    );
  }

  async listCalendars(): Promise<{ items: CalendarRecord[] }> {
    return this.#request('/calendars');
  }

  async getCalendar(options: { id: string }): Promise<CalendarRecord> {
    return this.#request(recordPath('calendars', options.id));
  }

  async createCalendar(
    request: CalendarCreateRequest,
  ): Promise<CalendarRecord> {
    return this.#post('/calendars', request);
  }

  async patchCalendar(options: {
    id: string;
    version: number;
    patch: CalendarPatchRequest;
  }): Promise<CalendarRecord> {
    return this.#patch(recordPath('calendars', options.id), options);
  }

  async listSlas(
    options: { entityRef?: string; limit?: number; cursor?: string } = {},
  ): Promise<Page<ServiceLevelAgreement>> {
    return this.#request(
      `/slas${queryOf({
        entityRef: canonicalRefs(options.entityRef),
        limit: options.limit,
        cursor: options.cursor,
      })}`,
    );
  }

  async getSla(options: { id: string }): Promise<ServiceLevelAgreement> {
    return this.#request(recordPath('slas', options.id));
  }

  async createSla(request: SlaCreateRequest): Promise<ServiceLevelAgreement> {
    return this.#post('/slas', {
      ...request,
      entityRef: canonicalRef(request.entityRef),
    });
  }

  async patchSla(options: {
    id: string;
    version: number;
    patch: SlaPatchRequest;
  }): Promise<ServiceLevelAgreement> {
    return this.#patch(recordPath('slas', options.id), options);
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
    return this.#request(
      `${recordPath('slas', options.id)}/history${queryOf({
        cursor: options.cursor,
      })}`,
    );
  }

  async getSlaAlignment(options: { id: string }): Promise<SlaAlignment> {
    return this.#request(`${recordPath('slas', options.id)}/alignment`);
  }

  async listSupportingAgreements(
    options: ListSupportingAgreementsOptions = {},
  ): Promise<Page<SupportingAgreement>> {
    return this.#request(
      `/supporting-agreements${queryOf({
        entityRef: canonicalRefs(options.entityRef),
        slaId: options.slaId,
        kind: options.kind,
        limit: options.limit,
        cursor: options.cursor,
      })}`,
    );
  }

  async getSupportingAgreement(options: {
    id: string;
  }): Promise<SupportingAgreement> {
    return this.#request(recordPath('supporting-agreements', options.id));
  }

  async createSupportingAgreement(
    request: SupportingAgreementCreateRequest,
  ): Promise<SupportingAgreement> {
    return this.#post('/supporting-agreements', {
      ...request,
      entityRef: canonicalRef(request.entityRef),
    });
  }

  async patchSupportingAgreement(options: {
    id: string;
    version: number;
    patch: SupportingAgreementPatchRequest;
  }): Promise<SupportingAgreement> {
    return this.#patch(
      recordPath('supporting-agreements', options.id),
      options,
    );
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
    return this.#request(
      `/breaches${queryOf({
        entityRef: canonicalRefs(options.entityRef),
        from: options.from,
        to: options.to,
        waived: options.waived,
        limit: options.limit,
        cursor: options.cursor,
      })}`,
    );
  }

  async getBreach(options: { id: string }): Promise<SlaBreach> {
    return this.#request(recordPath('breaches', options.id));
  }

  async patchBreach(options: {
    id: string;
    version: number;
    patch: BreachPatchRequest;
  }): Promise<SlaBreach> {
    return this.#patch(recordPath('breaches', options.id), options);
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

  #reportPath(options: SlaReportOptions): string {
    return `/reports/sla${queryOf({
      entityRef: canonicalRef(options.entityRef),
      from: options.from,
      to: options.to,
    })}`;
  }

  /** A JSON PATCH against `version` (`If-Match`). */
  async #patch<T>(
    path: string,
    options: { version: number; patch: unknown },
  ): Promise<T> {
    return this.#request(path, {
      method: 'PATCH',
      headers: jsonHeaders(options.version),
      body: JSON.stringify(options.patch),
    });
  }

  /** A JSON POST, with `If-Match` when a version is given. */
  async #post<T>(path: string, body: unknown, version?: number): Promise<T> {
    return this.#request(path, {
      method: 'POST',
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
