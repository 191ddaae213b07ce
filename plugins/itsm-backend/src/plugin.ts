import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { ServiceCalendar } from '@backstage-itsm/plugin-itsm-common';
import {
  ItsmImportContext,
  itsmCalendarsExtensionPoint,
  itsmImportsExtensionPoint,
} from '@backstage-itsm/plugin-itsm-node';
import { readItsmConfig } from './config';
import { KnexLedgerStore } from './practices/service-levels/KnexLedgerStore';
import { AlertIngestionService } from './practices/incidents/AlertIngestionService';
import {
  IncidentAutoCloseJob,
  SlaEscalationJob,
  SlaMonitorJob,
  scheduleIncidentJobs,
  scheduleOwnerRefresh,
} from './jobs';
import { PRACTICES } from './practices';
import { ItsmCatalog } from './catalog/ItsmCatalog';
import { OwnerRefreshJob } from './records/OwnerRefreshJob';
import { KnexOwnerRefStore } from './records/ownerRefStore';
import { createImportRunner } from './imports';
import { createRouter } from './router';
import { createWebhooksRouter } from './practices/incidents/webhookRoutes';
import { createItsmServices } from './services';

/**
 * The ITSM backend plugin: incidents, SLA clocks, service health and change
 * enablement on top of the software catalog, served at `/api/itsm`.
 *
 * @public
 */
export const itsmPlugin = createBackendPlugin({
  pluginId: 'itsm',
  register(reg) {
    const moduleCalendars: ServiceCalendar[] = [];
    reg.registerExtensionPoint(itsmCalendarsExtensionPoint, {
      addCalendars(...calendars) {
        moduleCalendars.push(...calendars);
      },
    });
    const imports: Array<{
      name: string;
      task: (context: ItsmImportContext) => Promise<void>;
    }> = [];
    reg.registerExtensionPoint(itsmImportsExtensionPoint, {
      addImport(name, task) {
        imports.push({ name, task });
      },
    });

    reg.registerInit({
      deps: {
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        rootConfig: coreServices.rootConfig,
        catalog: catalogServiceRef,
        scheduler: coreServices.scheduler,
        notifications: notificationService,
        signals: signalsServiceRef,
        lifecycle: coreServices.lifecycle,
      },
      async init(deps) {
        const config = readItsmConfig(deps.rootConfig, {
          extraCalendars: moduleCalendars,
        });
        const services = await createItsmServices({ ...deps, config });
        const { incidents } = services;

        // Alert webhooks check their own secrets, outside the validated API.
        deps.httpRouter.use(
          createWebhooksRouter({
            ingestion: AlertIngestionService.create({
              incidents,
              auth: deps.auth,
              logger: deps.logger,
            }),
            config: config.webhooks,
            auditor: deps.auditor,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/webhooks',
          allow: 'unauthenticated',
        });
        deps.httpRouter.use(
          await createRouter({
            ...services,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );

        const ledger = await KnexLedgerStore.create({
          database: deps.database,
        });
        await scheduleIncidentJobs({
          scheduler: deps.scheduler,
          logger: deps.logger,
          escalation: SlaEscalationJob.create({
            store: ledger,
            notifications: deps.notifications,
            config,
            calendars: services.calendars,
            logger: deps.logger,
          }),
          autoClose: IncidentAutoCloseJob.create({
            store: ledger,
            incidents,
            auth: deps.auth,
            config,
            logger: deps.logger,
          }),
          monitor: SlaMonitorJob.create({
            store: ledger,
            notifications: deps.notifications,
            warningThresholds: config.sla.warningThresholds,
            calendarOf: id => services.calendars.calendarOrDefault(id).calendar,
            refreshCalendars: () => services.calendars.ensureFresh(),
            logger: deps.logger,
          }),
        });
        for (const practice of PRACTICES) {
          await practice.jobs?.(services, {
            scheduler: deps.scheduler,
            logger: deps.logger,
            config,
          });
        }
        // Owners stored on open records follow the catalog (a re-org moves write access).
        await scheduleOwnerRefresh({
          scheduler: deps.scheduler,
          logger: deps.logger,
          job: new OwnerRefreshJob({
            store: new KnexOwnerRefStore(await deps.database.getClient()),
            tables: PRACTICES.flatMap(p => p.ownedEntities ?? []),
            catalog: new ItsmCatalog(deps),
            logger: deps.logger,
          }),
        });
        // Imports (history from another tool, demo data) write quietly: no signals, no notifications.
        deps.lifecycle.addStartupHook(
          createImportRunner({
            tasks: imports,
            services,
            createServices: overrides => services.quiet(overrides),
            auth: deps.auth,
            logger: deps.logger,
          }),
        );
        deps.logger.info(
          `ITSM ready with calendars ${services.calendars
            .entries()
            .map(c => `${c.id} (${c.source})`)
            .join(', ')}`,
        );
      },
    });
  },
});
