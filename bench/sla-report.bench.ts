/*
 * SLA reports at scale, on PostgreSQL, through the real backend:
 *
 *   yarn bench:sla-report
 *
 * Starts the demo backend on PostgreSQL (databases prefixed `itsm_bench_`, dropped first) and
 * bulk-loads four months of incidents over 2,000 services straight into the plugin's tables:
 * each month one big service has 20,000 incidents (40,000 clocks, mixed priorities, ~10% of
 * clocks breached, 5 major incidents with outages) and the 1,999 others 25 each. Every clock
 * is decided (no open incidents), every breached clock has its breach register row (one in
 * five response breaches waived), and the big service and every 20th other one have an SLA on
 * the EU business-hours calendar. The reported month is October 2026 in Europe/Berlin; July to
 * September are the history the trend reads and the indexes must skip. Then times, with the
 * same guest token and the same backend:
 *   - the monthly report of the big service      GET /api/itsm/reports/sla?entityRef=…&from=&to=
 *   - the same as CSV                            … with Accept: text/csv
 *   - the monthly report of a small service      (reference: 50 clocks)
 *   - the monthly portfolio of every service     GET /api/itsm/reports/sla-portfolio?from=&to=
 * and the rows PostgreSQL read for one request of each: the deltas of `seq_tup_read` in
 * `pg_stat_user_tables` plus `idx_tup_read` of the table's indexes around the request, after the
 * backend's connections flushed their statistics (the smallest of three, so that a scheduled
 * job running at the same moment does not count).
 *
 * Environment: BENCH_PG (default postgresql://postgres@127.0.0.1:5432), BENCH_REQUESTS per
 * report (default 20), BENCH_BIG incidents of the big service per month (default 20000).
 */
import { Knex } from 'knex';
import { BACKEND, waitFor, withBenchBackend } from './harness';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20);
const BIG_PER_MONTH = Number(process.env.BENCH_BIG ?? 20000);
const ENTITIES = 2000;
const OTHERS_PER_MONTH = 25;
const PER_MONTH = BIG_PER_MONTH + (ENTITIES - 1) * OTHERS_PER_MONTH;

const entityRef = (n: number) => `component:default/bench-service-${n}`;
const BIG = entityRef(0);
const SMALL = entityRef(1234);

/** Calendar months in Europe/Berlin, [from, to); the last one is reported. */
const MONTHS: Array<[string, string]> = [
  ['2026-06-30T22:00:00.000Z', '2026-07-31T22:00:00.000Z'],
  ['2026-07-31T22:00:00.000Z', '2026-08-31T22:00:00.000Z'],
  ['2026-08-31T22:00:00.000Z', '2026-09-30T22:00:00.000Z'],
  ['2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z'],
];
const [FROM, TO] = MONTHS[MONTHS.length - 1];
const SLA_FROM = '2026-01-01T00:00:00.000Z';

function slaTerms(title: string, incidentsPerMonth: number) {
  const target = (response: string, resolution: string) => ({
    response: { duration: response },
    resolution: { duration: resolution },
  });
  return {
    title,
    calendarId: 'business-hours-eu',
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
    },
    workloadLimits: { incidentsPerMonth, majorIncidentsPerMonth: 4 },
    exceptions: 'Planned maintenance announced a week ahead',
    reviewCadence: 'quarterly',
  };
}

/** The SLAs: seq 1 for the big service, then one for every 20th other service. */
async function loadSlas(db: Knex) {
  const services = [0];
  for (let n = 20; n < ENTITIES; n += 20) {
    services.push(n);
  }
  const rows = services.map((n, i) => {
    const terms = slaTerms(
      `Bench SLA ${n}`,
      n === 0 ? BIG_PER_MONTH : OTHERS_PER_MONTH,
    );
    return { seq: i + 1, n, terms: JSON.stringify(terms) };
  });
  await db('itsm_slas').insert(
    rows.map(({ seq, n, terms }) => ({
      seq,
      version: 1,
      revision: 1,
      entity_ref: entityRef(n),
      owner_ref: 'group:default/sre-team',
      title: `Bench SLA ${n}`,
      terms,
      effective_from: SLA_FROM,
      effective_to: null,
      last_reviewed_at: null,
      created_at: SLA_FROM,
      created_by: 'user:default/bench',
      updated_at: SLA_FROM,
    })),
  );
  await db('itsm_agreement_revisions').insert(
    rows.map(({ seq, terms }) => ({
      agreement_type: 'sla',
      agreement_seq: seq,
      revision: 1,
      terms,
      effective_from: SLA_FROM,
      effective_to: null,
      created_at: SLA_FROM,
      created_by: 'user:default/bench',
    })),
  );
  await db.raw(`SELECT setval(pg_get_serial_sequence('itsm_slas', 'seq'), ?)`, [
    rows.length,
  ]);
  return new Map(rows.map(({ seq, n }) => [entityRef(n), seq]));
}

