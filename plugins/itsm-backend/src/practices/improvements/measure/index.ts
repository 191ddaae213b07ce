// Seam between the improvement practice and its measurement: the practice builds its
// measurer with `createKpiMeasurer`; the implementation lives in this folder.
import { NotImplementedError } from '@backstage/errors';
import type { ItsmServiceDeps, ItsmServices } from '../../../services';
import type { KpiMeasurer } from './KpiMeasurer';

export type { KpiMeasurer } from './KpiMeasurer';

/** The KPI measurer over the other practices' report aggregates. */
export function createKpiMeasurer(
  _before: ItsmServices,
  _deps: ItsmServiceDeps,
): KpiMeasurer {
  return {
    async measure() {
      throw new NotImplementedError('KPI measurement is being built');
    },
  };
}
