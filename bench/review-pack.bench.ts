/*
 * The service review pack at scale, on PostgreSQL:
 *
 *   yarn bench:review-pack
 *
 * Creates a fresh database (`itsm_bench_review_pack`, dropped first and at the end), runs the
 * plugin's migrations and loads six calendar months (May to October 2026, UTC) straight into
 * the tables: each month the big service `bench-service-0` has 20,000 incidents (priorities
 * 1–5, 0.5% cancelled, 2% still in progress, 5 major incidents with outages and post-incident
 * reviews, two clocks each with ~10% breached and a breach register row per breach, two thirds
 * of them with one of 12 causes, 1 in 50 waived) and 500 other services 25 each; 300 changes a
 * month closed on the big service (85% successful, 5% with issues, 6% failed, 4% backed out)
 * and 1,000 on the others; 5,600 CSAT invitations and 4,000 responses a month on the big
 * service (a comment on every low score); 400 problems, 60 known errors and 240 complaints over
 * the six months on the big service and more on the others; an SLA on the big service (every
 * 20th other one has one too) underpinned by an OLA and a UC, one of them looser.
 *
 * The plugin's services are the real ones (`createItsmServices` on this database, with an
 * in-memory catalog, allow-all permissions and silent signals and notifications), and the
 * generator is wired as the reviews practice wires it: the SLA report service, the agreements'
 * alignment, the satisfaction and complaints services, and the pack's own count/group-by store.
 * Times `ReviewPackGenerator.generate` in process (no HTTP) for October 2026, and apart from it
 * the SLA report alone and the pack's own store reads alone; checks that regenerating gives the
 * same hash; and runs EXPLAIN (ANALYZE, BUFFERS) on every statement one generation sends.
 *
 * Environment: BENCH_PG (default postgresql://postgres@127.0.0.1:5432, a role that may create
 * databases), BENCH_INCIDENTS incidents of the big service per month (default 20000),
 * BENCH_REQUESTS timed runs per row (default 20).
 */
import knexFactory, { Knex } from 'knex';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { readItsmConfig } from '../plugins/itsm-backend/src/config';
import { createItsmServices } from '../plugins/itsm-backend/src/services';
import { ItsmCatalog } from '../plugins/itsm-backend/src/catalog/ItsmCatalog';
import {
  KnexReviewPackStore,
  ReviewPackGenerator,
  hashReviewPack,
} from '../plugins/itsm-backend/src/practices/reviews/pack';
import { PG, dropBenchDatabases } from './harness';

const DATABASE = 'itsm_bench_review_pack';
const BIG_PER_MONTH = Number(process.env.BENCH_INCIDENTS ?? 20_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20);
const OTHERS = 500;
const OTHERS_PER_MONTH = 25;
const PER_MONTH = BIG_PER_MONTH + OTHERS * OTHERS_PER_MONTH;
const BIG_CHANGES_PER_MONTH = 300;
const OTHER_CHANGES_PER_MONTH = 1000;
const MIGRATIONS = path.resolve(
  __dirname,
  '../plugins/itsm-backend/migrations',
);

