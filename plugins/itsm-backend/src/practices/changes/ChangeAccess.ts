import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { PermissionRuleset } from '@backstage/plugin-permission-node';
import {
  changeApprovePermission,
  changeCreatePermission,
  changeReadPermission,
  changeTemplateManagePermission,
  changeUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { RecordAccess } from '../../records/access';
import type { ChangeRecord } from './ChangeStore';
import type { ChangePermissionFilter } from './changePermissionResource';

/**
 * Permission checks on changes: the kernel's record access with the change permissions.
 * Permissions only ever take rights away: who may approve is decided by the approval rules.
 */
export class ChangeAccess extends RecordAccess<
  ChangeRecord,
  ChangePermissionFilter
> {
  constructor(options: {
    permissions: PermissionsService;
    ruleset: PermissionRuleset<ChangeRecord, ChangePermissionFilter, string>;
  }) {
    super({
      ...options,
      read: changeReadPermission,
      create: changeCreatePermission,
      update: changeUpdatePermission,
    });
  }

  async requireTemplateManage(credentials: BackstageCredentials) {
    await this.requireBasic(changeTemplateManagePermission, credentials);
  }

  /** Whether the permission policy lets the caller vote on this change (it can only deny). */
  async mayApprove(
    change: ChangeRecord,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return this.allows(changeApprovePermission, change, credentials);
  }
}
