// Seam between the improvement practice and its suggestions job: the practice builds the
// suggester with `createImprovementSuggester` and schedules `run`; the rules live here.
import type { ItsmServiceDeps, ItsmServices } from '../../../services';

/** Proposes improvement items from what the other practices show. */
export interface ImprovementSuggester {
  /** One pass: the ids of the items it proposed, and how many candidates it looked at. */
  run(options: {
    now: Date;
  }): Promise<{ proposed: string[]; considered: number }>;
}

/** The suggester over every practice present (`services.improvements.propose` writes). */
export function createImprovementSuggester(
  _services: ItsmServices,
  _deps: ItsmServiceDeps,
): ImprovementSuggester {
  return {
    async run() {
      return { proposed: [], considered: 0 };
    },
  };
}
