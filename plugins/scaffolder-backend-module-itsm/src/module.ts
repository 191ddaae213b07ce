import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createItsmChangeCreateAction } from './actions/createChange';
import { createItsmIncidentCreateAction } from './actions/createIncident';

/**
 * Adds the ITSM actions `itsm:change:create` and `itsm:incident:create` to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleItsm = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'itsm',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, discovery, auth, config }) {
        scaffolder.addActions(
          createItsmChangeCreateAction({ discovery, auth, config }),
          createItsmIncidentCreateAction({ discovery, auth, config }),
        );
      },
    });
  },
});
