import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
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
import { isPluginItself } from './context';

/** The one wording of a denied permission. */
export function notAllowed(permission: { name: string }): NotAllowedError {
  return new NotAllowedError(`Not allowed: ${permission.name}`);
}

/** Whether the policy allows a basic permission; the plugin's own credentials always are. */
export async function allowsBasic(
  permissions: PermissionsService,
  permission: BasicPermission,
  credentials: BackstageCredentials,
): Promise<boolean> {
  if (isPluginItself(credentials)) {
    return true;
  }
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  return decision.result === AuthorizeResult.ALLOW;
}

/** Throws `NotAllowedError` unless the policy allows a basic permission. */
export async function requireBasic(
  permissions: PermissionsService,
  permission: BasicPermission,
  credentials: BackstageCredentials,
): Promise<void> {
  if (!(await allowsBasic(permissions, permission, credentials))) {
    throw notAllowed(permission);
  }
}

/**
 * What `read` returns, or undefined when the record is unknown or hidden from the caller
 * (`NotFoundError`, `NotAllowedError`); other errors are thrown.
 */
export async function ifReadable<T>(
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'NotFoundError' || name === 'NotAllowedError') {
      return undefined;
    }
    throw error;
  }
}

/**
 * Reads one record for a caller: `NotFoundError` (404) when the id cannot be parsed, the caller
 * may not read this kind of record, or the record is unknown or outside what they may read, so
 * an unreadable record is indistinguishable from a missing one.
 */
export async function readableRecord<TRecord>(options: {
  id: string;
  /** How 404 names the record, e.g. `Incident`. */
  label: string;
  parse: (id: string) => number | undefined;
  /** The caller's read access: false, or the filter to load with (undefined: everything). */
  access: () => Promise<false | { filter?: unknown }>;
  load: (seq: number, filter?: any) => Promise<TRecord | undefined>;
}): Promise<TRecord> {
  const seq = options.parse(options.id);
  const access = seq === undefined ? false : await options.access();
  const record =
    seq === undefined || access === false
      ? undefined
      : await options.load(seq, access.filter);
  if (!record) {
    throw new NotFoundError(`${options.label} '${options.id}' not found`);
  }
  return record;
}

/** What a caller may read: nothing, everything, or what matches a filter. */
export type ReadAccess<TFilter> =
  | { allowed: false }
  | {
      allowed: true;
      permissionFilter?: PermissionCriteria<TFilter>;
    };

/**
 * Permission checks on one record type. Conditional decisions become query filters for reads
 * (see `createConditionQuery`) and are applied to the loaded record for updates. The plugin's
 * own credentials (its scheduled jobs) are always allowed. Permissions only ever take rights
 * away: the practice's domain rules still hold whatever the policy says.
 */
export class RecordAccess<TRecord, TFilter> {
  readonly permissions: PermissionsService;
  readonly #read: ResourcePermission;
  readonly #create?: BasicPermission;
  readonly #update?: ResourcePermission;
  readonly #toFilter: (
    conditions: Parameters<ReturnType<typeof createConditionTransformer>>[0],
  ) => PermissionCriteria<TFilter>;
  readonly #isAuthorized: ReturnType<typeof createConditionAuthorizer<TRecord>>;

  constructor(options: {
    permissions: PermissionsService;
    ruleset: PermissionRuleset<TRecord, TFilter, string>;
    read: ResourcePermission;
    create?: BasicPermission;
    update?: ResourcePermission;
  }) {
    this.permissions = options.permissions;
    this.#read = options.read;
    this.#create = options.create;
    this.#update = options.update;
    this.#toFilter = createConditionTransformer(options.ruleset);
    this.#isAuthorized = createConditionAuthorizer(options.ruleset);
  }

  async read(credentials: BackstageCredentials): Promise<ReadAccess<TFilter>> {
    if (isPluginItself(credentials)) {
      return { allowed: true };
    }
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: this.#read }],
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

  /**
   * One record as the caller may see it: loaded with their permission filter; 404 when unknown,
   * unreadable or `id` is not of this type.
   */
  async readable(options: {
    id: string;
    label: string;
    parse: (id: string) => number | undefined;
    credentials: BackstageCredentials;
    load: (
      seq: number,
      permissionFilter?: PermissionCriteria<TFilter>,
    ) => Promise<TRecord | undefined>;
  }): Promise<TRecord> {
    return readableRecord({
      ...options,
      access: async () => {
        const access = await this.read(options.credentials);
        return access.allowed ? { filter: access.permissionFilter } : false;
      },
    });
  }

  /** Throws `NotAllowedError` unless the caller may list or aggregate these records. */
  async requireRead(
    credentials: BackstageCredentials,
  ): Promise<ReadAccess<TFilter> & { allowed: true }> {
    const access = await this.read(credentials);
    if (!access.allowed) {
      throw notAllowed(this.#read);
    }
    return access;
  }

  async requireCreate(credentials: BackstageCredentials): Promise<void> {
    if (!this.#create) {
      throw new Error('This record type declares no create permission');
    }
    await requireBasic(this.permissions, this.#create, credentials);
  }

  /** Throws `NotAllowedError` unless the caller may edit or move this record. */
  async requireUpdate(
    record: TRecord,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (!this.#update) {
      throw new Error('This record type declares no update permission');
    }
    if (!(await this.allows(this.#update, record, credentials))) {
      throw notAllowed(this.#update);
    }
  }

  /** Whether the policy allows a resource permission on this record. */
  async allows(
    permission: ResourcePermission,
    record: TRecord,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    if (isPluginItself(credentials)) {
      return true;
    }
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return this.#isAuthorized(decision, record);
  }

  /**
   * Throws `NotAllowedError` unless the policy allows a resource permission on every record
   * of the type, unconditionally (a conditional decision is not enough): what runs over all
   * of them, like the manual run of a practice's job.
   */
  async requireUnconditional(
    permission: ResourcePermission,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (isPluginItself(credentials)) {
      return;
    }
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw notAllowed(permission);
    }
  }

  /** Throws `NotAllowedError` unless the policy allows a basic permission. */
  async requireBasic(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await requireBasic(this.permissions, permission, credentials);
  }
}
