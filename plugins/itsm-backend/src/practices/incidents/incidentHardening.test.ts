import { mockCredentials } from '@backstage/backend-test-utils';
import { changeReadPermission } from '@backstage-itsm/plugin-itsm-common';
import {
  changeApi,
  changeEntities,
  PRIYA,
} from '../../__testUtils__/changeApi';
import { incidentApi } from '../../__testUtils__/incidentApi';
import {
  ALICE,
  asUser,
  databases,
  newIncident,
  startItsmBackend,
  testEntities,
} from '../../__testUtils__/testBackend';
import { encodeCursor } from '../../records/cursor';
import { permissionsFor } from '../../__testUtils__/permissions';

jest.setTimeout(120_000);

const BOB = 'user:default/bob';

/**
 * Alice may do everything; Bob reads and updates only incidents on services team-b owns
 * (`cart`), and may not read changes.
 */
const permissions = permissionsFor(BOB, {
  incidentOwners: ['group:default/team-b'],
  deny: [changeReadPermission.name],
});

describe.each(databases.eachSupportedId())(
  'incident loopholes on %p',
  databaseId => {
    const start = () =>
      startItsmBackend({
        databaseId,
        entities: [...testEntities, ...changeEntities],
        features: [permissions.factory],
      });

    it('keeps alert sources to the webhooks: a person cannot claim an alert identity', async () => {
      const backend = await start();
      const incidents = incidentApi(backend);
      for (const source of ['alertmanager', 'pagerduty']) {
        const res = await backend
          .api()
          .post('/api/itsm/incidents')
          .set('Authorization', asUser(ALICE))
          .send(
            newIncident({
              entityRef: 'component:default/cart',
              source,
              externalId: 'fingerprint-1',
              impact: 3,
              urgency: 3,
            }),
          );
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/^source: .*webhook/);
        // Nor may a service token of another plugin.
        const service = await backend
          .api()
          .post('/api/itsm/incidents')
          .set('Authorization', mockCredentials.service.header())
          .send(newIncident({ source, externalId: 'fingerprint-1' }));
        expect(service.status).toBe(400);
      }
      expect((await incidents.list()).body.items).toEqual([]);
      // Portal and API incidents are still anyone's.
      await incidents.create({ source: 'api', externalId: 'ticket-7' });
      expect((await incidents.list()).body.items).toHaveLength(1);
    });

    it('refuses a parent the caller cannot read, and copies no parent notes into children', async () => {
      const backend = await start();
      const alice = incidentApi(backend, ALICE);
      const bob = incidentApi(backend, BOB);
      const hidden = await alice.create({
        entityRef: 'component:default/payments',
        title: 'Payments down',
      });
      const child = await bob.create({ title: 'Cart checkout fails' });

      const leak = await bob.patch(child.id, 1, { parentId: hidden.id });
      const unknown = await bob.patch(child.id, 1, { parentId: 'INC-999' });
      expect(leak.status).toBe(400);
      expect(unknown.status).toBe(400);
      // The same words as for an incident that does not exist: no existence oracle.
      expect(leak.body.error.message).toBe(
        unknown.body.error.message.replace('INC-999', hidden.id),
      );
      expect(await bob.history(child.id)).toHaveLength(1);

      // Alice may link them; resolving the parent resolves the child without its notes.
      expect(
        (await alice.patch(child.id, 1, { parentId: hidden.id })).status,
      ).toBe(200);
      const parent = await alice.move(hidden, 'in_progress');
      const resolved = await alice.transition(parent.id, parent.version, {
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Rotated the leaked card-processor credentials',
      });
      expect(resolved.status).toBe(200);
      const seenByBob = await bob.get(child.id);
      expect(seenByBob.body.status).toBe('resolved');
      expect(seenByBob.body.resolutionNotes).not.toContain('credentials');
      expect(seenByBob.body.resolutionNotes).toContain(hidden.id);
    });

    it('names only changes the caller may read as an incident cause', async () => {
      const backend = await start();
      const change = await changeApi(backend).create(PRIYA);
      const bob = incidentApi(backend, BOB);
      const hidden = await backend
        .api()
        .post('/api/itsm/incidents')
        .set('Authorization', asUser(BOB))
        .send(
          newIncident({
            entityRef: 'component:default/cart',
            causedByChangeId: change.id,
          }),
        );
      const unknown = await backend
        .api()
        .post('/api/itsm/incidents')
        .set('Authorization', asUser(BOB))
        .send(
          newIncident({
            entityRef: 'component:default/cart',
            causedByChangeId: 'CHG-999',
          }),
        );
      expect(hidden.status).toBe(400);
      expect(unknown.status).toBe(400);
      expect(hidden.body.error.message).toBe(
        unknown.body.error.message.replace('CHG-999', change.id),
      );
      expect((await bob.list()).body.items).toEqual([]);
      // Alice, who may read the change, names it.
      const caused = await incidentApi(backend, ALICE).create({
        causedByChangeId: change.id,
      });
      expect(caused.causedByChangeId).toBe(change.id);
    });

    it('answers ids, cursors and id filters beyond the database column with 4xx, never 500', async () => {
      const backend = await start();
      const incidents = incidentApi(backend);
      const incident = await incidents.create();
      const auth = asUser(ALICE);
      const api = backend.api;
      for (const path of [
        '/api/itsm/incidents/INC-2147483648',
        '/api/itsm/incidents/INC-99999999999999999999',
        '/api/itsm/incidents/INC-2147483648/history',
        '/api/itsm/changes/CHG-2147483648',
        '/api/itsm/breaches/BRE-2147483648',
        '/api/itsm/slas/SLA-2147483648',
      ]) {
        const res = await api().get(path).set('Authorization', auth);
        expect([path, res.status]).toEqual([path, 404]);
      }
      const filter = await api()
        .get('/api/itsm/incidents?causedByChangeId=CHG-100000000000000000000')
        .set('Authorization', auth);
      expect(filter.status).toBe(400);
      expect(filter.body.error.message).toMatch(/causedByChangeId/);
      const cursor = await api()
        .get(
          `/api/itsm/incidents?cursor=${encodeCursor({
            seq: 2 ** 52,
            order: 'desc',
          })}`,
        )
        .set('Authorization', auth);
      // Newest first from past the last possible sequence: every incident.
      expect(cursor.status).toBe(200);
      expect(cursor.body.items.map((i: { id: string }) => i.id)).toEqual([
        incident.id,
      ]);
      const parent = await incidents.patch(incident.id, 1, {
        parentId: 'INC-2147483648',
      });
      expect(parent.status).toBe(400);
      expect(await incidents.history(incident.id)).toHaveLength(1);
    });
  },
);
