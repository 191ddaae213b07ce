import { setNow } from '../../__testUtils__/slaApi';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { slaReadPermission } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import {
  asUser,
  databases,
  newIncident,
  startItsmBackend,
  testConfig,
} from '../../__testUtils__/testBackend';

jest.setTimeout(60_000);

// Monday 2026-03-02, 10:00 in Berlin: inside EU business hours.
const T0 = new Date('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;

const HOUR = 60 * MINUTE;
const PAYMENTS = 'component:default/payments';
const CART = 'component:default/cart';

/** An SLA row with its one agreed revision, straight into the tables. */
async function insertSla(
  knex: Knex,
  options: {
    entityRef: string;
    terms: Record<string, unknown>;
    effectiveFrom: string;
    lastReviewedAt?: string;
  },
): Promise<number> {
  const at = new Date(options.effectiveFrom);
  const terms = JSON.stringify(options.terms);
  const [row] = await knex('itsm_slas')
    .insert({
      version: 1,
      revision: 1,
      entity_ref: options.entityRef,
      owner_ref: 'group:default/team-a',
      title: options.terms.title,
      terms,
      effective_from: at,
      effective_to: null,
      last_reviewed_at: options.lastReviewedAt
        ? new Date(options.lastReviewedAt)
        : null,
      created_at: at,
      created_by: 'user:default/alice',
      updated_at: at,
    })
    .returning('seq');
  const seq = Number(typeof row === 'object' ? row.seq : row);
  await knex('itsm_agreement_revisions').insert({
    agreement_type: 'sla',
    agreement_seq: seq,
    revision: 1,
    terms,
    effective_from: at,
    effective_to: null,
    created_at: at,
    created_by: 'user:default/alice',
  });
  return seq;
}

/** A resolved incident with decided clocks (and a breach row for a waived breach). */
async function insertDecidedIncident(
  knex: Knex,
  options: {
    entityRef?: string;
    status?: string;
    major?: boolean;
    outage?: [string, string];
    createdAt: string;
    clocks?: Array<{
      decidedAt: string;
      outcome: 'met' | 'breached' | 'waived';
    }>;
  },
): Promise<number> {
  const entityRef = options.entityRef ?? PAYMENTS;
  const createdAt = new Date(options.createdAt);
  const [row] = await knex('itsm_incidents')
    .insert({
      version: 1,
      title: 'Checkout fails',
      description: '',
      entity_ref: entityRef,
      reporter: 'user:default/alice',
      impact: 2,
      urgency: 2,
      priority: 3,
      status: options.status ?? 'resolved',
      major: options.major ?? false,
      source: 'portal',
      outage_start: options.outage ? new Date(options.outage[0]) : null,
      outage_end: options.outage ? new Date(options.outage[1]) : null,
      created_at: createdAt,
      created_by: 'user:default/alice',
      updated_at: createdAt,
    })
    .returning('seq');
  const seq = Number(typeof row === 'object' ? row.seq : row);
  await knex('itsm_record_entities').insert({
    record_type: 'incident',
    record_seq: seq,
    entity_ref: entityRef,
    owner_ref: 'group:default/team-a',
    is_primary: true,
  });
  const clocks = ['response', 'resolution'] as const;
  for (const [i, clock] of (options.clocks ?? []).entries()) {
    const decided = new Date(clock.decidedAt);
    const breached = clock.outcome !== 'met';
    await knex('itsm_sla_clocks').insert({
      record_type: 'incident',
      record_seq: seq,
      clock: clocks[i],
      target_ms: HOUR,
      calendar_id: '24x7',
      started_at: new Date(decided.getTime() - HOUR),
      stopped_at: decided,
      pauses: '[]',
      state: breached ? 'breached' : 'met',
      due_at: decided,
      breached_at: breached ? decided : null,
      evaluated_at: decided,
      entity_ref: entityRef,
      sla_seq: 1,
      sla_revision: 1,
      decided_at: decided,
      // Copied from the incident and its breach row, as the stores write them.
      priority: 3,
      counts: (options.status ?? 'resolved') !== 'cancelled',
      waived: clock.outcome === 'waived',
    });
    if (breached) {
      const waived = clock.outcome === 'waived';
      await knex('itsm_sla_breaches').insert({
        version: 1,
        record_type: 'incident',
        record_seq: seq,
        clock: clocks[i],
        cycle: `${decided.getTime() - HOUR}-${HOUR}`,
        priority: 3,
        entity_ref: entityRef,
        sla_seq: 1,
        sla_revision: 1,
        target_ms: HOUR,
        calendar_id: '24x7',
        breached_at: decided,
        detected_at: decided,
        waiver_reason: waived ? 'Card network outage, agreed exception' : null,
        waiver_approver: waived ? 'user:default/alice' : null,
        waiver_at: waived ? decided : null,
        created_at: decided,
        updated_at: decided,
      });
    }
  }
  return seq;
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

  it.each(databases.eachSupportedId())(
    'shows the SLA of the service: attainment this month, availability and the next review, %p',
    async databaseId => {
      const { api, knex } = await startItsmBackend({ databaseId });
      const health = async (entityRef = PAYMENTS) => {
        const res = await api()
          .get(`/api/itsm/service-health?entityRef=${entityRef}`)
          .set('Authorization', asUser());
        expect(res.status).toBe(200);
        return res.body;
      };
      // Saturday 21 March 2026, 13:00 in Berlin: March so far has 15 weekdays of
      // 10 service hours on the EU business-hours calendar, all of them past.
      setNow(new Date('2026-03-21T12:00:00.000Z'));

      // Decided this month (Berlin): 3 met, 1 breached, 1 breached but waived.
      await insertDecidedIncident(knex!, {
        createdAt: '2026-03-02T08:00:00Z',
        clocks: [
          { decidedAt: '2026-03-02T09:00:00Z', outcome: 'met' },
          { decidedAt: '2026-03-02T12:00:00Z', outcome: 'breached' },
        ],
      });
      await insertDecidedIncident(knex!, {
        createdAt: '2026-03-10T08:00:00Z',
        clocks: [
          // 00:30 on 1 March in Berlin: this month's first hour.
          { decidedAt: '2026-02-28T23:30:00Z', outcome: 'met' },
          { decidedAt: '2026-03-20T16:00:00Z', outcome: 'met' },
        ],
      });
      await insertDecidedIncident(knex!, {
        createdAt: '2026-03-11T08:00:00Z',
        clocks: [{ decidedAt: '2026-03-11T10:00:00Z', outcome: 'waived' }],
      });
      // Not counted: decided in February (23:30 on 28 February in Berlin), on a
      // cancelled incident, or on another service.
      await insertDecidedIncident(knex!, {
        createdAt: '2026-02-28T20:00:00Z',
        clocks: [{ decidedAt: '2026-02-28T22:30:00Z', outcome: 'breached' }],
      });
      await insertDecidedIncident(knex!, {
        status: 'cancelled',
        createdAt: '2026-03-12T08:00:00Z',
        clocks: [{ decidedAt: '2026-03-12T10:00:00Z', outcome: 'breached' }],
      });
      await insertDecidedIncident(knex!, {
        entityRef: CART,
        createdAt: '2026-03-12T08:00:00Z',
        clocks: [{ decidedAt: '2026-03-12T10:00:00Z', outcome: 'breached' }],
      });
      // A major incident: 90 minutes of outage on Monday 9 March, 17:00–18:30 in
      // Berlin, 60 minutes of it inside the 08:00–18:00 service hours.
      await insertDecidedIncident(knex!, {
        major: true,
        createdAt: '2026-03-09T16:00:00Z',
        outage: ['2026-03-09T16:00:00Z', '2026-03-09T17:30:00Z'],
      });

      // Without an SLA there are no SLA figures, whatever the clocks.
      expect((await health()).sla).toBeNull();

      await insertSla(knex!, {
        entityRef: PAYMENTS,
        effectiveFrom: '2025-12-01T00:00:00.000Z',
        terms: {
          title: 'Payments SLA',
          calendarId: 'business-hours-eu',
          customerGroups: ['group:default/shop'],
          targets: {
            incidents: { p3: { resolution: { duration: '1h' } } },
            availabilityPercent: 99.9,
          },
          workloadLimits: {},
          exceptions: '',
          reviewCadence: 'quarterly',
        },
      });
      const withSla = await health();
      expect(withSla).toMatchObject({
        entityRef: PAYMENTS,
        status: 'operational',
        openIncidents: { total: 0 },
      });
      // Never reviewed: a quarter after it took effect, which is past.
      expect(withSla.sla).toEqual({
        id: 'SLA-1',
        title: 'Payments SLA',
        attainmentPercent: 75,
        met: 3,
        breached: 1,
        availabilityPercent: (100 * 149) / 150,
        availabilityTargetPercent: 99.9,
        nextReviewAt: '2026-03-01T00:00:00.000Z',
        reviewOverdue: true,
      });

      // Reviewed on 10 March: the next review is a quarter later.
      await knex!('itsm_slas')
        .where({ entity_ref: PAYMENTS })
        .update({ last_reviewed_at: new Date('2026-03-10T09:00:00.000Z') });
      expect((await health('Component:Default/Payments')).sla).toMatchObject({
        attainmentPercent: 75,
        nextReviewAt: '2026-06-10T09:00:00.000Z',
        reviewOverdue: false,
      });

      // The cart has no SLA: its breached clock gives it no SLA figures.
      expect((await health(CART)).sla).toBeNull();
    },
  );

  it.each(databases.eachSupportedId())(
    'shows an SLA with nothing decided this month as unknown attainment at full availability, %p',
    async databaseId => {
      const { api, knex } = await startItsmBackend({ databaseId });
      setNow(new Date('2026-03-21T12:00:00.000Z'));
      await insertSla(knex!, {
        entityRef: CART,
        effectiveFrom: '2026-03-01T00:00:00.000Z',
        terms: {
          title: 'Cart SLA',
          calendarId: 'business-hours-eu',
          customerGroups: [],
          targets: { incidents: {} },
          workloadLimits: {},
          exceptions: '',
          reviewCadence: 'monthly',
        },
      });
      // Decided last month: not this month's.
      await insertDecidedIncident(knex!, {
        entityRef: CART,
        createdAt: '2026-02-10T08:00:00Z',
        clocks: [{ decidedAt: '2026-02-10T10:00:00Z', outcome: 'met' }],
      });
      const res = await api()
        .get(`/api/itsm/service-health?entityRef=${CART}`)
        .set('Authorization', asUser());
      expect(res.status).toBe(200);
      expect(res.body.sla).toEqual({
        id: 'SLA-1',
        title: 'Cart SLA',
        attainmentPercent: null,
        met: 0,
        breached: 0,
        availabilityPercent: 100,
        // No agreed availability: the service is expected up all its hours.
        availabilityTargetPercent: 100,
        nextReviewAt: '2026-04-01T00:00:00.000Z',
        reviewOverdue: false,
      });
    },
  );

  it('leaves the SLA figures out for a caller who may not read SLAs', async () => {
    const denySlaRead = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(({ permission }) => ({
          result:
            permission.name === slaReadPermission.name
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      authorizeConditional: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    }).factory;
    const { api, knex } = await startItsmBackend({
      databaseId: 'SQLITE_3',
      features: [denySlaRead],
    });
    await insertSla(knex!, {
      entityRef: CART,
      effectiveFrom: '2026-01-01T00:00:00.000Z',
      terms: {
        title: 'Cart SLA',
        calendarId: '24x7',
        customerGroups: [],
        targets: { incidents: {} },
        workloadLimits: {},
        exceptions: '',
        reviewCadence: 'monthly',
      },
    });
    const res = await api()
      .get(`/api/itsm/service-health?entityRef=${CART}`)
      .set('Authorization', asUser());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ entityRef: CART, status: 'operational' });
    expect(res.body.sla).toBeNull();
  });

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
