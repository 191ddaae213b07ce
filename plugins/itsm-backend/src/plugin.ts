import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  ServiceCalendar,
  itsmPermissions,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmCalendarsExtensionPoint } from '@backstage-itsm/plugin-itsm-node';
import { ItsmCatalog } from './catalog/ItsmCatalog';
import { readItsmConfig } from './config';
import { KnexIncidentStore } from './database/KnexIncidentStore';
import { IncidentService } from './domain/IncidentService';
import { createRouter } from './router';

/**
 * The ITSM backend plugin: incidents, SLA clocks and service health on top of
 * the software catalog, served at `/api/itsm`.
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
      },
      async init(deps) {
        const config = readItsmConfig(deps.rootConfig, {
          extraCalendars: moduleCalendars,
        });
        deps.permissionsRegistry.addPermissions(itsmPermissions);

        const store = await KnexIncidentStore.create({
          database: deps.database,
        });
        const incidents = IncidentService.create({
          store,
          catalog: new ItsmCatalog({ catalog: deps.catalog, auth: deps.auth }),
          permissions: deps.permissions,
          logger: deps.logger,
          config,
        });

        deps.httpRouter.use(
          await createRouter({
            incidents,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );
        deps.logger.info(
          `ITSM ready with calendars ${[...config.calendars.keys()].join(
            ', ',
          )}`,
        );
      },
    });
  },
});
