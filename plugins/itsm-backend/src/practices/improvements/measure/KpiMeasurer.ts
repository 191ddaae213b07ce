import type {
  ImprovementKpi,
  KpiMeasurement,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * Measures an improvement item's KPI over a window from the report aggregates the other
 * practices already keep (incidents, breaches, SLA reports, satisfaction, changes, incident
 * trends). Reads only; writes nothing; the same inputs give the same figures.
 */
export interface KpiMeasurer {
  /** The KPI over `[from, to)` on the services (lowercase canonical refs). */
  measure(input: {
    kpi: ImprovementKpi;
    entityRefs: string[];
    from: Date;
    to: Date;
  }): Promise<KpiMeasurement>;
}
