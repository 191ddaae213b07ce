import type { SlaBreach } from '@backstage-itsm/plugin-itsm-common';

/** Clocks decided in a period, counted per service, priority and clock. */
export interface AttainmentRow {
  entityRef: string;
  priority: number;
  clock: 'response' | 'resolution';
  met: number;
  /** Breached and not waived. */
  breached: number;
  waived: number;
  /** Clocks whose target came from the configured defaults. */
  fromDefaults: number;
}

/** An SLA revision as stored (terms parsed from JSON). */
export interface StoredSlaRevision {
  revision: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  terms: Record<string, any>;
}

/** An SLA with its revisions, oldest first. */
export interface StoredSla {
  seq: number;
  entityRef: string;
  title: string;
  revision: number;
  /** Terms of the latest revision. */
  terms: Record<string, any>;
  effectiveFrom: string;
  lastReviewedAt: string | null;
  revisions: StoredSlaRevision[];
}

/** An outage recorded on a major incident of a service. */
export interface OutageRow {
  entityRef: string;
  start: Date;
  end: Date | null;
}

/** The SQL aggregates SLA reports and service health read. Makes no business decisions. */
export interface SlaReportStore {
  /** The SLA of a service with all its revisions. */
  getSla(entityRef: string): Promise<StoredSla | undefined>;
  /** Every SLA with its latest terms (no revisions). */
  listSlas(): Promise<StoredSla[]>;
  /**
   * Clocks decided in `[from, to)` of non-cancelled incidents, grouped by service, priority
   * and clock; one service when `entityRef` is given.
   */
  attainment(options: {
    entityRef?: string;
    from: Date;
    to: Date;
  }): Promise<AttainmentRow[]>;
  /** Met and breached (not waived) clocks of one service in each `[bounds[i], bounds[i+1])`. */
  attainmentByPeriod(options: {
    entityRef: string;
    bounds: Date[];
  }): Promise<Array<{ met: number; breached: number }>>;
  /** Outages of major incidents (primary entity) that overlap `[from, to)`. */
  outages(options: {
    entityRef?: string;
    from: Date;
    to: Date;
  }): Promise<OutageRow[]>;
  /** Incidents, major incidents and changes created in `[from, to)` on one service. */
  workload(options: { entityRef: string; from: Date; to: Date }): Promise<{
    incidents: number;
    majorIncidents: number;
    changes: number;
  }>;
  /** Changes on the service closed in `[from, to)` with an outcome, and the successful ones. */
  changeOutcomes(options: {
    entityRef: string;
    from: Date;
    to: Date;
  }): Promise<{ closed: number; successful: number }>;
  /** Breach register rows of one service breached in `[from, to)`, newest first. */
  breaches(options: {
    entityRef: string;
    from: Date;
    to: Date;
    limit: number;
  }): Promise<{ total: number; waived: number; items: SlaBreach[] }>;
}
