// Seam between the improvement practice and its suggestions job: the practice builds the
// suggester with `createImprovementSuggester` and schedules `run`; the rules live here.
import type { ItsmServiceDeps, ItsmServices } from '../../../services';
import { KnexKpiStore } from '../measure/KnexKpiStore';
import { KnexProblemStore } from '../../problems/KnexProblemStore';
import { ImprovementSuggester, RuleSuggester } from './RuleSuggester';

export type { ImprovementSuggester } from './RuleSuggester';
export { RuleSuggester } from './RuleSuggester';
export type { ImprovementProposer, Suggestion } from './suggestion';
export { DEFAULT_CHANGE_FAILURE_TARGET_PERCENT } from './slaRules';

/** Connects on first use; a failed connection is tried again on the next call. */
function lazy<T>(create: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= create().catch(error => {
      value = undefined;
      throw error;
    });
    return value;
  };
}

/** The suggester over every practice present (`services.improvements.propose` writes). */
export function createImprovementSuggester(
  services: ItsmServices,
  deps: ItsmServiceDeps,
): ImprovementSuggester {
  return new RuleSuggester({
    services,
    deps,
    // The register is the practice's own service, added to `services` when it is built.
    proposer: () => services.improvements,
    kpiStore: lazy(() => KnexKpiStore.create(deps)),
    problemStore: lazy(() => KnexProblemStore.create(deps)),
  });
}
