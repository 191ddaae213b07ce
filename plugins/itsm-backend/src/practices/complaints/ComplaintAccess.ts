import { PermissionsService } from '@backstage/backend-plugin-api';
import { PermissionRuleset } from '@backstage/plugin-permission-node';
import {
  complaintCreatePermission,
  complaintManagePermission,
  complaintReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { RecordAccess } from '../../records/access';
import type { ComplaintRecord } from './ComplaintStore';
import type { ComplaintPermissionFilter } from './complaintPermissions';

/** Permission checks on complaints: the kernel's record access with the complaint permissions. */
export class ComplaintAccess extends RecordAccess<
  ComplaintRecord,
  ComplaintPermissionFilter
> {
  constructor(options: {
    permissions: PermissionsService;
    ruleset: PermissionRuleset<
      ComplaintRecord,
      ComplaintPermissionFilter,
      string
    >;
  }) {
    super({
      ...options,
      read: complaintReadPermission,
      create: complaintCreatePermission,
      update: complaintManagePermission,
    });
  }
}