/** Loads one month's incidents with their entity rows, clocks and breach register rows. */
async function loadMonth(db: Knex, month: number) {
  const [from, to] = MONTHS[month];
  const offset = month * PER_MONTH;
  // Created over the month but its last two days, so that every clock is decided in it.
  const spanSeconds = Math.floor(
    (new Date(to).getTime() - new Date(from).getTime()) / 1000 - 2 * 86_400,
  );
  await db.raw(
    `INSERT INTO itsm_incidents (seq, version, title, description, entity_ref, reporter,
       assignee, assignment_group, impact, urgency, priority, status, major, source,
       outage_start, outage_end, resolved_at, closed_at, created_at, created_by, updated_at)
     SELECT ? + g, 1, 'Bench incident ' || (? + g), '',
       CASE WHEN g <= ? THEN ? ELSE 'component:default/bench-service-' || (1 + (g - ? - 1) % ?) END,
       'user:default/bench', NULL, 'group:default/sre-team',
       1 + g % 3, 1 + (g / 3) % 3, 1 + g % 3 + (g / 3) % 3,
       CASE WHEN g % 200 = 7 THEN 'cancelled' WHEN g % 10 = 3 THEN 'resolved' ELSE 'closed' END,
       s.major, 'api',
       CASE WHEN s.major THEN s.created END,
       CASE WHEN s.major THEN s.created + (30 + g % 90) * interval '1 minute' END,
       s.created + interval '12 hours',
       CASE WHEN g % 10 <> 3 THEN s.created + interval '1 day' END,
       s.created, 'user:default/bench', s.created + interval '1 day'
     FROM generate_series(1, ?::int) AS g
     CROSS JOIN LATERAL (SELECT
       ?::timestamptz + ((g::bigint * 7919) % ?) * interval '1 second' AS created,
       (g <= ? AND g % 4000 = 17) OR (g > ? AND g % 10000 = 5) AS major) AS s`,
    [
      offset,
      offset,
      BIG_PER_MONTH,
      BIG,
      BIG_PER_MONTH,
      ENTITIES - 1,
      PER_MONTH,
      from,
      spanSeconds,
      BIG_PER_MONTH,
      BIG_PER_MONTH,
    ],
  );
  await db.raw(
    `INSERT INTO itsm_record_entities (record_type, record_seq, entity_ref, owner_ref, is_primary)
     SELECT 'incident', seq, entity_ref, 'group:default/sre-team', true
     FROM itsm_incidents WHERE seq > ? AND seq <= ?`,
    [offset, offset + PER_MONTH],
  );
  // Response clocks of seq % 10 = 1 and resolution clocks of seq % 10 = 2 breach: ~10%.
  await db.raw(
    `INSERT INTO itsm_sla_clocks (record_type, record_seq, clock, target_ms, calendar_id,
       started_at, stopped_at, pauses, state, due_at, breached_at, evaluated_at,
       entity_ref, sla_seq, sla_revision, decided_at, priority, counts)
     SELECT 'incident', i.seq, c.clock, c.target,
       CASE WHEN sla.seq IS NULL THEN '24x7' ELSE 'business-hours-eu' END,
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
     WHERE i.seq > ? AND i.seq <= ?`,
    [offset, offset + PER_MONTH],
  );
  await db.raw(
    `INSERT INTO itsm_sla_breaches (version, record_type, record_seq, clock, cycle, priority,
       entity_ref, sla_seq, sla_revision, target_ms, calendar_id, breached_at, detected_at,
       cause, action, improvement_id, waiver_reason, waiver_approver, waiver_at,
       created_at, updated_at)
     SELECT 1, 'incident', c.record_seq, c.clock,
       (extract(epoch FROM c.started_at) * 1000)::bigint || '-' || c.target_ms,
       i.priority, c.entity_ref, c.sla_seq, c.sla_revision, c.target_ms, c.calendar_id,
       c.breached_at, c.breached_at + interval '1 minute',
       CASE WHEN c.record_seq % 3 = 0 THEN 'Connection pool exhausted, "max" too low' END,
       CASE WHEN c.record_seq % 3 = 0 THEN 'Raise the pool size' END,
       NULL,
       CASE WHEN c.record_seq % 50 = 1 THEN 'Card network outage, an agreed exception' END,
       CASE WHEN c.record_seq % 50 = 1 THEN 'user:default/bench' END,
       CASE WHEN c.record_seq % 50 = 1 THEN c.breached_at + interval '2 days' END,
       c.breached_at + interval '1 minute', c.breached_at + interval '1 minute'
     FROM itsm_sla_clocks c JOIN itsm_incidents i ON i.seq = c.record_seq
     WHERE c.record_type = 'incident' AND c.record_seq > ? AND c.record_seq <= ?
       AND c.breached_at IS NOT NULL
     ORDER BY c.breached_at`,
    [offset, offset + PER_MONTH],
  );
  // The clocks of waived breaches carry the flag, as the breach store writes it.
  await db.raw(
    `UPDATE itsm_sla_clocks c SET waived = true FROM itsm_sla_breaches b
     WHERE b.record_type = c.record_type AND b.record_seq = c.record_seq
       AND b.clock = c.clock AND b.breached_at = c.breached_at
       AND b.waiver_at IS NOT NULL AND b.record_seq > ? AND b.record_seq <= ?`,
    [offset, offset + PER_MONTH],
  );
}

