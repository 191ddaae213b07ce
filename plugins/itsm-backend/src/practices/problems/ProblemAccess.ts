import { PermissionsService } from '@backstage/backend-plugin-api';
import { PermissionRuleset } from '@backstage/plugin-permission-node';
import {
  problemCreatePermission,
  problemReadPermission,
  problemUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { RecordAccess } from '../../records/access';
import type { ProblemRecord } from './ProblemStore';
import type { ProblemPermissionFilter } from './problemPermissions';

/** Permission checks on problems: the kernel's record access with the problem permissions. */
export class ProblemAccess extends RecordAccess<
  ProblemRecord,
  ProblemPermissionFilter
> {
  constructor(options: {
    permissions: PermissionsService;
    ruleset: PermissionRuleset<ProblemRecord, ProblemPermissionFilter, string>;
  }) {
    super({
      ...options,
      read: problemReadPermission,
      create: problemCreatePermission,
      update: problemUpdatePermission,
    });
  }
}
