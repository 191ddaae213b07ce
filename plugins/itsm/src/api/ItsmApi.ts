import { createApiRef } from '@backstage/core-plugin-api';
import type {
  HistoryEvent,
  Incident,
  IncidentCreateRequest,
  IncidentStatus,
  Page,
  ServiceHealth,
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
  status?: IncidentStatus[];
  /** Page size, 1–200 (server default 50). */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * The ITSM backend (`/api/itsm`) as the portal sees it.
 *
 * @public
 */
export interface ItsmApi {
  /** Status, open work and SLA risk of one catalog entity. */
  getServiceHealth(options: { entityRef: string }): Promise<ServiceHealth>;
  /** One page of incidents, newest first. */
  listIncidents(options?: ListIncidentsOptions): Promise<Page<Incident>>;
  getIncident(options: { id: string }): Promise<Incident>;
  /** One page of the incident's append-only history, oldest first. */
  getIncidentHistory(options: {
    id: string;
    cursor?: string;
  }): Promise<Page<HistoryEvent>>;
  /** Raises an incident; the server derives its priority from impact and urgency. */
  createIncident(request: IncidentCreateRequest): Promise<Incident>;
}

/**
 * Reference to the {@link ItsmApi}.
 *
 * @public
 */
export const itsmApiRef = createApiRef<ItsmApi>({
  id: 'plugin.itsm.service',
});
