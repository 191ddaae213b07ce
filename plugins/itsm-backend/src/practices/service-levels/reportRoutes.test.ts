import { setNow } from '../../__testUtils__/slaApi';
import { Knex } from 'knex';
import {
  asUser,
  databases,
  startItsmBackend,
} from '../../__testUtils__/testBackend';

jest.setTimeout(60_000);

const PAYMENTS = 'component:default/payments';
// March 2026 in Europe/Berlin (the SLA calendar's zone): one whole local month.
const FROM = '2026-02-28T23:00:00.000Z';
const TO = '2026-03-31T22:00:00.000Z';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const d = (iso: string) => new Date(iso);

async function insertIncident(
  knex: Knex,
  options: {
    priority: number;
    createdAt: string;
    status?: string;
    major?: boolean;
    outage?: [string, string];
    clocks?: Array<{
      clock: 'response' | 'resolution';
      decidedAt: string;
      breached?: boolean;
      fromDefaults?: boolean;
    }>;
  },
): Promise<number> {
  const [row] = await knex('itsm_incidents')
    .insert({
      version: 1,
      title: 'Checkout fails',
      description: '',
      entity_ref: PAYMENTS,
      reporter: 'user:default/alice',
      impact: 2,
      urgency: 2,
      priority: options.priority,
      status: options.status ?? 'resolved',
      major: options.major ?? false,
      source: 'portal',
      outage_start: options.outage ? d(options.outage[0]) : null,
      outage_end: options.outage ? d(options.outage[1]) : null,
      created_at: d(options.createdAt),
      created_by: 'user:default/alice',
      updated_at: d(options.createdAt),
    })
    .returning('seq');
  const seq = Number(typeof row === 'object' ? row.seq : row);
  await knex('itsm_record_entities').insert({
    record_type: 'incident',
    record_seq: seq,
    entity_ref: PAYMENTS,
    owner_ref: 'group:default/team-a',
    is_primary: true,
  });
  for (const clock of options.clocks ?? []) {
    const decided = d(clock.decidedAt);
    await knex('itsm_sla_clocks').insert({
      record_type: 'incident',
      record_seq: seq,
      clock: clock.clock,
      target_ms: HOUR,
      calendar_id: '24x7',
      started_at: new Date(decided.getTime() - HOUR),
      stopped_at: decided,
      pauses: '[]',
      state: clock.breached ? 'breached' : 'met',
      due_at: clock.breached ? decided : null,
      breached_at: clock.breached ? decided : null,
      evaluated_at: decided,
      entity_ref: PAYMENTS,
      sla_seq: clock.fromDefaults ? null : 1,
      sla_revision: clock.fromDefaults ? null : 1,
      decided_at: decided,
      // Copied from the incident, as the incident store writes them.
      priority: options.priority,
      // A breach counts until it is waived, even after a cancel.
      counts:
        (options.status ?? 'resolved') !== 'cancelled' ||
        Boolean(clock.breached),
    });
  }
  return seq;
}

async function insertBreach(
  knex: Knex,
  seq: number,
  breachedAt: string,
  waived = false,
) {
  const at = d(breachedAt);
  await knex('itsm_sla_breaches').insert({
    version: 1,
    record_type: 'incident',
    record_seq: seq,
    clock: 'resolution',
    cycle: `${at.getTime() - HOUR}-${HOUR}`,
    priority: 2,
    entity_ref: PAYMENTS,
    sla_seq: 1,
    sla_revision: 1,
    target_ms: HOUR,
    calendar_id: '24x7',
    breached_at: at,
    detected_at: at,
    waiver_reason: waived
      ? 'Caused by the card network, an agreed exception'
      : null,
    waiver_approver: waived ? 'user:default/alice' : null,
    waiver_at: waived ? at : null,
    created_at: at,
    updated_at: at,
  });
  // The clock of the breach carries the waiver, as the breach store writes it.
  await knex('itsm_sla_clocks')
    .where({ record_type: 'incident', record_seq: seq, clock: 'resolution' })
    .where('breached_at', at)
    .update({ waived });
}

