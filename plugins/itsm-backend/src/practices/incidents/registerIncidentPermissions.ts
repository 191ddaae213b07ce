import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import { PermissionRuleset } from '@backstage/plugin-permission-node';
import {
  incidentReadPermission,
  incidentUpdatePermission,
  itsmPermissions,
} from '@backstage-itsm/plugin-itsm-common';
import type { IncidentRecord, IncidentStore } from './IncidentStore';
import { parseIncidentId } from './incidentViews';
import {
  IncidentPermissionFilter,
  incidentPermissionResourceRef,
} from './incidentPermissionResource';
import { incidentPermissionRules } from './incidentRules';

/**
 * Registers the plugin's permissions and the `itsm-incident` resource type
 * with its rules; returns the ruleset, which includes rules other modules add.
 */
export function registerIncidentPermissions(
  registry: PermissionsRegistryService,
  store: IncidentStore,
): PermissionRuleset<IncidentRecord, IncidentPermissionFilter, string> {
  registry.addPermissions(itsmPermissions);
  registry.addResourceType({
    resourceRef: incidentPermissionResourceRef,
    permissions: [incidentReadPermission, incidentUpdatePermission],
    rules: Object.values(incidentPermissionRules),
    // Resource refs are incident ids (INC-42), in the order asked.
    getResources: refs =>
      Promise.all(
        refs.map(ref => {
          const seq = parseIncidentId(ref);
          return seq === undefined ? undefined : store.getIncident(seq);
        }),
      ),
  });
  return registry.getPermissionRuleset(incidentPermissionResourceRef);
}
