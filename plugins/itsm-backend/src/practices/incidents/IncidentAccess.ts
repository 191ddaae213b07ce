import { isPluginItself } from '../../records/context';
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import {
  PermissionRuleset,
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import {
  incidentCreatePermission,
  incidentReadPermission,
  incidentUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import type { IncidentRecord } from './IncidentStore';
import type { IncidentPermissionFilter } from './incidentPermissionResource';

/** What a caller may read: nothing, everything, or what matches a filter. */
export type ReadAccess =
  | { allowed: false }
  | {
      allowed: true;
      permissionFilter?: PermissionCriteria<IncidentPermissionFilter>;
    };

/**
 * Permission checks on incidents. Conditional decisions become query filters
 * for reads and are applied to the loaded record for updates. The plugin's own
 * credentials (its scheduled jobs) are always allowed.
 */
export class IncidentAccess {
  readonly #permissions: PermissionsService;
  readonly #toFilter: (
    conditions: Parameters<ReturnType<typeof createConditionTransformer>>[0],
  ) => PermissionCriteria<IncidentPermissionFilter>;
  readonly #isAuthorized: ReturnType<
    typeof createConditionAuthorizer<IncidentRecord>
  >;

  constructor(options: {
    permissions: PermissionsService;
    ruleset: PermissionRuleset<
      IncidentRecord,
      IncidentPermissionFilter,
      string
    >;
  }) {
    this.#permissions = options.permissions;
    this.#toFilter = createConditionTransformer(options.ruleset);
    this.#isAuthorized = createConditionAuthorizer(options.ruleset);
  }

  async read(credentials: BackstageCredentials): Promise<ReadAccess> {
    if (isPluginItself(credentials)) {
      return { allowed: true };
    }
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission: incidentReadPermission }],
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

  /** Throws `NotAllowedError` unless the caller may list or aggregate incidents. */
  async requireRead(credentials: BackstageCredentials): Promise<ReadAccess> {
    const access = await this.read(credentials);
    if (!access.allowed) {
      throw new NotAllowedError(`Not allowed: ${incidentReadPermission.name}`);
    }
    return access;
  }

  async requireCreate(credentials: BackstageCredentials): Promise<void> {
    if (isPluginItself(credentials)) {
      return;
    }
    const [decision] = await this.#permissions.authorize(
      [{ permission: incidentCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed: ${incidentCreatePermission.name}`,
      );
    }
  }

  /** Throws `NotAllowedError` unless the caller may update this incident. */
  async requireUpdate(
    incident: IncidentRecord,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (isPluginItself(credentials)) {
      return;
    }
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission: incidentUpdatePermission }],
      { credentials },
    );
    if (!this.#isAuthorized(decision, incident)) {
      throw new NotAllowedError(
        `Not allowed: ${incidentUpdatePermission.name}`,
      );
    }
  }
}
