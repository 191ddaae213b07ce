import { createApiRef } from '@backstage/core-plugin-api';
import type {
  HistoryEvent,
  ImpactAnalysis,
  ImpactDirection,
  ImpactItem,
  Incident,
  IncidentCreateRequest,
  IncidentPatchRequest,
  IncidentStatus,
  Priority,
  IncidentTransitionRequest,
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
  status?: readonly IncidentStatus[];
  /** Only incidents of these priorities; all when omitted. */
  priority?: readonly Priority[];
  /** Only major (true) or only other (false) incidents; both when omitted. */
  major?: boolean;
  /** Free text, matched against title and description. */
  q?: string;
  /** `mine`: assigned to the signed-in user or to one of their groups. */
  queue?: 'mine';
  /** Page size, 1–200 (server default 50). */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

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
}

/**
 * Reference to the {@link ItsmApi}.
 *
 * @public
 */
export const itsmApiRef = createApiRef<ItsmApi>({
  id: 'plugin.itsm.service',
});
