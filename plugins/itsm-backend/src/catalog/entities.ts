import {
  Entity,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** The lowercase canonical form `kind:namespace/name` that records store and compare. */
export function canonicalEntityRef(ref: string | Entity): string {
  const compound =
    typeof ref === 'string'
      ? parseEntityRef(ref)
      : parseEntityRef(stringifyEntityRef(ref));
  return stringifyEntityRef(compound).toLocaleLowerCase('en-US');
}

/** The owner of an entity (its `ownedBy` relation, else `spec.owner`), lowercase canonical. */
export function ownerRefOf(entity: Entity): string | null {
  const relation = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  if (relation) {
    return relation.targetRef.toLocaleLowerCase('en-US');
  }
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) {
    return null;
  }
  try {
    return canonicalEntityRef(
      stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      ),
    );
  } catch {
    return null;
  }
}
