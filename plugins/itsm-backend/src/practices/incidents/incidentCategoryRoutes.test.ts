import { mockCredentials } from '@backstage/backend-test-utils';
import {
  DEFAULT_INCIDENT_CATEGORIES,
  UNCATEGORISED,
  incidentReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { incidentApi } from '../../__testUtils__/incidentApi';
import { permissionsFor } from '../../__testUtils__/permissions';
import {
  asUser,
  databases,
  newIncident,
  startItsmBackend,
  testConfig,
} from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

const TOKEN = 'am-token-0123456789abcdef';

/** A small taxonomy with the Alertmanager webhook on. */
const categoryConfig = {
  itsm: {
    ...testConfig.itsm,
    incidents: {
      categories: {
        availability: ['outage', 'degradation'],
        performance: ['latency'],
        security: [],
      },
    },
    webhooks: { alertmanager: { token: TOKEN } },
  },
};

function firing(labels: Record<string, string>, fingerprint: string) {
  return {
    version: '4',
    status: 'firing',
    receiver: 'backstage-itsm',
    alerts: [
      {
        status: 'firing',
        labels: {
          alertname: 'HighLatency',
          severity: 'warning',
          backstage_entity_ref: 'component:default/cart',
          ...labels,
        },
        annotations: { summary: 'Cart is slow' },
        startsAt: '2026-03-02T09:00:00Z',
        fingerprint,
      },
    ],
  };
}

describe('incident categories', () => {
  it('lists the default taxonomy with uncategorised when none is configured', async () => {
    const { api } = await startItsmBackend();
    const res = await api()
      .get('/api/itsm/incidents/categories')
      .set('Authorization', asUser());
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(
      Object.entries(DEFAULT_INCIDENT_CATEGORIES).map(([id, subs]) => ({
        id,
        subcategories: subs,
      })),
    );
    expect(res.body.items.map((c: any) => c.id)).toContain(UNCATEGORISED);
  });

  it('lists the configured taxonomy in its order, for readers of incidents only', async () => {
    const { api } = await startItsmBackend({
      config: categoryConfig,
      features: [
        permissionsFor('user:default/mallory', {
          deny: [incidentReadPermission.name],
        }).factory,
      ],
    });
    const res = await api()
      .get('/api/itsm/incidents/categories')
      .set('Authorization', asUser());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        { id: 'availability', subcategories: ['outage', 'degradation'] },
        { id: 'performance', subcategories: ['latency'] },
        { id: 'security', subcategories: [] },
        { id: UNCATEGORISED, subcategories: [] },
      ],
    });
    const denied = await api()
      .get('/api/itsm/incidents/categories')
      .set('Authorization', asUser('user:default/mallory'));
    expect(denied.status).toBe(403);
    const anonymous = await api()
      .get('/api/itsm/incidents/categories')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('raises incidents with a category and subcategory of the taxonomy, and refuses others naming the field', async () => {
      const backend = await startItsmBackend({
        databaseId,
        config: categoryConfig,
      });
      const incidents = incidentApi(backend);
      const post = (body: object) =>
        backend
          .api()
          .post('/api/itsm/incidents')
          .set('Authorization', asUser())
          .send(newIncident({ entityRef: 'component:default/cart', ...body }));

      for (const [body, field] of [
        [{ category: 'network' }, 'category'],
        [{ category: 'Availability' }, 'category'],
        [{ category: 'performance', subcategory: 'outage' }, 'subcategory'],
        [{ category: 'security', subcategory: 'certificate' }, 'subcategory'],
        [{ subcategory: 'outage' }, 'subcategory'],
        [{ category: null, subcategory: 'outage' }, 'subcategory'],
      ] as const) {
        const res = await post(body);
        expect([body, res.status]).toEqual([body, 400]);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(new RegExp(`^${field}: `));
      }
      // Refused requests wrote nothing.
      expect((await incidents.list()).body.items).toEqual([]);

      const created = await post({
        category: 'availability',
        subcategory: 'outage',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        category: 'availability',
        subcategory: 'outage',
      });
      const [event] = await incidents.history(created.body.id);
      expect(event.changes).toMatchObject({
        category: [null, 'availability'],
        subcategory: [null, 'outage'],
      });
      expect(event.comment).toBeUndefined();

      const none = await post({ category: null, subcategory: null });
      expect(none.status).toBe(201);
      expect(none.body).toMatchObject({ category: null, subcategory: null });
      const alone = await post({ category: 'security' });
      expect(alone.body).toMatchObject({
        category: 'security',
        subcategory: null,
      });
    });

    it('checks a PATCH that changes the category or subcategory, so the pair stays valid', async () => {
      const backend = await startItsmBackend({
        databaseId,
        config: categoryConfig,
      });
      const incidents = incidentApi(backend);
      const incident = await incidents.create({
        category: 'availability',
        subcategory: 'outage',
      });

      for (const [body, field] of [
        // The current subcategory does not belong to the new category.
        [{ category: 'performance' }, 'subcategory'],
        [{ subcategory: 'latency' }, 'subcategory'],
        [{ category: 'network', subcategory: null }, 'category'],
        [{ category: null }, 'subcategory'],
      ] as const) {
        const res = await incidents.patch(incident.id, 1, body);
        expect([body, res.status]).toEqual([body, 400]);
        expect(res.body.error.message).toMatch(new RegExp(`^${field}: `));
      }
      expect((await incidents.get(incident.id)).body).toMatchObject({
        version: 1,
        category: 'availability',
        subcategory: 'outage',
      });
      expect(await incidents.history(incident.id)).toHaveLength(1);

      const moved = await incidents.patch(incident.id, 1, {
        category: 'performance',
        subcategory: 'latency',
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({
        version: 2,
        category: 'performance',
        subcategory: 'latency',
      });
      const [, event] = await incidents.history(incident.id);
      expect(event.changes).toEqual({
        category: ['availability', 'performance'],
        subcategory: ['outage', 'latency'],
      });

      const cleared = await incidents.patch(incident.id, 2, {
        category: null,
        subcategory: null,
      });
      expect(cleared.body).toMatchObject({
        version: 3,
        category: null,
        subcategory: null,
      });
    });

    it('still edits an incident whose category predates the taxonomy', async () => {
      const backend = await startItsmBackend({
        databaseId,
        config: categoryConfig,
      });
      const incidents = incidentApi(backend);
      const incident = await incidents.create();
      await backend.knex!('itsm_incidents')
        .where({ seq: Number(incident.id.slice(4)) })
        .update({ category: 'database' });

      // Other fields, and the same legacy category sent back, are not checked.
      const edited = await incidents.patch(incident.id, 1, {
        title: 'Cart is slow',
        category: 'database',
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        version: 2,
        title: 'Cart is slow',
        category: 'database',
      });
      const sub = await incidents.patch(incident.id, 2, {
        subcategory: 'latency',
      });
      expect(sub.status).toBe(400);
      expect(sub.body.error.message).toMatch(/^category: 'database'/);
      const fixed = await incidents.patch(incident.id, 2, {
        category: 'performance',
        subcategory: 'latency',
      });
      expect(fixed.body).toMatchObject({
        version: 3,
        category: 'performance',
      });
    });

    it('maps the category labels of Alertmanager alerts onto the taxonomy, unknown ones to uncategorised', async () => {
      const backend = await startItsmBackend({
        databaseId,
        config: categoryConfig,
      });
      const incidents = incidentApi(backend);
      const post = (body: object) =>
        backend
          .api()
          .post('/api/itsm/webhooks/alertmanager')
          .set('Authorization', `Bearer ${TOKEN}`)
          .send(body);

      const unknown = await post(
        firing({ category: 'foo', subcategory: 'bar' }, 'f1'),
      );
      expect(unknown.status).toBe(200);
      expect(unknown.body.created).toHaveLength(1);
      const known = await post(
        firing({ category: 'Performance', subcategory: 'latency' }, 'f2'),
      );
      const unlabelled = await post(firing({}, 'f3'));

      const [first, second, third] = [
        unknown.body.created[0],
        known.body.created[0],
        unlabelled.body.created[0],
      ];
      expect((await incidents.get(first)).body).toMatchObject({
        category: UNCATEGORISED,
        subcategory: null,
        source: 'alertmanager',
      });
      const [created] = await incidents.history(first);
      expect(created).toMatchObject({
        actor: 'plugin:itsm',
        changes: {
          category: [null, UNCATEGORISED],
          subcategory: [null, null],
        },
        comment:
          'category "foo" not in the taxonomy, subcategory "bar" dropped: uncategorised',
      });
      expect((await incidents.get(second)).body).toMatchObject({
        category: 'performance',
        subcategory: 'latency',
      });
      expect((await incidents.history(second))[0].comment).toBeUndefined();
      expect((await incidents.get(third)).body).toMatchObject({
        category: UNCATEGORISED,
        subcategory: null,
      });
      expect((await incidents.list()).body.items).toHaveLength(3);
    });
  });
});
