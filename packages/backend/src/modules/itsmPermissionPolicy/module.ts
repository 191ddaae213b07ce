import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { ItsmPermissionPolicy } from './ItsmPermissionPolicy';

/**
 * The permission policy of the demo portal: the ITSM rules (owners, assignees, requesters,
 * support engineers, change managers, ITSM admins for calendars and templates) and allow for
 * every other plugin.
 */
export const permissionModuleItsmPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'itsm-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new ItsmPermissionPolicy({ userInfo }));
      },
    });
  },
});
