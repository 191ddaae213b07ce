// Seam between the improvement practice and its suggestions job: the practice builds the
// suggester with `createImprovementSuggester` and schedules `run`; the rules live here.
import { onFirstUse } from '../../../records/database';
import type { ItsmServiceDeps, ItsmServices } from '../../../services';
import { KnexKpiStore } from '../measure/KnexKpiStore';
import { KnexProblemStore } from '../../problems/KnexProblemStore';
import { ImprovementSuggester, RuleSuggester } from './RuleSuggester';

export type { ImprovementSuggester } from './RuleSuggester';
export { RuleSuggester } from './RuleSuggester';
export type { ImprovementProposer, Suggestion } from './suggestion';
export { DEFAULT_CHANGE_FAILURE_TARGET_PERCENT } from './slaRules';

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
    kpiStore: onFirstUse(() => KnexKpiStore.create(deps)),
    problemStore: onFirstUse(() => KnexProblemStore.create(deps)),
  });
}
