import { PermissionsService } from '@backstage/backend-plugin-api';
import { PermissionRuleset } from '@backstage/plugin-permission-node';
import {
  incidentCreatePermission,
  incidentReadPermission,
  incidentUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { RecordAccess } from '../../records/access';
import type { IncidentRecord } from './IncidentStore';
import type { IncidentPermissionFilter } from './incidentPermissionResource';

/** Permission checks on incidents: the kernel's record access with the incident permissions. */
export class IncidentAccess extends RecordAccess<
  IncidentRecord,
  IncidentPermissionFilter
> {
  constructor(options: {
    permissions: PermissionsService;
    ruleset: PermissionRuleset<
      IncidentRecord,
      IncidentPermissionFilter,
      string
    >;
  }) {
    super({
      ...options,
      read: incidentReadPermission,
      create: incidentCreatePermission,
      update: incidentUpdatePermission,
    });
  }
}
