/*
 * The incident trend report at scale, on PostgreSQL:
 *
 *   yarn bench:trends
 *
 * Creates a fresh database (`itsm_bench_trends`, dropped first and at the end), runs the plugin's migrations
 * and loads 500,000 incidents with `INSERT ... SELECT generate_series` (and their primary
 * entity rows): created in order (as the
 * table fills up in production) evenly over the three years before now, on 300 entities with a
 * Zipf-like (log-uniform, P(k) ~ 1/k) distribution, 12 categories (Zipf-like, 15% without),
 * 3,000 signatures (Zipf-like, 10% without), owned by 50 groups. Then times
 * `IncidentTrendService.report` in process (the SQL aggregate plus the shaping; no HTTP) for
 * each groupBy over the default 12 weeks and 12 months up to now, as a caller who reads
 * everything and as one whose conditional decision (the services of 5 of the 50 groups)
 * becomes a WHERE clause. `upstream` folds the per-entity counts into dependencies from an
 * in-memory catalog stand-in (each entity depends on 1 to 3 of 40 shared resources).
 *
 * Environment: BENCH_PG (default postgresql://postgres@127.0.0.1:5432, a role that may create
 * databases), BENCH_INCIDENTS (default 500000), BENCH_REQUESTS per row (default 20).
 */
import knexFactory from 'knex';
import path from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  IncidentTrendGroupBy,
  IncidentTrendInterval,
} from '@backstage-itsm/plugin-itsm-common';
import { IncidentTrendService } from '../plugins/itsm-backend/src/practices/problems/IncidentTrendService';
import { KnexIncidentTrendStore } from '../plugins/itsm-backend/src/practices/problems/KnexIncidentTrendStore';
import { PG, dropBenchDatabases } from './harness';

const DATABASE = 'itsm_bench_trends';
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 500_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20);
const ENTITIES = 300;
const GROUPS = 50;
const MIGRATIONS = path.resolve(
  __dirname,
  '../plugins/itsm-backend/migrations',
);

/** Each entity depends on 1 to 3 of 40 shared resources (a stand-in for the catalog). */
function upstreamOf(refs: string[]): Map<string, string[]> {
  return new Map(
    refs.map(ref => {
      const n = Number(ref.slice(ref.lastIndexOf('-') + 1));
      const deps = Array.from(
        { length: 1 + (n % 3) },
        (_, i) => `resource:default/bench-db-${(n * 7 + i * 13) % 40}`,
      );
      return [ref, deps];
    }),
  );
}

async function load(db: ReturnType<typeof knexFactory>) {
  const started = Date.now();
  // Zipf-like picks: floor(exp(random() * ln(n + 1))) - 1 is 0..n-1 with P(k) ~ 1/(k + 1).
  await db.raw(
    `INSERT INTO itsm_incidents (version, title, description, entity_ref, reporter,
       assignment_group, category, signature, impact, urgency, priority, status, major,
       source, created_at, created_by, updated_at)
     SELECT 1, 'Bench incident ' || g, '',
       'component:default/bench-service-' || x.entity, 'user:default/bench',
       'group:default/bench-group-' || (x.entity % ?),
       CASE WHEN random() < 0.15 THEN NULL
            ELSE 'category-' || (floor(exp(random() * ln(13))) - 1)::int END,
       CASE WHEN random() < 0.10 THEN NULL
            ELSE 'alert:Bench' || (floor(exp(random() * ln(3001))) - 1)::int END,
       2, 2, 3, 'closed', false, 'api', x.created, 'user:default/bench', x.created
     FROM generate_series(1, ?::int) AS g
     CROSS JOIN LATERAL (SELECT
       (floor(exp(random() * ln(?::float + 1))) - 1)::int + g * 0 AS entity,
       now() - (1 - g::float / ?) * interval '1095 days' - random() * interval '1 hour'
         AS created) AS x`,
    [GROUPS, INCIDENTS, ENTITIES, INCIDENTS],
  );
  await db.raw(
    `INSERT INTO itsm_record_entities (record_type, record_seq, entity_ref, owner_ref, is_primary)
     SELECT 'incident', seq, entity_ref, assignment_group, true FROM itsm_incidents`,
  );
  await db.raw('ANALYZE');
  return (Date.now() - started) / 1000;
}

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function main() {
  await dropBenchDatabases(DATABASE);
  const admin = knexFactory({ client: 'pg', connection: `${PG}/postgres` });
  await admin.raw('CREATE DATABASE ??', [DATABASE]);
  await admin.destroy();
  const db = knexFactory({
    client: 'pg',
    connection: `${PG}/${DATABASE}`,
    pool: { min: 1, max: 4 },
  });
  try {
    await db.migrate.latest({ directory: MIGRATIONS });
    const seconds = await load(db);
    const [{ count }] = await db('itsm_incidents').count({ count: '*' });
    console.log(
      `Loaded ${Number(count).toLocaleString(
        'en-US',
      )} incidents in ${seconds.toFixed(1)} s`,
    );
    const { rows: sizes } = await db.raw(
      `SELECT count(DISTINCT entity_ref) AS entities, count(DISTINCT category) AS categories,
         count(DISTINCT signature) AS signatures,
         (SELECT count(*) FROM itsm_incidents WHERE entity_ref = 'component:default/bench-service-0') AS top_entity
       FROM itsm_incidents`,
    );
    console.log(sizes[0]);

    const store = KnexIncidentTrendStore.fromKnex(db);
    const owners = Array.from(
      { length: 5 },
      (_, i) => `group:default/bench-group-${i * 10}`,
    );
    const services = {
      all: new IncidentTrendService({
        store,
        access: { requireRead: async () => ({ allowed: true }) },
        upstream: async refs => upstreamOf(refs),
      }),
      '5 of 50 owner groups': new IncidentTrendService({
        store,
        access: {
          requireRead: async () => ({
            allowed: true,
            permissionFilter: { property: 'serviceOwnerRef', values: owners },
          }),
        },
        upstream: async refs => upstreamOf(refs),
      }),
    };
    const ctx = { credentials: mockCredentials.user() };
    const results: string[] = [];
    for (const [caller, service] of Object.entries(services)) {
      for (const interval of ['week', 'month'] as IncidentTrendInterval[]) {
        for (const groupBy of [
          'entity',
          'category',
          'signature',
          'upstream',
        ] as IncidentTrendGroupBy[]) {
          const run = () => service.report({ groupBy, interval, top: 50 }, ctx);
          const first = await run(); // warm up
          await run();
          const samples: number[] = [];
          for (let i = 0; i < REQUESTS; i++) {
            const t0 = process.hrtime.bigint();
            await run();
            samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
          }
          samples.sort((a, b) => a - b);
          const counted = first.rows.reduce((sum, r) => sum + r.total, 0);
          const cells = [
            caller.padEnd(20),
            `12 ${interval}s`.padEnd(9),
            groupBy.padEnd(9),
            String(first.rows.length).padStart(4),
            counted.toLocaleString('en-US').padStart(9),
            percentile(samples, 50).toFixed(1).padStart(6),
            percentile(samples, 95).toFixed(1).padStart(6),
          ];
          results.push(`| ${cells.join(' | ')} |`);
          console.log(results[results.length - 1]);
        }
      }
    }
    console.log(
      `\n| caller               | range     | groupBy   | rows |   counted |    p50 |    p95 |`,
    );
    console.log(
      `| -------------------- | --------- | --------- | ---: | --------: | -----: | -----: |`,
    );
    for (const line of results) {
      console.log(line);
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
