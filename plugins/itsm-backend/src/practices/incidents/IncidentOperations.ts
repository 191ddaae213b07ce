import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  HistoryEvent,
  Incident,
  Page,
  IncidentSource,
  incidentCreateSchema,
  incidentTransitionSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';

/**
 * The incident operations the webhooks and scheduled jobs use, as
 * `IncidentService` offers them. They act with the plugin's own service
 * credentials, so the history names `plugin:itsm` as the actor.
 */
export interface IncidentOperations {
  create(
    input: z.output<typeof incidentCreateSchema>,
    ctx: {
      credentials: BackstageCredentials;
      /** What the alert says beyond the incident's fields, for its signature. */
      alert?: { alertname?: string; pagerDutyService?: string };
      /** The category and subcategory the alert reports, mapped onto the taxonomy. */
      mapCategory?: { category?: unknown; subcategory?: unknown };
    },
  ): Promise<Incident>;

  get(
    id: string,
    ctx: { credentials: BackstageCredentials },
  ): Promise<Incident>;

  /** A lifecycle move, applied only if the incident is still at `expectedVersion` (else 412). */
  transition(
    id: string,
    body: z.output<typeof incidentTransitionSchema>,
    ctx: { credentials: BackstageCredentials; expectedVersion?: number },
  ): Promise<Incident>;

  /** The history of an incident, oldest first, by page. */
  history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: { credentials: BackstageCredentials },
  ): Promise<Page<HistoryEvent>>;

  /** The incident raised from an outside system's record, if any. */
  findByExternalId(
    source: IncidentSource,
    externalId: string,
  ): Promise<Incident | undefined>;
}

/** 412 (stale version) or 409 (the status moved on): someone else got there first. */
export function isChangedMeanwhile(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === 'PreconditionFailedError' || name === 'ConflictError';
}
