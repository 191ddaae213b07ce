import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { slaReadPermission } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { recordBreach } from '../../__testUtils__/breachRows';
import {
  ALICE,
  asUser,
  databases,
  startItsmBackend,
} from '../../__testUtils__/testBackend';

jest.setTimeout(60_000);

const BOB = 'user:default/bob';
const BREACHED_AT = new Date('2026-03-03T09:00:00.000Z');

/** A breach of an incident on payments whose stored owner is `ownerRef`. */
const breachOwnedBy = (knex: Knex, ownerRef: string, at = BREACHED_AT) =>
  recordBreach(knex, ownerRef, at);

describe('/breaches', () => {
  it.each(databases.eachSupportedId())(
    'lists, filters and gets breaches with their version, %p',
    async databaseId => {
      const { api, knex } = await startItsmBackend({ databaseId });
      const first = await breachOwnedBy(knex!, ALICE);
      const second = await breachOwnedBy(
        knex!,
        ALICE,
        new Date('2026-04-03T09:00:00.000Z'),
      );

      const all = await api()
        .get('/api/itsm/breaches?entityRef=Component:default/Payments&limit=1')
        .set('Authorization', asUser());
      expect(all.status).toBe(200);
      expect(all.body.items.map((b: any) => b.id)).toEqual([second.id]);
      const next = await api()
        .get(
          `/api/itsm/breaches?entityRef=component:default/payments&limit=1&cursor=${all.body.nextCursor}`,
        )
        .set('Authorization', asUser());
      expect(next.body).toEqual({
        items: [expect.objectContaining({ id: first.id })],
        nextCursor: null,
      });
      for (const query of [
        'entityRef=payments',
        'entityRef=component:default/payments&entityRef=payments',
      ]) {
        const notARef = await api()
          .get(`/api/itsm/breaches?${query}`)
          .set('Authorization', asUser());
        expect(notARef.status).toBe(400);
        expect(notARef.body.error).toMatchObject({
          name: 'InputError',
          message: "entityRef: 'payments' is not an entity ref",
        });
      }
      const march = await api()
        .get(
          '/api/itsm/breaches?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z',
        )
        .set('Authorization', asUser());
      expect(march.body.items.map((b: any) => b.id)).toEqual([first.id]);
      const byRecord = await api()
        .get(`/api/itsm/breaches?recordId=INC-${second.seq}&waived=false`)
        .set('Authorization', asUser());
      expect(byRecord.body.items.map((b: any) => b.id)).toEqual([second.id]);

      const one = await api()
        .get(`/api/itsm/breaches/${first.id}`)
        .set('Authorization', asUser());
      expect(one.status).toBe(200);
      expect(one.headers.etag).toBe('"1"');
      expect(one.body).toMatchObject({
        id: first.id,
        recordId: `INC-${first.seq}`,
        clock: 'resolution',
        slaId: null,
        breachedAt: BREACHED_AT.toISOString(),
        waiver: null,
      });
      expect(
        (
          await api()
            .get('/api/itsm/breaches/BRE-999')
            .set('Authorization', asUser())
        ).status,
      ).toBe(404);
      expect(
        (
          await api()
            .post('/api/itsm/breaches')
            .set('Authorization', asUser())
            .send({})
        ).status,
      ).toBe(405);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets the owners record cause and action, and someone outside their group the waiver, with history, %p',
    async databaseId => {
      const { api, knex } = await startItsmBackend({ databaseId });
      const { id, seq } = await breachOwnedBy(knex!, ALICE);
      const patch = (body: object, ifMatch?: string, user = ALICE) => {
        const req = api()
          .patch(`/api/itsm/breaches/${id}`)
          .set('Authorization', asUser(user));
        return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
      };

      expect((await patch({ cause: 'x' })).status).toBe(428);
      const otherApprover = await patch(
        { waiver: { reason: 'Agreed exception', approver: ALICE } },
        '"1"',
        BOB,
      );
      expect(otherApprover.status).toBe(403);
      expect(otherApprover.body.error.message).toBe(
        'a waiver is approved by who records it',
      );
      expect(
        (await patch({ cause: 'x' }, '"1"', 'user:default/bob')).status,
      ).toBe(403);
      expect((await patch({ status: 'closed' }, '"1"')).status).toBe(400);

      // The owner may not excuse her own breach, not even together with an edit.
      const selfWaiver = await patch(
        {
          cause: 'Pool exhausted',
          waiver: { reason: 'Agreed exception', approver: ALICE },
        },
        '"1"',
      );
      expect(selfWaiver.status).toBe(403);
      expect(selfWaiver.body.error.message).toMatch(/outside the service/);
      // The improvement item named must exist: unknown is a 400 that writes nothing.
      const unknown = await patch({ improvementId: 'IMP-3' }, '"1"');
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toBe(
        "improvementId: improvement 'IMP-3' does not exist",
      );
      const improvement = await api()
        .post('/api/itsm/improvements')
        .set('Authorization', asUser())
        .send({
          title: 'Size the pool for the peak',
          description: 'Breaches at the monthly peak',
          entityRefs: ['component:default/payments'],
          benefit: 3,
          effort: 2,
          urgency: 3,
        });
      expect(improvement.status).toBe(201);
      const res = await patch(
        {
          cause: 'Pool exhausted',
          action: 'Raise the pool size',
          improvementId: improvement.body.id,
        },
        '"1"',
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        version: 2,
        cause: 'Pool exhausted',
        action: 'Raise the pool size',
        improvementId: improvement.body.id,
        waiver: null,
      });
      // ... and is linked to the breach.
      const links = await api()
        .get(`/api/itsm/improvements/${improvement.body.id}/links`)
        .set('Authorization', asUser());
      expect(links.body.items).toEqual([
        expect.objectContaining({
          from: id,
          to: improvement.body.id,
          relation: 'relates_to',
        }),
      ]);
      const waived = await patch(
        { waiver: { reason: 'Agreed exception', approver: BOB } },
        '"2"',
        BOB,
      );
      expect(waived.status).toBe(200);
      expect(waived.body).toMatchObject({
        version: 3,
        waiver: {
          reason: 'Agreed exception',
          approver: BOB,
          at: expect.any(String),
        },
      });
      expect((await patch({ cause: 'Later' }, '"1"')).status).toBe(412);
      const noop = await patch({ cause: 'Pool exhausted' }, '"3"');
      expect(noop.body.version).toBe(3);

      const events = await knex!('itsm_history_events')
        .where({ record_type: 'breach' })
        .orderBy('seq');
      expect(events.map(e => [Number(e.version), e.actor, e.action])).toEqual([
        [1, 'plugin:itsm', 'create'],
        [2, ALICE, 'update'],
        [2, ALICE, 'linked'],
        [3, BOB, 'update'],
      ]);
      expect(JSON.parse(events[1].changes).cause).toEqual([
        null,
        'Pool exhausted',
      ]);
      const listed = await api()
        .get(`/api/itsm/breaches?recordId=INC-${seq}&waived=true`)
        .set('Authorization', asUser());
      expect(listed.body.items).toHaveLength(1);
      const outOfRange = await api()
        .get('/api/itsm/breaches?recordId=INC-2147483648')
        .set('Authorization', asUser());
      expect(outOfRange.status).toBe(400);
    },
  );

  it.each(databases.eachSupportedId())(
    'answers the history of a breach oldest first, paged by cursor, %p',
    async databaseId => {
      const { api, knex } = await startItsmBackend({ databaseId });
      const { id } = await breachOwnedBy(knex!, ALICE);
      const other = await breachOwnedBy(knex!, ALICE);
      const history = (query = '', breachId = id) =>
        api()
          .get(`/api/itsm/breaches/${breachId}/history${query}`)
          .set('Authorization', asUser());
      const patch = async (
        body: object,
        version: number,
        breachId = id,
        user = ALICE,
      ) => {
        const res = await api()
          .patch(`/api/itsm/breaches/${breachId}`)
          .set('Authorization', asUser(user))
          .set('If-Match', `"${version}"`)
          .send(body);
        expect(res.status).toBe(200);
      };

      // Created by the monitor job: every field as [null, value] (DESIGN §5).
      const created = await history();
      expect(created.status).toBe(200);
      expect(created.body).toEqual({
        items: [
          {
            version: 1,
            at: BREACHED_AT.toISOString(),
            actor: 'plugin:itsm',
            action: 'create',
            changes: {
              recordId: [null, expect.stringMatching(/^INC-\d+$/)],
              clock: [null, 'resolution'],
              priority: [null, 3],
              entityRef: [null, 'component:default/payments'],
              slaId: [null, null],
              slaRevision: [null, null],
              targetMs: [null, 3_600_000],
              calendarId: [null, '24x7'],
              breachedAt: [null, BREACHED_AT.toISOString()],
              detectedAt: [null, BREACHED_AT.toISOString()],
              cause: [null, null],
              action: [null, null],
              improvementId: [null, null],
              waiver: [null, null],
            },
          },
        ],
        nextCursor: null,
      });

      await patch({ cause: 'Pool exhausted' }, 1);
      await patch({ cause: 'Noise on the other breach' }, 1, other.id);
      await patch({ action: 'Raise the pool size' }, 2);
      await patch(
        { waiver: { reason: 'Agreed exception', approver: BOB } },
        3,
        id,
        BOB,
      );

      const all = await history();
      expect(all.status).toBe(200);
      expect(all.body.nextCursor).toBeNull();
      expect(all.body.items).toEqual([
        created.body.items[0],
        {
          version: 2,
          at: expect.any(String),
          actor: ALICE,
          action: 'update',
          changes: { cause: [null, 'Pool exhausted'] },
        },
        {
          version: 3,
          at: expect.any(String),
          actor: ALICE,
          action: 'update',
          changes: { action: [null, 'Raise the pool size'] },
        },
        {
          version: 4,
          at: expect.any(String),
          actor: BOB,
          action: 'update',
          changes: {
            waiver: [
              null,
              {
                reason: 'Agreed exception',
                approver: BOB,
                at: expect.any(String),
              },
            ],
          },
        },
      ]);

      const first = await history('?limit=3');
      expect(first.body.items.map((e: any) => e.version)).toEqual([1, 2, 3]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await history(`?limit=3&cursor=${first.body.nextCursor}`);
      expect(second.body).toEqual({
        items: [expect.objectContaining({ version: 4 })],
        nextCursor: null,
      });
      const otherHistory = await history('', other.id);
      expect(
        otherHistory.body.items.map((e: any) => [e.version, e.action]),
      ).toEqual([
        [1, 'create'],
        [2, 'update'],
      ]);
      expect(otherHistory.body.items[1].changes).toEqual({
        cause: [null, 'Noise on the other breach'],
      });

      expect((await history('', 'BRE-999')).status).toBe(404);
      expect((await history('', 'INC-1')).status).toBe(404);
      expect((await history('?limit=0')).status).toBe(400);
      expect((await history('?limit=201')).status).toBe(400);
      expect((await history('?order=desc')).status).toBe(400);
    },
  );

  it('needs itsm.sla.read to read the history of a breach', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            r.permission.name === slaReadPermission.name
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      authorizeConditional: async queries =>
        queries.map(() => ({ result: AuthorizeResult.ALLOW })),
    });
    const { api, knex } = await startItsmBackend({
      databaseId: 'SQLITE_3',
      features: [permissions.factory],
    });
    const { id } = await breachOwnedBy(knex!, ALICE);
    const res = await api()
      .get(`/api/itsm/breaches/${id}/history`)
      .set('Authorization', asUser());
    expect(res.status).toBe(403);
  });
});