async function load(db: Knex) {
  const started = Date.now();
  await loadSlas(db);
  for (let month = 0; month < MONTHS.length; month++) {
    await loadMonth(db, month);
  }
  await db.raw(
    `SELECT setval(pg_get_serial_sequence('itsm_incidents', 'seq'), ?)`,
    [MONTHS.length * PER_MONTH],
  );
  await db.raw(
    `SELECT setval(pg_get_serial_sequence('itsm_sla_breaches', 'seq'),
       (SELECT max(seq) FROM itsm_sla_breaches))`,
  );
  await db.raw('VACUUM ANALYZE');
  return (Date.now() - started) / 1000;
}

interface Report {
  name: string;
  url: string;
  accept: string;
  /** Clocks the answer counts, from its body. */
  counted: (body: string) => number;
}

async function fetchReport(report: Report, token: string) {
  const started = process.hrtime.bigint();
  const res = await fetch(report.url, {
    headers: { Authorization: `Bearer ${token}`, Accept: report.accept },
  });
  const text = await res.text();
  if (!res.ok) {
    throw new Error(
      `${report.url} answered ${res.status}: ${text.slice(0, 300)}`,
    );
  }
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, text };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Rows read so far per table of the ITSM database: sequentially, plus index entries read. */
async function rowsRead(db: Knex): Promise<Map<string, number>> {
  await db.raw('SELECT pg_stat_clear_snapshot()');
  // Index entries read count the rows an index scan finds, fetched from the table or not
  // (an index-only scan fetches none).
  const { rows } = await db.raw(
    `SELECT t.relname, coalesce(t.seq_tup_read, 0) + coalesce(
       (SELECT sum(i.idx_tup_read) FROM pg_stat_user_indexes i WHERE i.relid = t.relid), 0) AS n
     FROM pg_stat_user_tables t`,
  );
  return new Map(rows.map((r: any) => [r.relname, Number(r.n)]));
}

/**
 * A backend connection flushes its table statistics when it goes idle, at most once a second,
 * else within 10 s (PostgreSQL 15): wait that long before reading them.
 */
const settle = () => new Promise(resolve => setTimeout(resolve, 11_500));

/** Rows read per table by one request: the smallest total of three tries. */
async function rowsReadBy(db: Knex, report: Report, token: string) {
  await settle();
  let before = await rowsRead(db);
  let best: Map<string, number> | undefined;
  let bestTotal = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    await fetchReport(report, token);
    await settle();
    const after = await rowsRead(db);
    const delta = new Map<string, number>();
    let total = 0;
    for (const [table, n] of after) {
      const d = n - (before.get(table) ?? 0);
      if (d > 0) {
        delta.set(table, d);
        total += d;
      }
    }
    if (total < bestTotal) {
      best = delta;
      bestTotal = total;
    }
    before = after;
  }
  return { total: bestTotal, byTable: best! };
}

/**
 * p50/p95 over {@link REQUESTS} sequential requests after 5 warm-up ones, and the rows read by
 * one. `yarn start` runs the backend in watch mode: when a source edit restarts it meanwhile,
 * waits until it is ready and measures the report again from its warm-up.
 */
