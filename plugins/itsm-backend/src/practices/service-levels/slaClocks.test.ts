import { setNow } from '../../__testUtils__/slaApi';
import { Knex } from 'knex';
import { incidentApi } from '../../__testUtils__/incidentApi';
import {
  ItsmTestBackend,
  asUser,
  databases,
  startItsmBackend,
  testConfig,
} from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

// Clock behaviour through the API with an SLA in force. The test calendar
// `business-hours-eu` is Europe/Berlin, Mon–Fri 08:00–18:00, holidays 12-25 and
// 12-26. Berlin is UTC+1 (CET) until 2026-03-29 02:00, then UTC+2 (CEST).
// Expected instants are worked out by hand in the comments.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CART = 'component:default/cart';
const PAYMENTS = 'component:default/payments';

/** SLA terms as the agreement store writes them into `itsm_agreement_revisions.terms`. */
function terms(calendarId: string, incidents: object) {
  return {
    title: 'Checkout SLA',
    calendarId,
    customerGroups: ['group:default/customers'],
    targets: { incidents, availabilityPercent: 99.5 },
    workloadLimits: {},
    exceptions: '',
    reviewCadence: 'quarterly',
  };
}

/** Inserts an SLA revision straight into the tables (the header row on revision 1). */
async function insertSla(
  knex: Knex,
  options: {
    seq: number;
    entityRef: string;
    revision: number;
    terms: ReturnType<typeof terms>;
    effectiveFrom: string;
  },
) {
  const at = new Date(options.effectiveFrom);
  const json = JSON.stringify(options.terms);
  if (options.revision === 1) {
    await knex('itsm_slas').insert({
      seq: options.seq,
      version: 1,
      revision: 1,
      entity_ref: options.entityRef,
      title: options.terms.title,
      terms: json,
      effective_from: at,
      created_at: at,
      created_by: 'user:default/alice',
      updated_at: at,
    });
  } else {
    // A new revision closes the previous one where it begins.
    await knex('itsm_agreement_revisions')
      .where({
        agreement_type: 'sla',
        agreement_seq: options.seq,
        revision: options.revision - 1,
      })
      .update({ effective_to: at });
    await knex('itsm_slas')
      .where({ seq: options.seq })
      .update({ revision: options.revision, terms: json, effective_from: at });
  }
  await knex('itsm_agreement_revisions').insert({
    agreement_type: 'sla',
    agreement_seq: options.seq,
    revision: options.revision,
    terms: json,
    effective_from: at,
    effective_to: null,
    created_at: at,
    created_by: 'user:default/alice',
  });
}

/** SLA-1 on cart (no `itsm/service-hours` annotation) on EU business hours; no P3 targets. */
const CART_TERMS = terms('business-hours-eu', {
  p1: { response: { duration: '30m', calendarId: '24x7' } },
  p2: { response: { duration: '1h' }, resolution: { duration: '8h' } },
});

async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
  const backend = await startItsmBackend({
    databaseId,
    config: {
      itsm: {
        ...testConfig.itsm,
        incidents: { majorIncident: { priorities: [], tiers: [] } },
      },
    },
  });
  const knex = backend.knex!;
  await insertSla(knex, {
    seq: 1,
    entityRef: CART,
    revision: 1,
    terms: CART_TERMS,
    effectiveFrom: '2026-01-01T00:00:00.000Z',
  });
  return { backend, knex, incidents: incidentApi(backend) };
}

async function clocksOf(backend: ItsmTestBackend, id: string) {
  const res = await incidentApi(backend).get(id);
  expect(res.status).toBe(200);
  return res.body.sla;
}

