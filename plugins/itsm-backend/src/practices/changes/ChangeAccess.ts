import { isPluginItself } from '../../records/context';
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  PermissionCriteria,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionRuleset,
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import {
  changeApprovePermission,
  changeCreatePermission,
  changeReadPermission,
  changeTemplateManagePermission,
  changeUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import type { ChangeRecord } from './ChangeStore';
import type { ChangePermissionFilter } from './changePermissionResource';

/** What a caller may read: nothing, everything, or what matches a filter. */
export type ChangeReadAccess =
  | { allowed: false }
  | {
      allowed: true;
      permissionFilter?: PermissionCriteria<ChangePermissionFilter>;
    };

/**
 * Permission checks on changes. Conditional decisions become query filters
 * for reads and are applied to the loaded record for updates and votes. The
 * plugin's own credentials are always allowed. Permissions only ever take
 * rights away: who may approve is decided by the approval rules.
 */
export class ChangeAccess {
  readonly #permissions: PermissionsService;
  readonly #toFilter: (
    conditions: Parameters<ReturnType<typeof createConditionTransformer>>[0],
  ) => PermissionCriteria<ChangePermissionFilter>;
  readonly #isAuthorized: ReturnType<
    typeof createConditionAuthorizer<ChangeRecord>
  >;

  constructor(options: {
    permissions: PermissionsService;
    ruleset: PermissionRuleset<ChangeRecord, ChangePermissionFilter, string>;
  }) {
    this.#permissions = options.permissions;
    this.#toFilter = createConditionTransformer(options.ruleset);
    this.#isAuthorized = createConditionAuthorizer(options.ruleset);
  }

  async read(credentials: BackstageCredentials): Promise<ChangeReadAccess> {
    if (isPluginItself(credentials)) {
      return { allowed: true };
    }
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission: changeReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return { allowed: true };
    }
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return {
        allowed: true,
        permissionFilter: this.#toFilter(decision.conditions),
      };
    }
    return { allowed: false };
  }

  /** Throws `NotAllowedError` unless the caller may list or aggregate changes. */
  async requireRead(
    credentials: BackstageCredentials,
  ): Promise<ChangeReadAccess & { allowed: true }> {
    const access = await this.read(credentials);
    if (!access.allowed) {
      throw new NotAllowedError(`Not allowed: ${changeReadPermission.name}`);
    }
    return access;
  }

  async requireCreate(credentials: BackstageCredentials): Promise<void> {
    await this.#requireBasic(changeCreatePermission, credentials);
  }

  async requireTemplateManage(credentials: BackstageCredentials) {
    await this.#requireBasic(changeTemplateManagePermission, credentials);
  }

  /** Throws `NotAllowedError` unless the caller may edit or move this change. */
  async requireUpdate(
    change: ChangeRecord,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (!(await this.#allows(changeUpdatePermission, change, credentials))) {
      throw new NotAllowedError(`Not allowed: ${changeUpdatePermission.name}`);
    }
  }

  /** Whether the permission policy lets the caller vote on this change (it can only deny). */
  async mayApprove(
    change: ChangeRecord,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return this.#allows(changeApprovePermission, change, credentials);
  }

  async #allows(
    permission: ResourcePermission,
    change: ChangeRecord,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    if (isPluginItself(credentials)) {
      return true;
    }
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return this.#isAuthorized(decision, change);
  }

  async #requireBasic(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (isPluginItself(credentials)) {
      return;
    }
    const [decision] = await this.#permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }
}
