import { mockServices } from '@backstage/backend-test-utils';
import { createHmac } from 'node:crypto';
import {
  asUser,
  databases,
  startItsmBackend,
  testConfig,
} from '../../__testUtils__/testBackend';

jest.setTimeout(60_000);

const TOKEN = 'am-token-0123456789abcdef';
const SECRET = 'pd-secret-0123456789abcdef';

const webhookConfig = {
  itsm: {
    ...testConfig.itsm,
    webhooks: {
      alertmanager: { token: TOKEN },
      pagerduty: {
        secret: SECRET,
        serviceMapping: {
          'Payments API': 'component:default/payments',
          PCART01: 'component:default/cart',
          'Legacy Billing': 'component:default/billing', // not in the catalog
        },
      },
    },
  },
};

function alert(overrides: Record<string, unknown> = {}) {
  return {
    status: 'firing',
    labels: {
      alertname: 'HighErrorRate',
      severity: 'critical',
      backstage_entity_ref: 'component:default/payments',
    },
    annotations: {
      summary: 'Payments error rate above 5%',
      description: 'The 5xx ratio has been above 5% for 10 minutes.',
    },
    startsAt: '2026-03-02T09:00:00Z',
    endsAt: '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus/graph?g0.expr=x',
    fingerprint: 'f1a2b3c4d5e6f708',
    ...overrides,
  };
}

function alertmanagerBody(alerts: object[]) {
  return {
    version: '4',
    groupKey: '{}:{alertname="HighErrorRate"}',
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'backstage-itsm',
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts,
  };
}

function pagerDutyEvent(
  eventType: string,
  data: Record<string, unknown> = {},
): object {
  return {
    event: {
      id: '01DEN4HPBQNCZ6B0XG1QNC5XXX',
      event_type: eventType,
      resource_type: 'incident',
      occurred_at: '2026-03-02T09:30:00.000Z',
      agent: null,
      client: null,
      data: {
        id: 'Q2KS2PV5NYVN1Q',
        type: 'incident',
        number: 42,
        title: 'Card payments failing',
        html_url: 'https://acme.pagerduty.com/incidents/Q2KS2PV5NYVN1Q',
        urgency: 'high',
        service: { id: 'PPAY001', summary: 'Payments API' },
        priority: { summary: 'P1' },
        ...data,
      },
    },
  };
}

const sign = (raw: string, secret = SECRET) =>
  `v1=${createHmac('sha256', secret).update(raw).digest('hex')}`;

