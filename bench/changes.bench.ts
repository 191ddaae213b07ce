/*
 * Change conflict detection and the change calendar at scale, on PostgreSQL, through the real
 * backend:
 *
 *   yarn bench:changes
 *
 * Starts the demo backend on PostgreSQL (databases prefixed `itsm_bench_`, dropped first),
 * bulk-loads changes over 2,000 entities (50 owner groups, 100 systems) straight into the
 * plugin's tables, a window of one to four hours each, spread over the past 300 and the next 65
 * days; past changes mostly closed, future ones scheduled or in authorization. Then times, with
 * the same guest token and the same backend:
 *   - conflicts of a change before submission   POST /api/itsm/change-assessments
 *   - the calendar of one owner group, one week  GET /api/itsm/change-calendar?owner=…
 *   - the calendar of one system, one month      GET /api/itsm/change-calendar?system=…
 *   - the calendar of one entity, one month      GET /api/itsm/change-calendar?entityRef=…
 *   - the catalog's own entity lookup            GET /api/catalog/entities/by-name/…
 * at 10,000 and at 100,000 changes, and prints p50/p95 for each.
 *
 * The 2,000 bench components are real catalog entities (a generated file location added to the
 * demo catalog, ingested before timing): each depends on the next one, so an assessment reads
 * the catalog for the blast radius, the related entities and the owners, and conflict detection
 * looks for overlaps on the entity and on its directly related ones.
 *
 * Environment: BENCH_PG (default postgresql://postgres@127.0.0.1:5432), BENCH_SIZES
 * (default 10000,100000), BENCH_REQUESTS per query and size (default 200).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Knex } from 'knex';
import YAML from 'yaml';
import {
  BACKEND,
  catalogReference,
  measureAtSizes,
  waitFor,
  withBenchBackend,
} from './harness';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000')
  .split(',')
  .map(Number);
const ENTITIES = 2000;
const DAY = 86_400_000;

const entityRef = (n: number) => `component:default/bench-service-${n}`;

/**
 * Writes the bench catalog (50 groups, 100 systems, 2,000 components in a dependency chain) and a
 * config file that adds it to the demo catalog's locations; returns the config file.
 */
function writeBenchCatalog(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-bench-'));
  const docs: object[] = [];
  for (let g = 0; g < 50; g++) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `bench-team-${g}` },
      spec: { type: 'team', children: [] },
    });
  }
  for (let s = 0; s < 100; s++) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `bench-system-${s}` },
      spec: { owner: `group:default/bench-team-${s % 50}` },
    });
  }
  for (let n = 0; n < ENTITIES; n++) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `bench-service-${n}`,
        annotations: { 'itsm/tier': String(2 + (n % 3)) },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: `group:default/bench-team-${n % 50}`,
        system: `system:default/bench-system-${n % 100}`,
        dependsOn: [entityRef((n + 1) % ENTITIES)],
      },
    });
  }
  const catalog = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(catalog, docs.map(doc => YAML.stringify(doc)).join('---\n'));
  // Config arrays replace rather than merge: repeat the demo locations, then add the bench file.
  const appConfig = YAML.parse(
    fs.readFileSync(path.resolve(__dirname, '..', 'app-config.yaml'), 'utf8'),
  );
  const config = path.join(dir, 'app-config.bench.yaml');
  fs.writeFileSync(
    config,
    YAML.stringify({
      catalog: {
        locations: [
          ...appConfig.catalog.locations,
          {
            type: 'file',
            target: catalog,
            rules: [{ allow: ['Group', 'System', 'Component'] }],
          },
        ],
      },
    }),
  );
  return config;
}