describe('SLA clocks through the API', () => {
  afterEach(() => jest.useRealTimers());

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('takes targets from the SLA and skips weekends, config holidays and API-added holidays', async () => {
      const { backend, incidents } = await setUp(databaseId);

      // Fri 2026-03-06 15:00 Berlin (14:00Z): a P2 (impact 1, urgency 2) on cart.
      setNow('2026-03-06T14:00:00.000Z');
      const friday = await incidents.create({ impact: 1, urgency: 2 });
      expect(friday.priority).toBe(2);
      const agreement = { slaId: 'SLA-1', revision: 1 };
      expect(friday.sla.response).toMatchObject({
        targetMs: HOUR,
        calendarId: 'business-hours-eu',
        agreement,
        // 15:00 + 1h = Fri 16:00 local = 15:00Z.
        dueAt: '2026-03-06T15:00:00.000Z',
        state: 'running',
      });
      expect(friday.sla.resolution).toMatchObject({
        targetMs: 8 * HOUR,
        calendarId: 'business-hours-eu',
        agreement,
        // Fri 15:00–18:00 = 3h; Sat, Sun skipped; Mon 08:00 + 5h = 13:00 local = 12:00Z.
        dueAt: '2026-03-09T12:00:00.000Z',
      });

      // Mon 2026-03-09 becomes a holiday through the API (it is still ahead).
      const holiday = await backend
        .api()
        .patch('/api/itsm/calendars/business-hours-eu')
        .set('Authorization', asUser())
        .set('If-Match', '"0"')
        .send({ holidays: ['2026-03-09'] });
      expect(holiday.status).toBe(200);
      // Fri 3h; Sat, Sun, Mon (holiday) skipped; Tue 08:00 + 5h = 13:00 local = 12:00Z.
      expect((await clocksOf(backend, friday.id)).resolution.dueAt).toBe(
        '2026-03-10T12:00:00.000Z',
      );

      // Thu 2026-12-24 16:00 Berlin (15:00Z), a P2 before the configured Christmas holidays.
      setNow('2026-12-24T15:00:00.000Z');
      const christmas = await incidents.create({ impact: 1, urgency: 2 });
      // Thu 16:00–18:00 = 2h; Fri 25 and Sat 26 (holidays), Sun 27 skipped;
      // Mon 28 08:00 + 6h = 14:00 local = 13:00Z.
      expect(christmas.sla.resolution.dueAt).toBe('2026-12-28T13:00:00.000Z');
      // Thu 16:00 + 1h = 17:00 local = 16:00Z.
      expect(christmas.sla.response.dueAt).toBe('2026-12-24T16:00:00.000Z');
    });

    it('counts real milliseconds across the DST change in Europe/Berlin', async () => {
      const { backend, knex, incidents } = await setUp(databaseId);
      setNow('2026-03-20T12:00:00.000Z');
      // A calendar with service on Sunday and Monday mornings, 00:00–12:00 local.
      const created = await backend
        .api()
        .post('/api/itsm/calendars')
        .set('Authorization', asUser())
        .send({
          id: 'weekend-desk',
          timezone: 'Europe/Berlin',
          hours: { sun: [['00:00', '12:00']], mon: [['00:00', '12:00']] },
        });
      expect(created.status).toBe(201);
      await insertSla(knex, {
        seq: 2,
        entityRef: PAYMENTS,
        revision: 1,
        terms: terms('business-hours-eu', {
          p1: {
            response: { duration: '30m', calendarId: '24x7' },
            resolution: { duration: '12h', calendarId: 'weekend-desk' },
          },
        }),
        effectiveFrom: '2026-01-01T00:00:00.000Z',
      });

      // Sun 2026-03-29 00:00 CET = Sat 23:00Z; clocks jump 02:00 → 03:00 that night.
      setNow('2026-03-28T23:00:00.000Z');
      const incident = await incidents.create({
        entityRef: PAYMENTS,
        impact: 1,
        urgency: 1,
      });
      expect(incident.priority).toBe(1);
      const agreement = { slaId: 'SLA-2', revision: 1 };
      expect(incident.sla.response).toMatchObject({
        calendarId: '24x7',
        agreement,
        dueAt: '2026-03-28T23:30:00.000Z',
      });
      // Sunday 00:00–12:00 local is 23:00Z–10:00Z: 11 real hours (one hour skipped).
      // The 12th hour: Mon 2026-03-30 00:00 CEST = Sun 22:00Z, + 1h = 23:00Z.
      expect(incident.sla.resolution).toMatchObject({
        targetMs: 12 * HOUR,
        calendarId: 'weekend-desk',
        agreement,
        dueAt: '2026-03-29T23:00:00.000Z',
      });

      // At Sun 12:00 CEST (10:00Z) 11h have elapsed.
      setNow('2026-03-29T10:00:00.000Z');
      const noon = (await clocksOf(backend, incident.id)).resolution;
      expect(noon.elapsedMs).toBe(11 * HOUR);
      expect(noon.remainingMs).toBe(HOUR);
      expect(noon.state).toBe('running');
    });

    it('pauses the resolution clock while on hold and continues it after a reopen', async () => {
      const { backend, incidents } = await setUp(databaseId);

      // Mon 2026-03-02 09:00 Berlin (08:00Z): P2 on cart, 1h response / 8h resolution.
      setNow('2026-03-02T08:00:00.000Z');
      let incident = await incidents.create({ impact: 1, urgency: 2 });

      // 10:00 local: in progress. The response clock stops exactly at its due instant: met.
      setNow('2026-03-02T09:00:00.000Z');
      incident = await incidents.move(incident, 'in_progress');
      expect(incident.sla.response).toMatchObject({
        state: 'met',
        elapsedMs: HOUR,
      });

      // 11:00 local: on hold.
      setNow('2026-03-02T10:00:00.000Z');
      incident = await incidents.move(incident, 'on_hold');

      // 12:00 local, still on hold: 2h elapsed (09:00–11:00), paused, no due instant.
      setNow('2026-03-02T11:00:00.000Z');
      expect((await clocksOf(backend, incident.id)).resolution).toMatchObject({
        state: 'paused',
        elapsedMs: 2 * HOUR,
        dueAt: null,
      });

      // 14:00 local: back in progress after 3h on hold.
      setNow('2026-03-02T13:00:00.000Z');
      incident = await incidents.move(incident, 'in_progress');
      // 6h left: Mon 14:00–18:00 = 4h, Tue 08:00 + 2h = 10:00 local = 09:00Z.
      expect(incident.sla.resolution).toMatchObject({
        state: 'running',
        elapsedMs: 2 * HOUR,
        dueAt: '2026-03-03T09:00:00.000Z',
      });

      // 15:00 local: resolved after 3h of service time.
      setNow('2026-03-02T14:00:00.000Z');
      incident = await incidents.move(incident, 'resolved');
      expect(incident.sla.resolution).toMatchObject({
        state: 'met',
        elapsedMs: 3 * HOUR,
      });

      // Tue 09:00 local (08:00Z): reopened; Mon 15:00 → Tue 09:00 does not count.
      setNow('2026-03-03T08:00:00.000Z');
      incident = await incidents.move(incident, 'in_progress');

      // Tue 10:00 local: 3h + 1h = 4h elapsed; 4h left → Tue 14:00 local = 13:00Z.
      setNow('2026-03-03T09:00:00.000Z');
      expect((await clocksOf(backend, incident.id)).resolution).toMatchObject({
        state: 'running',
        elapsedMs: 4 * HOUR,
        remainingMs: 4 * HOUR,
        dueAt: '2026-03-03T13:00:00.000Z',
        agreement: { slaId: 'SLA-1', revision: 1 },
      });
    });

    it("falls back to the configured defaults, on the SLA's calendar, for a priority the SLA leaves out", async () => {
      const { incidents } = await setUp(databaseId);
      // Mon 2026-03-02 09:00 Berlin (08:00Z): a P3 (impact 2, urgency 2) on cart.
      setNow('2026-03-02T08:00:00.000Z');
      const incident = await incidents.create({ impact: 2, urgency: 2 });
      expect(incident.priority).toBe(3);
      // Default P3 targets (4h / 24h) count on the SLA's calendar, not cart's default 24x7.
      expect(incident.sla.response).toMatchObject({
        targetMs: 4 * HOUR,
        calendarId: 'business-hours-eu',
        agreement: null,
        // 09:00 + 4h = 13:00 local = 12:00Z.
        dueAt: '2026-03-02T12:00:00.000Z',
      });
      expect(incident.sla.resolution).toMatchObject({
        targetMs: 24 * HOUR,
        calendarId: 'business-hours-eu',
        agreement: null,
        // Mon 09–18 = 9h, Tue 08–18 = 10h, Wed 08:00 + 5h = 13:00 local = 12:00Z.
        dueAt: '2026-03-04T12:00:00.000Z',
      });

      // P1: the SLA sets only the response (30m on 24x7); the resolution is the default 4h on 24x7.
      const p1 = await incidents.create({ impact: 1, urgency: 1 });
      expect(p1.sla.response).toMatchObject({
        targetMs: 30 * MINUTE,
        calendarId: '24x7',
        agreement: { slaId: 'SLA-1', revision: 1 },
      });
      expect(p1.sla.resolution).toMatchObject({
        targetMs: 4 * HOUR,
        calendarId: '24x7',
        agreement: null,
        dueAt: '2026-03-02T12:00:00.000Z',
      });

      // A service without an SLA keeps the annotation calendar and the defaults.
      const payments = await incidents.create({
        entityRef: PAYMENTS,
        impact: 1,
        urgency: 2,
      });
      expect(payments.sla.resolution).toMatchObject({
        targetMs: 8 * HOUR,
        calendarId: 'business-hours-eu',
        agreement: null,
      });
    });

    it('never rewrites the clocks of incidents raised before an SLA edit, even on a priority change', async () => {
      const { backend, knex, incidents } = await setUp(databaseId);
      await knex('itsm_agreement_revisions').delete();
      await knex('itsm_slas').delete();
      // Revision 1: P2 1h / 8h, P3 resolution 12h (P3 response from the defaults).
      await insertSla(knex, {
        seq: 1,
        entityRef: CART,
        revision: 1,
        terms: terms('business-hours-eu', {
          p2: { response: { duration: '1h' }, resolution: { duration: '8h' } },
          p3: { resolution: { duration: '12h' } },
        }),
        effectiveFrom: '2026-01-01T00:00:00.000Z',
      });

      // Mon 2026-03-02 09:00 Berlin: X raised under revision 1.
      setNow('2026-03-02T08:00:00.000Z');
      const x = await incidents.create({ impact: 1, urgency: 2 });
      expect(x.sla.resolution).toMatchObject({
        targetMs: 8 * HOUR,
        agreement: { slaId: 'SLA-1', revision: 1 },
      });

      // Revision 2 from 12:00Z: P2 2h / 16h, P3 resolution 20h.
      await insertSla(knex, {
        seq: 1,
        entityRef: CART,
        revision: 2,
        terms: terms('business-hours-eu', {
          p2: { response: { duration: '2h' }, resolution: { duration: '16h' } },
          p3: { resolution: { duration: '20h' } },
        }),
        effectiveFrom: '2026-03-02T12:00:00.000Z',
      });

      // 14:00 local (13:00Z): Y raised under revision 2.
      setNow('2026-03-02T13:00:00.000Z');
      const y = await incidents.create({ impact: 1, urgency: 2 });
      expect(y.sla.response).toMatchObject({
        targetMs: 2 * HOUR,
        agreement: { slaId: 'SLA-1', revision: 2 },
      });
      expect(y.sla.resolution).toMatchObject({
        targetMs: 16 * HOUR,
        agreement: { slaId: 'SLA-1', revision: 2 },
      });

      // X keeps revision 1's targets after the edit.
      const xAfter = await clocksOf(backend, x.id);
      expect(xAfter.response).toMatchObject({
        targetMs: HOUR,
        agreement: { slaId: 'SLA-1', revision: 1 },
      });
      expect(xAfter.resolution).toMatchObject({
        targetMs: 8 * HOUR,
        agreement: { slaId: 'SLA-1', revision: 1 },
        // Mon 09:00 + 8h = 17:00 local = 16:00Z.
        dueAt: '2026-03-02T16:00:00.000Z',
      });

      // A priority change to P3 re-targets X on revision 1 (12h), Y on revision 2 (20h).
      const xP3 = await incidents.patch(x.id, x.version, { urgency: 3 });
      expect(xP3.status).toBe(200);
      expect(xP3.body.priority).toBe(3);
      expect(xP3.body.sla.resolution).toMatchObject({
        targetMs: 12 * HOUR,
        agreement: { slaId: 'SLA-1', revision: 1 },
        // From Mon 09:00: Mon 09–18 = 9h, Tue 08:00 + 3h = 11:00 local = 10:00Z.
        dueAt: '2026-03-03T10:00:00.000Z',
      });
      // X's response clock (1h from 08:00Z, still running) breached at 09:00Z: a breached
      // clock keeps its target, so lowering the priority does not turn it into "met".
      expect(xP3.body.sla.response).toMatchObject({
        targetMs: HOUR,
        agreement: { slaId: 'SLA-1', revision: 1 },
        state: 'breached',
      });
      const yP3 = await incidents.patch(y.id, y.version, { urgency: 3 });
      expect(yP3.body.sla.resolution).toMatchObject({
        targetMs: 20 * HOUR,
        agreement: { slaId: 'SLA-1', revision: 2 },
      });

      // Back to P2: X returns to revision 1's 8h, never revision 2's 16h.
      const xP2 = await incidents.patch(x.id, xP3.body.version, { urgency: 2 });
      expect(xP2.body.sla.resolution).toMatchObject({
        targetMs: 8 * HOUR,
        agreement: { slaId: 'SLA-1', revision: 1 },
      });
      expect(xP2.body.sla.response).toMatchObject({
        targetMs: HOUR,
        agreement: { slaId: 'SLA-1', revision: 1 },
      });

      // The stored clocks carry the revision for the reports.
      const rows = await knex('itsm_sla_clocks')
        .where({ record_seq: 1 })
        .orderBy('clock');
      expect(
        rows.map(r => [r.clock, Number(r.sla_seq), Number(r.sla_revision)]),
      ).toEqual([
        ['resolution', 1, 1],
        ['response', 1, 1],
      ]);
    });
  });
});
