import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  HistoryEvent,
  ImpactAnalysis,
  ImpactDirection,
  Incident,
  IncidentCreateRequest,
  IncidentPatchRequest,
  IncidentTransitionRequest,
  Page,
  ServiceHealth,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmApi, ListIncidentsOptions } from './ItsmApi';

/** The backend compares entity refs in their lowercase canonical form. */
function canonicalRef(entityRef: string): string {
  return entityRef.toLocaleLowerCase('en-US');
}

function incidentPath(id: string): string {
  return `/incidents/${encodeURIComponent(id)}`;
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
    const query = new URLSearchParams();
    for (const ref of [options.entityRef ?? []].flat()) {
      query.append('entityRef', canonicalRef(ref));
    }
    for (const status of options.status ?? []) {
      query.append('status', status);
    }
    for (const priority of options.priority ?? []) {
      query.append('priority', String(priority));
    }
    if (options.major !== undefined) {
      query.set('major', String(options.major));
    }
    if (options.q) {
      query.set('q', options.q);
    }
    if (options.queue) {
      query.set('queue', options.queue);
    }
    if (options.limit !== undefined) {
      query.set('limit', String(options.limit));
    }
    if (options.cursor) {
      query.set('cursor', options.cursor);
    }
    const qs = query.toString();
    return this.#request(qs ? `/incidents?${qs}` : '/incidents');
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

  async #request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('itsm');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
