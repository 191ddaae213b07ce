import { InputError } from '@backstage/errors';
import {
  Entity,
  RELATION_MEMBER_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { ItsmCatalog } from '../../catalog/ItsmCatalog';
import { canonicalEntityRef, ownerRefOf } from '../../catalog/entities';
import type { ImprovementEntity } from './ImprovementStore';

/** What the register reads from the catalog: its services with their owners, and memberships. */
export interface ImprovementCatalog {
  /** The services in the order given (deduplicated), with their owners; 400 naming `field` for an unknown one. */
  entities(refs: string[], field: string): Promise<ImprovementEntity[]>;
  /** The groups a user is a member of (`memberOf`), lowercase canonical; none when unknown. */
  groupsOf(userRef: string): Promise<string[]>;
}

function safeCanonical(ref: string, namespace = 'default'): string | undefined {
  try {
    return canonicalEntityRef(
      stringifyEntityRef(
        parseEntityRef(ref, {
          defaultKind: 'group',
          defaultNamespace: namespace,
        }),
      ),
    );
  } catch {
    return undefined;
  }
}

/** The groups of a user entity: its `memberOf` relations, else `spec.memberOf`. */
function membershipsOf(user: Entity | undefined): string[] {
  if (!user) return [];
  const groups = new Set<string>();
  for (const relation of user.relations ?? []) {
    if (relation.type === RELATION_MEMBER_OF) {
      const group = safeCanonical(relation.targetRef);
      if (group) groups.add(group);
    }
  }
  const declared = (user.spec as { memberOf?: unknown } | undefined)?.memberOf;
  if (Array.isArray(declared)) {
    for (const ref of declared) {
      const group =
        typeof ref === 'string'
          ? safeCanonical(ref, user.metadata.namespace ?? 'default')
          : undefined;
      if (group) groups.add(group);
    }
  }
  return [...groups].sort();
}

/** The register's catalog reads, made with the plugin's own credentials. */
export class ImprovementCatalogReader implements ImprovementCatalog {
  readonly #catalog: ItsmCatalog;

  constructor(catalog: ItsmCatalog) {
    this.#catalog = catalog;
  }

  async entities(refs: string[], field: string): Promise<ImprovementEntity[]> {
    const canonical: string[] = [];
    for (const ref of refs) {
      let parsed: string;
      try {
        parsed = canonicalEntityRef(ref);
      } catch {
        throw new InputError(`${field}: '${ref}' is not an entity ref`);
      }
      if (!canonical.includes(parsed)) canonical.push(parsed);
    }
    const entities = await this.#catalog.getEntities(canonical);
    return canonical.map((ref, i) => {
      const entity = entities[i];
      if (!entity) {
        throw new InputError(`${field}: unknown catalog entity '${ref}'`);
      }
      return {
        entityRef: canonicalEntityRef(entity),
        ownerRef: ownerRefOf(entity),
      };
    });
  }

  async groupsOf(userRef: string): Promise<string[]> {
    const ref = safeCanonical(userRef);
    if (!ref?.startsWith('user:')) return [];
    const [user] = await this.#catalog.getEntities([ref]);
    return membershipsOf(user);
  }
}
