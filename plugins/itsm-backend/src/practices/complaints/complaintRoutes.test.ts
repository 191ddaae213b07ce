import {
  SchedulerService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { incidentApi } from '../../__testUtils__/incidentApi';
import {
  ALICE,
  databases,
  startItsmBackend,
  testConfig,
} from '../../__testUtils__/testBackend';
import { complaintApi, complaintPolicy } from './__testUtils__/complaintApi';

jest.setTimeout(120_000);

/** Bob is in team-b, which owns `cart`; Eve is nobody in particular. */
const BOB = 'user:default/bob';
const EVE = 'user:default/eve';
const CAROL = 'user:default/carol';
const TEAM_B = 'group:default/team-b';
const policy = () => complaintPolicy({ [BOB]: [TEAM_B] });

const DAY = 24 * 3_600_000;

/** The notifications sent with a topic, as [recipients, payload]. */
function sent(backend: { notifications: { send: jest.Mock } }, topic: string) {
  return backend.notifications.send.mock.calls
    .map(([options]) => options)
    .filter(options => options.payload.topic === topic)
    .map(options => [options.recipients.entityRef, options.payload]);
}

/** A backend whose scheduled tasks run only when triggered. */
async function startWithScheduler(
  databaseId: Parameters<typeof databases.init>[0],
  complaints: object = {},
) {
  let scheduler: SchedulerService | undefined;
  const probe = createBackendModule({
    pluginId: 'itsm',
    moduleId: 'test-scheduler-probe',
    register(reg) {
      reg.registerInit({
        deps: { pluginScheduler: coreServices.scheduler },
        async init({ pluginScheduler }) {
          scheduler = pluginScheduler;
        },
      });
    },
  });
  const backend = await startItsmBackend({
    databaseId,
    config: { itsm: { ...testConfig.itsm, complaints } },
    features: [
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      probe,
      policy().factory,
    ],
  });
  return { ...backend, scheduler: scheduler! };
}

describe('complaints API', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('takes a complaint from anyone to closure with its owner, response and complainant', async () => {
      const backend = await startItsmBackend({
        databaseId,
        features: [policy().factory],
      });
      const alice = complaintApi(backend, ALICE);
      const bob = complaintApi(backend, BOB);

      const created = await alice.post('/complaints', {
        title: 'Charged twice for one order',
        description: 'My card was charged twice for order 4711.',
        entityRef: 'Component:default/Cart',
        category: 'billing',
      });
      expect(created.status).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      let complaint = created.body;
      expect(complaint).toMatchObject({
        id: 'CMP-1',
        version: 1,
        status: 'open',
        entityRef: 'component:default/cart',
        complainant: ALICE,
        owner: TEAM_B,
        channel: null,
        category: 'billing',
        response: null,
        escalatedAt: null,
      });
      // The owner (the service's owner) is told.
      expect(sent(backend, 'itsm-complaint-raised')).toEqual([
        [TEAM_B, expect.objectContaining({ link: '/itsm/complaints/CMP-1' })],
      ]);

      // The complainant does not investigate their own complaint.
      expect(
        (await alice.transition('CMP-1', 1, { to: 'investigating' })).status,
      ).toBe(403);
      complaint = await bob.move(complaint, 'investigating');

      const silent = await bob.transition('CMP-1', complaint.version, {
        to: 'resolved',
      });
      expect(silent.status).toBe(400);
      expect(silent.body.error.message).toMatch(/^response is required/);
      complaint = await bob.move(complaint, 'resolved', {
        response: 'We refunded the second charge.',
      });
      expect(complaint.resolvedAt).not.toBeNull();
      expect(sent(backend, 'itsm-complaint-resolved')).toEqual([
        [
          ALICE,
          expect.objectContaining({ title: expect.stringMatching(/CMP-1/) }),
        ],
      ]);

      // Not satisfied: the complainant sends it back, saying why.
      expect(
        (
          await alice.transition('CMP-1', complaint.version, {
            to: 'investigating',
          })
        ).status,
      ).toBe(400);
      // Reassigning is not theirs to do.
      expect(
        (
          await alice.transition('CMP-1', complaint.version, {
            to: 'investigating',
            comment: 'x',
            owner: ALICE,
          })
        ).status,
      ).toBe(403);
      complaint = await alice.move(complaint, 'investigating', {
        comment: 'The refund never arrived',
      });
      expect(complaint).toMatchObject({
        status: 'investigating',
        resolvedAt: null,
        response: 'We refunded the second charge.',
      });
      expect(sent(backend, 'itsm-complaint')).toEqual([
        [
          TEAM_B,
          expect.objectContaining({
            description: expect.stringMatching(/not satisfied/),
          }),
        ],
      ]);
      // The recorded response is replaced, then it resolves again; the complainant accepts.
      const answered = await bob.patch('CMP-1', complaint.version, {
        response: 'The refund was sent again on 3 Feb.',
      });
      expect(answered.status).toBe(200);
      complaint = await bob.move(answered.body, 'resolved');
      complaint = await alice.move(complaint, 'closed');
      expect(complaint).toMatchObject({ status: 'closed', version: 7 });
      expect(complaint.closedAt).not.toBeNull();

      // Closed is final.
      expect(
        (await bob.patch('CMP-1', complaint.version, { title: 'x' })).status,
      ).toBe(409);
      expect(
        (
          await bob.transition('CMP-1', complaint.version, {
            to: 'investigating',
            comment: 'again',
          })
        ).status,
      ).toBe(409);

      const history = await bob.history('CMP-1');
      expect(history.map(e => [e.version, e.action, e.actor])).toEqual([
        [1, 'create', ALICE],
        [2, 'transition', BOB],
        [3, 'transition', BOB],
        [4, 'transition', ALICE],
        [5, 'update', BOB],
        [6, 'transition', BOB],
        [7, 'transition', ALICE],
      ]);
      expect(history[0].changes).toMatchObject({
        title: [null, 'Charged twice for one order'],
        owner: [null, TEAM_B],
        status: [null, 'open'],
      });
      expect(history[3]).toMatchObject({
        changes: {
          status: ['resolved', 'investigating'],
          resolvedAt: [expect.any(String), null],
        },
        comment: 'The refund never arrived',
      });
    });

    it('shows a complaint to its complainant, its owner and its service owner only', async () => {
      const backend = await startItsmBackend({
        databaseId,
        features: [policy().factory],
      });
      const alice = complaintApi(backend, ALICE);
      const bob = complaintApi(backend, BOB);
      const eve = complaintApi(backend, EVE);
      const carol = complaintApi(backend, CAROL);
      await alice.create();
      await eve.create({ entityRef: 'component:default/payments' });

      // Strangers: as if it did not exist.
      expect((await eve.get('/complaints/CMP-1')).status).toBe(404);
      expect((await eve.get('/complaints/CMP-1/history')).status).toBe(404);
      expect((await eve.get('/complaints/CMP-1/links')).status).toBe(404);
      expect((await eve.patch('CMP-1', 1, { title: 'Mine now' })).status).toBe(
        404,
      );
      expect(
        (await eve.get('/complaints')).body.items.map((c: any) => c.id),
      ).toEqual(['CMP-2']);
      expect(
        (
          await backend
            .api()
            .get('/api/itsm/complaints/CMP-1')
            .set('Authorization', mockCredentials.none.header())
        ).status,
      ).toBe(401);

      // The complainant reads it, but does not manage it.
      expect((await alice.get('/complaints/CMP-1')).status).toBe(200);
      expect(
        (await alice.get('/complaints')).body.items.map((c: any) => c.id),
      ).toEqual(['CMP-1']);
      expect((await alice.patch('CMP-1', 1, { title: 'x' })).status).toBe(403);

      // The service's owner sees it, and the order of checks holds: 428, 400, 412.
      expect(
        (
          await bob.get('/complaints?entityRef=component:default/cart')
        ).body.items.map((c: any) => c.id),
      ).toEqual(['CMP-1']);
      expect((await bob.patch('CMP-1', undefined, { title: 'x' })).status).toBe(
        428,
      );
      expect((await bob.patch('CMP-1', 'abc', { title: 'x' })).status).toBe(
        400,
      );
      expect((await bob.patch('CMP-1', 5, { title: 'x' })).status).toBe(412);
      const unknown = await bob.patch('CMP-1', 1, { status: 'closed' });
      expect(unknown.status).toBe(400);
      const noop = await bob.patch('CMP-1', 1, {
        title: 'Charged twice for one order',
      });
      expect(noop.status).toBe(200);
      expect(noop.body.version).toBe(1);
      expect((await bob.get('/complaints?limit=201')).status).toBe(400);
      expect((await bob.get('/complaints?cursor=nonsense')).status).toBe(400);

      // Reassigned: Carol is told, owns it and may manage it; the history says who did it.
      const reassigned = await bob.patch('CMP-1', 1, { owner: CAROL });
      expect(reassigned.status).toBe(200);
      expect(reassigned.body).toMatchObject({ owner: CAROL, version: 2 });
      expect(sent(backend, 'itsm-complaint')).toEqual([
        [CAROL, expect.objectContaining({ link: '/itsm/complaints/CMP-1' })],
      ]);
      expect(
        (await carol.get('/complaints?owner=user:default/carol')).body.items,
      ).toHaveLength(1);
      await carol.move(reassigned.body, 'investigating');
      expect((await bob.history('CMP-1'))[1]).toMatchObject({
        actor: BOB,
        action: 'update',
        changes: { owner: [TEAM_B, CAROL] },
      });
    });

    it('links a complaint to the incident it is about, in both histories', async () => {
      const backend = await startItsmBackend({
        databaseId,
        features: [policy().factory],
      });
      const alice = complaintApi(backend, ALICE);
      const bob = complaintApi(backend, BOB);
      const incident = await incidentApi(backend).create({
        entityRef: 'component:default/cart',
      });
      await alice.create();

      const denied = await alice.post('/complaints/CMP-1/links', {
        to: incident.id,
        relation: 'relates_to',
      });
      expect(denied.status).toBe(403);
      const link = await bob.post('/complaints/CMP-1/links', {
        to: incident.id,
        relation: 'relates_to',
        note: 'The outage behind the double charge',
      });
      expect(link.status).toBe(201);
      expect(link.body).toMatchObject({
        from: 'CMP-1',
        to: incident.id,
        relation: 'relates_to',
      });
      expect((await alice.get('/complaints/CMP-1/links')).body.items).toEqual([
        link.body,
      ]);
      expect(
        (await bob.get(`/incidents/${incident.id}/links`)).body.items,
      ).toEqual([{ ...link.body, direction: 'incoming' }]);
      const history = await bob.history('CMP-1');
      expect(history[history.length - 1]).toMatchObject({
        version: 1,
        action: 'linked',
        changes: { links: [null, `relates_to ${incident.id}`] },
      });
    });

    it('escalates a complaint not resolved after five days, once, to the service owner', async () => {
      const backend = await startWithScheduler(databaseId);
      const alice = complaintApi(backend, ALICE);
      const bob = complaintApi(backend, BOB);
      await alice.create({ title: 'Old' });
      await alice.create({ title: 'Recent' });
      const answered = await alice.create({ title: 'Answered' });
      await bob.move(answered, 'resolved', { response: 'Done' });
      await backend.knex!('itsm_complaints')
        .whereIn('seq', [1, 3])
        .update({ created_at: new Date(Date.now() - 6 * DAY) });
      backend.notifications.send.mockClear();

      await backend.scheduler.triggerTask('itsm-complaint-escalation');
      await backend.scheduler.triggerTask('itsm-complaint-escalation');

      expect(sent(backend, 'itsm-complaint-escalation')).toEqual([
        [
          [TEAM_B],
          expect.objectContaining({
            severity: 'high',
            link: '/itsm/complaints/CMP-1',
            scope: 'itsm:complaint:CMP-1:escalation',
          }),
        ],
      ]);
      const old = (await bob.get('/complaints/CMP-1')).body;
      expect(old).toMatchObject({ version: 2, status: 'open' });
      expect(old.escalatedAt).not.toBeNull();
      expect((await bob.history('CMP-1')).pop()).toMatchObject({
        version: 2,
        actor: 'plugin:itsm',
        action: 'escalate',
        changes: { escalatedAt: [null, old.escalatedAt] },
      });
      expect((await bob.get('/complaints/CMP-2')).body.escalatedAt).toBeNull();
      expect((await bob.get('/complaints/CMP-3')).body.escalatedAt).toBeNull();
      const ledger = await backend.knex!('itsm_notification_ledger').where(
        'record_type',
        'complaint',
      );
      expect(ledger).toHaveLength(1);
      expect(ledger[0].notified_at).not.toBeNull();
    });

    it('escalates to the configured group after the configured days', async () => {
      const backend = await startWithScheduler(databaseId, {
        escalationDays: 2,
        escalationGroup: 'complaint-desk',
      });
      await complaintApi(backend, ALICE).create();
      await backend.knex!('itsm_complaints').update({
        created_at: new Date(Date.now() - 3 * DAY),
      });
      await backend.scheduler.triggerTask('itsm-complaint-escalation');
      expect(
        sent(backend, 'itsm-complaint-escalation').map(([to]) => to),
      ).toEqual([['group:default/complaint-desk']]);
    });
  });
});
