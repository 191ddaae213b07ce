import { mockCredentials } from '@backstage/backend-test-utils';
import {
  ALICE,
  BOB,
  CART,
  DAN,
  PAYMENTS,
  TEST_NOW,
  newOla,
  newUc,
  ownershipUserInfo,
  setNow,
  slaApi,
} from '../../__testUtils__/slaApi';
import { databases, startItsmBackend } from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

const start = (options: Parameters<typeof startItsmBackend>[0] = {}) =>
  startItsmBackend({ ...options, features: [ownershipUserInfo()] });

describe('supporting agreements', () => {
  beforeEach(() => setNow(TEST_NOW));
  afterEach(() => jest.useRealTimers());

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('records OLAs and UCs linked to SLAs, revises them and links them anew without a revision', async () => {
      const backend = await start({ databaseId });
      const { slas, supporting } = slaApi(backend);
      await slas.created(); // SLA-1 on payments
      await slas.created({ entityRef: CART, title: 'Cart SLA' }, BOB); // SLA-2

      const ola = await supporting.create(
        newOla({
          slaIds: ['SLA-1'],
          internalGroup: 'Group:default/Payments-Support',
        }),
      );
      expect(ola.status).toBe(201);
      expect(ola.headers.etag).toBe('"1"');
      expect(ola.body).toEqual({
        id: 'OLA-1',
        version: 1,
        revision: 1,
        kind: 'ola',
        entityRef: PAYMENTS,
        title: 'Payments support OLA',
        internalGroup: 'group:default/payments-support',
        supplier: null,
        contractRef: null,
        slaIds: ['SLA-1'],
        calendarId: 'business-hours-eu',
        targets: newOla().targets,
        workloadLimits: {},
        exceptions: '',
        reviewCadence: 'quarterly',
        effectiveFrom: '2026-01-01T00:00:00.000Z',
        effectiveTo: null,
        lastReviewedAt: null,
        nextReviewAt: '2026-04-01T00:00:00.000Z',
        createdAt: expect.any(String),
        createdBy: ALICE,
        updatedAt: expect.any(String),
      });
      const uc = await supporting.created(newUc({ slaIds: ['SLA-1'] }));
      expect(uc).toMatchObject({
        id: 'UC-2',
        kind: 'uc',
        supplier: 'Acme Card Networks',
        contractRef: 'ACME-2026-17',
        internalGroup: null,
      });

      // An id whose prefix is not the agreement's kind does not exist.
      expect((await supporting.get('UC-1')).status).toBe(404);
      expect((await supporting.get('OLA-2')).status).toBe(404);
      expect((await supporting.get('ola-1')).status).toBe(200);

      // Linking to another SLA (by an owner of both services): no new revision.
      const linked = await supporting.patch(
        'OLA-1',
        1,
        { slaIds: ['SLA-2', 'SLA-1'] },
        DAN,
      );
      expect(linked.status).toBe(200);
      expect(linked.body).toMatchObject({
        version: 2,
        revision: 1,
        slaIds: ['SLA-1', 'SLA-2'],
      });
      const revised = await supporting.patch('OLA-1', 2, {
        targets: {
          incidents: { p1: { resolution: { duration: '2h' } } },
        },
        effectiveFrom: '2026-02-01T00:00:00.000Z',
      });
      expect(revised.body).toMatchObject({ version: 3, revision: 2 });
      const revisions = await supporting.revisions('OLA-1');
      expect(revisions.body.items).toEqual([
        expect.objectContaining({
          revision: 1,
          internalGroup: 'group:default/payments-support',
          effectiveFrom: '2026-01-01T00:00:00.000Z',
          effectiveTo: '2026-02-01T00:00:00.000Z',
        }),
        expect.objectContaining({
          revision: 2,
          effectiveFrom: '2026-02-01T00:00:00.000Z',
          effectiveTo: null,
        }),
      ]);
      expect(revisions.body.items[0].customerGroups).toBeUndefined();

      const history = await supporting.history('OLA-1');
      expect(history.body.items.map((e: any) => e.action)).toEqual([
        'create',
        'update',
        'revise',
      ]);
      expect(history.body.items[0].changes).toMatchObject({
        kind: [null, 'ola'],
        slaIds: [null, ['SLA-1']],
      });
      expect(history.body.items[1].changes).toEqual({
        slaIds: [['SLA-1'], ['SLA-1', 'SLA-2']],
      });

      const list = await supporting.list('?slaId=SLA-1');
      expect(list.body.items.map((a: any) => a.id)).toEqual(['UC-2', 'OLA-1']);
      const ucs = await supporting.list(
        '?kind=uc&entityRef=component:default/payments',
      );
      expect(ucs.body.items.map((a: any) => a.id)).toEqual(['UC-2']);
      const bySla2 = await supporting.list('?slaId=SLA-2&order=asc');
      expect(bySla2.body.items.map((a: any) => a.id)).toEqual(['OLA-1']);
      expect((await supporting.list('?slaId=CHG-1')).status).toBe(400);
    });

    it('flags a looser OLA resolution target and a lower UC availability, not a tighter one', async () => {
      const backend = await start({ databaseId });
      const { slas, supporting } = slaApi(backend);
      await slas.created(); // p1 response 15m, resolution 4h; availability 99.9
      await supporting.created(
        newOla({
          title: 'Tight OLA',
          slaIds: ['SLA-1'],
          targets: {
            incidents: {
              p1: {
                response: { duration: '10m' },
                resolution: { duration: '3h' },
              },
            },
            availabilityPercent: 99.95,
          },
        }),
      );
      await supporting.created(
        newOla({
          title: 'Loose OLA',
          slaIds: ['SLA-1'],
          targets: {
            incidents: { p1: { resolution: { duration: '6h' } } },
          },
        }),
      );
      await supporting.created(
        newUc({
          slaIds: ['SLA-1'],
          targets: { incidents: {}, availabilityPercent: 99.5 },
        }),
      );
      // Not linked: not part of the check.
      await supporting.created(
        newOla({
          title: 'Unlinked',
          targets: { incidents: { p1: { resolution: { duration: '9h' } } } },
        }),
      );

      const res = await slas.alignment('SLA-1');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        slaId: 'SLA-1',
        agreements: [
          { id: 'OLA-1', kind: 'ola', title: 'Tight OLA', aligned: true },
          { id: 'OLA-2', kind: 'ola', title: 'Loose OLA', aligned: false },
          {
            id: 'UC-3',
            kind: 'uc',
            title: 'Card network contract',
            aligned: false,
          },
        ],
        findings: [
          {
            agreementId: 'OLA-2',
            field: 'targets.incidents.p1.resolution',
            slaField: 'targets.incidents.p1.resolution',
            message: expect.stringMatching(/OLA-2.*P1 resolution.*SLA-1/),
          },
          {
            agreementId: 'UC-3',
            field: 'targets.availabilityPercent',
            slaField: 'targets.availabilityPercent',
            message: expect.stringMatching(/99\.5%.*99\.9%/),
          },
        ],
      });
      expect((await slas.alignment('SLA-9')).status).toBe(404);
    });
  });

  it.each([
    [
      'an OLA without internal group',
      newOla({ internalGroup: undefined }),
      /internalGroup/,
    ],
    ['a UC without supplier', newUc({ supplier: undefined }), /supplier/],
    [
      'a link to an unknown SLA',
      newOla({ slaIds: ['SLA-1', 'SLA-7'] }),
      /slaIds\[1\]/,
    ],
    ['a malformed SLA id', newOla({ slaIds: ['sla:1'] }), /slaIds/],
    ['an unknown kind', newOla({ kind: 'sla' }), /kind/],
    ['an unknown calendar', newOla({ calendarId: 'mars-hours' }), /calendarId/],
    [
      'a response longer than the resolution',
      newOla({
        targets: {
          incidents: {
            p3: {
              response: { duration: '2d' },
              resolution: { duration: '1d' },
            },
          },
        },
      }),
      /targets\.incidents\.p3\.response/,
    ],
  ])('rejects %s with 400 and writes nothing', async (_name, body, message) => {
    const backend = await start();
    const { slas, supporting } = slaApi(backend);
    await slas.created();
    const res = await supporting.create(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect((await supporting.list()).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('links to an SLA only for owners of its service too; unlinking needs only the agreement', async () => {
    const backend = await start();
    const { slas, supporting } = slaApi(backend);
    await slas.created(); // SLA-1 on payments (team-a)
    await slas.created({ entityRef: CART, title: 'Cart SLA' }, BOB); // SLA-2 on cart (team-b)
    const notCart =
      'only owners of component:default/cart may link supporting agreements to SLA-2';

    const create = await supporting.create(
      newOla({ slaIds: ['SLA-1', 'SLA-2'] }),
    );
    expect(create.status).toBe(403);
    expect(create.body.error.message).toBe(notCart);
    expect((await supporting.list()).body.items).toEqual([]);

    await supporting.created(newOla({ slaIds: ['SLA-1'] }));
    const add = await supporting.patch('OLA-1', 1, {
      title: 'Renamed',
      slaIds: ['SLA-1', 'SLA-2'],
    });
    expect(add.status).toBe(403);
    expect(add.body.error.message).toBe(notCart);
    // An owner of the cart SLA who does not own the agreement cannot link it either.
    const bob = await supporting.patch(
      'OLA-1',
      1,
      { slaIds: ['SLA-1', 'SLA-2'] },
      BOB,
    );
    expect(bob.status).toBe(403);
    expect(bob.body.error.message).toBe(
      'only owners of component:default/payments may change its supporting agreements',
    );
    expect((await supporting.get('OLA-1')).body).toMatchObject({
      version: 1,
      title: 'Payments support OLA',
      slaIds: ['SLA-1'],
    });
    expect((await slas.alignment('SLA-2')).body.agreements).toEqual([]);

    // Owning both, dan links it; alice may then keep the link while editing, and remove it.
    const linked = await supporting.patch(
      'OLA-1',
      1,
      { slaIds: ['SLA-1', 'SLA-2'] },
      DAN,
    );
    expect(linked.status).toBe(200);
    const kept = await supporting.patch('OLA-1', 2, {
      title: 'Renamed',
      slaIds: ['SLA-2', 'SLA-1'],
    });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ version: 3, slaIds: ['SLA-1', 'SLA-2'] });
    const unlinked = await supporting.patch('OLA-1', 3, { slaIds: ['SLA-1'] });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body).toMatchObject({ version: 4, slaIds: ['SLA-1'] });
    const again = await supporting.patch('OLA-1', 4, {
      slaIds: ['SLA-1', 'SLA-2'],
    });
    expect(again.status).toBe(403);
    expect(again.body.error.message).toBe(notCart);

    // The plugin's own credentials may link anything.
    const plugin = await backend
      .api()
      .patch('/api/itsm/supporting-agreements/OLA-1')
      .set(
        'Authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:itsm'),
          targetPluginId: 'itsm',
        }),
      )
      .set('If-Match', '"4"')
      .send({ slaIds: ['SLA-1', 'SLA-2'] });
    expect(plugin.status).toBe(200);
    expect(plugin.body.slaIds).toEqual(['SLA-1', 'SLA-2']);
  });

  it('agrees terms from now or later, never backdated', async () => {
    const backend = await start();
    const { slas, supporting } = slaApi(backend);
    await slas.created();
    const backdated =
      'effectiveFrom: terms cannot be backdated; leave effectiveFrom out to agree them from now';

    const past = await supporting.create(
      newUc({ effectiveFrom: '2025-11-01T00:00:00.000Z' }),
    );
    expect(past.status).toBe(400);
    expect(past.body.error.message).toBe(backdated);
    expect((await supporting.list()).body.items).toEqual([]);

    const { effectiveFrom: _, ...fromNow } = newUc();
    const created = await supporting.created(fromNow);
    expect(created.effectiveFrom).toBe(TEST_NOW);

    setNow('2025-11-20T00:00:00.000Z');
    const earlier = await supporting.patch('UC-1', 1, {
      contractRef: 'ACME-2026-18',
      effectiveFrom: '2025-11-19T00:00:00.000Z',
    });
    expect(earlier.status).toBe(400);
    expect(earlier.body.error.message).toBe(backdated);
    const revised = await supporting.patch('UC-1', 1, {
      contractRef: 'ACME-2026-18',
    });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({
      revision: 2,
      effectiveFrom: '2025-11-20T00:00:00.000Z',
    });
  });

  it('lets only owners of the service change its agreements, with a current If-Match', async () => {
    const backend = await start();
    const { supporting } = slaApi(backend);
    const notOwner = await supporting.create(newOla(), BOB);
    expect(notOwner.status).toBe(403);
    expect(notOwner.body.error.message).toBe(
      'only owners of component:default/payments may change its supporting agreements',
    );
    await supporting.created(newOla());
    expect(
      (await supporting.patch('OLA-1', 1, { title: 'x' }, BOB)).status,
    ).toBe(403);
    expect(
      (await supporting.patch('OLA-1', undefined, { title: 'x' })).status,
    ).toBe(428);
    expect(
      (await supporting.patch('OLA-1', 1, { internalGroup: null })).status,
    ).toBe(400);
    expect((await supporting.patch('OLA-1', 1, { kind: 'uc' })).status).toBe(
      400,
    );
    expect(
      (await supporting.patch('OLA-1', 1, { slaIds: ['SLA-3'] })).status,
    ).toBe(400);
    expect(
      (await supporting.patch('OLA-1', 1, { title: 'Renamed' })).status,
    ).toBe(200);
    expect(
      (await supporting.patch('OLA-1', 1, { title: 'Again' })).status,
    ).toBe(412);
    expect((await supporting.get('OLA-1')).body).toMatchObject({
      version: 2,
      revision: 2,
      title: 'Renamed',
    });
  });
});
