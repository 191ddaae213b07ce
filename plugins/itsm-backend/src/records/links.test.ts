import { incidentApi } from '../__testUtils__/incidentApi';
import {
  ALICE,
  asUser,
  databases,
  startItsmBackend,
} from '../__testUtils__/testBackend';
import { permissionsFor } from '../__testUtils__/permissions';

jest.setTimeout(120_000);

const BOB = 'user:default/bob';

/** Alice may do everything; Bob reads and updates only incidents on services team-b owns. */
const permissions = permissionsFor(BOB, {
  incidentOwners: ['group:default/team-b'],
});

describe.each(databases.eachSupportedId())('record links on %p', databaseId => {
  it('links two records, lists the link on both, records it in both histories and unlinks', async () => {
    const backend = await startItsmBackend({
      databaseId,
      features: [permissions.factory],
    });
    const incidents = incidentApi(backend);
    const a = await incidents.create({ title: 'Card payments fail' });
    const b = await incidents.create({ title: 'Checkout times out' });
    const api = backend.api;

    const created = await api()
      .post(`/api/itsm/incidents/${b.id}/links`)
      .set('Authorization', asUser(ALICE))
      .send({ to: a.id, relation: 'duplicates' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      from: b.id,
      to: a.id,
      relation: 'duplicates',
      direction: 'outgoing',
      createdAt: expect.any(String),
      createdBy: ALICE,
    });

    const listOf = async (id: string, user = ALICE) =>
      api()
        .get(`/api/itsm/incidents/${id}/links`)
        .set('Authorization', asUser(user));
    expect((await listOf(b.id)).body).toEqual({
      items: [created.body],
      nextCursor: null,
    });
    expect((await listOf(a.id)).body.items).toEqual([
      { ...created.body, direction: 'incoming' },
    ]);

    // A link is an event on both records; it bumps no version.
    for (const [id, text] of [
      [b.id, `duplicates ${a.id}`],
      [a.id, `${b.id} duplicates this`],
    ]) {
      const history = await incidents.history(id);
      expect(history[history.length - 1]).toMatchObject({
        version: 1,
        action: 'linked',
        actor: ALICE,
        changes: { links: [null, text] },
      });
      expect((await incidents.get(id)).body.version).toBe(1);
    }

    // The same link again, a link to itself, to an unknown or malformed record.
    const post = (id: string, body: object) =>
      api()
        .post(`/api/itsm/incidents/${id}/links`)
        .set('Authorization', asUser(ALICE))
        .send(body);
    expect(
      (await post(b.id, { to: a.id, relation: 'duplicates' })).status,
    ).toBe(409);
    expect(
      (await post(b.id, { to: b.id, relation: 'relates_to' })).status,
    ).toBe(400);
    const unknown = await post(b.id, { to: 'INC-999', relation: 'relates_to' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/to: unknown record 'INC-999'/);
    expect(
      (await post(b.id, { to: 'CHG-77', relation: 'caused_by' })).status,
    ).toBe(400);
    expect(
      (await post(b.id, { to: 'nope', relation: 'relates_to' })).status,
    ).toBe(400);
    expect((await post(b.id, { to: a.id, relation: 'likes' })).status).toBe(
      400,
    );
    expect(
      (await post(b.id, { to: a.id, relation: 'relates_to', extra: 1 })).status,
    ).toBe(400);
    expect(
      (await post('INC-999', { to: a.id, relation: 'relates_to' })).status,
    ).toBe(404);
    // Ids that cannot exist are unknown, never a database error.
    expect((await listOf('INC-2147483648')).status).toBe(404);
    expect((await listOf('INC-100000000000000000000')).status).toBe(404);
    expect((await listOf(b.id)).body.items).toHaveLength(1);

    // Unlink from the other record; both histories record it; a second delete is 404.
    const removed = await api()
      .delete(`/api/itsm/incidents/${a.id}/links/${created.body.id}`)
      .set('Authorization', asUser(ALICE));
    expect(removed.status).toBe(204);
    expect((await listOf(a.id)).body.items).toEqual([]);
    expect((await listOf(b.id)).body.items).toEqual([]);
    for (const id of [a.id, b.id]) {
      const history = await incidents.history(id);
      expect(history[history.length - 1]).toMatchObject({
        action: 'unlinked',
        changes: { links: [expect.any(String), null] },
      });
    }
    expect(
      (
        await api()
          .delete(`/api/itsm/incidents/${a.id}/links/${created.body.id}`)
          .set('Authorization', asUser(ALICE))
      ).status,
    ).toBe(404);
  });

  it('shows and makes links only to records the caller may read, and writes nothing on a refusal', async () => {
    const backend = await startItsmBackend({
      databaseId,
      features: [permissions.factory],
    });
    const incidents = incidentApi(backend);
    // payments is team-a's: Bob cannot read it; cart is team-b's.
    const hidden = await incidents.create({
      entityRef: 'component:default/payments',
      title: 'Payments down',
    });
    const cart = await incidents.create({
      entityRef: 'component:default/cart',
      title: 'Cart slow',
    });
    const cart2 = await incidents.create({
      entityRef: 'component:default/cart',
      title: 'Cart 500s',
    });
    const api = backend.api;
    const link = await api()
      .post(`/api/itsm/incidents/${cart.id}/links`)
      .set('Authorization', asUser(ALICE))
      .send({ to: hidden.id, relation: 'relates_to' });
    expect(link.status).toBe(201);

    // Bob sees the cart incident but not the link to the incident he may not read.
    const bobList = await api()
      .get(`/api/itsm/incidents/${cart.id}/links`)
      .set('Authorization', asUser(BOB));
    expect(bobList.status).toBe(200);
    expect(bobList.body.items).toEqual([]);
    // The hidden record is unknown to him, as a path and as a target.
    expect(
      (
        await api()
          .get(`/api/itsm/incidents/${hidden.id}/links`)
          .set('Authorization', asUser(BOB))
      ).status,
    ).toBe(404);
    const toHidden = await api()
      .post(`/api/itsm/incidents/${cart2.id}/links`)
      .set('Authorization', asUser(BOB))
      .send({ to: hidden.id, relation: 'relates_to' });
    expect(toHidden.status).toBe(400);
    expect(toHidden.body.error.message).toMatch(/unknown record/);
    const before = await incidents.history(cart2.id);
    expect(before).toHaveLength(1);

    // Between records he may read, he links.
    const own = await api()
      .post(`/api/itsm/incidents/${cart2.id}/links`)
      .set('Authorization', asUser(BOB))
      .send({ to: cart.id, relation: 'relates_to' });
    expect(own.status).toBe(201);
    expect(own.body.createdBy).toBe(BOB);
  });
});