const entityRef = (n: number) => `component:default/bench-service-${n}`;
const BIG = entityRef(0);
const MONTHS: Array<[string, string]> = [
  ['2026-05-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'],
  ['2026-06-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'],
  ['2026-07-01T00:00:00.000Z', '2026-08-01T00:00:00.000Z'],
  ['2026-08-01T00:00:00.000Z', '2026-09-01T00:00:00.000Z'],
  ['2026-09-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z'],
  ['2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
];
const [FROM, TO] = MONTHS[MONTHS.length - 1];
const SLA_FROM = '2026-01-01T00:00:00.000Z';
const CAUSES = [
  'Connection pool exhausted',
  'Supplier answered late',
  'Waiting for a change window',
  'Alert routed to the wrong team',
  'Certificate expired',
  'Disk full',
  'Deployment rolled back late',
  'Out of hours, no on-call cover',
  'Database failover',
  'Rate limited by the card network',
  'Cache stampede',
  'DNS misconfiguration',
];

const target = (response: string, resolution: string) => ({
  response: { duration: response },
  resolution: { duration: resolution },
});

/** The SLAs (seq 1 the big service, then every 20th other one) and two supporting agreements. */
async function loadAgreements(db: Knex) {
  const services = [0];
  for (let n = 20; n <= OTHERS; n += 20) services.push(n);
  const terms = (n: number) =>
    JSON.stringify({
      title: `Bench SLA ${n}`,
      calendarId: '24x7',
      customerGroups: ['group:default/bench-customers'],
      targets: {
        incidents: {
          p1: target('15m', '4h'),
          p2: target('30m', '8h'),
          p3: target('1h', '1d'),
          p4: target('4h', '3d'),
          p5: target('1d', '5d'),
        },
        availabilityPercent: 99.9,
        changeSuccessRatePercent: 90,
        csatPercent: 80,
      },
      workloadLimits: {
        incidentsPerMonth: n === 0 ? BIG_PER_MONTH + 5000 : 40,
        majorIncidentsPerMonth: 4,
        changesPerMonth: 400,
      },
      exceptions: 'Planned maintenance announced a week ahead',
      reviewCadence: 'monthly',
    });
  const common = {
    version: 1,
    revision: 1,
    owner_ref: 'group:default/sre-team',
    effective_from: SLA_FROM,
    effective_to: null,
    last_reviewed_at: null,
    created_at: SLA_FROM,
    created_by: 'user:default/bench',
    updated_at: SLA_FROM,
  };
  await db('itsm_slas').insert(
    services.map((n, i) => ({
      ...common,
      seq: i + 1,
      entity_ref: entityRef(n),
      title: `Bench SLA ${n}`,
      terms: terms(n),
    })),
  );
  const revision = (type: string, seq: number, text: string) => ({
    agreement_type: type,
    agreement_seq: seq,
    revision: 1,
    terms: text,
    effective_from: SLA_FROM,
    effective_to: null,
    created_at: SLA_FROM,
    created_by: 'user:default/bench',
  });
  await db('itsm_agreement_revisions').insert(
    services.map((n, i) => revision('sla', i + 1, terms(n))),
  );
  const supporting = [
    {
      kind: 'ola',
      title: 'Database team OLA',
      terms: {
        title: 'Database team OLA',
        calendarId: '24x7',
        internalGroup: 'group:default/dba',
        targets: { incidents: { p1: target('10m', '3h') } },
      },
    },
    {
      kind: 'uc',
      title: 'Card network contract',
      terms: {
        title: 'Card network contract',
        calendarId: '24x7',
        supplier: 'Acme Card Networks',
        // Looser than the SLA: an alignment finding.
        targets: { incidents: { p1: target('30m', '6h') } },
      },
    },
  ];
  await db('itsm_supporting_agreements').insert(
    supporting.map((s, i) => ({
      ...common,
      seq: i + 1,
      kind: s.kind,
      entity_ref: BIG,
      title: s.title,
      terms: JSON.stringify(s.terms),
    })),
  );
  await db('itsm_supporting_agreement_slas').insert([
    { agreement_seq: 1, sla_seq: 1 },
    { agreement_seq: 2, sla_seq: 1 },
  ]);
  await db('itsm_agreement_revisions').insert(
    supporting.map((s, i) =>
      revision('supporting', i + 1, JSON.stringify(s.terms)),
    ),
  );
  for (const table of ['itsm_slas', 'itsm_supporting_agreements']) {
    await db.raw(
      `SELECT setval(pg_get_serial_sequence(?, 'seq'), (SELECT max(seq) FROM ??))`,
      [table, table],
    );
  }
}

/** One month's incidents with their entity rows, clocks, breaches and CSAT answers. */
async function loadMonth(db: Knex, month: number) {
  const [from, to] = MONTHS[month];
  const offset = month * PER_MONTH;
  const spanSeconds = Math.floor(
    (Date.parse(to) - Date.parse(from)) / 1000 - 2 * 86_400,
  );
  await db.raw(
    `INSERT INTO itsm_incidents (seq, version, title, description, entity_ref, reporter,
       assignment_group, impact, urgency, priority, status, major, source,
       outage_start, outage_end, post_incident_review, resolved_at, closed_at,
       created_at, created_by, updated_at)
     SELECT ? + g, 1, 'Bench incident ' || (? + g), '',
       CASE WHEN g <= ? THEN ? ELSE 'component:default/bench-service-' || (1 + (g - ? - 1) % ?) END,
       'user:default/bench-' || (g % 500), 'group:default/sre-team',
       1 + g % 3, 1 + (g / 3) % 3, 1 + g % 3 + (g / 3) % 3,
       s.status, s.major, 'api',
       CASE WHEN s.major THEN s.created END,
       CASE WHEN s.major THEN s.created + (30 + g % 90) * interval '1 minute' END,
       CASE WHEN s.major THEN '{"summary":"Checkout unavailable (' || g || ')","rootCause":"Connection pool exhausted","lessonsLearned":"Alert on pool saturation","problemId":"PRB-' || (1 + g % 50) || '"}' END,
       CASE WHEN s.status IN ('resolved', 'closed') THEN s.created + interval '12 hours' END,
       CASE WHEN s.status = 'closed' THEN s.created + interval '1 day' END,
       s.created, 'user:default/bench', s.created + interval '1 day'
     FROM generate_series(1, ?::int) AS g
     CROSS JOIN LATERAL (SELECT
       ?::timestamptz + ((g::bigint * 7919) % ?) * interval '1 second' AS created,
       (g <= ? AND g % 4000 = 17) OR (g > ? AND g % 10000 = 5) AS major,
       CASE WHEN g % 200 = 7 THEN 'cancelled' WHEN g % 50 = 11 THEN 'in_progress'
            WHEN g % 10 = 3 THEN 'resolved' ELSE 'closed' END AS status) AS s`,
    [
      offset,
      offset,
      BIG_PER_MONTH,
      BIG,
      BIG_PER_MONTH,
      OTHERS,
      PER_MONTH,
      from,
      spanSeconds,
      BIG_PER_MONTH,
      BIG_PER_MONTH,
    ],
  );
  const range = [offset, offset + PER_MONTH];
  await db.raw(
    `INSERT INTO itsm_record_entities (record_type, record_seq, entity_ref, owner_ref, is_primary)
     SELECT 'incident', seq, entity_ref, 'group:default/sre-team', true
     FROM itsm_incidents WHERE seq > ? AND seq <= ?`,
    range,
  );
  await db.raw(
    `INSERT INTO itsm_sla_clocks (record_type, record_seq, clock, target_ms, calendar_id,
       started_at, stopped_at, pauses, state, due_at, breached_at, evaluated_at,
       entity_ref, sla_seq, sla_revision, decided_at, priority, counts)
     SELECT 'incident', i.seq, c.clock, c.target, '24x7',
       i.created_at, i.created_at + x.stop_minutes * interval '1 minute', '[]',
       CASE WHEN x.breached THEN 'breached' ELSE 'met' END,
       i.created_at + c.target * interval '1 millisecond',
       CASE WHEN x.breached THEN i.created_at + c.target * interval '1 millisecond' END,
       i.created_at + x.stop_minutes * interval '1 minute',
       i.entity_ref, sla.seq, CASE WHEN sla.seq IS NOT NULL THEN 1 END,
       CASE WHEN x.breached THEN i.created_at + c.target * interval '1 millisecond'
            ELSE i.created_at + x.stop_minutes * interval '1 minute' END,
       i.priority, i.status <> 'cancelled'
     FROM itsm_incidents i
     CROSS JOIN (VALUES ('response', 1800000, 1, 10, 45), ('resolution', 28800000, 2, 240, 720))
       AS c(clock, target, breach_mod, met_minutes, late_minutes)
     CROSS JOIN LATERAL (SELECT i.seq % 10 = c.breach_mod AS breached,
       CASE WHEN i.seq % 10 = c.breach_mod THEN c.late_minutes ELSE c.met_minutes END AS stop_minutes) AS x
     LEFT JOIN itsm_slas sla ON sla.entity_ref = i.entity_ref
     WHERE i.seq > ? AND i.seq <= ? AND i.status <> 'in_progress'`,
    range,
  );
  await db.raw(
    `INSERT INTO itsm_sla_breaches (version, record_type, record_seq, clock, cycle, priority,
       entity_ref, sla_seq, sla_revision, target_ms, calendar_id, breached_at, detected_at,
       cause, action, improvement_id, waiver_reason, waiver_approver, waiver_at,
       created_at, updated_at)
     SELECT 1, 'incident', c.record_seq, c.clock,
       (extract(epoch FROM c.started_at) * 1000)::bigint || '-' || c.target_ms,
       c.priority, c.entity_ref, c.sla_seq, c.sla_revision, c.target_ms, c.calendar_id,
       c.breached_at, c.breached_at + interval '1 minute',
       CASE WHEN c.record_seq % 3 <> 0 THEN (?::text[])[1 + (c.record_seq / 3) % 12] END,
       CASE WHEN c.record_seq % 3 <> 0 THEN 'Follow up in the next review' END,
       NULL,
       CASE WHEN c.record_seq % 50 = 1 THEN 'An agreed exception' END,
       CASE WHEN c.record_seq % 50 = 1 THEN 'user:default/bench' END,
       CASE WHEN c.record_seq % 50 = 1 THEN c.breached_at + interval '2 days' END,
       c.breached_at + interval '1 minute', c.breached_at + interval '1 minute'
     FROM itsm_sla_clocks c
     WHERE c.record_type = 'incident' AND c.record_seq > ? AND c.record_seq <= ?
       AND c.breached_at IS NOT NULL
     ORDER BY c.breached_at`,
    [CAUSES, ...range],
  );
  await db.raw(
    `UPDATE itsm_sla_clocks c SET waived = true FROM itsm_sla_breaches b
     WHERE b.record_type = c.record_type AND b.record_seq = c.record_seq
       AND b.clock = c.clock AND b.breached_at = c.breached_at
       AND b.waiver_at IS NOT NULL AND b.record_seq > ? AND b.record_seq <= ?`,
    range,
  );
  // CSAT after resolution: 3 in 10 resolved incidents of the big service invited, 2 in 3 answer.
  await db.raw(
    `INSERT INTO itsm_survey_invitations (source_type, incident_seq, cycle, entity_ref, invitee,
       invitee_hash, answered, invited_at, expires_at, scope, payload, claimed_at, notified_at)
     SELECT 'incident', seq, 1, entity_ref, reporter, md5(seq::text) || md5(reporter),
       seq % 2 = 0, resolved_at, resolved_at + interval '14 days', 'itsm:csat:INC-' || seq,
       '{}', resolved_at, resolved_at
     FROM itsm_incidents
     WHERE seq > ? AND seq <= ? AND entity_ref = ? AND resolved_at IS NOT NULL AND seq % 10 < 3`,
    [...range, BIG],
  );
  await db.raw(
    `INSERT INTO itsm_survey_responses (source_type, incident_seq, cycle, entity_ref, respondent,
       rating, nps, comment, answers, submitted_at)
     SELECT 'incident', incident_seq, 1, entity_ref, invitee, r.rating, (incident_seq * 7) % 11,
       CASE WHEN r.rating <= 2 THEN 'Took too long to hear back (' || incident_seq || ')' END,
       '{}', invited_at + interval '1 hour'
     FROM itsm_survey_invitations
     CROSS JOIN LATERAL (SELECT
       CASE WHEN incident_seq % 20 < 2 THEN 1 WHEN incident_seq % 20 < 4 THEN 2
            WHEN incident_seq % 20 < 7 THEN 3 WHEN incident_seq % 20 < 14 THEN 4 ELSE 5 END
       AS rating) AS r
     WHERE answered AND incident_seq > ? AND incident_seq <= ?`,
    range,
  );
  // Changes closed in the month: the big service's first, then the others'.
  const changes = BIG_CHANGES_PER_MONTH + OTHER_CHANGES_PER_MONTH;
  const changeOffset = month * changes;
  await db.raw(
    `INSERT INTO itsm_changes (seq, version, plan_revision, type, status, title, justification,
       risk_answers, risk_reasons, required_approvals, conflicts, outcome, requester,
       actual_start, actual_end, created_at, created_by, updated_at, updated_by)
     SELECT ? + g, 6, 1, (ARRAY['standard', 'normal', 'emergency'])[1 + g % 3], 'closed',
       'Bench change ' || (? + g), '', '{}', '[]', '[]', '[]',
       CASE WHEN g % 100 < 85 THEN 'successful' WHEN g % 100 < 90 THEN 'successful_with_issues'
            WHEN g % 100 < 96 THEN 'failed' ELSE 'backed_out' END,
       'user:default/bench', x.closed - interval '2 hours', x.closed - interval '1 hour',
       x.closed - interval '5 days', 'user:default/bench', x.closed, 'user:default/bench'
     FROM generate_series(1, ?::int) AS g
     CROSS JOIN LATERAL (SELECT
       ?::timestamptz + ((g::bigint * 7919) % ?) * interval '1 second' AS closed) AS x`,
    [changeOffset, changeOffset, changes, from, spanSeconds],
  );
  await db.raw(
    `INSERT INTO itsm_change_entities (change_seq, entity_ref, owner_ref)
     SELECT seq, CASE WHEN seq - ? <= ? THEN ?
       ELSE 'component:default/bench-service-' || (1 + seq % ?) END, 'group:default/sre-team'
     FROM itsm_changes WHERE seq > ? AND seq <= ?`,
    [
      changeOffset,
      BIG_CHANGES_PER_MONTH,
      BIG,
      OTHERS,
      changeOffset,
      changeOffset + changes,
    ],
  );
}

/** Problems, known errors and complaints over the six months. */
async function loadRecords(db: Knex) {
  const [first] = MONTHS[0];
  const spanSeconds = Math.floor((Date.parse(TO) - Date.parse(first)) / 1000);
  await db.raw(
    `INSERT INTO itsm_problems (version, status, title, statement, entity_ref, impact, urgency,
       priority, origin, rca_notes, contributing_factors, resolved_at, closed_at, created_at,
       created_by, updated_at)
     SELECT 1, s.status, 'Bench problem ' || g, '',
       CASE WHEN g <= 400 THEN ? ELSE 'component:default/bench-service-' || (1 + g % ?) END,
       2, 2, 1 + g % 5, 'reactive', '[]', '[]',
       CASE WHEN s.status IN ('resolved', 'closed') THEN x.created + interval '10 days' END,
       CASE WHEN s.status = 'closed' THEN x.created + interval '20 days' END,
       x.created, 'user:default/bench', x.created
     FROM generate_series(1, 2400) AS g
     CROSS JOIN LATERAL (SELECT (ARRAY['candidate', 'new', 'investigating', 'known_error',
       'resolved', 'closed', 'cancelled'])[1 + g % 7] AS status) AS s
     CROSS JOIN LATERAL (SELECT
       ?::timestamptz + ((g::bigint * 7919) % ?) * interval '1 second' AS created) AS x`,
    [BIG, OTHERS, first, spanSeconds],
  );
  await db.raw(
    `INSERT INTO itsm_record_entities (record_type, record_seq, entity_ref, owner_ref, is_primary)
     SELECT 'problem', seq, entity_ref, 'group:default/sre-team', true FROM itsm_problems`,
  );
  await db.raw(
    `INSERT INTO itsm_known_errors (version, status, title, symptom, root_cause, workaround,
       match_rules, review_by, created_at, created_by, updated_at)
     SELECT 1, CASE WHEN g % 4 = 0 THEN 'retired' ELSE 'active' END, 'Bench known error ' || g,
       'Timeouts', 'Pool', 'Restart the pool', '{}', '2027-01-31',
       ?::timestamptz + g * interval '1 hour', 'user:default/bench',
       ?::timestamptz + g * interval '1 hour'
     FROM generate_series(1, 560) AS g`,
    [first, first],
  );
  await db.raw(
    `INSERT INTO itsm_record_entities (record_type, record_seq, entity_ref, owner_ref, is_primary)
     SELECT 'known_error', seq,
       CASE WHEN seq <= 60 THEN ? ELSE 'component:default/bench-service-' || (1 + seq % ?) END,
       'group:default/sre-team', true
     FROM itsm_known_errors`,
    [BIG, OTHERS],
  );
  await db.raw(
    `INSERT INTO itsm_complaints (version, status, title, description, entity_ref, complainant,
       owner, escalated_at, resolved_at, closed_at, created_at, created_by, updated_at)
     SELECT 1, s.status, 'Bench complaint ' || g, '',
       CASE WHEN g <= 240 THEN ? ELSE 'component:default/bench-service-' || (1 + g % ?) END,
       'user:default/bench-' || (g % 500), 'group:default/sre-team',
       CASE WHEN g % 9 = 0 THEN x.created + interval '5 days' END,
       CASE WHEN s.status IN ('resolved', 'closed') THEN x.created + interval '3 days' END,
       CASE WHEN s.status = 'closed' THEN x.created + interval '6 days' END,
       x.created, 'user:default/bench-' || (g % 500), x.created
     FROM generate_series(1, 2000) AS g
     CROSS JOIN LATERAL (SELECT (ARRAY['open', 'investigating', 'resolved', 'closed'])[1 + g % 4]
       AS status) AS s
     CROSS JOIN LATERAL (SELECT
       ?::timestamptz + ((g::bigint * 7919) % ?) * interval '1 second' AS created) AS x`,
    [BIG, OTHERS, first, spanSeconds],
  );
}

async function load(db: Knex) {
  const started = Date.now();
  await loadAgreements(db);
  for (let month = 0; month < MONTHS.length; month++) {
    await loadMonth(db, month);
  }
  await loadRecords(db);
  for (const table of ['itsm_incidents', 'itsm_changes']) {
    await db.raw(
      `SELECT setval(pg_get_serial_sequence(?, 'seq'), (SELECT max(seq) FROM ??))`,
      [table, table],
    );
  }
  await db.raw('VACUUM ANALYZE');
  return (Date.now() - started) / 1000;
}

const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child() {
    return silentLogger;
  },
};

