import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  HistoryEvent,
  Incident,
  IncidentCreateRequest,
  Page,
  ServiceHealth,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmApi, ListIncidentsOptions } from './ItsmApi';

/** The backend compares entity refs in their lowercase canonical form. */
function canonicalRef(entityRef: string): string {
  return entityRef.toLocaleLowerCase('en-US');
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
    return this.#request(`/incidents/${encodeURIComponent(options.id)}`);
  }

  async getIncidentHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>> {
    const query = options.cursor
      ? `?${new URLSearchParams({ cursor: options.cursor })}`
      : '';
    return this.#request(
      `/incidents/${encodeURIComponent(options.id)}/history${query}`,
    );
  }

  async createIncident(request: IncidentCreateRequest): Promise<Incident> {
    return this.#request('/incidents', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
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
