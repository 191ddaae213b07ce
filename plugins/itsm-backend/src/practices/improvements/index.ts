import { PermissionsService } from '@backstage/backend-plugin-api';
import { OPEN_IMPROVEMENT_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import { ItsmCatalog } from '../../catalog/ItsmCatalog';
import { RecordNotifier } from '../../records/notifier';
import { RECORD_TABLES } from '../../records/tables';
import type { ItsmServices } from '../../services';
import type { ItsmPractice } from '../practice';
import { ImprovementService } from './ImprovementService';
import { KnexImprovementStore } from './KnexImprovementStore';
import { ImprovementCatalogReader } from './improvementCatalog';
import {
  ImprovementAccess,
  registerImprovementPermissions,
} from './improvementPermissions';
import { improvementRecordType } from './improvementRecordType';
import { createImprovementsRouter } from './improvementRoutes';
import { ImprovementSources } from './improvementSources';
import { createKpiMeasurer } from './measure';
import {
  ImprovementSuggester,
  createImprovementSuggester,
} from './suggestions';

declare module '../../services' {
  interface ItsmServices {
    /**
     * The continual improvement register: items raised from their sources, approved by
     * someone other than their owner with the KPI's baseline frozen, evaluated by the system.
     */
    improvements: ImprovementService;
    /** Proposes items from what the other practices show (scheduled, and on demand). */
    improvementSuggester: ImprovementSuggester;
    /** Quiet copies for imports: no signals or notifications, the given permissions and clock. */
    improvementImports(overrides: ServiceOverrides): {
      improvements: ImprovementService;
    };
  }
}

/** The evaluation job runs this often. */
const EVALUATION_FREQUENCY_MINUTES = 60;

/** Statuses in which an item's service owners are kept current (not closed or rejected). */
const UNCLOSED_IMPROVEMENT_STATUSES = [
  ...OPEN_IMPROVEMENT_STATUSES,
  'implemented',
  'evaluated',
];

/**
 * The continual improvement register (DESIGN §3 "Continual improvement"): `IMP-n` items and
 * corrective actions from every source, prioritised by the documented score, approved by
 * someone other than their owner, and their effect measured by the system against the
 * baseline frozen at approval.
 */
export const improvementsPractice: ItsmPractice = {
  name: 'improvements',
  services: async (deps, before) => {
    const store = await KnexImprovementStore.create(deps);
    const ruleset = registerImprovementPermissions(
      deps.permissionsRegistry,
      seq => store.getImprovement(seq),
    );
    const catalog = new ImprovementCatalogReader(new ItsmCatalog(deps));
    const measurer = createKpiMeasurer(before, deps);
    const sources = new ImprovementSources(before);
    const build = (options: {
      permissions: PermissionsService;
      notifier: RecordNotifier;
      trustedImport?: boolean;
      now?: () => Date;
    }) =>
      new ImprovementService({
        store,
        access: new ImprovementAccess({
          permissions: options.permissions,
          ruleset,
        }),
        catalog,
        userInfo: deps.userInfo,
        measurer,
        sources,
        breaches: before.breaches,
        links: before.links,
        notifier: options.notifier,
        pluginCredentials: () => deps.auth.getOwnServiceCredentials(),
        trustedImport: options.trustedImport,
        logger: deps.logger,
        now: options.now,
      });
    const improvements = build({
      permissions: deps.permissions,
      notifier: new RecordNotifier(deps),
    });
    // A breach names its improvement item through a link checked by this practice.
    before.improvementReferences.use(improvements.references());
    const improvementSuggester = createImprovementSuggester(
      { ...before, improvements } as ItsmServices,
      deps,
    );
    return {
      improvements,
      improvementSuggester,
      // Imports write quietly: no signals, no notifications, their own permissions and clock.
      improvementImports: overrides => ({
        improvements: build({
          ...overrides,
          notifier: new RecordNotifier({ logger: deps.logger }),
          trustedImport: true,
        }),
      }),
    };
  },
  routers: context => [
    createImprovementsRouter({
      improvements: context.improvements,
      suggester: context.improvementSuggester,
      httpAuth: context.httpAuth,
      auditor: context.auditor,
    }),
  ],
  linkables: services => [services.improvements.linkable()],
  ownedEntities: [
    {
      name: 'improvement',
      table: RECORD_TABLES.entities,
      seqColumn: 'record_seq',
      recordType: improvementRecordType.recordType,
      records: improvementRecordType.table,
      openStatuses: UNCLOSED_IMPROVEMENT_STATUSES,
    },
  ],
  isEmpty: services => services.improvements.isEmpty(),
  jobs: async (services, { scheduler, logger }) => {
    await scheduler.scheduleTask({
      id: 'itsm-improvement-evaluation',
      frequency: { minutes: EVALUATION_FREQUENCY_MINUTES },
      timeout: { minutes: 15 },
      initialDelay: { minutes: 3 },
      // One replica runs each invocation; versioned writes make a concurrent run harmless.
      scope: 'global',
      fn: async () => {
        const { evaluated, failed } = await services.improvements.evaluateDue();
        if (evaluated.length || failed.length) {
          logger.info(
            `Improvement evaluation: evaluated ${
              evaluated.join(', ') || 'none'
            }; failed ${failed.join(', ') || 'none'}`,
          );
        }
      },
    });
    await scheduler.scheduleTask({
      id: 'itsm-improvement-suggestions',
      frequency: { hours: 24 },
      timeout: { minutes: 30 },
      initialDelay: { minutes: 5 },
      // One replica runs each invocation; the unique source key makes a rerun harmless.
      scope: 'global',
      fn: async () => {
        const { proposed } = await services.improvementSuggester.run({
          now: new Date(),
        });
        if (proposed.length) {
          logger.info(`Proposed improvement items ${proposed.join(', ')}`);
        }
      },
    });
  },
};
