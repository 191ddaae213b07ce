/*
 * Incident queries at scale, on PostgreSQL, through the real backend:
 *
 *   yarn bench:incidents
 *
 * Starts the demo backend on PostgreSQL (databases prefixed `itsm_bench_`, dropped first),
 * bulk-loads incidents over 2,000 entities straight into the plugin's tables, then times,
 * with the same guest token and the same backend:
 *   - list open incidents for one entity   GET /api/itsm/incidents?entityRef=…&status=…
 *   - the service health card               GET /api/itsm/service-health?entityRef=…
 *   - the catalog's own entity lookup       GET /api/catalog/entities/by-name/…
 * at 50,000 and at 500,000 incidents, and prints p50/p95 for each.
 *
 * Environment: BENCH_PG (default postgresql://postgres@127.0.0.1:5432), BENCH_SIZES
 * (default 50000,500000), BENCH_REQUESTS per query and size (default 200).
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';

const PG = process.env.BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432';
const SIZES = (process.env.BENCH_SIZES ?? '50000,500000')
  .split(',')
  .map(Number);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const ENTITIES = 2000;
const PREFIX = 'itsm_bench_';
const BACKEND = 'http://localhost:7007';
const ROOT = path.resolve(__dirname, '..');

const entityRef = (n: number) => `component:default/bench-service-${n}`;

async function dropBenchDatabases() {
  const admin = knexFactory({ client: 'pg', connection: `${PG}/postgres` });
  const { rows } = await admin.raw(
    'SELECT datname FROM pg_database WHERE datname LIKE ?',
    [`${PREFIX}%`],
  );
  for (const { datname } of rows) {
    await admin.raw('DROP DATABASE ?? WITH (FORCE)', [datname]);
  }
  await admin.destroy();
}

function startBackend(): ChildProcess {
  const url = new URL(PG);
  const child = spawn(
    'yarn',
    [
      'workspace',
      'backend',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.postgres.yaml',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        POSTGRES_HOST: url.hostname,
        POSTGRES_PORT: url.port || '5432',
        POSTGRES_USER: decodeURIComponent(url.username) || 'postgres',
        POSTGRES_PASSWORD: decodeURIComponent(url.password),
        APP_CONFIG_backend_database_prefix: PREFIX,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  );
  return child;
}

async function waitFor(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    try {
      if (await check()) {
        return;
      }
    } catch {
      // not there yet
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Adds incidents seq (from, to] spread over the entities, with their entity rows and clocks. */
async function load(db: Knex, from: number, to: number) {
  const started = Date.now();
  // A deterministic mix: ~6% open, the rest resolved or closed, over the last 400 days.
  await db.raw(
    `INSERT INTO itsm_incidents (seq, version, title, description, entity_ref, reporter,
       assignee, assignment_group, impact, urgency, priority, status, major, source,
       resolved_at, closed_at, created_at, created_by, updated_at)
     SELECT g, 1, 'Bench incident ' || g, '', 'component:default/bench-service-' || (g % ?),
       'user:default/bench', NULL, 'group:default/sre-team',
       1 + g % 3, 1 + (g / 3) % 3, 1 + (g % 3) + ((g / 3) % 3),
       CASE WHEN g % 50 = 0 THEN 'new' WHEN g % 50 = 1 THEN 'in_progress'
            WHEN g % 50 = 2 THEN 'on_hold' WHEN g % 10 = 3 THEN 'resolved' ELSE 'closed' END,
       g % 5000 = 0, 'api',
       CASE WHEN g % 50 > 2 THEN now() - (g % 400) * interval '1 day' + interval '4 hours' END,
       CASE WHEN g % 50 > 2 AND g % 10 <> 3 THEN now() - (g % 400) * interval '1 day' + interval '5 days' END,
       now() - (g % 400) * interval '1 day', 'user:default/bench', now() - (g % 400) * interval '1 day'
     FROM generate_series(?::int, ?::int) AS g`,
    [ENTITIES, from + 1, to],
  );
  await db.raw(
    `INSERT INTO itsm_record_entities (record_type, record_seq, entity_ref, owner_ref, is_primary)
     SELECT 'incident', seq, entity_ref, 'group:default/sre-team', true
     FROM itsm_incidents WHERE seq > ? AND seq <= ?`,
    [from, to],
  );
  await db.raw(
    `INSERT INTO itsm_sla_clocks (record_type, record_seq, clock, target_ms, calendar_id,
       started_at, stopped_at, pauses, state, due_at, breached_at, evaluated_at)
     SELECT 'incident', seq, c.clock, c.target, '24x7', created_at,
       CASE WHEN status IN ('new', 'in_progress', 'on_hold') THEN NULL ELSE resolved_at END,
       '[]', CASE WHEN status IN ('new', 'in_progress', 'on_hold') THEN 'running' ELSE 'met' END,
       created_at + c.target * interval '1 millisecond', NULL, now()
     FROM itsm_incidents
     CROSS JOIN (VALUES ('response', 1800000), ('resolution', 28800000)) AS c(clock, target)
     WHERE seq > ? AND seq <= ?`,
    [from, to],
  );
  await db.raw(
    `SELECT setval(pg_get_serial_sequence('itsm_incidents', 'seq'), ?)`,
    [to],
  );
  await db.raw('ANALYZE');
  return (Date.now() - started) / 1000;
}