async function measureReport(db: Knex, report: Report, token: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      for (let i = 0; i < 5; i++) {
        await fetchReport(report, token); // warm up
      }
      const samples: number[] = [];
      let body = '';
      for (let i = 0; i < REQUESTS; i++) {
        const { ms, text } = await fetchReport(report, token);
        samples.push(ms);
        body = text;
      }
      samples.sort((a, b) => a - b);
      const read = await rowsReadBy(db, report, token);
      return {
        report,
        p50: percentile(samples, 50),
        p95: percentile(samples, 95),
        counted: report.counted(body),
        bytes: Buffer.byteLength(body),
        read,
      };
    } catch (error) {
      if (
        attempt >= 5 ||
        !String((error as any)?.cause).includes('ECONNREFUSED')
      ) {
        throw error;
      }
      console.log(
        `the backend restarted during ${report.name}; measuring again`,
      );
      await waitFor(
        async () =>
          (
            await fetch(`${BACKEND}/.backstage/health/v1/readiness`)
          ).ok,
        'the backend',
      );
    }
  }
}

const countedInReport = (body: string) => {
  const report = JSON.parse(body);
  return report.overall.met + report.overall.breached + report.overall.waived;
};

const countedInCsv = (body: string) => {
  // The "overall" row of the targets block: overall,,,,met,breached,waived,...
  const overall = body.split('\r\n').find(line => line.startsWith('overall,'));
  const cells = overall!.split(',');
  return Number(cells[4]) + Number(cells[5]) + Number(cells[6]);
};

const countedInPortfolio = (body: string) =>
  JSON.parse(body).items.reduce(
    (n: number, s: any) => n + s.met + s.breached + s.waived,
    0,
  );

async function main() {
  await withBenchBackend('itsm_sla_breaches', async (db, token) => {
    const seconds = await load(db);
    const { rows } = await db.raw(
      `SELECT (SELECT count(*) FROM itsm_incidents) AS incidents,
              (SELECT count(*) FROM itsm_sla_clocks) AS clocks,
              (SELECT count(*) FROM itsm_sla_breaches) AS breaches`,
    );
    console.log(
      `loaded ${Number(rows[0].incidents).toLocaleString(
        'en-US',
      )} incidents, ${Number(rows[0].clocks).toLocaleString(
        'en-US',
      )} clocks, ${Number(rows[0].breaches).toLocaleString(
        'en-US',
      )} breaches over ${MONTHS.length} months (${seconds.toFixed(1)} s)`,
    );

    const period = `from=${FROM}&to=${TO}`;
    const reportUrl = (ref: string) =>
      `${BACKEND}/api/itsm/reports/sla?entityRef=${encodeURIComponent(
        ref,
      )}&${period}`;
    const reports: Report[] = [
      {
        name: `report of the big service (JSON)`,
        url: reportUrl(BIG),
        accept: 'application/json',
        counted: countedInReport,
      },
      {
        name: `report of the big service (CSV)`,
        url: reportUrl(BIG),
        accept: 'text/csv',
        counted: countedInCsv,
      },
      {
        name: `report of a small service (JSON)`,
        url: reportUrl(SMALL),
        accept: 'application/json',
        counted: countedInReport,
      },
      {
        name: `portfolio of ${ENTITIES.toLocaleString('en-US')} services`,
        url: `${BACKEND}/api/itsm/reports/sla-portfolio?${period}`,
        accept: 'application/json',
        counted: countedInPortfolio,
      },
    ];

    const results = [];
    for (const report of reports) {
      const result = await measureReport(db, report, token);
      results.push(result);
      console.log(
        `measured ${report.name}: p50 ${result.p50.toFixed(
          1,
        )} ms, p95 ${result.p95.toFixed(1)} ms, ${result.read.total} rows read`,
      );
    }

    const n = (v: number) => v.toLocaleString('en-US');
    console.log(
      `\nPostgreSQL, ${n(ENTITIES)} services, ${n(
        BIG_PER_MONTH,
      )} incidents of the big service in the month, ${REQUESTS} sequential requests per row (ms)\n`,
    );
    console.log(
      '| report                              |    p50 |    p95 | clocks counted | rows read | response |',
    );
    console.log(
      '| ----------------------------------- | -----: | -----: | -------------: | --------: | -------: |',
    );
    for (const r of results) {
      console.log(
        `| ${r.report.name.padEnd(35)} | ${r.p50
          .toFixed(1)
          .padStart(6)} | ${r.p95.toFixed(1).padStart(6)} | ${n(
          r.counted,
        ).padStart(14)} | ${n(r.read.total).padStart(9)} | ${`${(
          r.bytes / 1024
        ).toFixed(0)} kB`.padStart(8)} |`,
      );
    }
    console.log('\nRows read per table (one request):\n');
    for (const r of results) {
      const tables = [...r.read.byTable.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([table, count]) => `${table} ${n(count)}`)
        .join(', ');
      console.log(`- ${r.report.name}: ${tables}`);
    }
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
