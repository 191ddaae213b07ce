import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type {
  ImprovementKpi,
  KpiMeasurement,
  SlaReport,
} from '@backstage-itsm/plugin-itsm-common';
import { canonicalEntityRef } from '../../../catalog/entities';
import type { KnexKpiStore } from './KnexKpiStore';
import type { KpiMeasurer } from './KpiMeasurer';

const HOUR_MS = 3_600_000;

/** The aggregates of {@link KnexKpiStore} the measurer reads. */
export type KpiAggregates = Pick<
  KnexKpiStore,
  | 'incidentCount'
  | 'timeToResolve'
  | 'recurrence'
  | 'breachCount'
  | 'changeOutcomes'
>;

/** Where the SLA figures come from: the SLA report of one service over `[from, to)`. */
export interface SlaReportSource {
  report(
    input: { entityRef: string; from: string; to: string },
    ctx: { credentials: BackstageCredentials },
  ): Promise<SlaReport>;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? null : (100 * part) / whole;

/**
 * Measures an improvement KPI over `[from, to)` on a set of services, each figure from the
 * aggregate the page showing it uses, so an item's before and after agree with those pages:
 *
 * - `incident_count`: incidents created in the window (primary entity), not cancelled — the
 *   SLA report's workload count; optionally of one category and priority. value = n.
 * - `mttr`: the mean hours from creation to resolution of the incidents resolved in the window
 *   (not cancelled; a reopened one by its last resolution); n = those incidents; null without.
 * - `sla_attainment`: the SLA report's attainment — clocks decided in the window, met over met
 *   plus breached (waived breaches and cancelled incidents left out), summed over the
 *   services' reports, optionally of one priority; n = met + breached.
 * - `breach_count`: breach register rows breached in the window and not waived (the SLA
 *   report's breaches less the waived), optionally of one priority. value = n.
 * - `availability`: the SLA report's availability — outages of major incidents inside the
 *   agreed service hours of each service's SLA calendar (24x7 without an SLA), measured up to
 *   now; over several services the agreed service time and the outage time inside it are
 *   summed. n = whole hours of agreed service time measured: the figure is a share of that
 *   time, not an average over events (counting outages would leave an item whose outages
 *   stopped inconclusive for ever). Null when the window holds no service time.
 * - `csat`: the SLA report's CSAT (ratings of 4–5 over ratings submitted in the window), the
 *   services' ratings pooled; n = ratings.
 * - `change_failure_rate`: changes naming the services closed in the window with an outcome
 *   that failed or were backed out, over all of them (100 − the SLA report's change success
 *   rate; a change naming two of the services counts once); n = those changes.
 * - `recurrence`: incidents created in the window with the category and/or the signature, as
 *   the incident trend report and problem detection count them (whatever their status).
 *   value = n.
 */
export class ReportKpiMeasurer implements KpiMeasurer {
  readonly #store: () => Promise<KpiAggregates>;
  readonly #reports: SlaReportSource;
  readonly #credentials: () => Promise<BackstageCredentials>;

  constructor(options: {
    /** The aggregates (created on first use). */
    store: () => Promise<KpiAggregates>;
    reports: SlaReportSource;
    /** The plugin's own credentials: a measurement is made by the system. */
    credentials: () => Promise<BackstageCredentials>;
  }) {
    this.#store = options.store;
    this.#reports = options.reports;
    this.#credentials = options.credentials;
  }

  async measure(input: {
    kpi: ImprovementKpi;
    entityRefs: string[];
    from: Date;
    to: Date;
  }): Promise<KpiMeasurement> {
    const { kpi, from, to } = input;
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
      throw new InputError('from and to must be valid instants');
    }
    if (to <= from) {
      throw new InputError('to must be after from');
    }
    if (input.entityRefs.length === 0) {
      throw new InputError('a KPI is measured on at least one service');
    }
    const entityRefs = [...new Set(input.entityRefs.map(canonicalEntityRef))];
    const scope = { entityRefs, from, to };
    switch (kpi.kpi) {
      case 'incident_count': {
        const n = await (
          await this.#store()
        ).incidentCount({
          ...scope,
          category: kpi.category,
          priority: kpi.priority,
        });
        return { value: n, n };
      }
      case 'mttr': {
        const { n, meanMs } = await (
          await this.#store()
        ).timeToResolve({
          ...scope,
          category: kpi.category,
          priority: kpi.priority,
        });
        return { value: meanMs === null ? null : meanMs / HOUR_MS, n };
      }
      case 'breach_count': {
        const n = await (
          await this.#store()
        ).breachCount({ ...scope, priority: kpi.priority });
        return { value: n, n };
      }
      case 'recurrence': {
        const n = await (
          await this.#store()
        ).recurrence({
          ...scope,
          category: kpi.category,
          signature: kpi.signature,
        });
        return { value: n, n };
      }
      case 'change_failure_rate': {
        const { closed, successful } = await (
          await this.#store()
        ).changeOutcomes(scope);
        return { value: percent(closed - successful, closed), n: closed };
      }
      case 'sla_attainment': {
        let met = 0;
        let breached = 0;
        for (const report of await this.#reportsOf(scope)) {
          for (const row of report.targets) {
            if (kpi.priority === null || row.priority === kpi.priority) {
              met += row.met;
              breached += row.breached;
            }
          }
        }
        return { value: percent(met, met + breached), n: met + breached };
      }
      case 'availability': {
        let serviceMs = 0;
        let outageMs = 0;
        for (const report of await this.#reportsOf(scope)) {
          serviceMs += report.availability.serviceMs;
          outageMs += report.availability.outageMs;
        }
        return {
          value: percent(serviceMs - outageMs, serviceMs),
          n: Math.floor(serviceMs / HOUR_MS),
        };
      }
      case 'csat': {
        let ratings = 0;
        let satisfied = 0;
        for (const report of await this.#reportsOf(scope)) {
          const { n, percent: csat } = report.csat;
          if (n > 0 && csat !== null) {
            ratings += n;
            // The report's percentage is satisfied / n exactly; this gives back the count.
            satisfied += Math.round((csat * n) / 100);
          }
        }
        return { value: percent(satisfied, ratings), n: ratings };
      }
      default:
        throw new InputError(`Unknown KPI ${(kpi as ImprovementKpi).kpi}`);
    }
  }

  /** The SLA report of each service over the window, read as the plugin. */
  async #reportsOf(scope: {
    entityRefs: string[];
    from: Date;
    to: Date;
  }): Promise<SlaReport[]> {
    const ctx = { credentials: await this.#credentials() };
    const reports: SlaReport[] = [];
    // One at a time: a report is several aggregates already.
    for (const entityRef of scope.entityRefs) {
      reports.push(
        await this.#reports.report(
          {
            entityRef,
            from: scope.from.toISOString(),
            to: scope.to.toISOString(),
          },
          ctx,
        ),
      );
    }
    return reports;
  }
}
