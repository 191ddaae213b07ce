import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  DefinitivePolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  SlaCreateRequest,
  SupportingAgreementCreateRequest,
  slaManagePermission,
  slaReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmImportsExtensionPoint } from '@backstage-itsm/plugin-itsm-node';
import {
  ALICE,
  BOB,
  CART,
  CAROL,
  PAYMENTS,
  TEST_NOW,
  newOla,
  newSla,
  ownershipUserInfo,
  setNow,
  slaApi,
} from '../../__testUtils__/slaApi';
import { databases, startItsmBackend } from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

const start = (options: Parameters<typeof startItsmBackend>[0] = {}) =>
  startItsmBackend({
    ...options,
    features: [ownershipUserInfo(), ...(options.features ?? [])],
  });

describe('SLAs', () => {
  beforeEach(() => setNow(TEST_NOW));
  afterEach(() => jest.useRealTimers());

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('creates an SLA, revises it with effective dates, leaves the review date to service reviews and keeps the history', async () => {
      const backend = await start({ databaseId });
      const { slas } = slaApi(backend);

      const created = await slas.create(
        newSla({ entityRef: 'Component:default/Payments' }),
      );
      expect(created.status).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      expect(created.body).toEqual({
        id: 'SLA-1',
        version: 1,
        revision: 1,
        entityRef: PAYMENTS,
        title: 'Payments SLA',
        customerGroups: ['group:default/retail'],
        calendarId: 'business-hours-eu',
        targets: newSla().targets,
        workloadLimits: { incidentsPerMonth: 50 },
        exceptions: 'Planned maintenance announced a week ahead',
        reviewCadence: 'quarterly',
        effectiveFrom: '2026-01-01T00:00:00.000Z',
        effectiveTo: null,
        lastReviewedAt: null,
        nextReviewAt: '2026-04-01T00:00:00.000Z',
        createdAt: expect.any(String),
        createdBy: ALICE,
        updatedAt: expect.any(String),
      });

      const got = await slas.get('SLA-1');
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.headers['cache-control']).toBe('no-store');
      expect(got.body).toEqual(created.body);

      // New targets from 1 March: revision 2, and revision 1 ends where it begins.
      const revised = await slas.patch('SLA-1', 1, {
        targets: {
          ...newSla().targets,
          incidents: {
            p1: {
              response: { duration: '10m' },
              resolution: { duration: '4h' },
            },
          },
        },
        effectiveFrom: '2026-03-01T00:00:00.000Z',
        effectiveTo: '2027-03-01T00:00:00.000Z',
      });
      expect(revised.status).toBe(200);
      expect(revised.headers.etag).toBe('"2"');
      expect(revised.body).toMatchObject({
        version: 2,
        revision: 2,
        effectiveFrom: '2026-03-01T00:00:00.000Z',
        effectiveTo: '2027-03-01T00:00:00.000Z',
        targets: { incidents: { p1: { response: { duration: '10m' } } } },
        nextReviewAt: '2026-06-01T00:00:00.000Z',
      });
      expect(revised.body.targets.incidents.p2).toBeUndefined();

      // The review date is set by closing a service review, never patched.
      const reviewed = await slas.patch('SLA-1', 2, {
        lastReviewedAt: '2026-05-15T10:00:00.000Z',
      });
      expect(reviewed.status).toBe(400);
      expect(reviewed.body.error.message).toMatch(
        /^lastReviewedAt: closing a service review sets it \(POST \/reviews\/\{id\}\/transitions/,
      );

      // Sending what is already there writes nothing.
      const noop = await slas.patch('SLA-1', 2, { title: 'Payments SLA' });
      expect(noop.status).toBe(200);
      expect(noop.body).toMatchObject({ version: 2, lastReviewedAt: null });

      const revisions = await slas.revisions('SLA-1');
      expect(revisions.status).toBe(200);
      expect(revisions.body.items).toEqual([
        {
          revision: 1,
          title: 'Payments SLA',
          calendarId: 'business-hours-eu',
          customerGroups: ['group:default/retail'],
          targets: newSla().targets,
          workloadLimits: { incidentsPerMonth: 50 },
          exceptions: 'Planned maintenance announced a week ahead',
          reviewCadence: 'quarterly',
          effectiveFrom: '2026-01-01T00:00:00.000Z',
          effectiveTo: '2026-03-01T00:00:00.000Z',
          createdAt: created.body.createdAt,
          createdBy: ALICE,
        },
        expect.objectContaining({
          revision: 2,
          effectiveFrom: '2026-03-01T00:00:00.000Z',
          effectiveTo: '2027-03-01T00:00:00.000Z',
        }),
      ]);

      // The stored terms keep exactly the shape incident targets read.
      const knex = backend.knex!;
      const [row] = await knex('itsm_agreement_revisions').where({
        agreement_type: 'sla',
        revision: 2,
      });
      expect(Object.keys(JSON.parse(row.terms)).sort()).toEqual([
        'calendarId',
        'customerGroups',
        'exceptions',
        'reviewCadence',
        'targets',
        'title',
        'workloadLimits',
      ]);
      const [header] = await knex('itsm_slas');
      expect(header.owner_ref).toBe('group:default/team-a');

      const history = await slas.history('SLA-1');
      expect(history.status).toBe(200);
      const items = history.body.items;
      expect(items.map((e: any) => [e.version, e.action])).toEqual([
        [1, 'create'],
        [2, 'revise'],
      ]);
      expect(items[0].changes).toMatchObject({
        entityRef: [null, PAYMENTS],
        title: [null, 'Payments SLA'],
        calendarId: [null, 'business-hours-eu'],
        effectiveFrom: [null, '2026-01-01T00:00:00.000Z'],
        effectiveTo: [null, null],
        revision: [null, 1],
      });
      expect(items[1].changes).toMatchObject({
        revision: [1, 2],
        effectiveFrom: ['2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
        effectiveTo: [null, '2027-03-01T00:00:00.000Z'],
        targets: [newSla().targets, expect.any(Object)],
      });
    });

    it('agrees terms from now or later, never backdated', async () => {
      const backend = await start({ databaseId });
      const { slas } = slaApi(backend);
      const backdated =
        'effectiveFrom: terms cannot be backdated; leave effectiveFrom out to agree them from now';

      const past = await slas.create(
        newSla({ effectiveFrom: '2025-11-03T08:59:59.999Z' }),
      );
      expect(past.status).toBe(400);
      expect(past.body.error.message).toBe(backdated);
      expect((await slas.list()).body.items).toEqual([]);

      // Left out: from now (server time).
      const { effectiveFrom: _, ...fromNow } = newSla();
      const created = await slas.create(fromNow);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        effectiveFrom: TEST_NOW,
        nextReviewAt: '2026-02-03T09:00:00.000Z',
      });

      // A week later, new terms may start now or later, not between the start and now.
      setNow('2025-11-10T09:00:00.000Z');
      const earlier = await slas.patch('SLA-1', 1, {
        exceptions: 'None',
        effectiveFrom: '2025-11-05T00:00:00.000Z',
      });
      expect(earlier.status).toBe(400);
      expect(earlier.body.error.message).toBe(backdated);
      const same = await slas.patch('SLA-1', 1, {
        exceptions: 'None',
        effectiveFrom: TEST_NOW,
      });
      expect(same.status).toBe(400);
      expect(same.body.error.message).toBe(backdated);
      expect((await slas.revisions('SLA-1')).body.items).toHaveLength(1);
      expect((await slas.history('SLA-1')).body.items).toHaveLength(1);

      const revised = await slas.patch('SLA-1', 1, { exceptions: 'None' });
      expect(revised.status).toBe(200);
      expect(revised.body).toMatchObject({
        revision: 2,
        effectiveFrom: '2025-11-10T09:00:00.000Z',
      });
      expect(
        (await slas.revisions('SLA-1')).body.items.map((r: any) => [
          r.revision,
          r.effectiveFrom,
          r.effectiveTo,
        ]),
      ).toEqual([
        [1, TEST_NOW, '2025-11-10T09:00:00.000Z'],
        [2, '2025-11-10T09:00:00.000Z', null],
      ]);
    });

    it('lists SLAs newest first, by service, a page at a time', async () => {
      const backend = await start({ databaseId });
      const { slas } = slaApi(backend);
      await slas.created();
      await slas.created({ entityRef: CART, title: 'Cart SLA' }, BOB);

      const all = await slas.list();
      expect(all.status).toBe(200);
      expect(all.body.items.map((s: any) => s.id)).toEqual(['SLA-2', 'SLA-1']);

      const first = await slas.list('?limit=1');
      expect(first.body.items.map((s: any) => s.id)).toEqual(['SLA-2']);
      const second = await slas.list(
        `?limit=1&cursor=${first.body.nextCursor}`,
      );
      expect(second.body).toMatchObject({
        items: [{ id: 'SLA-1' }],
        nextCursor: null,
      });

      const cart = await slas.list('?entityRef=Component:default/CART');
      expect(cart.body.items.map((s: any) => s.id)).toEqual(['SLA-2']);
      expect((await slas.list('?cursor=nonsense')).status).toBe(400);
      expect((await slas.list('?limit=500')).status).toBe(400);
    });

    it('refuses a second SLA for a service, non-owners, stale and unconditional edits', async () => {
      const backend = await start({ databaseId });
      const { slas } = slaApi(backend);
      await slas.created();

      const second = await slas.create(
        newSla({ entityRef: 'component:default/PAYMENTS' }),
      );
      expect(second.status).toBe(409);
      expect(second.body.error.message).toMatch(/SLA-1/);

      const notOwner = await slas.create(newSla({ entityRef: CART }));
      expect(notOwner.status).toBe(403);
      expect(notOwner.body.error.message).toBe(
        'only owners of component:default/cart may change its SLA',
      );
      const carol = await slas.patch('SLA-1', 1, { title: 'Mine' }, CAROL);
      expect(carol.status).toBe(403);

      const missing = await slas.patch('SLA-1', undefined, { title: 'New' });
      expect(missing.status).toBe(428);
      const malformed = await slas.patch('SLA-1', 'W/1', { title: 'New' });
      expect(malformed.status).toBe(400);
      const ok = await slas.patch('SLA-1', 1, { title: 'New' });
      expect(ok.status).toBe(200);
      const stale = await slas.patch('SLA-1', 1, { title: 'Newer' });
      expect(stale.status).toBe(412);
      // Stale answers before a bad definition (DESIGN §5).
      const staleAndBad = await slas.patch('SLA-1', 1, { calendarId: 'nope' });
      expect(staleAndBad.status).toBe(412);

      const unknownEntity = await slas.create(
        newSla({ entityRef: 'component:default/gone' }),
      );
      expect(unknownEntity.status).toBe(400);
      expect(unknownEntity.body.error.message).toMatch(/entityRef/);

      expect((await slas.get('SLA-99')).status).toBe(404);
      expect((await slas.get('OLA-1')).status).toBe(404);
      const service = await backend
        .api()
        .patch('/api/itsm/slas/SLA-1')
        .set('Authorization', mockCredentials.service.header())
        .set('If-Match', '"2"')
        .send({ title: 'By a service' });
      expect(service.status).toBe(403);

      const earlier = await slas.patch('SLA-1', 2, {
        exceptions: 'None',
        effectiveFrom: '2025-12-01T00:00:00.000Z',
      });
      expect(earlier.status).toBe(400);
      expect(earlier.body.error.message).toMatch(/^effectiveFrom/);

      const revisions = await slas.revisions('SLA-1');
      expect(revisions.body.items.map((r: any) => r.title)).toEqual([
        'Payments SLA',
        'New',
      ]);
      expect(
        (await slas.list()).body.items.map((s: any) => [s.id, s.version]),
      ).toEqual([['SLA-1', 2]]);
    });
  });

  describe('bad definitions', () => {
    const p2 = (clocks: object) => ({
      incidents: { p2: clocks },
      availabilityPercent: 99,
    });
    it.each([
      ['an unknown calendar', { calendarId: 'mars-hours' }, /calendarId/],
      [
        'an unknown calendar on one target',
        {
          targets: p2({
            response: { duration: '1h', calendarId: 'mars-hours' },
          }),
        },
        /targets\.incidents\.p2\.response\.calendarId/,
      ],
      [
        'a bad duration',
        { targets: p2({ response: { duration: 'soon' } }) },
        /targets\.incidents\.p2\.response\.duration/,
      ],
      [
        'a response longer than the resolution',
        {
          targets: p2({
            response: { duration: '9h' },
            resolution: { duration: '8h' },
          }),
        },
        /targets\.incidents\.p2\.response.*targets\.incidents\.p2\.resolution/,
      ],
      [
        'availability over 100',
        { targets: { incidents: {}, availabilityPercent: 100.5 } },
        /targets\.availabilityPercent/,
      ],
      [
        'a missing availability',
        { targets: { incidents: {} } },
        /targets\.availabilityPercent/,
      ],
      [
        'effectiveTo before effectiveFrom',
        { effectiveTo: '2025-06-01T00:00:00.000Z' },
        /effectiveTo/,
      ],
      ['an unknown field', { priority: 1 }, /priority/],
      [
        'an unknown priority',
        { targets: { incidents: { p9: {} }, availabilityPercent: 99 } },
        /p9/,
      ],
      ['a client-chosen id', { id: 'SLA-7' }, /id/],
      [
        'an unknown workload metric',
        { workloadLimits: { tickets: 3 } },
        /tickets/,
      ],
    ])(
      'rejects %s with 400 naming the field and writes nothing',
      async (_name, overrides, message) => {
        const backend = await start();
        const { slas } = slaApi(backend);
        const res = await slas.create(newSla(overrides));
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
        expect((await slas.list()).body).toEqual({
          items: [],
          nextCursor: null,
        });
      },
    );

    it('rejects a bad edit with the field named and keeps the SLA as it was', async () => {
      const backend = await start();
      const { slas } = slaApi(backend);
      await slas.created();
      for (const [body, message] of [
        [{ calendarId: 'mars-hours' }, /calendarId/],
        [
          {
            targets: {
              incidents: {
                p1: {
                  response: { duration: '5h' },
                  resolution: { duration: '4h' },
                },
              },
              availabilityPercent: 99,
            },
          },
          /targets\.incidents\.p1\.response/,
        ],
        [{ effectiveTo: '2025-01-01T00:00:00.000Z' }, /effectiveTo/],
        [{ entityRef: CART }, /entityRef/],
        [{ version: 4 }, /version/],
      ] as const) {
        const res = await slas.patch('SLA-1', 1, body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
      }
      const got = await slas.get('SLA-1');
      expect(got.body).toMatchObject({ version: 1, revision: 1 });
      expect((await slas.revisions('SLA-1')).body.items).toHaveLength(1);
      expect((await slas.history('SLA-1')).body.items).toHaveLength(1);
    });
  });

  describe('imports', () => {
    it('agree terms at the import clock, not before it, and may link to any SLA', async () => {
      const DAY = 86_400_000;
      const iso = (ms: number) => new Date(ms).toISOString();
      let clock = Date.parse('2025-06-02T08:00:00.000Z'); // before the test's now
      let done: (outcome: { backdated?: string; error?: unknown }) => void;
      const outcome = new Promise<{ backdated?: string; error?: unknown }>(
        resolve => {
          done = resolve;
        },
      );
      const importModule = createBackendModule({
        pluginId: 'itsm',
        moduleId: 'test-sla-import',
        register(reg) {
          reg.registerInit({
            deps: { imports: itsmImportsExtensionPoint },
            async init({ imports }) {
              imports.addImport('slas', async context => {
                try {
                  const importer = context.agreements({
                    now: () => new Date(clock),
                  });
                  await importer.createSla(
                    newSla({ effectiveFrom: iso(clock) }) as SlaCreateRequest,
                    CAROL,
                  );
                  const backdated = await importer
                    .createSla(
                      newSla({
                        entityRef: CART,
                        effectiveFrom: iso(clock - 1),
                      }) as SlaCreateRequest,
                      CAROL,
                    )
                    .then(
                      () => undefined,
                      (e: Error) => e.message,
                    );
                  clock += 30 * DAY;
                  await importer.patchSla(
                    'SLA-1',
                    { exceptions: 'None', effectiveFrom: iso(clock) },
                    CAROL,
                  );
                  const { effectiveFrom: _, ...fromNow } = newOla({
                    slaIds: ['SLA-1'],
                  });
                  await importer.createSupportingAgreement(
                    fromNow as SupportingAgreementCreateRequest,
                    CAROL,
                  );
                  done({ backdated });
                } catch (error) {
                  done({ error });
                }
              });
            },
          });
        },
      });
      const backend = await start({ features: [importModule] });
      const { slas, supporting } = slaApi(backend);
      expect(await outcome).toEqual({
        backdated:
          'effectiveFrom: terms cannot be backdated; leave effectiveFrom out to agree them from now',
      });
      const revisions = await slas.revisions('SLA-1');
      expect(
        revisions.body.items.map((r: any) => [
          r.revision,
          r.effectiveFrom,
          r.effectiveTo,
          r.createdBy,
        ]),
      ).toEqual([
        [1, '2025-06-02T08:00:00.000Z', '2025-07-02T08:00:00.000Z', CAROL],
        [2, '2025-07-02T08:00:00.000Z', null, CAROL],
      ]);
      expect((await slas.list()).body.items).toHaveLength(1);
      expect((await supporting.get('OLA-1')).body).toMatchObject({
        effectiveFrom: '2025-07-02T08:00:00.000Z',
        slaIds: ['SLA-1'],
        createdBy: CAROL,
      });
    });
  });

  describe('permissions', () => {
    const policy = (denied: string[]) =>
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(
            ({ permission }): DefinitivePolicyDecision => ({
              result: denied.includes(permission.name)
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
            }),
          ),
      }).factory;

    it('needs itsm.sla.manage to write, whoever owns the service', async () => {
      const backend = await start({
        features: [policy([slaManagePermission.name])],
      });
      const { slas } = slaApi(backend);
      const res = await slas.create(newSla());
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/itsm\.sla\.manage/);
      expect((await slas.list()).body.items).toEqual([]);
    });

    it('hides SLAs from callers without itsm.sla.read', async () => {
      const backend = await start({
        features: [policy([slaReadPermission.name])],
      });
      const { slas } = slaApi(backend);
      expect((await slas.create(newSla())).status).toBe(201);
      expect((await slas.get('SLA-1')).status).toBe(404);
      expect((await slas.revisions('SLA-1')).status).toBe(404);
      expect((await slas.patch('SLA-1', 1, { title: 'x' })).status).toBe(404);
      expect((await slas.list()).status).toBe(403);
    });
  });
});
