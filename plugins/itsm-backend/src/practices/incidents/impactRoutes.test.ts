import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogGraph } from '../../__testUtils__/catalogGraph';
import { asUser, startItsmBackend } from '../../__testUtils__/testBackend';

jest.setTimeout(60_000);

const C = (name: string) => `component:default/${name}`;

const entities = catalogGraph(
  [
    ['resource:default/db'],
    [C('payments'), { title: 'Payments', annotations: { 'itsm/tier': '1' } }],
    ['api:default/payments-api'],
    [C('checkout')],
    [C('web')],
  ],
  [
    [C('payments'), 'dependsOn', 'resource:default/db'],
    [C('payments'), 'providesApi', 'api:default/payments-api'],
    [C('checkout'), 'consumesApi', 'api:default/payments-api'],
    [C('web'), 'dependsOn', C('checkout')],
    [C('checkout'), 'dependsOn', C('web')], // a cycle
  ],
);

describe('GET /impact', () => {
  it('answers the blast radius of an entity, nearest first', async () => {
    const { api } = await startItsmBackend({ entities });
    const res = await api()
      .get('/api/itsm/impact?entityRef=resource:default/db&depth=4')
      .set('Authorization', asUser());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: 'resource:default/db',
      direction: 'downstream',
      depth: 4,
      items: [
        {
          entityRef: C('payments'),
          kind: 'Component',
          name: 'payments',
          title: 'Payments',
          tier: 1,
          distance: 1,
          via: 'resource:default/db',
        },
        {
          entityRef: 'api:default/payments-api',
          kind: 'API',
          name: 'payments-api',
          distance: 2,
          via: C('payments'),
        },
        {
          entityRef: C('checkout'),
          kind: 'Component',
          name: 'checkout',
          distance: 3,
          via: 'api:default/payments-api',
        },
        {
          entityRef: C('web'),
          kind: 'Component',
          name: 'web',
          distance: 4,
          via: C('checkout'),
        },
      ],
    });
  });

  it('answers what an entity depends on upstream, to depth 3 by default', async () => {
    const { api } = await startItsmBackend({ entities });
    const res = await api()
      .get(`/api/itsm/impact?entityRef=${C('web')}&direction=upstream`)
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body.depth).toBe(3);
    expect(res.body.items.map((i: any) => [i.entityRef, i.distance])).toEqual([
      [C('checkout'), 1],
      ['api:default/payments-api', 2],
      [C('payments'), 3],
    ]);
  });

  it('answers 404 for an entity that is not in the catalog', async () => {
    const { api } = await startItsmBackend({ entities });
    const res = await api()
      .get(`/api/itsm/impact?entityRef=${C('nope')}`)
      .set('Authorization', asUser());
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  it.each([
    ['no entity ref', ''],
    ['a malformed entity ref', '?entityRef=payments'],
    ['an unknown direction', `?entityRef=${C('web')}&direction=sideways`],
    ['depth 0', `?entityRef=${C('web')}&depth=0`],
    ['depth 6', `?entityRef=${C('web')}&depth=6`],
    ['a fractional depth', `?entityRef=${C('web')}&depth=1.5`],
    ['an unknown parameter', `?entityRef=${C('web')}&kind=api`],
  ])('answers 400 for %s', async (_name, query) => {
    const { api } = await startItsmBackend({ entities });
    const res = await api()
      .get(`/api/itsm/impact${query}`)
      .set('Authorization', asUser());
    expect(res.status).toBe(400);
  });

  it('answers 401 without credentials and 405 for other methods', async () => {
    const { api } = await startItsmBackend({ entities });
    const anonymous = await api()
      .get(`/api/itsm/impact?entityRef=${C('web')}`)
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    const post = await api()
      .post(`/api/itsm/impact?entityRef=${C('web')}`)
      .set('Authorization', asUser());
    expect(post.status).toBe(405);
  });
});
