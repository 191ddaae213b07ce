import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import { PermissionRuleset } from '@backstage/plugin-permission-node';
import {
  changeApprovePermission,
  changeReadPermission,
  changeUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import type { ChangeRecord, ChangeStore } from './ChangeStore';
import { parseChangeId } from './changeViews';
import {
  ChangePermissionFilter,
  changePermissionResourceRef,
} from './changePermissionResource';
import { changePermissionRules } from './changeRules';

/**
 * Registers the `itsm-change` resource type with its rules (the permissions
 * themselves are registered with the incident ones); returns the ruleset,
 * which includes rules other modules add.
 */
export function registerChangePermissions(
  registry: PermissionsRegistryService,
  store: ChangeStore,
): PermissionRuleset<ChangeRecord, ChangePermissionFilter, string> {
  registry.addResourceType({
    resourceRef: changePermissionResourceRef,
    permissions: [
      changeReadPermission,
      changeUpdatePermission,
      changeApprovePermission,
    ],
    rules: Object.values(changePermissionRules),
    // Resource refs are change ids (CHG-42), in the order asked.
    getResources: refs =>
      Promise.all(
        refs.map(ref => {
          const seq = parseChangeId(ref);
          return seq === undefined ? undefined : store.getChange(seq);
        }),
      ),
  });
  return registry.getPermissionRuleset(changePermissionResourceRef);
}
