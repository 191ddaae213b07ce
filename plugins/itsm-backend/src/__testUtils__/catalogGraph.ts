import { Entity } from '@backstage/catalog-model';

const INVERSE: Record<string, string> = {
  dependsOn: 'dependencyOf',
  dependencyOf: 'dependsOn',
  providesApi: 'apiProvidedBy',
  apiProvidedBy: 'providesApi',
  consumesApi: 'apiConsumedBy',
  apiConsumedBy: 'consumesApi',
  partOf: 'hasPart',
  hasPart: 'partOf',
  ownedBy: 'ownerOf',
  ownerOf: 'ownedBy',
  memberOf: 'hasMember',
  hasMember: 'memberOf',
};

/**
 * Entities with the relations the catalog would emit for `edges`, both
 * directions, like the catalog processors do.
 */
export function catalogGraph(
  nodes: Array<[ref: string, extra?: Partial<Entity['metadata']>]>,
  edges: Array<[from: string, type: string, to: string]>,
): Entity[] {
  return nodes.map(([ref, extra]) => {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    const relations = edges.flatMap(([from, type, to]) => [
      ...(from === ref ? [{ type, targetRef: to }] : []),
      ...(to === ref ? [{ type: INVERSE[type], targetRef: from }] : []),
    ]);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: kind === 'api' ? 'API' : kind[0].toUpperCase() + kind.slice(1),
      metadata: { name, namespace, ...extra },
      spec: {},
      relations,
    };
  });
}
