import type { ServiceLevelAgreement } from '@backstage-itsm/plugin-itsm-common';
import type { ItsmServiceDeps, ItsmServices } from '../../../services';
import type { KnexKpiStore } from '../measure/KnexKpiStore';
import { breachSuggestions } from './breachRule';
import type { RecurrenceSource } from './recurrenceRule';
import { recurrenceSuggestions } from './recurrenceRule';
import { reviewActionSuggestions } from './reviewActionRule';
import {
  DEFAULT_CHANGE_FAILURE_TARGET_PERCENT,
  alignmentSuggestions,
  allSlas,
  changeFailureSuggestions,
  csatSuggestions,
} from './slaRules';
import type {
  ImprovementProposer,
  RuleContext,
  RuleResult,
  Suggestion,
} from './suggestion';

/** Proposes improvement items from what the other practices show. */
export interface ImprovementSuggester {
  /** One pass: the ids of the items it proposed, and how many candidates it looked at. */
  run(options: {
    now: Date;
  }): Promise<{ proposed: string[]; considered: number }>;
}

const TITLE_LENGTH = 200;

/**
 * The suggestions job's rules, each run only where its practice is there, each proposing
 * through `propose` under a source key that names what it is about (see each rule), so a
 * second run — or a second instance running at the same time — proposes nothing new: the
 * register stores each key once. A rule that fails is logged and the others still run; so is
 * a proposal the register refuses (a service gone from the catalog, say).
 *
 * `considered` counts what the rules looked at: breach targets, SLAs whose CSAT was read,
 * services with changes closed, supporting agreements checked, recurrence clusters and open
 * review actions.
 */
export class RuleSuggester implements ImprovementSuggester {
  readonly #services: ItsmServices;
  readonly #deps: ItsmServiceDeps;
  readonly #proposer: () => ImprovementProposer | undefined;
  readonly #kpiStore: () => Promise<
    Pick<KnexKpiStore, 'changeOutcomesByService'>
  >;
  readonly #problemStore: () => Promise<RecurrenceSource>;
  readonly #changeFailureTargetPercent: number;

  constructor(options: {
    services: ItsmServices;
    deps: ItsmServiceDeps;
    /** The register's `propose` (the practice's service, once it is there). */
    proposer: () => ImprovementProposer | undefined;
    kpiStore: () => Promise<Pick<KnexKpiStore, 'changeOutcomesByService'>>;
    problemStore: () => Promise<RecurrenceSource>;
    changeFailureTargetPercent?: number;
  }) {
    this.#services = options.services;
    this.#deps = options.deps;
    this.#proposer = options.proposer;
    this.#kpiStore = options.kpiStore;
    this.#problemStore = options.problemStore;
    this.#changeFailureTargetPercent =
      options.changeFailureTargetPercent ??
      DEFAULT_CHANGE_FAILURE_TARGET_PERCENT;
  }

  async run(options: {
    now: Date;
  }): Promise<{ proposed: string[]; considered: number }> {
    const services = this.#services;
    const { logger } = this.#deps;
    const proposer = this.#proposer();
    if (!proposer) {
      logger.warn(
        'Improvement suggestions: there is no register to propose to',
      );
      return { proposed: [], considered: 0 };
    }
    const rule: RuleContext = {
      services,
      deps: this.#deps,
      now: options.now,
      ctx: { credentials: await this.#deps.auth.getOwnServiceCredentials() },
      logger,
    };
    const results: RuleResult[] = [];
    const attempt = async (name: string, fn: () => Promise<RuleResult>) => {
      try {
        results.push(await fn());
      } catch (error) {
        logger.warn(`Improvement suggestions: ${name} failed: ${error}`);
      }
    };

    if (services.breaches) {
      await attempt('repeated breaches', () => breachSuggestions(rule));
    }
    let slas: ServiceLevelAgreement[] | undefined;
    if (services.slas) {
      await attempt('reading the SLAs', async () => {
        slas = await allSlas(rule);
        return { considered: 0, suggestions: [] };
      });
    }
    if (slas) {
      const agreements = slas;
      if (services.satisfaction) {
        await attempt('CSAT below target', () =>
          csatSuggestions(rule, agreements),
        );
      }
      await attempt('change failure rate', async () =>
        changeFailureSuggestions(
          rule,
          agreements,
          await this.#kpiStore(),
          this.#changeFailureTargetPercent,
        ),
      );
      if (services.supportingAgreements) {
        await attempt('supporting-agreement alignment', () =>
          alignmentSuggestions(rule, agreements),
        );
      }
    }
    if (services.problems) {
      await attempt('recurring incidents', async () =>
        recurrenceSuggestions(rule, await this.#problemStore()),
      );
    }
    if (services.reviewActions) {
      await attempt('overdue review actions', () =>
        reviewActionSuggestions(rule),
      );
    }

    const proposed: string[] = [];
    for (const suggestion of results.flatMap(r => r.suggestions)) {
      const id = await this.#propose(proposer, suggestion);
      if (id) proposed.push(id);
    }
    if (proposed.length) {
      logger.info(`Improvement suggestions proposed ${proposed.join(', ')}`);
    }
    return {
      proposed,
      considered: results.reduce((n, r) => n + r.considered, 0),
    };
  }

  async #propose(
    proposer: ImprovementProposer,
    { sourceKey, input }: Suggestion,
  ): Promise<string | undefined> {
    try {
      const item = await proposer.propose(
        { ...input, title: input.title.slice(0, TITLE_LENGTH).trim() },
        sourceKey,
      );
      return item?.id;
    } catch (error) {
      this.#deps.logger.warn(
        `Improvement suggestions: could not propose ${sourceKey}: ${error}`,
      );
      return undefined;
    }
  }
}
