import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { itsmImportsExtensionPoint } from '@backstage-itsm/plugin-itsm-node';
import { seedDemoChanges } from './seedDemoChanges';
import { seedDemoComplaints } from './seedDemoComplaints';
import { seedDemoImprovements } from './seedDemoImprovements';
import { seedDemoIncidents } from './seedDemoIncidents';
import { seedDemoProblems } from './seedDemoProblems';
import { seedDemoSatisfaction } from './seedDemoSatisfaction';
import { seedDemoReviews } from './seedDemoReviews';
import { seedDemoSlas } from './seedDemoSlas';

/**
 * Demo data for the development portal: when `itsmDemo.enabled` is true and the ITSM plugin
 * holds no records yet, writes about three months of incidents and a set of changes in every
 * state on the demo catalog, with SLAs, an OLA and an underpinning contract, and problems and
 * known errors (one recurring failure left for the scheduled detection to find), satisfaction,
 * complaints, service reviews and an improvement register with two measured items.
 */
export const itsmModuleDemoData = createBackendModule({
  pluginId: 'itsm',
  moduleId: 'demo-data',
  register(reg) {
    reg.registerInit({
      deps: {
        imports: itsmImportsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ imports, config, logger, catalog, auth }) {
        if (!config.getOptionalBoolean('itsmDemo.enabled')) {
          return;
        }
        imports.addImport('demo-data', async context => {
          if (!(await context.isEmpty())) {
            logger.info('ITSM demo data: records exist already, nothing to do');
            return;
          }
          // The catalog ingests the demo entities shortly after startup; incidents need them.
          const deadline = Date.now() + 300_000;
          for (;;) {
            const entity = await catalog.getEntityByRef(
              'component:default/ops-portal',
              {
                credentials: await auth.getOwnServiceCredentials(),
              },
            );
            if (entity) {
              break;
            }
            if (Date.now() > deadline) {
              logger.warn(
                'ITSM demo data: the demo catalog never appeared; skipped',
              );
              return;
            }
            await new Promise(resolve => setTimeout(resolve, 2000));
          }
          // SLAs first: incidents take their targets from the SLA in force when raised.
          await seedDemoSlas(context, { now: new Date(), logger });
          const count = await seedDemoIncidents(context, {
            now: new Date(),
            logger,
          });
          logger.info(`ITSM demo data: ${count} incidents written`);
          await seedDemoChanges(context, { now: new Date(), logger });
          await seedDemoProblems(context, { now: new Date(), logger });
          await seedDemoSatisfaction(context, { now: new Date(), logger });
          const complaints = await seedDemoComplaints(context, {
            now: new Date(),
            logger,
          });
          const reviews = await seedDemoReviews(context, {
            now: new Date(),
            logger,
          });
          await seedDemoImprovements(context, {
            now: new Date(),
            logger,
            sources: {
              complaintId: complaints.chargedTwiceId,
              reviewActionId: reviews.openActionId,
            },
          });
        });
      },
    });
  },
});