async function listIncidents(api: () => any) {
  const res = await api()
    .get('/api/itsm/incidents?order=asc')
    .set('Authorization', asUser());
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('POST /webhooks/alertmanager', () => {
  const post = (
    api: () => any,
    body: unknown,
    token: string | null = TOKEN,
  ) => {
    const req = api().post('/api/itsm/webhooks/alertmanager');
    return (token === null ? req : req.set('Authorization', `Bearer ${token}`))
      .set('Content-Type', 'application/json')
      .send(body);
  };

  it('answers 404 when no token is configured', async () => {
    const { api } = await startItsmBackend();
    const res = await post(api, alertmanagerBody([alert()]));
    expect(res.status).toBe(404);
  });

  it.each([
    ['no Authorization header', null],
    ['a wrong token', 'not-the-token-0123456789'],
    ['a prefix of the token', TOKEN.slice(0, 10)],
  ])('answers 401 for %s and writes nothing', async (_name, token) => {
    const { api } = await startItsmBackend({ config: webhookConfig });
    const res = await post(api, alertmanagerBody([alert()]), token);
    expect(res.status).toBe(401);
    expect(await listIncidents(api)).toEqual([]);
  });

  it('answers 401 to a Backstage user token: the webhook has its own secret', async () => {
    const { api } = await startItsmBackend({ config: webhookConfig });
    const res = await api()
      .post('/api/itsm/webhooks/alertmanager')
      .set('Authorization', asUser())
      .send(alertmanagerBody([alert()]));
    expect(res.status).toBe(401);
  });

  it.each([
    ['not JSON', '{"version": "4", '],
    [
      'another payload version',
      { ...alertmanagerBody([alert()]), version: '3' },
    ],
    ['no alerts', alertmanagerBody([])],
    [
      'an alert without fingerprint',
      alertmanagerBody([alert({ fingerprint: undefined })]),
    ],
    [
      'an unknown alert status',
      alertmanagerBody([alert({ status: 'pending' })]),
    ],
  ])('answers 400 for %s', async (_name, body) => {
    const { api } = await startItsmBackend({ config: webhookConfig });
    const res = await post(api, body);
    expect(res.status).toBe(400);
    expect(await listIncidents(api)).toEqual([]);
  });

  it.each(databases.eachSupportedId())(
    'creates one incident per alert, however often it is replayed, and resolves it, %p',
    async databaseId => {
      const { api } = await startItsmBackend({
        databaseId,
        config: webhookConfig,
      });

      const first = await post(api, alertmanagerBody([alert()]));
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        created: ['INC-1'],
        resolved: [],
        reopened: [],
        unchanged: [],
        ignored: [],
        rejected: [],
      });

      // Replays, one of them two deliveries racing each other.
      const replays = await Promise.all([
        post(api, alertmanagerBody([alert()])),
        post(api, alertmanagerBody([alert()])),
      ]);
      for (const replay of replays) {
        expect(replay.status).toBe(200);
        expect(replay.body.unchanged).toEqual(['INC-1']);
      }

      const [incident] = await listIncidents(api);
      expect(await listIncidents(api)).toHaveLength(1);
      expect(incident).toMatchObject({
        id: 'INC-1',
        title: 'Payments error rate above 5%',
        entityRef: 'component:default/payments',
        impact: 1,
        urgency: 1,
        priority: 1,
        source: 'alertmanager',
        // One incident per firing episode: fingerprint and startsAt.
        externalId: 'f1a2b3c4d5e6f708@2026-03-02T09:00:00Z',
        // Recurrence is counted by alert name.
        signature: 'alertmanager:HighErrorRate',
        reporter: 'plugin:itsm',
        status: 'new',
      });
      expect(incident.description).toContain('HighErrorRate');
      expect(incident.description).toContain('http://prometheus/graph');

      const resolved = alert({
        status: 'resolved',
        endsAt: '2026-03-02T09:40:00Z',
      });
      const resolving = await post(api, alertmanagerBody([resolved]));
      expect(resolving.status).toBe(200);
      expect(resolving.body.resolved).toEqual(['INC-1']);
      const again = await post(api, alertmanagerBody([resolved]));
      expect(again.body).toMatchObject({ resolved: [], unchanged: ['INC-1'] });
      // A firing replay after the resolution leaves the resolved incident alone.
      const late = await post(api, alertmanagerBody([alert()]));
      expect(late.body).toMatchObject({ created: [], unchanged: ['INC-1'] });

      const res = await api()
        .get('/api/itsm/incidents/INC-1')
        .set('Authorization', asUser());
      expect(res.body).toMatchObject({
        status: 'resolved',
        version: 2,
        resolutionCode: 'fixed',
        resolutionNotes: 'Resolved by Alertmanager at 2026-03-02T09:40:00Z',
      });
      const history = await api()
        .get('/api/itsm/incidents/INC-1/history')
        .set('Authorization', asUser());
      expect(
        history.body.items.map((e: any) => [e.version, e.actor, e.action]),
      ).toEqual([
        [1, 'plugin:itsm', 'create'],
        [2, 'plugin:itsm', expect.any(String)],
      ]);
    },
  );

  it('maps the service label and severity; reports unknown entities as rejected and writes nothing for them', async () => {
    const { api } = await startItsmBackend({ config: webhookConfig });
    const res = await post(
      api,
      alertmanagerBody([
        alert({
          fingerprint: 'aaa',
          labels: {
            alertname: 'CartSlow',
            severity: 'warning',
            service: 'cart',
          },
          annotations: {},
        }),
        alert({
          fingerprint: 'bbb',
          labels: { alertname: 'Disk', service: 'nope' },
        }),
        alert({ fingerprint: 'ccc', labels: { alertname: 'NoEntity' } }),
        alert({
          fingerprint: 'ddd',
          status: 'resolved',
          labels: { alertname: 'Old', service: 'cart' },
        }),
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      created: ['INC-1'],
      resolved: [],
      reopened: [],
      unchanged: [],
      ignored: [
        {
          externalId: 'ddd@2026-03-02T09:00:00Z',
          reason: 'no incident was raised for this alert',
        },
      ],
      rejected: [
        {
          externalId: 'bbb@2026-03-02T09:00:00Z',
          reason: expect.stringContaining('component:default/nope'),
        },
        {
          externalId: 'ccc@2026-03-02T09:00:00Z',
          reason: expect.stringContaining('label'),
        },
      ],
    });
    const incidents = await listIncidents(api);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      title: 'CartSlow',
      entityRef: 'component:default/cart',
      impact: 2,
      urgency: 2,
      externalId: 'aaa@2026-03-02T09:00:00Z',
    });
  });

  it('answers 400 when the only alert is rejected, writing nothing', async () => {
    const { api } = await startItsmBackend({ config: webhookConfig });
    const res = await post(
      api,
      alertmanagerBody([
        alert({ labels: { severity: 'info', service: 'unknown-service' } }),
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/unknown-service/);
    expect(await listIncidents(api)).toEqual([]);
  });

  it.each(databases.eachSupportedId())(
    'raises a new incident when the same alert fires again, and never lets a replayed resolution undo a reopen, %p',
    async databaseId => {
      const { api, knex } = await startItsmBackend({
        databaseId,
        config: webhookConfig,
      });
      const get = async (id: string) =>
        (
          await api()
            .get(`/api/itsm/incidents/${id}`)
            .set('Authorization', asUser())
        ).body;
      const monday = alert();
      const mondayResolved = alert({
        status: 'resolved',
        endsAt: '2026-03-02T09:40:00Z',
      });
      await post(api, alertmanagerBody([monday]));
      await post(api, alertmanagerBody([mondayResolved]));
      expect((await get('INC-1')).status).toBe('resolved');

      // The same rule fires again a week later: a genuine recurrence is a new incident.
      const nextWeek = alert({ startsAt: '2026-03-09T09:00:00Z' });
      const recurrence = await post(api, alertmanagerBody([nextWeek]));
      expect(recurrence.body.created).toEqual(['INC-2']);
      expect(await get('INC-2')).toMatchObject({
        status: 'new',
        externalId: 'f1a2b3c4d5e6f708@2026-03-09T09:00:00Z',
      });

      // A person reopens Monday's incident; a replayed signed resolution leaves it open.
      const reopened = await api()
        .post('/api/itsm/incidents/INC-1/transitions')
        .set('Authorization', asUser())
        .set('If-Match', '"2"')
        .send({ to: 'in_progress', comment: 'Still failing for EU cards' });
      expect(reopened.status).toBe(200);
      const replay = await post(api, alertmanagerBody([mondayResolved]));
      expect(replay.body).toMatchObject({
        resolved: [],
        unchanged: ['INC-1'],
      });
      expect(await get('INC-1')).toMatchObject({
        status: 'in_progress',
        version: 3,
      });
      // The recurrence resolves on its own resolution only.
      const nextWeekResolved = alert({
        startsAt: '2026-03-09T09:00:00Z',
        status: 'resolved',
        endsAt: '2026-03-09T09:20:00Z',
      });
      const resolving = await post(api, alertmanagerBody([nextWeekResolved]));
      expect(resolving.body.resolved).toEqual(['INC-2']);
      expect((await get('INC-1')).status).toBe('in_progress');

      // An incident raised before episodes were keyed (its external id is the bare
      // fingerprint) is still resolved by its alert's resolution.
      const legacy = alert({
        fingerprint: 'legacy0000000001',
        startsAt: '2026-03-10T09:00:00Z',
      });
      const raised = await post(api, alertmanagerBody([legacy]));
      const [legacyId] = raised.body.created;
      await knex!('itsm_incidents')
        .where({ seq: Number(legacyId.slice(4)) })
        .update({ external_id: 'legacy0000000001' });
      const legacyResolved = await post(
        api,
        alertmanagerBody([
          { ...legacy, status: 'resolved', endsAt: '2026-03-10T09:30:00Z' },
        ]),
      );
      expect(legacyResolved.body.resolved).toEqual([legacyId]);
    },
  );

  it('audits deliveries, successful or not', async () => {
    const auditor = mockServices.auditor.mock();
    const success = jest.fn();
    const fail = jest.fn();
    auditor.createEvent.mockResolvedValue({ success, fail });
    const { api } = await startItsmBackend({
      config: webhookConfig,
      features: [auditor.factory],
    });
    await post(api, alertmanagerBody([alert()]), 'wrong-token-0123456789');
    expect(auditor.createEvent).toHaveBeenLastCalledWith(
      expect.objectContaining({
        eventId: 'incident-webhook',
        severityLevel: 'medium',
        meta: { source: 'alertmanager', ip: expect.any(String) },
      }),
    );
    expect(fail).toHaveBeenCalledWith({
      error: expect.objectContaining({ name: 'AuthenticationError' }),
    });
    await post(api, alertmanagerBody([alert()]));
    expect(success).toHaveBeenLastCalledWith({
      meta: { created: ['INC-1'], resolved: [] },
    });
  });
});