async function insertChange(knex: Knex, outcome: string, closedAt: string) {
  const at = d(closedAt);
  const [row] = await knex('itsm_changes')
    .insert({
      version: 5,
      plan_revision: 1,
      type: 'normal',
      status: 'closed',
      title: 'Rotate keys',
      justification: '',
      risk_answers: '{}',
      risk_reasons: '[]',
      required_approvals: '[]',
      conflicts: '[]',
      outcome,
      requester: 'user:default/alice',
      created_at: d('2026-03-01T10:00:00Z'),
      created_by: 'user:default/alice',
      updated_at: at,
      updated_by: 'user:default/alice',
    })
    .returning('seq');
  const seq = Number(typeof row === 'object' ? row.seq : row);
  await knex('itsm_change_entities').insert({
    change_seq: seq,
    entity_ref: PAYMENTS,
  });
}

/** The hand-computed fixture (see the figures in the test). */
async function seed(knex: Knex) {
  const terms = {
    title: 'Payments SLA',
    calendarId: 'business-hours-eu',
    customerGroups: ['group:default/shop'],
    targets: {
      incidents: {
        p1: { resolution: { duration: '4h' } },
        p2: { resolution: { duration: '8h' } },
        p3: { response: { duration: '4h' } },
      },
      availabilityPercent: 99.5,
      changeSuccessRatePercent: 90,
    },
    workloadLimits: { incidentsPerMonth: 5 },
    exceptions: '',
    reviewCadence: 'quarterly',
  };
  const [sla] = await knex('itsm_slas')
    .insert({
      version: 1,
      revision: 1,
      entity_ref: PAYMENTS,
      owner_ref: 'group:default/team-a',
      title: terms.title,
      terms: JSON.stringify(terms),
      effective_from: d('2026-01-01T00:00:00Z'),
      effective_to: null,
      created_at: d('2026-01-01T00:00:00Z'),
      created_by: 'user:default/alice',
      updated_at: d('2026-01-01T00:00:00Z'),
    })
    .returning('seq');
  await knex('itsm_agreement_revisions').insert({
    agreement_type: 'sla',
    agreement_seq: Number(typeof sla === 'object' ? sla.seq : sla),
    revision: 1,
    terms: JSON.stringify(terms),
    effective_from: d('2026-01-01T00:00:00Z'),
    effective_to: null,
    created_at: d('2026-01-01T00:00:00Z'),
    created_by: 'user:default/alice',
  });

  // P1: met exactly at `from` (counts), breached on 3 March.
  await insertIncident(knex, {
    priority: 1,
    createdAt: '2026-02-28T22:00:00Z',
    clocks: [{ clock: 'resolution', decidedAt: FROM }],
  });
  const p1Late = await insertIncident(knex, {
    priority: 1,
    createdAt: '2026-03-03T08:00:00Z',
    clocks: [
      {
        clock: 'resolution',
        decidedAt: '2026-03-03T09:00:00Z',
        breached: true,
      },
    ],
  });
  await insertBreach(knex, p1Late, '2026-03-03T09:00:00Z');
  // P2: one met, one breach that is waived.
  await insertIncident(knex, {
    priority: 2,
    createdAt: '2026-03-10T08:00:00Z',
    clocks: [{ clock: 'resolution', decidedAt: '2026-03-10T10:00:00Z' }],
  });
  const p2Waived = await insertIncident(knex, {
    priority: 2,
    createdAt: '2026-03-11T08:00:00Z',
    clocks: [
      {
        clock: 'resolution',
        decidedAt: '2026-03-11T12:00:00Z',
        breached: true,
      },
    ],
  });
  await insertBreach(knex, p2Waived, '2026-03-11T12:00:00Z', true);
  // P3: response met on the SLA, resolution met on the configured default.
  await insertIncident(knex, {
    priority: 3,
    createdAt: '2026-03-12T08:00:00Z',
    clocks: [
      { clock: 'response', decidedAt: '2026-03-12T09:00:00Z' },
      {
        clock: 'resolution',
        decidedAt: '2026-03-13T09:00:00Z',
        fromDefaults: true,
      },
    ],
  });
  // Cancelled after its breach: the breach still counts, in the register and the report.
  const cancelled = await insertIncident(knex, {
    priority: 3,
    status: 'cancelled',
    createdAt: '2026-03-14T08:00:00Z',
    clocks: [
      {
        clock: 'resolution',
        decidedAt: '2026-03-14T12:00:00Z',
        breached: true,
      },
    ],
  });
  await insertBreach(knex, cancelled, '2026-03-14T12:00:00Z');
  // Decided exactly at `to`: the next period's.
  await insertIncident(knex, {
    priority: 2,
    createdAt: '2026-03-30T08:00:00Z',
    clocks: [{ clock: 'resolution', decidedAt: TO }],
  });
  // Major incident: 90-minute outage on Monday 9 March, 17:00–18:30 Berlin time;
  // 60 minutes of it inside the 08:00–18:00 service hours.
  await insertIncident(knex, {
    priority: 1,
    major: true,
    createdAt: '2026-03-09T16:00:00Z',
    outage: ['2026-03-09T16:00:00Z', '2026-03-09T17:30:00Z'],
  });
  // January: a breach for the trend, outside the period.
  const january = await insertIncident(knex, {
    priority: 2,
    createdAt: '2026-01-15T08:00:00Z',
    clocks: [
      {
        clock: 'resolution',
        decidedAt: '2026-01-15T12:00:00Z',
        breached: true,
      },
    ],
  });
  await insertBreach(knex, january, '2026-01-15T12:00:00Z');

  // Four changes created on 1 March; closed in March: successful, successful_with_issues,
  // failed; one closed in April.
  await insertChange(knex, 'successful', '2026-03-05T10:00:00Z');
  await insertChange(knex, 'successful_with_issues', '2026-03-06T10:00:00Z');
  await insertChange(knex, 'failed', '2026-03-07T10:00:00Z');
  await insertChange(knex, 'successful', '2026-04-02T10:00:00Z');
  return { p1Late, p2Waived, cancelled };
}