/** The plugin's services on the bench database, as `plugin.ts` builds them. */
async function pluginServices(db: Knex) {
  const auth = mockServices.auth({ pluginId: 'itsm' });
  const catalog = catalogServiceMock({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'bench-service-0', title: 'Bench payments' },
        spec: { type: 'service', owner: 'group:default/sre-team' },
      },
    ],
  });
  const deps = {
    database: mockServices.database({
      knex: db,
      migrations: { skip: true },
    }),
    catalog,
    auth,
    permissions: mockServices.permissions(),
    // Allow-all permissions never hand out conditions, so no rule is ever looked up.
    permissionsRegistry: {
      addPermissions() {},
      addPermissionRules() {},
      addResourceType() {},
      getPermissionRuleset() {
        return {
          getRuleByName(name: string) {
            throw new Error(`no rule ${name} in the bench`);
          },
        };
      },
    } as any,
    userInfo: mockServices.userInfo(),
    logger: silentLogger,
    signals: { publish: async () => {} },
    notifications: { send: async () => {} } as any,
    config: readItsmConfig(new ConfigReader({})),
  };
  const services = await createItsmServices(deps);
  return { services, deps };
}

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function timed(run: () => Promise<unknown>) {
  await run(); // warm up
  await run();
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main() {
  await dropBenchDatabases(DATABASE);
  const admin = knexFactory({ client: 'pg', connection: `${PG}/postgres` });
  await admin.raw('CREATE DATABASE ??', [DATABASE]);
  await admin.destroy();
  const db = knexFactory({
    client: 'pg',
    connection: `${PG}/${DATABASE}`,
    pool: { min: 1, max: 10 },
  });
  try {
    await db.migrate.latest({ directory: MIGRATIONS });
    const seconds = await load(db);
    const counts = await db.raw(
      `SELECT (SELECT count(*) FROM itsm_incidents) AS incidents,
         (SELECT count(*) FROM itsm_incidents WHERE entity_ref = ? AND created_at >= ? AND created_at < ?) AS in_period,
         (SELECT count(*) FROM itsm_sla_clocks) AS clocks,
         (SELECT count(*) FROM itsm_sla_breaches) AS breaches,
         (SELECT count(*) FROM itsm_changes) AS changes,
         (SELECT count(*) FROM itsm_survey_responses) AS responses`,
      [BIG, FROM, TO],
    );
    console.log(`Loaded in ${seconds.toFixed(1)} s:`, counts.rows[0]);

    const { services, deps } = await pluginServices(db);
    const generator = new ReviewPackGenerator({
      slaReports: services.slaReports,
      slas: services.slas,
      satisfaction: services.satisfaction,
      complaints: services.complaints,
      catalog: new ItsmCatalog(deps),
      auth: deps.auth,
      database: deps.database,
      logger: silentLogger,
      now: () => new Date('2026-11-02T09:00:00.000Z'),
    });
    const openActions = Array.from({ length: 12 }, (_, i) => ({
      reviewId: 'REV-1',
      id: `REV-1/A-${i + 1}`,
      title: `Bench action ${i + 1}`,
      owner: 'user:default/bench',
      dueDate: `2026-11-${String(10 + i).padStart(2, '0')}`,
      status: 'open',
    }));
    const request = { entityRef: BIG, from: FROM, to: TO, openActions };
    const pack = await generator.generate(request);
    const again = await generator.generate(request);
    const json = JSON.stringify(pack);
    const { sections } = pack;
    console.log(
      `Pack of ${pack.header.serviceTitle}: ${(json.length / 1024).toFixed(
        1,
      )} kB, hash ${hashReviewPack(pack)}, regenerated ${
        hashReviewPack(again) === hashReviewPack(pack) ? 'same' : 'DIFFERENT'
      }`,
    );
    console.log({
      clocks: sections.sla.overall,
      raised: sections.incidents.raised,
      major: sections.incidents.major.total,
      breaches: sections.breaches.total,
      causes: sections.breaches.causes.total,
      problems: sections.problems.items.total,
      knownErrors: sections.problems.knownErrors.total,
      changesClosed: sections.changes.closed,
      failed: sections.changes.failed.total,
      ratings: sections.satisfaction.figures?.ratings,
      comments: sections.satisfaction.comments.items.length,
      complaints: sections.complaints.items.length,
      findings: sections.alignment.findings.length,
    });

    const store = new KnexReviewPackStore(db);
    const query = { entityRef: BIG, from: new Date(FROM), to: new Date(TO) };
    const ctx = { credentials: await deps.auth.getOwnServiceCredentials() };
    const rows: Array<[string, { p50: number; p95: number }]> = [
      [
        'generate (the whole pack)',
        await timed(() => generator.generate(request)),
      ],
      [
        'SLA report alone',
        await timed(() =>
          services.slaReports.report(
            { entityRef: BIG, from: FROM, to: TO },
            ctx,
          ),
        ),
      ],
      [
        "the pack store's reads alone",
        await timed(() =>
          Promise.all([
            store.incidentCounts(query),
            store.majorIncidents({ ...query, limit: 50 }),
            store.breachCauses(query),
            store.problemCounts(query),
            store.problems({ ...query, limit: 50 }),
            store.activeKnownErrors({ entityRef: BIG, limit: 50 }),
            store.changeOutcomes(query),
            store.failedChanges({ ...query, limit: 50 }),
          ]),
        ),
      ],
      [
        'satisfaction figures, trend and comments',
        await timed(() =>
          Promise.all([
            services.satisfaction.figures(query),
            services.satisfaction.trend({
              entityRef: BIG,
              periods: sections.sla.trend.map(p => ({
                label: p.label,
                from: new Date(p.from),
                to: new Date(p.to),
              })),
            }),
            services.satisfaction.comments({ ...query, limit: 21 }),
          ]),
        ),
      ],
      [
        'complaints summary',
        await timed(() => services.complaints.summary(query)),
      ],
    ];
    console.log(`\n| part | p50 ms | p95 ms |\n| --- | ---: | ---: |`);
    for (const [name, t] of rows) {
      console.log(`| ${name} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} |`);
    }

    // Every statement of one generation, explained on its own bindings.
    const statements: Array<{ sql: string; bindings: readonly unknown[] }> = [];
    const capture = (q: { sql: string; bindings?: readonly unknown[] }) =>
      statements.push({ sql: q.sql, bindings: q.bindings ?? [] });
    db.on('query', capture);
    await generator.generate(request);
    db.removeListener('query', capture);
    console.log(`\n${statements.length} statements in one generation`);
    console.log(
      `| statement | plan (top node) | rows | buffers | ms |\n| --- | --- | ---: | ---: | ---: |`,
    );
    for (const s of statements.filter(x => /^\s*select/i.test(x.sql))) {
      const { rows: plan } = await db.raw(
        // The captured text has PostgreSQL's $n placeholders; knex binds `?`.
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.sql.replace(
          /\$\d+/g,
          '?',
        )}`,
        s.bindings as any[],
      );
      const root = plan[0]['QUERY PLAN'][0];
      const node = root.Plan;
      const scans: string[] = [];
      const walk = (n: any) => {
        if (/Scan/.test(n['Node Type'])) {
          scans.push(
            `${n['Node Type']}${n['Index Name'] ? ` ${n['Index Name']}` : ''}${
              n['Relation Name'] && !n['Index Name']
                ? ` ${n['Relation Name']}`
                : ''
            }`,
          );
        }
        (n.Plans ?? []).forEach(walk);
      };
      walk(node);
      const buffers =
        (node['Shared Hit Blocks'] ?? 0) + (node['Shared Read Blocks'] ?? 0);
      console.log(
        `| ${s.sql.replace(/\s+/g, ' ').slice(0, 90)} | ${scans.join(', ')} | ${
          node['Actual Rows']
        } | ${buffers} | ${root['Execution Time'].toFixed(2)} |`,
      );
    }
  } finally {
    await db.destroy();
    await dropBenchDatabases(DATABASE);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