/** Adds changes seq (from, to] spread over the entities, with their entity rows. */
async function load(db: Knex, from: number, to: number) {
  const started = Date.now();
  // Change g starts (g * 7) % 365 days from 300 days ago at hour g % 24 and lasts 1–4 hours.
  await db.raw(
    `INSERT INTO itsm_changes (seq, version, plan_revision, type, status, title, justification,
       planned_start, planned_end, actual_start, actual_end, implementation_plan, backout_plan,
       test_plan, risk_answers, risk, risk_reasons, required_approvals, conflicts, outcome,
       requester, created_at, created_by, updated_at, updated_by)
     SELECT g, 1, 1, CASE WHEN g % 20 = 0 THEN 'emergency' WHEN g % 4 = 0 THEN 'standard' ELSE 'normal' END,
       CASE WHEN s.start < now() THEN (CASE WHEN g % 30 = 0 THEN 'cancelled' ELSE 'closed' END)
            WHEN g % 3 = 0 THEN 'authorization' ELSE 'scheduled' END,
       'Bench change ' || g, '', s.start, s.start + (1 + g % 4) * interval '1 hour',
       CASE WHEN s.start < now() THEN s.start END,
       CASE WHEN s.start < now() THEN s.start + interval '1 hour' END,
       'Deploy', 'Roll back', 'Smoke test', '{}', 'low', '[]', '[]', '[]',
       CASE WHEN s.start < now() AND g % 30 <> 0 THEN (CASE WHEN g % 17 = 0 THEN 'failed' ELSE 'successful' END) END,
       'user:default/bench', s.start - interval '7 days', 'user:default/bench',
       s.start - interval '7 days', 'user:default/bench'
     FROM generate_series(?::int, ?::int) AS g
     CROSS JOIN LATERAL (SELECT date_trunc('day', now()) - interval '300 days'
       + ((g * 7) % 365) * interval '1 day' + (g % 24) * interval '1 hour' AS start) AS s`,
    [from + 1, to],
  );
  await db.raw(
    `INSERT INTO itsm_change_entities (change_seq, entity_ref, owner_ref, system_ref)
     SELECT seq, 'component:default/bench-service-' || (seq % ?),
       'group:default/bench-team-' || ((seq % ?) % 50),
       'system:default/bench-system-' || ((seq % ?) % 100)
     FROM itsm_changes WHERE seq > ? AND seq <= ?`,
    [ENTITIES, ENTITIES, ENTITIES, from, to],
  );
  await db.raw(
    `SELECT setval(pg_get_serial_sequence('itsm_changes', 'seq'), ?)`,
    [to],
  );
  await db.raw('ANALYZE');
  return (Date.now() - started) / 1000;
}

const inDays = (days: number) =>
  new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY).toISOString();

async function main() {
  const extraConfig = [writeBenchCatalog()];
  await withBenchBackend(
    'itsm_change_entities',
    async (db, token) => {
      await waitFor(
        async () =>
          (
            await fetch(
              `${BACKEND}/api/catalog/entities/by-name/component/default/bench-service-${
                ENTITIES - 1
              }`,
              { headers: { Authorization: `Bearer ${token}` } },
            )
          ).ok,
        'the bench catalog',
      );
      await measureAtSizes({
        db,
        token,
        noun: 'changes',
        sizes: SIZES,
        entities: ENTITIES,
        load,
        queries: {
          'conflicts of a new change (assessment)': i => ({
            url: `${BACKEND}/api/itsm/change-assessments`,
            body: {
              type: 'normal',
              entityRefs: [entityRef((i * 7919) % ENTITIES)],
              plannedStart: inDays(3 + (i % 20)),
              plannedEnd: inDays(4 + (i % 20)),
              riskAnswers: {
                tested: 'yes',
                outage: 'no',
                backout: 'yes',
                implementers: 'one_team',
                failed_before: 'no',
                data_change: 'no',
              },
            },
          }),
          'calendar: one owner group, one week': i => ({
            url: `${BACKEND}/api/itsm/change-calendar?from=${inDays(
              i % 30,
            )}&to=${inDays((i % 30) + 7)}&owner=${encodeURIComponent(
              `group:default/bench-team-${i % 50}`,
            )}`,
          }),
          'calendar: one system, one month': i => ({
            url: `${BACKEND}/api/itsm/change-calendar?from=${inDays(
              -30 + (i % 30),
            )}&to=${inDays(i % 30)}&system=${encodeURIComponent(
              `system:default/bench-system-${i % 100}`,
            )}`,
          }),
          'calendar: one entity, one month': i => ({
            url: `${BACKEND}/api/itsm/change-calendar?from=${inDays(
              i % 30,
            )}&to=${inDays((i % 30) + 30)}&entityRef=${encodeURIComponent(
              entityRef((i * 7919) % ENTITIES),
            )}`,
          }),
          'catalog entities/by-name (reference)': catalogReference,
        },
      });
    },
    { extraConfig },
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