async function time(url: string, token: string): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${token}` },
  });
  await res.arrayBuffer();
  if (!res.ok) {
    throw new Error(`${url} answered ${res.status}`);
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function measure(token: string) {
  const queries: Record<string, (i: number) => string> = {
    'list open incidents of one entity': i =>
      `${BACKEND}/api/itsm/incidents?entityRef=${encodeURIComponent(
        entityRef((i * 7919) % ENTITIES),
      )}&status=new&status=in_progress&status=on_hold&limit=50`,
    'service health of one entity': i =>
      `${BACKEND}/api/itsm/service-health?entityRef=${encodeURIComponent(
        entityRef((i * 7919) % ENTITIES),
      )}`,
    'catalog entities/by-name (reference)': () =>
      `${BACKEND}/api/catalog/entities/by-name/component/default/checkout-service`,
  };
  const results: Record<string, { p50: number; p95: number }> = {};
  for (const [name, url] of Object.entries(queries)) {
    for (let i = 0; i < 20; i++) {
      await time(url(i), token); // warm up
    }
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      samples.push(await time(url(i), token));
    }
    samples.sort((a, b) => a - b);
    results[name] = {
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
    };
  }
  return results;
}

async function main() {
  await dropBenchDatabases();
  const backend = startBackend();
  const stop = () => {
    try {
      process.kill(-backend.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  try {
    await waitFor(
      async () => (await fetch(`${BACKEND}/.backstage/health/v1/readiness`)).ok,
      'the backend',
    );
    const db = knexFactory({ client: 'pg', connection: `${PG}/${PREFIX}itsm` });
    await waitFor(
      async () => db.schema.hasTable('itsm_sla_clocks'),
      'the ITSM tables',
    );
    const refresh = await fetch(`${BACKEND}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    const token = (await refresh.json()).backstageIdentity.token as string;
    await waitFor(
      async () =>
        (
          await fetch(
            `${BACKEND}/api/catalog/entities/by-name/component/default/checkout-service`,
            { headers: { Authorization: `Bearer ${token}` } },
          )
        ).ok,
      'the demo catalog',
    );

    const rows: string[] = [];
    let loaded = 0;
    for (const size of SIZES) {
      const seconds = await load(db, loaded, size);
      loaded = size;
      console.log(
        `loaded ${size.toLocaleString('en-US')} incidents (+${seconds.toFixed(
          1,
        )} s)`,
      );
      const results = await measure(token);
      for (const [name, { p50, p95 }] of Object.entries(results)) {
        rows.push(
          `| ${size.toLocaleString('en-US').padStart(9)} | ${name.padEnd(
            38,
          )} | ${p50.toFixed(1).padStart(7)} | ${p95.toFixed(1).padStart(7)} |`,
        );
      }
    }
    await db.destroy();
    console.log(
      `\nPostgreSQL, ${ENTITIES} entities, ${REQUESTS} sequential requests per row (ms)\n`,
    );
    console.log(
      '| incidents | query                                  |     p50 |     p95 |',
    );
    console.log(
      '| --------: | -------------------------------------- | ------: | ------: |',
    );
    rows.forEach(row => console.log(row));
  } finally {
    stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
