import type {
  ChangeOutcome,
  ReviewPackChange,
  ReviewPackKnownError,
  ReviewPackList,
  ReviewPackMajorIncident,
  ReviewPackProblem,
} from '@backstage-itsm/plugin-itsm-common';

/** One service and period `[from, to)` as the pack's reads take it. */
export interface PackQuery {
  /** Lowercase canonical. */
  entityRef: string;
  from: Date;
  to: Date;
}

/** Incidents raised in the period (primary entity), counted per priority and current status. */
export interface IncidentCountRow {
  priority: number;
  status: string;
  count: number;
  /** Of them, resolved before the period's end. */
  resolvedInPeriod: number;
}

/**
 * The read-only aggregates a review pack needs beyond what the SLA report gives: counts and
 * group-bys in SQL, lists capped at `limit` with their totals. Makes no business decisions.
 */
export interface ReviewPackStore {
  incidentCounts(query: PackQuery): Promise<IncidentCountRow[]>;
  /** Major incidents raised in the period or whose outage overlaps it, oldest first. */
  majorIncidents(
    query: PackQuery & { limit: number },
  ): Promise<ReviewPackList<ReviewPackMajorIncident>>;
  /** Breaches of the service in the period per recorded cause (null: none recorded). */
  breachCauses(
    query: PackQuery,
  ): Promise<Array<{ cause: string | null; count: number }>>;
  /** Problems of the service, candidates and cancelled ones left out. */
  problemCounts(
    query: PackQuery,
  ): Promise<{ opened: number; resolved: number; open: number }>;
  /** Problems open now or opened or resolved in the period, by priority then number. */
  problems(
    query: PackQuery & { limit: number },
  ): Promise<ReviewPackList<ReviewPackProblem>>;
  /** Active known errors of the service, by number. */
  activeKnownErrors(options: {
    entityRef: string;
    limit: number;
  }): Promise<ReviewPackList<ReviewPackKnownError>>;
  /** Changes on the service closed in the period, per outcome. */
  changeOutcomes(
    query: PackQuery,
  ): Promise<Array<{ outcome: ChangeOutcome; count: number }>>;
  /** Failed and backed-out changes closed in the period, in the order they closed. */
  failedChanges(
    query: PackQuery & { limit: number },
  ): Promise<ReviewPackList<ReviewPackChange>>;
}