describe('POST /webhooks/pagerduty', () => {
  const post = (api: () => any, raw: string, signature?: string) => {
    const req = api()
      .post('/api/itsm/webhooks/pagerduty')
      .set('Content-Type', 'application/json');
    return (
      signature === undefined
        ? req
        : req.set('X-PagerDuty-Signature', signature)
    ).send(raw);
  };
  // Unusual spacing: a signature over re-serialized JSON would not match.
  const rawOf = (body: object) => JSON.stringify(body, null, 3);

  it('answers 404 when no secret is configured', async () => {
    const { api } = await startItsmBackend();
    const raw = rawOf(pagerDutyEvent('incident.triggered'));
    expect((await post(api, raw, sign(raw))).status).toBe(404);
  });

  it.each([
    ['no signature', undefined],
    ['a signature with another secret', sign('x', 'another-secret-0123456789')],
    ['a malformed signature', 'v1=zz'],
    ['a signature over other bytes', 'SIGNED_OVER_COMPACT_JSON'],
  ])('answers 401 for %s and writes nothing', async (_name, signature) => {
    const { api } = await startItsmBackend({ config: webhookConfig });
    const body = pagerDutyEvent('incident.triggered');
    const raw = rawOf(body);
    const header =
      signature === 'SIGNED_OVER_COMPACT_JSON'
        ? sign(JSON.stringify(body))
        : signature;
    const res = await post(api, raw, header);
    expect(res.status).toBe(401);
    expect(await listIncidents(api)).toEqual([]);
  });

  it.each(databases.eachSupportedId())(
    'reopens the incident when PagerDuty reopens its incident, and resolves it again, %p',
    async databaseId => {
      const { api } = await startItsmBackend({
        databaseId,
        config: webhookConfig,
      });
      const deliver = async (type: string, occurredAt: string) => {
        const body = pagerDutyEvent(type) as {
          event: { occurred_at: string };
        };
        body.event.occurred_at = occurredAt;
        const raw = rawOf(body);
        const res = await post(api, raw, sign(raw));
        expect(res.status).toBe(200);
        return res.body;
      };
      await deliver('incident.triggered', '2026-03-02T09:00:00.000Z');
      await deliver('incident.resolved', '2026-03-02T09:30:00.000Z');
      const reopened = await deliver(
        'incident.reopened',
        '2026-03-02T10:00:00.000Z',
      );
      expect(reopened).toMatchObject({ reopened: ['INC-1'] });
      const incident = await api()
        .get('/api/itsm/incidents/INC-1')
        .set('Authorization', asUser());
      expect(incident.body).toMatchObject({ status: 'in_progress' });
      // Reopened again: unchanged; resolved again in PagerDuty: resolved again.
      expect(
        await deliver('incident.reopened', '2026-03-02T10:00:00.000Z'),
      ).toMatchObject({ unchanged: ['INC-1'] });
      expect(
        await deliver('incident.resolved', '2026-03-02T11:00:00.000Z'),
      ).toMatchObject({ resolved: ['INC-1'] });
      const history = await api()
        .get('/api/itsm/incidents/INC-1/history')
        .set('Authorization', asUser());
      expect(
        history.body.items
          .filter((e: any) => e.action === 'transition')
          .map((e: any) => [e.actor, e.changes.status[1], e.comment ?? null]),
      ).toEqual([
        ['plugin:itsm', 'resolved', null],
        [
          'plugin:itsm',
          'in_progress',
          'Reopened in PagerDuty at 2026-03-02T10:00:00.000Z',
        ],
        ['plugin:itsm', 'resolved', null],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'creates an incident on trigger, once, and resolves it, verifying the signature over the raw body, %p',
    async databaseId => {
      const { api } = await startItsmBackend({
        databaseId,
        config: webhookConfig,
      });
      const raw = rawOf(pagerDutyEvent('incident.triggered'));
      // Several signatures during a secret rotation: one of them is ours.
      const signatures = `${sign(raw, 'old-secret-0123456789abc')}, ${sign(
        raw,
      )}`;
      const created = await post(api, raw, signatures);
      expect(created.status).toBe(200);
      expect(created.body.created).toEqual(['INC-1']);
      const replay = await post(api, raw, sign(raw));
      expect(replay.body.unchanged).toEqual(['INC-1']);

      const [incident] = await listIncidents(api);
      expect(incident).toMatchObject({
        title: 'Card payments failing',
        entityRef: 'component:default/payments',
        impact: 1,
        urgency: 1,
        source: 'pagerduty',
        externalId: 'Q2KS2PV5NYVN1Q',
        signature: 'pagerduty:Payments API:card payments failing',
        reporter: 'plugin:itsm',
      });
      expect(incident.description).toContain(
        'https://acme.pagerduty.com/incidents/Q2KS2PV5NYVN1Q',
      );

      const resolvedRaw = rawOf(pagerDutyEvent('incident.resolved'));
      const resolved = await post(api, resolvedRaw, sign(resolvedRaw));
      expect(resolved.status).toBe(200);
      expect(resolved.body.resolved).toEqual(['INC-1']);
      const res = await api()
        .get('/api/itsm/incidents/INC-1')
        .set('Authorization', asUser());
      expect(res.body).toMatchObject({
        status: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Resolved in PagerDuty at 2026-03-02T09:30:00.000Z',
      });
    },
  );

  it('maps low urgency and services by id; ignores unmapped services and other events', async () => {
    const { api } = await startItsmBackend({ config: webhookConfig });
    const send = async (body: object) => {
      const raw = rawOf(body);
      const res = await post(api, raw, sign(raw));
      expect(res.status).toBe(200);
      return res.body;
    };
    expect(
      await send(
        pagerDutyEvent('incident.triggered', {
          id: 'PCARTINC',
          urgency: 'low',
          service: { id: 'PCART01', summary: 'Shopping Cart' },
        }),
      ),
    ).toMatchObject({ created: ['INC-1'] });
    expect(
      await send(
        pagerDutyEvent('incident.triggered', {
          id: 'OTHER',
          service: { id: 'PZZZ', summary: 'Marketing Site' },
        }),
      ),
    ).toMatchObject({
      created: [],
      ignored: [
        {
          externalId: 'OTHER',
          reason: expect.stringContaining('Marketing Site'),
        },
      ],
    });
    expect(await send(pagerDutyEvent('incident.acknowledged'))).toMatchObject({
      ignored: [expect.anything()],
    });
    expect(
      await send({
        event: {
          id: 'ping',
          event_type: 'pagey.ping',
          resource_type: 'pagey',
          occurred_at: '2026-03-02T09:30:00.000Z',
          data: { message: 'Hello from your friend Pagey!', type: 'ping' },
        },
      }),
    ).toMatchObject({ ignored: [expect.anything()] });

    const incidents = await listIncidents(api);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      entityRef: 'component:default/cart',
      impact: 2,
      urgency: 3,
    });
  });

  it('answers 400 for a service mapped to an entity that is not in the catalog, or a malformed event', async () => {
    const { api } = await startItsmBackend({ config: webhookConfig });
    const unknown = rawOf(
      pagerDutyEvent('incident.triggered', {
        service: { summary: 'Legacy Billing' },
      }),
    );
    const res = await post(api, unknown, sign(unknown));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/component:default\/billing/);

    for (const raw of [
      '{"event": ',
      rawOf({ event: { event_type: 'incident.triggered' } }),
      rawOf(pagerDutyEvent('incident.triggered', { id: 7 })),
    ]) {
      expect((await post(api, raw, sign(raw))).status).toBe(400);
    }
    expect(await listIncidents(api)).toEqual([]);
  });
});
