import {
  asUser,
  databases,
  newIncident,
  startItsmBackend,
  testConfig,
} from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

// Monday 2026-03-02, 10:00 in Berlin: inside EU business hours.
const T0 = new Date('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;

function setNow(date: Date) {
  // Only Date is faked; timers and I/O of the test server keep running.
  jest.useFakeTimers({
    now: date,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

describe('service health router', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it.each(databases.eachSupportedId())(
    'counts open incidents, clocks at risk and breached, and the major incident, %p',
    async databaseId => {
      // Incidents become major here only when the test says so.
      const { api, knex } = await startItsmBackend({
        databaseId,
        config: {
          itsm: {
            ...testConfig.itsm,
            incidents: { majorIncident: { priorities: [], tiers: [] } },
          },
        },
      });
      const health = async (entityRef = 'component:default/payments') => {
        const res = await api()
          .get(`/api/itsm/service-health?entityRef=${entityRef}`)
          .set('Authorization', asUser());
        expect(res.status).toBe(200);
        return res.body;
      };
      const create = async (body: object) => {
        const res = await api()
          .post('/api/itsm/incidents')
          .set('Authorization', asUser())
          .send(body);
        expect(res.status).toBe(201);
        return res.body;
      };

      expect(await health()).toMatchObject({
        entityRef: 'component:default/payments',
        status: 'operational',
        openIncidents: {
          total: 0,
          byPriority: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
        },
        activeMajorIncident: null,
        clocksAtRisk: 0,
        clocksBreached: 0,
      });

      setNow(T0);
      await create(newIncident({ impact: 3, urgency: 2 })); // P4, business hours
      await create(
        newIncident({
          entityRef: 'component:default/cart',
          affectedEntityRefs: ['component:default/payments'],
          impact: 2,
          urgency: 3,
        }),
      ); // P4 on cart, payments affected
      await create(
        newIncident({
          entityRef: 'component:default/cart',
          impact: 1,
          urgency: 1,
        }),
      );

      expect(await health()).toMatchObject({
        status: 'operational',
        openIncidents: { total: 2, byPriority: { 1: 0, 4: 2 } },
        clocksAtRisk: 0,
        clocksBreached: 0,
      });

      // A P1 on payments: its 15-minute response clock is at risk after 10 minutes.
      await create(newIncident({ impact: 1, urgency: 1 }));
      setNow(new Date(T0.getTime() + 10 * MINUTE));
      expect(await health()).toMatchObject({
        status: 'degraded',
        openIncidents: { total: 3, byPriority: { 1: 1, 4: 2 } },
        clocksAtRisk: 1,
        clocksBreached: 0,
      });

      // ... and breached after 20 minutes.
      setNow(new Date(T0.getTime() + 20 * MINUTE));
      expect(await health()).toMatchObject({
        clocksAtRisk: 0,
        clocksBreached: 1,
      });

      // The cart incident that affects payments becomes major.
      await knex!('itsm_incidents').where({ seq: 2 }).update({ major: true });
      const withMajor = await health();
      expect(withMajor).toMatchObject({
        status: 'major_outage',
        activeMajorIncident: {
          id: 'INC-2',
          title: 'Checkout fails',
          priority: 4,
          createdAt: T0.toISOString(),
        },
      });
      expect(withMajor.computedAt).toBe(
        new Date(T0.getTime() + 20 * MINUTE).toISOString(),
      );

      // Closed and resolved incidents do not count.
      await knex!('itsm_incidents')
        .whereIn('seq', [1, 2, 4])
        .update({ status: 'resolved' });
      expect(await health()).toMatchObject({
        status: 'operational',
        openIncidents: { total: 0 },
        activeMajorIncident: null,
        clocksBreached: 0,
      });
      expect(await health('Component:Default/Cart')).toMatchObject({
        entityRef: 'component:default/cart',
        openIncidents: { total: 1, byPriority: { 1: 1 } },
      });
    },
  );

  it.each([
    ['no entity ref', ''],
    ['a malformed entity ref', '?entityRef=payments'],
    ['an unknown parameter', '?entityRef=component:default/payments&x=1'],
  ])('answers 400 for %s', async (_name, query) => {
    const { api } = await startItsmBackend();
    const res = await api()
      .get(`/api/itsm/service-health${query}`)
      .set('Authorization', asUser());
    expect(res.status).toBe(400);
  });
});
