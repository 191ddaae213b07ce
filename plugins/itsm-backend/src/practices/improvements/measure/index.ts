// Seam between the improvement practice and its measurement: the practice builds its
// measurer with `createKpiMeasurer`; the implementation lives in this folder.
import { onFirstUse } from '../../../records/database';
import type { ItsmServiceDeps, ItsmServices } from '../../../services';
import { KnexKpiStore } from './KnexKpiStore';
import type { KpiMeasurer } from './KpiMeasurer';
import { ReportKpiMeasurer } from './ReportKpiMeasurer';

export type { KpiMeasurer } from './KpiMeasurer';
export { KnexKpiStore } from './KnexKpiStore';
export { ReportKpiMeasurer } from './ReportKpiMeasurer';

/**
 * The KPI measurer over the other practices' report aggregates: the SLA reports of the
 * services (attainment, availability, CSAT) read with the plugin's own credentials, and the
 * incident, breach and change aggregates of {@link KnexKpiStore} on the plugin's database.
 */
export function createKpiMeasurer(
  before: ItsmServices,
  deps: ItsmServiceDeps,
): KpiMeasurer {
  return new ReportKpiMeasurer({
    // Connected on first use; a failed connection is tried again on the next measurement.
    store: onFirstUse(() => KnexKpiStore.create(deps)),
    reports: before.slaReports,
    credentials: () => deps.auth.getOwnServiceCredentials(),
  });
}
