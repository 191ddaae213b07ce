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
import { Knex } from 'knex';
import {
  BACKEND,
  catalogReference,
  measureAtSizes,
  withBenchBackend,
} from './harness';

const SIZES = (process.env.BENCH_SIZES ?? '50000,500000')
  .split(',')
  .map(Number);
const ENTITIES = 2000;

const entityRef = (n: number) => `component:default/bench-service-${n}`;

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

async function main() {
  await withBenchBackend('itsm_sla_clocks', async (db, token) => {
    await measureAtSizes({
      db,
      token,
      noun: 'incidents',
      sizes: SIZES,
      entities: ENTITIES,
      load,
      queries: {
        'list open incidents of one entity': i => ({
          url: `${BACKEND}/api/itsm/incidents?entityRef=${encodeURIComponent(
            entityRef((i * 7919) % ENTITIES),
          )}&status=new&status=in_progress&status=on_hold&limit=50`,
        }),
        'service health of one entity': i => ({
          url: `${BACKEND}/api/itsm/service-health?entityRef=${encodeURIComponent(
            entityRef((i * 7919) % ENTITIES),
          )}`,
        }),
        'catalog entities/by-name (reference)': catalogReference,
      },
    });
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