describe('GET /reports/sla', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it.each(databases.eachSupportedId())(
    'measures availability of a running month up to now, %p',
    async databaseId => {
      // Monday 16 March 2026, 13:00 in Berlin. Service time so far in March on the
      // 08:00–18:00 weekday calendar: 2–6 and 9–13 March (10 × 10 h) plus 08:00–13:00
      // today (5 h) = 105 h; the 60 minutes of outage inside it leave 104 h up.
      setNow(new Date('2026-03-16T12:00:00.000Z'));
      const { api, knex } = await startItsmBackend({ databaseId });
      await seed(knex!);
      const res = await api()
        .get(
          `/api/itsm/reports/sla?entityRef=${PAYMENTS}&from=${FROM}&to=${TO}`,
        )
        .set('Authorization', asUser());
      expect(res.status).toBe(200);
      expect(res.body.availability).toMatchObject({
        serviceMs: 105 * 3_600_000,
        outageMs: 3_600_000,
        percent: (100 * 104) / 105,
        // 99.05% is short of the 99.5% target.
        met: false,
      });
      expect(res.body.trend[5].availabilityPercent).toBe((100 * 104) / 105);
    },
  );

  it.each(databases.eachSupportedId())(
    'reports the hand-computed figures of the fixture as JSON and CSV, %p',
    async databaseId => {
      const { api, knex } = await startItsmBackend({ databaseId });
      const { p1Late, p2Waived, cancelled } = await seed(knex!);
      const url = `/api/itsm/reports/sla?entityRef=${PAYMENTS}&from=${FROM}&to=${TO}`;

      const res = await api().get(url).set('Authorization', asUser());
      expect(res.status).toBe(200);
      const report = res.body;
      expect(report.sla).toEqual({
        id: 'SLA-1',
        revision: 1,
        title: 'Payments SLA',
        calendarId: 'business-hours-eu',
        customerGroups: ['group:default/shop'],
      });
      expect(
        report.targets.map((t: any) => [
          t.target,
          t.targetMs,
          t.met,
          t.breached,
          t.waived,
          t.percent,
          t.fromDefaults,
        ]),
      ).toEqual([
        ['p1.resolution', 4 * HOUR, 1, 1, 0, 50, 0],
        ['p2.resolution', 8 * HOUR, 1, 0, 1, 100, 0],
        ['p3.response', 4 * HOUR, 1, 0, 0, 100, 0],
        // The incident cancelled after its breach counts: a breach counts until waived.
        ['p3.resolution', null, 1, 1, 0, 50, 1],
      ]);
      expect(report.overall).toEqual({
        target: 'overall',
        met: 4,
        breached: 2,
        waived: 1,
        percent: (100 * 4) / 6,
      });
      // 22 weekdays of 10 service hours in March 2026; 1 hour of outage inside them.
      expect(report.availability).toEqual({
        targetPercent: 99.5,
        percent: (100 * 219) / 220,
        serviceMs: 220 * HOUR,
        outageMs: HOUR,
        met: true,
      });
      expect(report.changeSuccess).toEqual({
        targetPercent: 90,
        closed: 3,
        successful: 2,
        percent: (100 * 2) / 3,
        met: false,
      });
      expect(report.csat).toEqual({
        targetPercent: null,
        responses: 0,
        percent: null,
        met: null,
        n: 0,
        tooFew: true,
        meanRating: null,
        nps: null,
      });
      expect(report.workload).toEqual([
        { metric: 'incidentsPerMonth', actual: 6, limit: 5, exceeded: true },
        {
          metric: 'majorIncidentsPerMonth',
          actual: 1,
          limit: null,
          exceeded: false,
        },
        { metric: 'changesPerMonth', actual: 4, limit: null, exceeded: false },
      ]);
      expect(report.breaches.total).toBe(3);
      expect(report.breaches.waived).toBe(1);
      expect(report.breaches.items.map((b: any) => b.recordId)).toEqual([
        `INC-${cancelled}`,
        `INC-${p2Waived}`,
        `INC-${p1Late}`,
      ]);
      expect(
        report.trend.map((p: any) => [
          p.label,
          p.met,
          p.breached,
          p.attainmentPercent,
        ]),
      ).toEqual([
        ['2025-10', 0, 0, null],
        ['2025-11', 0, 0, null],
        ['2025-12', 0, 0, null],
        ['2026-01', 0, 1, 0],
        ['2026-02', 0, 0, null],
        ['2026-03', 4, 2, (100 * 4) / 6],
      ]);
      expect(report.trend[5]).toMatchObject({
        from: FROM,
        to: TO,
        availabilityPercent: (100 * 219) / 220,
      });
      expect(report.trend[3].availabilityPercent).toBe(100);

      const csv = await api()
        .get(url)
        .set('Authorization', asUser())
        .set('Accept', 'text/csv');
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toBe(
        'attachment; filename="sla-component-default-payments-2026-02-28-2026-03-31.csv"',
      );
      const lines = csv.text.split('\r\n');
      expect(lines).toEqual(
        expect.arrayContaining([
          'Targets',
          'target,priority,clock,targetMs,met,breached,waived,attainmentPercent,fromDefaults',
          'p1.resolution,1,resolution,14400000,1,1,0,50,0',
          'p2.resolution,2,resolution,28800000,1,0,1,100,0',
          'p3.resolution,3,resolution,,1,1,0,50,1',
          'overall,,,,4,2,1,66.6667,',
          'Availability',
          '99.5,99.5455,792000000,3600000,true',
          '90,3,2,66.6667,false',
          'incidentsPerMonth,6,5,true',
          '2026-03,2026-02-28T23:00:00.000Z,2026-03-31T22:00:00.000Z,4,2,66.6667,99.5455',
          'Breaches',
        ]),
      );
      expect(
        lines.find(l => l.startsWith(`BRE-`) && l.includes(`INC-${p2Waived}`)),
      ).toContain(
        'true,"Caused by the card network, an agreed exception",user:default/alice',
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'reports CSAT from the survey responses of the period against the SLA target, %p',
    async databaseId => {
      const { api, knex } = await startItsmBackend({ databaseId });
      await seed(knex!);
      for (const table of ['itsm_slas', 'itsm_agreement_revisions']) {
        const row = await knex!(table).first('terms');
        const terms = JSON.parse(row.terms);
        terms.targets.csatPercent = 80;
        await knex!(table).update({ terms: JSON.stringify(terms) });
      }
      // Six ratings in March (4 of them 4–5), one in February that does not count.
      const ratings: Array<[string, number, number | null]> = [
        ['2026-03-02T10:00:00Z', 5, 10],
        ['2026-03-03T10:00:00Z', 5, 9],
        ['2026-03-04T10:00:00Z', 4, 8],
        ['2026-03-05T10:00:00Z', 4, null],
        ['2026-03-06T10:00:00Z', 3, 6],
        ['2026-03-07T10:00:00Z', 1, 0],
        ['2026-02-20T10:00:00Z', 1, null],
      ];
      for (const [i, [at, rating, nps]] of ratings.entries()) {
        await knex!('itsm_survey_responses').insert({
          source_type: 'incident',
          incident_seq: 100 + i,
          cycle: 1,
          entity_ref: PAYMENTS,
          respondent: 'user:default/alice',
          rating,
          nps,
          comment: rating <= 2 ? 'Down again' : null,
          answers: JSON.stringify({ rating }),
          submitted_at: d(at),
        });
      }
      const url = `/api/itsm/reports/sla?entityRef=${PAYMENTS}&from=${FROM}&to=${TO}`;
      const res = await api().get(url).set('Authorization', asUser());
      expect(res.status).toBe(200);
      // By hand: 4 of 6 satisfied = 66.7 % < 80 %; mean 22 / 6; NPS (2 − 2) / 5 = 0.
      expect(res.body.csat).toEqual({
        targetPercent: 80,
        responses: 6,
        percent: (100 * 4) / 6,
        met: false,
        n: 6,
        tooFew: false,
        meanRating: 22 / 6,
        nps: 0,
      });
      const csv = await api()
        .get(url)
        .set('Authorization', asUser())
        .set('Accept', 'text/csv');
      expect(csv.text).toContain(
        'targetPercent,responses,percent,met,n,tooFew,meanRating,nps\r\n80,6,66.6667,false,6,false,3.6667,0\r\n',
      );
      // February holds one rating: shown, flagged too few, neither met nor missed.
      const february = await api()
        .get(
          `/api/itsm/reports/sla?entityRef=${PAYMENTS}&from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z`,
        )
        .set('Authorization', asUser());
      expect(february.body.csat).toMatchObject({
        targetPercent: 80,
        percent: 0,
        n: 1,
        tooFew: true,
        met: null,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'rejects bad periods naming the field, %p',
    async databaseId => {
      const { api } = await startItsmBackend({ databaseId });
      const get = (query: string) =>
        api()
          .get(`/api/itsm/reports/sla?${query}`)
          .set('Authorization', asUser());
      const noEntity = await get(`from=${FROM}&to=${TO}`);
      expect(noEntity.status).toBe(400);
      expect(noEntity.body.error.message).toMatch(/entityRef/);
      const backwards = await get(
        `entityRef=${PAYMENTS}&from=${TO}&to=${FROM}`,
      );
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.message).toMatch(/to must be after from/);
      const tooLong = await get(
        `entityRef=${PAYMENTS}&from=2025-01-01T00:00:00Z&to=2026-01-03T00:00:00Z`,
      );
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.message).toMatch(/366 days/);
      const notInstant = await get(
        `entityRef=${PAYMENTS}&from=yesterday&to=${TO}`,
      );
      expect(notInstant.status).toBe(400);
      expect(notInstant.body.error.message).toMatch(/from/);
    },
  );
});

describe('GET /reports/sla-portfolio', () => {
  it.each(databases.eachSupportedId())(
    'lists every service with decided clocks or an SLA, %p',
    async databaseId => {
      const { api, knex } = await startItsmBackend({ databaseId });
      await seed(knex!);
      await knex!('itsm_sla_clocks').insert({
        record_type: 'incident',
        record_seq: 1,
        clock: 'response',
        target_ms: HOUR,
        calendar_id: '24x7',
        started_at: d('2026-03-05T08:00:00Z'),
        stopped_at: d('2026-03-05T08:30:00Z'),
        pauses: '[]',
        state: 'met',
        evaluated_at: d('2026-03-05T08:30:00Z'),
        entity_ref: 'component:default/cart',
        decided_at: d('2026-03-05T08:30:00Z'),
        priority: 1,
      });
      const res = await api()
        .get(`/api/itsm/reports/sla-portfolio?from=${FROM}&to=${TO}`)
        .set('Authorization', asUser());
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        {
          entityRef: 'component:default/cart',
          slaId: null,
          met: 1,
          breached: 0,
          waived: 0,
          attainmentPercent: 100,
          availabilityPercent: 100,
          availabilityTargetPercent: null,
        },
        {
          entityRef: PAYMENTS,
          slaId: 'SLA-1',
          met: 4,
          breached: 2,
          waived: 1,
          attainmentPercent: (100 * 4) / 6,
          availabilityPercent: (100 * 219) / 220,
          availabilityTargetPercent: 99.5,
        },
      ]);
    },
  );
});
