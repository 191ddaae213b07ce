import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ALICE,
  asUser,
  databases,
  newIncident,
  startItsmBackend,
} from '../../__testUtils__/testBackend';

jest.setTimeout(60_000);

describe('incidents router', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('creates an incident with derived priority, assignment group and SLA clocks', async () => {
      const { api } = await startItsmBackend({ databaseId });

      const res = await api()
        .post('/api/itsm/incidents')
        .set('Authorization', asUser())
        .send(
          newIncident({
            impact: 1,
            urgency: 2,
            affectedEntityRefs: [
              'Component:default/Cart',
              'component:default/payments',
            ],
          }),
        );

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: 'INC-1',
        version: 1,
        title: 'Checkout fails',
        entityRef: 'component:default/payments',
        affectedEntityRefs: ['component:default/cart'],
        reporter: ALICE,
        createdBy: ALICE,
        assignee: null,
        assignmentGroup: 'group:default/payments-support',
        impact: 1,
        urgency: 2,
        priority: 2,
        status: 'new',
        // payments is a tier-1 service: by the default criteria, its incidents are major.
        major: true,
        source: 'portal',
        sla: {
          response: {
            targetMs: 30 * 60_000,
            calendarId: 'business-hours-eu',
            elapsedMs: expect.any(Number),
            state: expect.stringMatching(/^(running|breached)$/),
            dueAt: expect.any(String),
          },
          resolution: {
            targetMs: 8 * 3_600_000,
            calendarId: 'business-hours-eu',
          },
        },
      });
      expect(new Date(res.body.createdAt).toISOString()).toBe(
        res.body.createdAt,
      );
      expect(res.body.updatedAt).toBe(res.body.createdAt);
      expect(res.body.outageStart).toBe(res.body.createdAt);
    });

    it('runs P1 clocks around the clock', async () => {
      const { api } = await startItsmBackend({ databaseId });
      const res = await api()
        .post('/api/itsm/incidents')
        .set('Authorization', asUser())
        .send(newIncident({ impact: 1, urgency: 1 }));

      expect(res.status).toBe(201);
      expect(res.body.priority).toBe(1);
      const created = new Date(res.body.createdAt).getTime();
      expect(res.body.sla.response).toMatchObject({
        targetMs: 15 * 60_000,
        calendarId: '24x7',
        state: 'running',
        dueAt: new Date(created + 15 * 60_000).toISOString(),
      });
      expect(res.body.sla.resolution.dueAt).toBe(
        new Date(created + 4 * 3_600_000).toISOString(),
      );
    });

    it('lists with filters, newest first, paged by cursor', async () => {
      const { api } = await startItsmBackend({ databaseId });
      const create = (body: object) =>
        api()
          .post('/api/itsm/incidents')
          .set('Authorization', asUser())
          .send(body);
      expect(
        (await create(newIncident({ impact: 3, urgency: 3 }))).status,
      ).toBe(201);
      expect(
        (
          await create(
            newIncident({
              entityRef: 'component:default/cart',
              title: 'Basket empty',
            }),
          )
        ).status,
      ).toBe(201);
      expect(
        (
          await create(
            newIncident({
              affectedEntityRefs: ['component:default/cart'],
              assignee: 'user:default/bob',
            }),
          )
        ).status,
      ).toBe(201);

      const list = async (query: string) => {
        const res = await api()
          .get(`/api/itsm/incidents${query}`)
          .set('Authorization', asUser());
        expect(res.status).toBe(200);
        return res.body as {
          items: Array<{ id: string }>;
          nextCursor: string | null;
        };
      };
      const ids = async (query: string) =>
        (await list(query)).items.map(i => i.id);

      expect(await ids('')).toEqual(['INC-3', 'INC-2', 'INC-1']);
      expect(await ids('?order=asc')).toEqual(['INC-1', 'INC-2', 'INC-3']);
      expect(await ids('?entityRef=Component:Default/CART')).toEqual([
        'INC-3',
        'INC-2',
      ]);
      expect(
        await ids(
          '?entityRef=component:default/cart&entityRef=component:default/payments',
        ),
      ).toEqual(['INC-3', 'INC-2', 'INC-1']);
      expect(await ids('?priority=5')).toEqual(['INC-1']);
      expect(await ids('?priority=3&priority=5')).toEqual([
        'INC-3',
        'INC-2',
        'INC-1',
      ]);
      expect(await ids('?status=new')).toEqual(['INC-3', 'INC-2', 'INC-1']);
      expect(await ids('?status=resolved')).toEqual([]);
      expect(await ids('?assignee=user:default/bob')).toEqual(['INC-3']);
      expect(
        await ids('?assignmentGroup=group:default/payments-support'),
      ).toEqual(['INC-3', 'INC-1']);
      expect(await ids('?major=false')).toEqual(['INC-2']);
      expect(await ids('?major=true')).toEqual(['INC-3', 'INC-1']);
      expect(await ids('?q=basket')).toEqual(['INC-2']);

      const first = await list('?limit=2');
      expect(first.items.map(i => i.id)).toEqual(['INC-3', 'INC-2']);
      const second = await list(
        `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
      );
      expect(second).toMatchObject({
        items: [{ id: 'INC-1' }],
        nextCursor: null,
      });
    });
  });

  it('answers 400 for an unknown entity and writes nothing', async () => {
    const { api } = await startItsmBackend();
    const unknown = await api()
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send(newIncident({ entityRef: 'component:default/nope' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /entityRef.*component:default\/nope/,
    );

    const unknownAffected = await api()
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send(
        newIncident({
          affectedEntityRefs: ['component:default/cart', 'api:default/gone'],
        }),
      );
    expect(unknownAffected.status).toBe(400);
    expect(unknownAffected.body.error.message).toMatch(
      /affectedEntityRefs.*api:default\/gone/,
    );

    const list = await api()
      .get('/api/itsm/incidents')
      .set('Authorization', asUser());
    expect(list.body).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['impact out of range', newIncident({ impact: 7 }), /impact/],
    ['impact of the wrong type', newIncident({ impact: '1' }), /impact/],
    ['title of the wrong type', newIncident({ title: 42 }), /title/],
    ['a missing title', { ...newIncident(), title: undefined }, /title/],
    ['an unknown field', newIncident({ priority: 1 }), /priority/],
    [
      'a malformed entity ref',
      newIncident({ entityRef: 'payments' }),
      /entityRef/,
    ],
    [
      'a description over the limit',
      newIncident({ description: 'x'.repeat(70_000) }),
      /description/,
    ],
    [
      'a body over 1 MB',
      newIncident({ description: 'x'.repeat(5 * 1024 * 1024) }),
      /too large/i,
    ],
  ])('rejects %s with 400 and writes nothing', async (_name, body, message) => {
    const { api } = await startItsmBackend();
    const res = await api()
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);

    const list = await api()
      .get('/api/itsm/incidents')
      .set('Authorization', asUser());
    expect(list.body.items).toEqual([]);
  });

  it.each([
    ['an invalid cursor', '?cursor=bm9wZQ'],
    ['a limit above 200', '?limit=201'],
    ['a limit of 0', '?limit=0'],
    ['an unknown parameter', '?colour=red'],
    ['an unknown status', '?status=open'],
    ['an unknown order', '?order=sideways'],
  ])('rejects a list with %s with 400', async (_name, query) => {
    const { api } = await startItsmBackend();
    const res = await api()
      .get(`/api/itsm/incidents${query}`)
      .set('Authorization', asUser());
    expect(res.status).toBe(400);
  });

  it('gets one incident with its version as ETag, uncached; unknown ids are 404', async () => {
    const { api } = await startItsmBackend();
    await api()
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send(newIncident());

    const res = await api()
      .get('/api/itsm/incidents/INC-1')
      .set('Authorization', asUser());
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      id: 'INC-1',
      version: 1,
      title: 'Checkout fails',
    });

    for (const id of [
      'INC-2',
      'INC-0',
      'garbage',
      'INC-99999999999999999999',
    ]) {
      const missing = await api()
        .get(`/api/itsm/incidents/${id}`)
        .set('Authorization', asUser());
      expect(missing.status).toBe(404);
      expect(missing.body.error.name).toBe('NotFoundError');
    }
  });

  it('records every field as [null, value] in the history of a new incident', async () => {
    const { api } = await startItsmBackend();
    const created = await api()
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send(
        newIncident({
          category: 'availability',
          externalId: 'alert-1',
          source: 'api',
        }),
      );

    const res = await api()
      .get('/api/itsm/incidents/INC-1/history')
      .set('Authorization', asUser());
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items).toHaveLength(1);
    const [event] = res.body.items;
    expect(event).toMatchObject({
      version: 1,
      at: created.body.createdAt,
      actor: ALICE,
      action: 'create',
    });
    const incident = created.body;
    const fields = Object.keys(incident).filter(
      key =>
        ![
          'id',
          'version',
          'sla',
          'createdAt',
          'createdBy',
          'updatedAt',
        ].includes(key),
    );
    expect(Object.keys(event.changes).sort()).toEqual(fields.sort());
    for (const field of fields) {
      expect(event.changes[field]).toEqual([null, incident[field]]);
    }

    const missing = await api()
      .get('/api/itsm/incidents/INC-9/history')
      .set('Authorization', asUser());
    expect(missing.status).toBe(404);
  });

  it('answers 409 for a second incident with the same source and external id', async () => {
    const { api } = await startItsmBackend();
    const body = newIncident({
      source: 'api',
      externalId: 'ticket-1',
    });
    const first = await api()
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send(body);
    expect(first.status).toBe(201);
    const second = await api()
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send(body);
    expect(second.status).toBe(409);
  });

  it('stores a signature from the normalised title, so recurrences match', async () => {
    const { api } = await startItsmBackend();
    const raise = (title: string) =>
      api()
        .post('/api/itsm/incidents')
        .set('Authorization', asUser())
        .send(newIncident({ title }));
    const first = await raise('Checkout fails for 12 users (error 500)');
    const again = await raise('Checkout FAILS for 3 users (error 503)!');
    expect(first.status).toBe(201);
    expect(first.body.signature).toBe(
      'title:checkout fails for # users error #',
    );
    expect(again.body.signature).toBe(first.body.signature);
    const read = await api()
      .get(`/api/itsm/incidents/${first.body.id}`)
      .set('Authorization', asUser());
    expect(read.body.signature).toBe(first.body.signature);
  });

  it('records the calling service as reporter', async () => {
    const { api } = await startItsmBackend();
    const res = await api()
      .post('/api/itsm/incidents')
      .set('Authorization', mockCredentials.service.header())
      .send(newIncident({ source: 'api' }));
    expect(res.status).toBe(201);
    expect(res.body.reporter).toBe('external:test-service');
  });

  it('falls back to the default calendar for an unknown service-hours calendar', async () => {
    const { api } = await startItsmBackend();
    const res = await api()
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send(newIncident({ entityRef: 'resource:default/payments-db' }));
    expect(res.status).toBe(201);
    expect(res.body.sla.resolution.calendarId).toBe('24x7');
  });

  it('assigns to the owner group when the entity has no assignment-group annotation', async () => {
    const { api } = await startItsmBackend();
    const res = await api()
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send(newIncident({ entityRef: 'component:default/cart' }));
    expect(res.status).toBe(201);
    expect(res.body.assignmentGroup).toBe('group:default/team-b');

    const explicit = await api()
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send(newIncident({ assignmentGroup: 'group:default/SRE' }));
    expect(explicit.body.assignmentGroup).toBe('group:default/sre');
  });

  it('derives priority from the configured matrix', async () => {
    const { api } = await startItsmBackend({
      config: {
        itsm: {
          incidents: {
            priorityMatrix: [
              [1, 1, 2],
              [1, 2, 3],
              [2, 3, 4],
            ],
          },
        },
      },
    });
    const res = await api()
      .post('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send(
        newIncident({
          entityRef: 'component:default/cart',
          impact: 1,
          urgency: 2,
        }),
      );
    expect(res.status).toBe(201);
    expect(res.body.priority).toBe(1);
    expect(res.body.sla.response.calendarId).toBe('24x7');
  });

  it('answers 401 without credentials and 405 for undeclared methods', async () => {
    const { api } = await startItsmBackend();
    const anonymous = await api()
      .get('/api/itsm/incidents')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);

    const del = await api()
      .delete('/api/itsm/incidents/INC-1')
      .set('Authorization', asUser());
    expect(del.status).toBe(405);
    expect(del.headers.allow).toBe('GET, PATCH');
    const put = await api()
      .put('/api/itsm/incidents')
      .set('Authorization', asUser())
      .send({});
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, POST');
  });

  describe('when the permission policy denies', () => {
    it('answers 403 to create and list, 404 to get, and writes nothing', async () => {
      const { api, knex } = await startItsmBackend({
        databaseId: 'SQLITE_3',
        features: [
          mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        ],
      });

      const create = await api()
        .post('/api/itsm/incidents')
        .set('Authorization', asUser())
        .send(newIncident());
      expect(create.status).toBe(403);

      const list = await api()
        .get('/api/itsm/incidents')
        .set('Authorization', asUser());
      expect(list.status).toBe(403);

      const get = await api()
        .get('/api/itsm/incidents/INC-1')
        .set('Authorization', asUser());
      expect(get.status).toBe(404);

      const health = await api()
        .get('/api/itsm/service-health?entityRef=component:default/payments')
        .set('Authorization', asUser());
      expect(health.status).toBe(403);

      expect(await knex!('itsm_incidents')).toEqual([]);
      expect(await knex!('itsm_history_events')).toEqual([]);
    });
  });
});
