import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogGraph as graph } from '../__testUtils__/catalogGraph';
import { ImpactAnalyzer } from './ImpactAnalyzer';

const C = (name: string) => `component:default/${name}`;

function analyzerFor(entities: Entity[]) {
  const catalog = catalogServiceMock({ entities });
  const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
  const byRef = jest.spyOn(catalog, 'getEntityByRef');
  const analyzer = new ImpactAnalyzer({
    catalog,
    auth: mockServices.auth({ pluginId: 'itsm' }),
  });
  return { analyzer, byRefs, byRef };
}

describe('ImpactAnalyzer', () => {
  // db ← payments ← checkout ← storefront ← edge   (← = "is a dependency of")
  const chain = graph(
    [
      ['resource:default/db', { title: 'Payments DB' }],
      [C('payments'), { annotations: { 'itsm/tier': '1' } }],
      [C('checkout'), { annotations: { 'itsm/tier': 'x' } }],
      [C('storefront')],
      [C('edge')],
    ],
    [
      [C('payments'), 'dependsOn', 'resource:default/db'],
      [C('checkout'), 'dependsOn', C('payments')],
      [C('storefront'), 'dependsOn', C('checkout')],
      [C('edge'), 'dependsOn', C('storefront')],
    ],
  );

  it('follows a chain downstream to the requested depth, one catalog read per level, as the plugin', async () => {
    const { analyzer, byRefs, byRef } = analyzerFor(chain);
    const result = await analyzer.analyze({
      entityRef: 'resource:default/db',
      direction: 'downstream',
      depth: 3,
    });
    expect(result).toEqual({
      entityRef: 'resource:default/db',
      direction: 'downstream',
      depth: 3,
      items: [
        {
          entityRef: C('payments'),
          kind: 'Component',
          name: 'payments',
          tier: 1,
          distance: 1,
          via: 'resource:default/db',
        },
        {
          entityRef: C('checkout'),
          kind: 'Component',
          name: 'checkout',
          distance: 2,
          via: C('payments'),
        },
        {
          entityRef: C('storefront'),
          kind: 'Component',
          name: 'storefront',
          distance: 3,
          via: C('checkout'),
        },
      ],
    });
    expect(byRefs).toHaveBeenCalledTimes(3);
    const ownCredentials = mockCredentials.service('plugin:itsm');
    expect(byRef).toHaveBeenCalledWith('resource:default/db', {
      credentials: ownCredentials,
    });
    for (const [, options] of byRefs.mock.calls) {
      expect(options).toEqual({ credentials: ownCredentials });
    }
  });

  it('follows the same chain upstream, with titles', async () => {
    const { analyzer } = analyzerFor(chain);
    const result = await analyzer.analyze({
      entityRef: 'Component:default/storefront',
      direction: 'upstream',
      depth: 5,
    });
    expect(result.entityRef).toBe(C('storefront'));
    expect(
      result.items.map(i => [i.entityRef, i.distance, i.via, i.title]),
    ).toEqual([
      [C('checkout'), 1, C('storefront'), undefined],
      [C('payments'), 2, C('checkout'), undefined],
      ['resource:default/db', 3, C('payments'), 'Payments DB'],
    ]);
  });

  it('defaults to downstream with depth 3', async () => {
    const { analyzer } = analyzerFor(chain);
    const result = await analyzer.analyze({
      entityRef: 'resource:default/db',
    });
    expect(result.direction).toBe('downstream');
    expect(result.depth).toBe(3);
    expect(result.items.map(i => i.entityRef)).not.toContain(C('edge'));
  });

  //            payments
  //        provides │
  //            payments-api (partOf shop)
  //     consumed by ╱      ╲ consumed by
  //         checkout      orders
  //     dependency of ╲    ╱ dependency of
  //                   web
  const diamond = graph(
    [
      [C('payments')],
      ['api:default/payments-api'],
      [C('checkout')],
      [C('orders')],
      [C('web')],
      ['system:default/shop'],
      ['group:default/team-a'],
      ['domain:default/commerce'],
    ],
    [
      [C('payments'), 'providesApi', 'api:default/payments-api'],
      [C('checkout'), 'consumesApi', 'api:default/payments-api'],
      [C('orders'), 'consumesApi', 'api:default/payments-api'],
      [C('web'), 'dependsOn', C('checkout')],
      [C('web'), 'dependsOn', C('orders')],
      ['api:default/payments-api', 'partOf', 'system:default/shop'],
      ['system:default/shop', 'partOf', 'domain:default/commerce'],
      [C('payments'), 'ownedBy', 'group:default/team-a'],
    ],
  );

  it('reaches API consumers through the provided API and reports a diamond once', async () => {
    const { analyzer } = analyzerFor(diamond);
    const result = await analyzer.analyze({
      entityRef: C('payments'),
      direction: 'downstream',
      depth: 5,
    });
    expect(result.items.map(i => [i.entityRef, i.distance, i.via])).toEqual([
      ['api:default/payments-api', 1, C('payments')],
      [C('checkout'), 2, 'api:default/payments-api'],
      [C('orders'), 2, 'api:default/payments-api'],
      ['system:default/shop', 2, 'api:default/payments-api'],
      // reached from both consumers; the first in ref order wins
      [C('web'), 3, C('checkout')],
    ]);
    // Groups (ownership) and domains are not configuration items.
    expect(result.items.map(i => i.kind)).toEqual([
      'API',
      'Component',
      'Component',
      'System',
      'Component',
    ]);
  });

  it('walks the diamond back upstream through the consumed API to its provider', async () => {
    const { analyzer } = analyzerFor(diamond);
    const result = await analyzer.analyze({
      entityRef: C('web'),
      direction: 'upstream',
    });
    expect(result.items.map(i => [i.entityRef, i.distance, i.via])).toEqual([
      [C('checkout'), 1, C('web')],
      [C('orders'), 1, C('web')],
      ['api:default/payments-api', 2, C('checkout')],
      [C('payments'), 3, 'api:default/payments-api'],
    ]);
  });

  it('follows parts upstream: a system depends on what it is made of', async () => {
    const { analyzer } = analyzerFor(diamond);
    const result = await analyzer.analyze({
      entityRef: 'system:default/shop',
      direction: 'upstream',
      depth: 2,
    });
    expect(result.items.map(i => [i.entityRef, i.distance])).toEqual([
      ['api:default/payments-api', 1],
      [C('payments'), 2],
    ]);
  });

  // a → b → c → a (each depends on the next), plus a dangling relation
  const cycle = graph(
    [[C('a')], [C('b')], [C('c')]],
    [
      [C('a'), 'dependsOn', C('b')],
      [C('b'), 'dependsOn', C('c')],
      [C('c'), 'dependsOn', C('a')],
      [C('c'), 'dependsOn', C('ghost')],
    ],
  );

  it.each(['downstream', 'upstream'] as const)(
    'terminates on a cycle (%s), never reporting the entity itself',
    async direction => {
      const { analyzer, byRefs } = analyzerFor(cycle);
      const result = await analyzer.analyze({
        entityRef: C('a'),
        direction,
        depth: 5,
      });
      expect(result.items.map(i => [i.entityRef, i.distance])).toEqual(
        direction === 'upstream'
          ? [
              [C('b'), 1],
              [C('c'), 2],
            ]
          : [
              [C('c'), 1],
              [C('b'), 2],
            ],
      );
      // two levels with new entities (plus the dangling ghost), then nothing left to read
      expect(byRefs.mock.calls.length).toBeLessThanOrEqual(3);
    },
  );

  it('throws NotFoundError for an entity that is not in the catalog', async () => {
    const { analyzer } = analyzerFor(cycle);
    await expect(
      analyzer.analyze({ entityRef: C('nope'), direction: 'downstream' }),
    ).rejects.toThrow(NotFoundError);
  });

  it.each([0, 6, 2.5])('refuses depth %p', async depth => {
    const { analyzer } = analyzerFor(cycle);
    await expect(
      analyzer.analyze({ entityRef: C('a'), depth }),
    ).rejects.toThrow(InputError);
  });

  it('reads as the caller when given their credentials: what they may not see is neither reported nor traversed', async () => {
    const catalog = catalogServiceMock({ entities: chain });
    const bob = mockCredentials.user('user:default/bob');
    // Bob may not see checkout in the catalog.
    const hide = (credentials: unknown, ref: string) =>
      credentials === bob && ref === C('checkout');
    const byRefs = catalog.getEntitiesByRefs.bind(catalog);
    jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockImplementation(async (request, options) => {
        const { items } = await byRefs(request, options);
        return {
          items: items.map((item, i) =>
            hide(
              (options as { credentials?: unknown } | undefined)?.credentials,
              request.entityRefs[i],
            )
              ? undefined
              : item,
          ),
        };
      });
    const analyzer = new ImpactAnalyzer({
      catalog,
      auth: mockServices.auth({ pluginId: 'itsm' }),
    });
    const asBob = await analyzer.analyze({
      entityRef: 'resource:default/db',
      depth: 4,
      credentials: bob,
    });
    expect(asBob.items.map(i => i.entityRef)).toEqual([C('payments')]);
    const asPlugin = await analyzer.analyze({
      entityRef: 'resource:default/db',
      depth: 4,
    });
    expect(asPlugin.items.map(i => i.entityRef)).toEqual([
      C('payments'),
      C('checkout'),
      C('storefront'),
      C('edge'),
    ]);
  });
});
