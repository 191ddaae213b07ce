import { PermissionsService } from '@backstage/backend-plugin-api';
import { OPEN_PROBLEM_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import type { ServiceOverrides } from '../../services';
import { ItsmCatalog } from '../../catalog/ItsmCatalog';
import { RecordNotifier } from '../../records/notifier';
import { RECORD_TABLES } from '../../records/tables';
import type { ItsmPractice } from '../practice';
import { KnexProblemStore } from './KnexProblemStore';
import { KnownErrorService } from './KnownErrorService';
import { ProblemAccess } from './ProblemAccess';
import { ProblemDetectionJob } from './ProblemDetectionJob';
import { ProblemService } from './ProblemService';
import { registerProblemPermissions } from './problemPermissions';
import { problemRecordType } from './problemRecordTypes';
import { createKnownErrorsRouter, createProblemsRouter } from './problemRoutes';
import { IncidentTrendService } from './IncidentTrendService';
import { createIncidentTrendRouter } from './incidentTrendRoutes';

declare module '../../services' {
  interface ItsmServices {
    /** Problems: lifecycle, linked incidents, candidates and effectiveness. */
    problems: ProblemService;
    /** The known-error database and the matches offered while reporting an incident. */
    knownErrors: KnownErrorService;
    /** Detection of candidate problems (scheduled, and on demand). */
    problemDetection: ProblemDetectionJob;
    /** Quiet copies for imports: no signals or notifications, the given permissions and clock. */
    problemImports(overrides: ServiceOverrides): {
      problems: ProblemService;
      knownErrors: KnownErrorService;
      detection: ProblemDetectionJob;
    };
    /** The incident trend report (per entity, category, signature or upstream dependency). */
    incidentTrends: IncidentTrendService;
  }
}

/** Problem management and the known-error database (DESIGN §3 "Problem and known error"). */
export const problemsPractice: ItsmPractice = {
  name: 'problems',
  services: async (deps, before) => {
    const store = await KnexProblemStore.create(deps);
    const ruleset = registerProblemPermissions(deps.permissionsRegistry, seq =>
      store.getProblem(seq),
    );
    const catalog = new ItsmCatalog(deps);
    const build = (options: {
      permissions: PermissionsService;
      notifier: RecordNotifier;
      /** The incident service whose reads and permissions links go through. */
      incidentService: typeof before.incidents;
      now?: () => Date;
    }) => {
      const incidents = () => options.incidentService.linkable();
      const problems = new ProblemService({
        store,
        access: new ProblemAccess({
          permissions: options.permissions,
          ruleset,
        }),
        links: before.links,
        incidents,
        incidentAccess: options.incidentService.access,
        catalog,
        notifier: options.notifier,
        priorityMatrix: deps.config.incidents.priorityMatrix,
        categories: deps.config.incidents.categories,
        observationDays: deps.config.problems.observationDays,
        logger: deps.logger,
        now: options.now,
      });
      const knownErrors = new KnownErrorService({
        store,
        permissions: options.permissions,
        links: before.links,
        incidents,
        problems: () => problems.linkable(),
        catalog,
        impact: before.impactAnalyzer,
        notifier: options.notifier,
        logger: deps.logger,
        now: options.now,
      });
      const detection = new ProblemDetectionJob({
        store,
        problems,
        impact: before.impactAnalyzer,
        config: deps.config.problems.detection,
        logger: deps.logger,
        now: options.now,
      });
      return { problems, knownErrors, detection };
    };
    const live = build({
      permissions: deps.permissions,
      notifier: new RecordNotifier(deps),
      incidentService: before.incidents,
    });
    const { problems, knownErrors } = live;
    const problemDetection = live.detection;
    // Closing a fix change tells the owners of the problems it fixes.
    before.changes.onClosed(change => problems.fixChangeClosed(change));
    // Incidents and changes point at problems (reviews, on hold awaiting one) through links.
    before.problemReferences.use(problems.references());
    // Imports write quietly: no signals, no notifications, their own permissions and clock.
    const problemImports = (overrides: ServiceOverrides) =>
      build({
        ...overrides,
        notifier: new RecordNotifier({ logger: deps.logger }),
        incidentService: before.quiet(overrides).incidents,
      });
    const incidentTrends = await IncidentTrendService.create(deps);
    return {
      problems,
      knownErrors,
      problemDetection,
      problemImports,
      incidentTrends,
    };
  },
  routers: context => [
    createProblemsRouter({
      problems: context.problems,
      detection: context.problemDetection,
      httpAuth: context.httpAuth,
      auditor: context.auditor,
    }),
    createKnownErrorsRouter({
      knownErrors: context.knownErrors,
      httpAuth: context.httpAuth,
      auditor: context.auditor,
    }),
    createIncidentTrendRouter({ ...context, trends: context.incidentTrends }),
  ],
  linkables: services => [
    services.problems.linkable(),
    services.knownErrors.linkable(),
  ],
  ownedEntities: [
    {
      name: 'problem',
      table: RECORD_TABLES.entities,
      seqColumn: 'record_seq',
      recordType: problemRecordType.recordType,
      records: problemRecordType.table,
      openStatuses: OPEN_PROBLEM_STATUSES,
    },
  ],
  isEmpty: async (services, ctx) =>
    (await services.problems.list({ limit: 1 }, ctx)).items.length === 0,
  jobs: async (services, { scheduler, logger, config }) => {
    const detection = config.problems.detection;
    if (!detection.enabled) return;
    await scheduler.scheduleTask({
      id: 'itsm-problem-detection',
      frequency: { minutes: detection.frequencyMinutes },
      timeout: { minutes: 15 },
      initialDelay: { minutes: 1 },
      // One replica runs each invocation; the unique detection key makes a rerun harmless.
      scope: 'global',
      fn: async () => {
        const { proposed } = await services.problemDetection.run();
        if (proposed.length) {
          logger.info(`Proposed candidate problems ${proposed.join(', ')}`);
        }
      },
    });
  },
};
