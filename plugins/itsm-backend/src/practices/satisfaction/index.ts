import type { ServiceOverrides } from '../../services';
import { ItsmCatalog } from '../../catalog/ItsmCatalog';
import { RecordNotifier } from '../../records/notifier';
import { RECORD_TABLES } from '../../records/tables';
import { ChangeCatalog } from '../changes/ChangeCatalog';
import type { IncidentService } from '../incidents/IncidentService';
import { KnexSlaTargetStore } from '../service-levels/KnexSlaTargetStore';
import type { ItsmPractice } from '../practice';
import { InvitationDelivery } from './InvitationDelivery';
import { KnexSatisfactionStore } from './KnexSatisfactionStore';
import { SatisfactionService } from './SatisfactionService';
import { SurveyAudienceResolver } from './SurveyAudienceResolver';
import { ServiceOwnership, SurveyService } from './SurveyService';
import { createSatisfactionRouter } from './satisfactionRoutes';
import { surveyRecordType } from './surveyRecordTypes';

declare module '../../services' {
  interface ItsmServices {
    /**
     * Satisfaction figures (CSAT %, mean, NPS, response rate with n and a too-few flag), trend
     * and comments of a service; responses; the survey after an incident's resolution.
     */
    satisfaction: SatisfactionService;
    /** Survey templates and campaigns (`SUR-n`). */
    surveys: SurveyService;
    /** Quiet copies for imports: no signals or notifications, the given permissions and clock. */
    satisfactionImports(overrides: ServiceOverrides): {
      satisfaction: SatisfactionService;
      surveys: SurveyService;
    };
  }
}

/** Minutes between runs of the satisfaction job. */
const JOB_MINUTES = 10;

/** Customer satisfaction: survey templates, campaigns and transactional CSAT (DESIGN §3). */
export const satisfactionPractice: ItsmPractice = {
  name: 'satisfaction',
  services: async (deps, before) => {
    const store = await KnexSatisfactionStore.create(deps);
    const catalog = new ItsmCatalog(deps);
    const audience = new SurveyAudienceResolver({
      catalog,
      members: new ChangeCatalog({
        ...deps,
        impactAnalyzer: before.impactAnalyzer,
      }),
      slas: await KnexSlaTargetStore.create(deps),
    });
    const build = (options: {
      permissions: typeof deps.permissions;
      incidents: IncidentService;
      owners: ServiceOwnership;
      live?: boolean;
      now?: () => Date;
    }) => {
      const notifier = options.live
        ? new RecordNotifier(deps)
        : new RecordNotifier({ logger: deps.logger });
      const delivery = new InvitationDelivery({
        store,
        notifications: options.live ? deps.notifications : undefined,
        notifier,
      });
      const surveys = new SurveyService({
        store,
        permissions: options.permissions,
        catalog,
        audience,
        delivery,
        notifier,
        auth: deps.auth,
        owners: options.owners,
        now: options.now,
      });
      const satisfaction = new SatisfactionService({
        store,
        permissions: options.permissions,
        surveys,
        incidentReadable: (id, ctx) => options.incidents.get(id, ctx),
        delivery,
        notifier,
        config: deps.config.satisfaction,
        now: options.now,
      });
      return { surveys, satisfaction };
    };
    const { surveys, satisfaction } = build({
      permissions: deps.permissions,
      incidents: before.incidents,
      owners: before.slas.access,
      live: true,
    });
    // A sample of resolutions asks the reporter to rate it.
    before.incidents.onResolved(incident =>
      satisfaction.incidentResolved(incident),
    );
    // The SLA report's CSAT block reads the figures.
    before.slaReports.useSatisfaction(satisfaction);
    return {
      satisfaction,
      surveys,
      satisfactionImports: (overrides: ServiceOverrides) => {
        const quiet = before.quiet(overrides);
        return build({
          ...overrides,
          incidents: quiet.incidents,
          owners: quiet.slas.access,
        });
      },
    };
  },
  routers: context => [
    createSatisfactionRouter({
      surveys: context.surveys,
      satisfaction: context.satisfaction,
      httpAuth: context.httpAuth,
      auditor: context.auditor,
    }),
  ],
  linkables: services => [services.surveys.linkable()],
  ownedEntities: [
    {
      name: 'survey',
      table: RECORD_TABLES.entities,
      seqColumn: 'record_seq',
      recordType: surveyRecordType.recordType,
      records: surveyRecordType.table,
      openStatuses: ['draft', 'open'],
    },
  ],
  isEmpty: services => services.satisfaction.isEmpty(),
  jobs: async (services, { scheduler, logger }) => {
    await scheduler.scheduleTask({
      id: 'itsm-satisfaction',
      frequency: { minutes: JOB_MINUTES },
      timeout: { minutes: 5 },
      initialDelay: { minutes: 1 },
      // One replica runs each invocation; the invitations' unique keys make a rerun harmless.
      scope: 'global',
      fn: async () => {
        const resent = await services.satisfaction.resendStale();
        await services.satisfaction.sweepResolutions();
        const closed = await services.surveys.closeExpired();
        if (resent || closed.length) {
          logger.info(
            `Satisfaction: ${resent} invitations resent, closed ${
              closed.join(', ') || 'no campaign'
            }`,
          );
        }
      },
    });
  },
};
