import { isPluginItself } from '../../records/context';
import { allowsBasic, requireBasic } from '../../records/access';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  slaManagePermission,
  slaReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { canonicalEntityRef, ownerRefOf } from '../../catalog/entities';

/** The catalog reads agreements need (`ItsmCatalog`). */
export interface AgreementCatalog {
  getEntity(
    entityRef: string,
  ): Promise<Parameters<typeof ownerRefOf>[0] | undefined>;
}

/** A service as agreements see it: its canonical ref and owner. */
export interface AgreementSubject {
  entityRef: string;
  ownerRef: string | null;
}

/**
 * Who may read and change service level agreements. Reading needs `itsm.sla.read`; changing
 * needs `itsm.sla.manage` and, whatever the policy says, ownership of the service: the
 * caller's ownership refs must include the service's owner. The plugin's own credentials are
 * always allowed.
 */
export class AgreementAccess {
  readonly #permissions: PermissionsService;
  readonly #catalog: AgreementCatalog;
  readonly #userInfo: UserInfoService;
  readonly #trusted: boolean;

  constructor(options: {
    permissions: PermissionsService;
    catalog: AgreementCatalog;
    userInfo: UserInfoService;
    /**
     * Imports (trusted code installed by the operator) write as the actor they name without the
     * ownership check, which needs a signed-in user's ownership refs.
     */
    trustedImport?: boolean;
  }) {
    this.#permissions = options.permissions;
    this.#catalog = options.catalog;
    this.#userInfo = options.userInfo;
    this.#trusted = options.trustedImport ?? false;
  }

  async mayRead(credentials: BackstageCredentials): Promise<boolean> {
    return allowsBasic(this.#permissions, slaReadPermission, credentials);
  }

  /** Throws `NotAllowedError` unless the caller may list agreements. */
  async requireRead(credentials: BackstageCredentials): Promise<void> {
    await requireBasic(this.#permissions, slaReadPermission, credentials);
  }

  async requireManage(credentials: BackstageCredentials): Promise<void> {
    await requireBasic(this.#permissions, slaManagePermission, credentials);
  }

  /** The service an agreement is made for; `InputError` naming `field` when not in the catalog. */
  async service(ref: string, field = 'entityRef'): Promise<AgreementSubject> {
    const entityRef = canonical(ref, field);
    const entity = await this.#catalog.getEntity(entityRef);
    if (!entity) {
      throw new InputError(`${field}: unknown catalog entity '${ref}'`);
    }
    return { entityRef, ownerRef: ownerRefOf(entity) };
  }

  /** The current owner of a stored agreement's service, or the stored one if it left the catalog. */
  async currentOwner(record: AgreementSubject): Promise<string | null> {
    const entity = await this.#catalog.getEntity(record.entityRef);
    return entity ? ownerRefOf(entity) : record.ownerRef;
  }

  /**
   * Throws `NotAllowedError` unless the caller owns the service (a domain rule), with `message`
   * or else "only owners of <service> may change its <what>".
   */
  async requireOwner(
    credentials: BackstageCredentials,
    service: AgreementSubject,
    what: string,
    message?: string,
  ): Promise<void> {
    if (this.#trusted || isPluginItself(credentials)) {
      return;
    }
    const denied = new NotAllowedError(
      message ?? `only owners of ${service.entityRef} may change its ${what}`,
    );
    if (
      !service.ownerRef ||
      (credentials.principal as { type: string }).type !== 'user'
    ) {
      throw denied;
    }
    const info = await this.#userInfo.getUserInfo(
      credentials as BackstageCredentials<BackstageUserPrincipal>,
    );
    const owned = new Set(
      [info.userEntityRef, ...info.ownershipEntityRefs].map(ref =>
        ref.toLocaleLowerCase('en-US'),
      ),
    );
    if (!owned.has(service.ownerRef)) {
      throw denied;
    }
  }
}

/** The lowercase canonical form of a ref; `InputError` naming `field` when it is not one. */
export function canonical(ref: string, field: string): string {
  try {
    return canonicalEntityRef(ref);
  } catch {
    throw new InputError(`${field}: '${ref}' is not an entity ref`);
  }
}
