import {
  TestDatabaseId,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ALWAYS_ON,
  ComplaintSummary,
  SatisfactionComment,
  diffReviewPack,
  slaCreateSchema,
  supportingAgreementCreateSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { databases, testEntities } from '../../../__testUtils__/testBackend';
import { newOla, newSla } from '../../../__testUtils__/slaApi';
import { ItsmCatalog } from '../../../catalog/ItsmCatalog';
import { isPluginItself } from '../../../records/context';
import { migratedClient } from '../../../records/database';
import { AgreementAccess } from '../../service-levels/AgreementAccess';
import { AgreementService } from '../../service-levels/AgreementService';
import { KnexAgreementStore } from '../../service-levels/KnexAgreementStore';
import { KnexSlaReportStore } from '../../service-levels/KnexSlaReportStore';
import { SlaReportService } from '../../service-levels/SlaReportService';
import { SupportingAgreementService } from '../../service-levels/SupportingAgreementService';
import {
  REVIEW_PACK_GENERATOR_VERSION,
  ReviewPackComplaintSource,
  ReviewPackGenerator,
  ReviewPackSatisfactionSource,
  hashReviewPack,
} from '.';

jest.setTimeout(60_000);

const PAYMENTS = 'component:default/payments';
const CART = 'component:default/cart';
const FROM = '2026-10-01T00:00:00.000Z';
const TO = '2026-11-01T00:00:00.000Z';
const at = (day: number, hour = 10) =>
  new Date(Date.UTC(2026, 9, day, hour, 0, 0));
const PLUGIN = mockCredentials.service('plugin:itsm');

interface IncidentRow {
  createdAt: Date;
  entityRef?: string;
  priority?: number;
  status?: string;
  major?: boolean;
  outage?: [Date, Date | null];
  review?: object;
  resolvedAt?: Date | null;
  /** The resolution clock: met or breached (with a breach register row and its cause). */
  clock?: 'met' | { breachedCause: string | null };
}

/** Incidents straight into the tables, with a decided resolution clock and breach row. */
async function insertIncident(knex: Knex, row: IncidentRow): Promise<number> {
  const entityRef = row.entityRef ?? PAYMENTS;
  const priority = row.priority ?? 3;
  const status = row.status ?? 'closed';
  const [inserted] = await knex('itsm_incidents')
    .insert({
      version: 1,
      title: `Incident on ${row.createdAt.toISOString()}`,
      description: '',
      entity_ref: entityRef,
      reporter: 'user:default/alice',
      impact: 2,
      urgency: 2,
      priority,
      status,
      major: row.major ?? false,
      source: 'portal',
      outage_start: row.outage?.[0] ?? null,
      outage_end: row.outage?.[1] ?? null,
      post_incident_review: row.review ? JSON.stringify(row.review) : null,
      resolved_at: row.resolvedAt ?? null,
      created_at: row.createdAt,
      created_by: 'user:default/alice',
      updated_at: row.createdAt,
    })
    .returning('seq');
  const seq = Number(typeof inserted === 'object' ? inserted.seq : inserted);
  await knex('itsm_record_entities').insert({
    record_type: 'incident',
    record_seq: seq,
    entity_ref: entityRef,
    owner_ref: 'group:default/team-a',
    is_primary: true,
  });
  if (row.clock) {
    const targetMs = 4 * 3_600_000;
    const breached = row.clock !== 'met';
    const due = new Date(row.createdAt.getTime() + targetMs);
    const stopped = new Date(
      row.createdAt.getTime() + (breached ? 2 * targetMs : targetMs / 2),
    );
    await knex('itsm_sla_clocks').insert({
      record_type: 'incident',
      record_seq: seq,
      clock: 'resolution',
      target_ms: targetMs,
      calendar_id: '24x7',
      started_at: row.createdAt,
      stopped_at: stopped,
      pauses: '[]',
      state: breached ? 'breached' : 'met',
      due_at: due,
      breached_at: breached ? due : null,
      evaluated_at: stopped,
      entity_ref: entityRef,
      decided_at: breached ? due : stopped,
      priority,
      counts: status !== 'cancelled',
    });
    if (row.clock !== 'met') {
      await knex('itsm_sla_breaches').insert({
        version: 1,
        record_type: 'incident',
        record_seq: seq,
        clock: 'resolution',
        cycle: '1',
        priority,
        entity_ref: entityRef,
        target_ms: targetMs,
        calendar_id: '24x7',
        breached_at: due,
        detected_at: due,
        cause: row.clock.breachedCause,
        created_at: due,
        updated_at: due,
      });
    }
  }
  return seq;
}

async function insertProblem(
  knex: Knex,
  row: {
    status: string;
    priority?: number;
    createdAt: Date;
    resolvedAt?: Date;
    entityRef?: string;
  },
) {
  const [inserted] = await knex('itsm_problems')
    .insert({
      version: 1,
      status: row.status,
      title: `Problem ${row.status}`,
      statement: '',
      entity_ref: row.entityRef ?? PAYMENTS,
      impact: 2,
      urgency: 2,
      priority: row.priority ?? 3,
      origin: 'reactive',
      rca_notes: '[]',
      contributing_factors: '[]',
      resolved_at: row.resolvedAt ?? null,
      created_at: row.createdAt,
      created_by: 'user:default/alice',
      updated_at: row.createdAt,
    })
    .returning('seq');
  const seq = Number(typeof inserted === 'object' ? inserted.seq : inserted);
  await knex('itsm_record_entities').insert({
    record_type: 'problem',
    record_seq: seq,
    entity_ref: row.entityRef ?? PAYMENTS,
    is_primary: true,
  });
  return seq;
}

async function insertKnownError(knex: Knex, status: string) {
  const now = at(2);
  const [inserted] = await knex('itsm_known_errors')
    .insert({
      version: 1,
      status,
      title: `Known error ${status}`,
      symptom: 'Timeouts',
      root_cause: 'Pool',
      workaround: 'Restart',
      match_rules: '{}',
      review_by: '2027-01-31',
      created_at: now,
      created_by: 'user:default/alice',
      updated_at: now,
    })
    .returning('seq');
  const seq = Number(typeof inserted === 'object' ? inserted.seq : inserted);
  await knex('itsm_record_entities').insert({
    record_type: 'known_error',
    record_seq: seq,
    entity_ref: PAYMENTS,
    is_primary: true,
  });
}

async function insertChange(
  knex: Knex,
  row: { outcome: string | null; status?: string; closedAt: Date },
) {
  const [inserted] = await knex('itsm_changes')
    .insert({
      version: 5,
      plan_revision: 1,
      type: 'normal',
      status: row.status ?? 'closed',
      title: `Change ${row.outcome}`,
      justification: '',
      risk_answers: '{}',
      risk_reasons: '[]',
      required_approvals: '[]',
      conflicts: '[]',
      outcome: row.outcome,
      requester: 'user:default/alice',
      created_at: at(1),
      created_by: 'user:default/alice',
      updated_at: row.closedAt,
      updated_by: 'user:default/alice',
    })
    .returning('seq');
  const seq = Number(typeof inserted === 'object' ? inserted.seq : inserted);
  await knex('itsm_change_entities').insert({
    change_seq: seq,
    entity_ref: PAYMENTS,
  });
}

/** The data of October 2026 on payments, and noise around it. */
async function loadOctober(knex: Knex) {
  // Raised in October on payments: P1 major (breached, cause), P2, three P3, one cancelled.
  const major = await insertIncident(knex, {
    createdAt: at(5),
    priority: 1,
    major: true,
    outage: [at(5), at(5, 11)],
    review: { summary: 'Database failover', problemId: 'PRB-1' },
    resolvedAt: at(5, 12),
    clock: { breachedCause: 'Failover took too long' },
  });
  await insertIncident(knex, {
    createdAt: at(6),
    priority: 2,
    resolvedAt: at(6, 11),
    clock: { breachedCause: null },
  });
  for (const day of [7, 8]) {
    await insertIncident(knex, {
      createdAt: at(day),
      resolvedAt: at(day, 11),
      clock: 'met',
    });
  }
  await insertIncident(knex, { createdAt: at(30), status: 'in_progress' });
  await insertIncident(knex, { createdAt: at(9), status: 'cancelled' });
  // Not in the pack: another service, and payments before and after the period.
  await insertIncident(knex, { createdAt: at(5), entityRef: CART });
  await insertIncident(knex, {
    createdAt: new Date('2026-09-30T23:59:59.999Z'),
  });
  await insertIncident(knex, { createdAt: new Date(TO) });

  await insertProblem(knex, { status: 'investigating', createdAt: at(6) });
  await insertProblem(knex, {
    status: 'resolved',
    priority: 2,
    createdAt: new Date('2026-08-01T00:00:00Z'),
    resolvedAt: at(20),
  });
  await insertProblem(knex, {
    status: 'closed',
    createdAt: new Date('2026-06-01T00:00:00Z'),
    resolvedAt: new Date('2026-07-01T00:00:00Z'),
  });
  await insertProblem(knex, { status: 'candidate', createdAt: at(7) });
  await insertProblem(knex, {
    status: 'new',
    createdAt: at(7),
    entityRef: CART,
  });
  await insertKnownError(knex, 'active');
  await insertKnownError(knex, 'retired');

  await insertChange(knex, { outcome: 'successful', closedAt: at(3) });
  await insertChange(knex, { outcome: 'successful', closedAt: at(4) });
  await insertChange(knex, { outcome: 'backed_out', closedAt: at(12) });
  await insertChange(knex, { outcome: 'failed', closedAt: at(10) });
  await insertChange(knex, {
    outcome: 'failed',
    closedAt: new Date('2026-09-10T00:00:00Z'),
  });
  await insertChange(knex, {
    outcome: null,
    status: 'implementing',
    closedAt: at(11),
  });
  return { major };
}

function fakeSatisfaction(calls: BackstageCredentials[]) {
  const comment = (day: number, id: string): SatisfactionComment => ({
    at: at(day).toISOString(),
    rating: 2,
    nps: null,
    comment: `Slow (${id})`,
    source: { type: 'incident', id },
  });
  const figures = {
    ratings: 6,
    csatPercent: 500 / 6,
    meanRating: 25 / 6,
    npsAnswers: 3,
    nps: 100 / 3,
    tooFew: false,
    invited: 9,
    responses: 6,
    responseRatePercent: 200 / 3,
  };
  const source: ReviewPackSatisfactionSource = {
    figures: async (_q, ctx) => {
      calls.push(ctx.credentials);
      return figures;
    },
    trend: async query =>
      query.periods.map(p => ({
        label: p.label,
        from: p.from.toISOString(),
        to: p.to.toISOString(),
        ...figures,
      })),
    // 25 comments, in no particular order: the pack shows the newest 20.
    comments: async query =>
      Array.from({ length: 25 }, (_, i) =>
        comment(1 + ((i * 7) % 25), `INC-${100 + i}`),
      ).slice(0, query.limit),
  };
  return source;
}

const complaintSummary: ComplaintSummary = {
  raised: 1,
  open: 1,
  resolved: 0,
  escalated: 0,
  items: [
    {
      id: 'CMP-1',
      title: 'Nobody called back',
      status: 'open',
      owner: null,
      raisedAt: at(14).toISOString(),
      resolvedAt: null,
      closedAt: null,
      escalated: false,
    },
  ],
};

async function setUp(
  databaseId: TestDatabaseId,
  options: { withSources?: boolean } = {},
) {
  const knex = await databases.init(databaseId);
  const database = mockServices.database({ knex });
  await migratedClient(database);
  const auth = mockServices.auth({ pluginId: 'itsm' });
  const permissions = mockServices.permissions();
  const catalog = new ItsmCatalog({
    catalog: catalogServiceMock({
      entities: testEntities.map(entity =>
        entity.metadata.name === 'payments'
          ? { ...entity, metadata: { ...entity.metadata, title: 'Payments' } }
          : entity,
      ),
    }),
    auth,
  });
  const agreementStore = await KnexAgreementStore.create({ database });
  const agreementOptions = {
    store: agreementStore,
    access: new AgreementAccess({
      permissions,
      catalog,
      userInfo: mockServices.userInfo(),
    }),
    calendars: () => new Map([[ALWAYS_ON.id, ALWAYS_ON]]),
    now: () => new Date('2025-11-03T09:00:00.000Z'),
  };
  const slas = new AgreementService(agreementOptions);
  const supporting = new SupportingAgreementService(agreementOptions);
  const ctx = { credentials: PLUGIN };
  const sla = await slas.create(
    slaCreateSchema.parse(
      newSla({
        calendarId: '24x7',
        targets: {
          incidents: {
            p1: {
              response: { duration: '15m' },
              resolution: { duration: '4h' },
            },
          },
          availabilityPercent: 99.9,
          changeSuccessRatePercent: 90,
          csatPercent: 80,
        },
      }),
    ),
    ctx,
  );
  await supporting.create(
    supportingAgreementCreateSchema.parse(
      newOla({
        calendarId: '24x7',
        slaIds: [sla.id],
        targets: {
          incidents: {
            p1: {
              response: { duration: '30m' },
              resolution: { duration: '3h' },
            },
          },
        },
      }),
    ),
    ctx,
  );
  const data = await loadOctober(knex);
  const now = { value: new Date('2026-11-02T09:00:00.000Z') };
  const satisfactionCalls: BackstageCredentials[] = [];
  const complaintCalls: BackstageCredentials[] = [];
  const complaints: ReviewPackComplaintSource = {
    summary: async (_q, c) => {
      complaintCalls.push(c.credentials);
      return complaintSummary;
    },
  };
  const generator = new ReviewPackGenerator({
    slaReports: new SlaReportService({
      store: await KnexSlaReportStore.create({ database }),
      permissions,
      calendarOf: () => ALWAYS_ON,
      now: () => now.value,
    }),
    slas,
    satisfaction:
      options.withSources === false
        ? undefined
        : fakeSatisfaction(satisfactionCalls),
    complaints: options.withSources === false ? undefined : complaints,
    catalog,
    auth,
    database,
    logger: mockServices.logger.mock(),
    now: () => now.value,
  });
  return {
    knex,
    generator,
    sla,
    now,
    data,
    satisfactionCalls,
    complaintCalls,
  };
}

const openActions = [
  {
    reviewId: 'REV-1',
    id: 'REV-1/A-2',
    title: 'Document the failover',
    owner: 'user:default/alice',
    dueDate: null,
    status: 'open',
  },
  {
    reviewId: 'REV-1',
    id: 'REV-1/A-1',
    title: 'Add a read replica',
    owner: 'user:default/bob',
    dueDate: '2026-11-15',
    status: 'in_progress',
  },
];

const request = {
  entityRef: 'Component:default/Payments',
  from: FROM,
  to: TO,
  openActions,
};

describe('ReviewPackGenerator', () => {
  it.each(databases.eachSupportedId())(
    'assembles every section from the records of the service and period, %p',
    async databaseId => {
      const { generator, sla, data } = await setUp(databaseId);
      const pack = await generator.generate(request);

      expect(pack.header).toEqual({
        entityRef: PAYMENTS,
        serviceTitle: 'Payments',
        sla: {
          id: sla.id,
          revision: 1,
          title: 'Payments SLA',
          customerGroups: ['group:default/retail'],
        },
        period: { from: FROM, to: TO },
        generatedAt: '2026-11-02T09:00:00.000Z',
        generatorVersion: REVIEW_PACK_GENERATOR_VERSION,
      });
      const { sections } = pack;
      // From the SLA report: 4 resolution clocks decided, 2 breached.
      expect(sections.sla.overall).toEqual({
        met: 2,
        breached: 2,
        waived: 0,
        percent: 50,
      });
      expect(sections.sla.trend.map(p => p.label)).toEqual([
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
      ]);
      // One hour of outage in 31 days: 99.87 %, rounded to two decimals.
      expect(sections.availability).toMatchObject({
        targetPercent: 99.9,
        percent: 99.87,
        met: false,
        outageMs: 3_600_000,
      });
      expect(sections.workload.items[0]).toEqual({
        metric: 'incidentsPerMonth',
        actual: 5,
        limit: 50,
        exceeded: false,
      });
      expect(sections.breaches).toMatchObject({
        total: 2,
        waived: 0,
        causes: {
          total: 2,
          items: [
            { cause: 'Failover took too long', count: 1 },
            { cause: null, count: 1 },
          ],
        },
      });
      expect(sections.breaches.items.items.map(b => b.recordId)).toEqual([
        'INC-2',
        `INC-${data.major}`,
      ]);

      expect(sections.incidents).toMatchObject({
        raised: 5,
        resolved: 4,
        byPriority: [
          { priority: 1, count: 1 },
          { priority: 2, count: 1 },
          { priority: 3, count: 3 },
          { priority: 4, count: 0 },
          { priority: 5, count: 0 },
        ],
        byStatus: [
          { status: 'new', count: 0 },
          { status: 'in_progress', count: 1 },
          { status: 'on_hold', count: 0 },
          { status: 'resolved', count: 0 },
          { status: 'closed', count: 4 },
          { status: 'cancelled', count: 1 },
        ],
      });
      expect(sections.incidents.major).toEqual({
        total: 1,
        items: [
          {
            id: `INC-${data.major}`,
            title: `Incident on ${at(5).toISOString()}`,
            priority: 1,
            status: 'closed',
            createdAt: at(5).toISOString(),
            resolvedAt: at(5, 12).toISOString(),
            outageStart: at(5).toISOString(),
            outageEnd: at(5, 11).toISOString(),
            review: {
              summary: 'Database failover',
              rootCause: null,
              lessonsLearned: null,
              problemId: 'PRB-1',
            },
          },
        ],
      });

      expect(sections.problems).toMatchObject({
        opened: 1,
        resolved: 1,
        open: 1,
        items: {
          total: 2,
          items: [
            { id: 'PRB-2', status: 'resolved', priority: 2 },
            { id: 'PRB-1', status: 'investigating', priority: 3 },
          ],
        },
        knownErrors: {
          total: 1,
          items: [{ id: 'KE-1', title: 'Known error active' }],
        },
      });

      expect(sections.changes).toMatchObject({
        closed: 4,
        successful: 2,
        percent: 50,
        targetPercent: 90,
        met: false,
        byOutcome: [
          { outcome: 'successful', count: 2 },
          { outcome: 'successful_with_issues', count: 0 },
          { outcome: 'failed', count: 1 },
          { outcome: 'backed_out', count: 1 },
        ],
      });
      expect(
        sections.changes.failed.items.map(c => [c.id, c.outcome, c.closedAt]),
      ).toEqual([
        ['CHG-4', 'failed', at(10).toISOString()],
        ['CHG-3', 'backed_out', at(12).toISOString()],
      ]);

      // Satisfaction figures rounded to two decimals, the newest 20 comments of 25.
      expect(sections.satisfaction).toMatchObject({
        available: true,
        targetPercent: 80,
        met: true,
        figures: {
          ratings: 6,
          csatPercent: 83.33,
          meanRating: 4.17,
          nps: 33.33,
          responseRatePercent: 66.67,
          tooFew: false,
        },
      });
      // The satisfaction trend covers the SLA trend's months.
      expect(sections.satisfaction.trend.map(p => p.label)).toEqual(
        sections.sla.trend.map(p => p.label),
      );
      expect(sections.satisfaction.trend[5]).toMatchObject({
        from: FROM,
        to: TO,
        csatPercent: 83.33,
      });
      expect(sections.satisfaction.comments.items).toHaveLength(20);
      expect(sections.satisfaction.comments.more).toBe(true);
      const times = sections.satisfaction.comments.items.map(c => c.at);
      expect(times).toEqual([...times].sort().reverse());
      expect(sections.complaints).toEqual({
        version: 1,
        available: true,
        ...complaintSummary,
        cap: 50,
      });

      expect(sections.alignment.slaId).toBe(sla.id);
      expect(sections.alignment.agreements).toEqual([
        expect.objectContaining({ kind: 'ola', aligned: false }),
      ]);
      expect(sections.alignment.findings).toEqual([
        expect.objectContaining({ slaField: 'targets.incidents.p1.response' }),
      ]);

      // Earliest due first, undated last.
      expect(sections.actions.items).toEqual({
        total: 2,
        items: [openActions[1], openActions[0]],
      });
      expect(JSON.parse(JSON.stringify(pack))).toEqual(pack);
    },
  );

  it.each(databases.eachSupportedId())(
    'hashes a regenerated pack the same, and a changed incident differently with the drift naming its section, %p',
    async databaseId => {
      const { knex, generator, now, data } = await setUp(databaseId);
      const first = await generator.generate(request);
      now.value = new Date('2026-11-20T15:30:00.000Z');
      const again = await generator.generate({
        ...request,
        // The same actions in another order, as fuller objects than the summary.
        openActions: [...openActions]
          .reverse()
          .map(a => ({ ...a, version: 3, note: 'not in the pack' })),
      });
      expect(again.header.generatedAt).not.toBe(first.header.generatedAt);
      expect(hashReviewPack(again)).toBe(hashReviewPack(first));
      expect(hashReviewPack(first)).toMatch(/^[0-9a-f]{64}$/);
      expect(diffReviewPack(first, again).changed).toBe(false);

      await knex('itsm_incidents')
        .where('seq', data.major)
        .update({ status: 'resolved' });
      const changed = await generator.generate(request);
      expect(hashReviewPack(changed)).not.toBe(hashReviewPack(first));
      const drift = diffReviewPack(first, changed);
      expect(drift.sections.map(s => s.section)).toEqual(['incidents']);
      expect(drift.sections[0].changes).toEqual([
        { path: 'By status › resolved › Count', frozen: 0, live: 1 },
        { path: 'By status › closed › Count', frozen: 4, live: 3 },
        {
          path: `Major incidents › Items › INC-${data.major} › Status`,
          frozen: 'closed',
          live: 'resolved',
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'caps the major incidents at 50 and says how many there are, %p',
    async databaseId => {
      const { knex, generator } = await setUp(databaseId);
      for (let i = 0; i < 52; i++) {
        await insertIncident(knex, {
          createdAt: new Date(at(10).getTime() + i * 60_000),
          major: true,
        });
      }
      const { incidents } = (await generator.generate(request)).sections;
      expect(incidents.major.total).toBe(53);
      expect(incidents.major.items).toHaveLength(50);
      expect(incidents.major.items[0].createdAt).toBe(at(5).toISOString());
    },
  );

  it.each(databases.eachSupportedId())(
    'reads satisfaction and complaints with the plugin credentials, and says when they are not measured, %p',
    async databaseId => {
      const withSources = await setUp(databaseId);
      await withSources.generator.generate(request);
      expect(withSources.satisfactionCalls).toHaveLength(1);
      expect(withSources.complaintCalls).toHaveLength(1);
      expect(
        [...withSources.satisfactionCalls, ...withSources.complaintCalls].every(
          isPluginItself,
        ),
      ).toBe(true);

      const without = await setUp(databaseId, { withSources: false });
      const { satisfaction, complaints } = (
        await without.generator.generate(request)
      ).sections;
      expect(satisfaction).toEqual({
        version: 1,
        available: false,
        targetPercent: 80,
        met: null,
        figures: null,
        trend: [],
        comments: { items: [], more: false },
      });
      expect(complaints).toMatchObject({ available: false, raised: 0 });
    },
  );

  it('refuses a period the SLA report refuses', async () => {
    const generator = new ReviewPackGenerator({
      slaReports: { report: jest.fn() },
      slas: { alignment: jest.fn() },
      catalog: { getEntity: jest.fn() },
      auth: mockServices.auth({ pluginId: 'itsm' }),
      database: { store: {} as any },
      logger: mockServices.logger.mock(),
    });
    await expect(
      generator.generate({ ...request, from: TO, to: FROM }),
    ).rejects.toThrow(InputError);
    await expect(
      generator.generate({ ...request, from: 'yesterday' }),
    ).rejects.toThrow('from must be an ISO-8601 instant');
  });
});
