/*
 * The problem detection job at scale, on PostgreSQL:
 *
 *   yarn bench:problems
 *
 * Creates a fresh database (`itsm_bench_problems`, dropped first and at the end), runs the
 * plugin's migrations and loads 500,000 incidents with `INSERT ... SELECT generate_series` (and
 * their primary entity rows):
 *
 * - three years up to a week ago, as `bench:trends` loads them: created in order, 300 services
 *   (P(k) ~ 1/k), the default category taxonomy (P(k) ~ 1/k over 7 categories with their
 *   subcategories, 10% `uncategorised`, 5% none), 3,000 signatures (P(k) ~ 1/k, 10% none);
 * - the last week: 5,000 background incidents that form no cluster by construction (round-robin
 *   over the services, at most two per service and category or signature, none in the last
 *   8 hours), plus the planted clusters: 24 recurring signatures (3–8 incidents on one service),
 *   12 recurring categories (one to four more incidents on a service that has two already), and
 *   a burst in the last 3 hours on 8 services that share one database. 37 candidates expected.
 *
 * Then builds the real `ProblemDetectionJob` on `KnexProblemStore` and `ProblemService` (a
 * `RecordLinkService` with incidents and problems registered, an in-memory stand-in for the
 * catalog: each service depends on 1 to 3 of 30 shared resources and components, and is owned by
 * one of 50 groups; counting signals and notifications) and measures a cold run, warm runs, two
 * replicas running at once, and the plans of the job's reads (EXPLAIN ANALYZE). Then the same
 * runs as of a week ago, on a week of the three-year load (no planted clusters: the expected
 * count is what `recurringIncidents` and `upstreamClusters` find there). Exit code 1 on a FAIL.
 *
 * Environment: BENCH_PG (default postgresql://postgres@127.0.0.1:5432, a role that may create
 * databases), BENCH_INCIDENTS (default 500000), BENCH_RUNS warm runs (default 10),
 * BENCH_TRIALS two-replica trials (default 3).
 */
import knexFactory, { Knex } from 'knex';
import os from 'node:os';
import path from 'node:path';
import type {
  LoggerService,
  PermissionsRegistryService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createPermissionIntegrationRouter } from '@backstage/plugin-permission-node';
import {
  DEFAULT_DETECTION_CONFIG,
  DEFAULT_INCIDENT_CATEGORIES,
  DEFAULT_PRIORITY_MATRIX,
  upstreamClusters,
} from '@backstage-itsm/plugin-itsm-common';
import { IncidentAccess } from '../plugins/itsm-backend/src/practices/incidents/IncidentAccess';
import { builtInIncidentRuleset } from '../plugins/itsm-backend/src/practices/incidents/incidentRules';
import { ImpactAnalyzer } from '../plugins/itsm-backend/src/catalog/ImpactAnalyzer';
import { ItsmCatalog } from '../plugins/itsm-backend/src/catalog/ItsmCatalog';
import { incidentTable } from '../plugins/itsm-backend/src/practices/incidents/incidentRecordType';
import { KnexProblemStore } from '../plugins/itsm-backend/src/practices/problems/KnexProblemStore';
import { ProblemAccess } from '../plugins/itsm-backend/src/practices/problems/ProblemAccess';
import { ProblemDetectionJob } from '../plugins/itsm-backend/src/practices/problems/ProblemDetectionJob';
import { ProblemService } from '../plugins/itsm-backend/src/practices/problems/ProblemService';
import { registerProblemPermissions } from '../plugins/itsm-backend/src/practices/problems/problemPermissions';
import {
  RecordLinkService,
  linkableRecordType,
} from '../plugins/itsm-backend/src/records/links';
import { RecordNotifier } from '../plugins/itsm-backend/src/records/notifier';
import { PG, dropBenchDatabases } from './harness';

const DATABASE = 'itsm_bench_problems';
const INCIDENTS = Number(process.env.BENCH_INCIDENTS ?? 500_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const TRIALS = Number(process.env.BENCH_TRIALS ?? 3);
const SERVICES = 300;
const GROUPS = 50;
const DEPENDENCIES = 30; // 20 resources, 10 shared components
const SIGNATURES = 3000;
const BACKGROUND = 5000; // last week, no cluster (at most 2 per service and signature: < 6,000)
const SIGNATURE_CLUSTERS = 24;
const CATEGORY_CLUSTERS = 12;
const BURST_SERVICES = 8;
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const MIGRATIONS = path.resolve(
  __dirname,
  '../plugins/itsm-backend/migrations',
);
const CATEGORIES = Object.entries(DEFAULT_INCIDENT_CATEGORIES).filter(
  ([, subs]) => subs.length > 0,
); // the 7 categories with subcategories, `uncategorised` apart
const EXPECTED = SIGNATURE_CLUSTERS + CATEGORY_CLUSTERS + 1;

const serviceRef = (n: number) => `component:default/bench-service-${n}`;
const dependencyRef = (j: number) =>
  j < 20
    ? `resource:default/bench-db-${j}`
    : `component:default/bench-lib-${j - 20}`;
/** Each service depends on 1 to 3 of the 30 shared dependencies (each shared by ~20). */
const dependenciesOf = (n: number) =>
  Array.from(
    { length: 1 + (n % 3) },
    (_, i) => (n * 7 + i * 13) % DEPENDENCIES,
  );
const BURST_DEPENDENCY = 3; // resource:default/bench-db-3

function loadAverage() {
  return os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' ');
}

// The catalog stand-in -----------------------------------------------------------------

function catalogEntities(): Entity[] {
  const entity = (
    ref: string,
    spec: NonNullable<Entity['spec']>,
    relations: Array<{ type: string; targetRef: string }>,
  ): Entity => {
    const { kind, name } = parseEntityRef(ref);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: kind === 'component' ? 'Component' : 'Resource',
      metadata: { name, namespace: 'default' },
      spec,
      relations,
    };
  };
  const dependents = new Map<number, number[]>();
  for (let n = 0; n < SERVICES; n++) {
    for (const j of dependenciesOf(n)) {
      dependents.set(j, [...(dependents.get(j) ?? []), n]);
    }
  }
  return [
    ...Array.from({ length: SERVICES }, (_, n) => {
      const owner = `group:default/bench-group-${n % GROUPS}`;
      return entity(
        serviceRef(n),
        { type: 'service', lifecycle: 'production', owner },
        [
          { type: 'ownedBy', targetRef: owner },
          ...dependenciesOf(n).map(j => ({
            type: 'dependsOn',
            targetRef: dependencyRef(j),
          })),
        ],
      );
    }),
    ...Array.from({ length: DEPENDENCIES }, (_, j) => {
      const owner = `group:default/bench-group-${(j * 3) % GROUPS}`;
      return entity(
        dependencyRef(j),
        { type: j < 20 ? 'database' : 'library', owner },
        [
          { type: 'ownedBy', targetRef: owner },
          ...(dependents.get(j) ?? []).map(n => ({
            type: 'dependencyOf',
            targetRef: serviceRef(n),
          })),
        ],
      );
    }),
  ];
}

/** In memory, by lowercase ref; counts the calls (each one an HTTP request in production). */
class BenchCatalog {
  readonly calls = { getEntityByRef: 0, getEntitiesByRefs: 0 };
  readonly #byRef: Map<string, Entity>;

  constructor(entities: Entity[]) {
    this.#byRef = new Map(
      entities.map(e => [stringifyEntityRef(e).toLocaleLowerCase('en-US'), e]),
    );
  }

  async getEntityByRef(ref: string) {
    this.calls.getEntityByRef++;
    return this.#byRef.get(ref.toLocaleLowerCase('en-US'));
  }

  async getEntitiesByRefs(request: { entityRefs: string[] }) {
    this.calls.getEntitiesByRefs++;
    return {
      items: request.entityRefs.map(
        ref => this.#byRef.get(ref.toLocaleLowerCase('en-US')) ?? null,
      ),
    };
  }

  upstreamOf(refs: Iterable<string>): Map<string, string[]> {
    return new Map(
      [...refs].map(ref => [
        ref,
        dependenciesOf(Number(ref.slice(ref.lastIndexOf('-') + 1))).map(
          dependencyRef,
        ),
      ]),
    );
  }
}

// Services as the practice wires them -------------------------------------------------------

const counters = { signals: 0, notifications: 0, warnings: [] as string[] };

const logger: LoggerService = {
  error: message => counters.warnings.push(`error: ${message}`),
  warn: message => counters.warnings.push(`warn: ${message}`),
  info: () => {},
  debug: () => {},
  child: () => logger,
};

/** The real registry's ruleset, without the HTTP router around it. */
function permissionsRegistry(): PermissionsRegistryService {
  const router = createPermissionIntegrationRouter();
  return {
    addResourceType: resource =>
      router.addResourceType({
        ...resource,
        resourceType: resource.resourceRef.resourceType,
      } as any),
    addPermissions: permissions => router.addPermissions(permissions),
    addPermissionRules: rules => router.addPermissionRules(rules),
    getPermissionRuleset: ref => router.getPermissionRuleset(ref as any),
  } as PermissionsRegistryService;
}

/** One replica: its own connection pool, store, services and job. */
function replica(
  db: Knex,
  catalog: BenchCatalog,
  now?: () => Date,
): ProblemDetectionJob {
  const store = new KnexProblemStore(db);
  const ruleset = registerProblemPermissions(permissionsRegistry(), seq =>
    store.getProblem(seq),
  );
  const links = new RecordLinkService({ db });
  const incidents = linkableRecordType({
    table: incidentTable,
    read: async () => undefined,
    requireWrite: async () => undefined,
  });
  links.register(incidents);
  const auth = mockServices.auth();
  const catalogService = catalog as unknown as CatalogService;
  const problems = new ProblemService({
    store,
    access: new ProblemAccess({
      permissions: mockServices.permissions(),
      ruleset,
    }),
    links,
    incidents: () => incidents,
    incidentAccess: new IncidentAccess({
      permissions: mockServices.permissions(),
      ruleset: builtInIncidentRuleset(),
    }),
    catalog: new ItsmCatalog({ catalog: catalogService, auth }),
    notifier: new RecordNotifier({
      logger,
      signals: {
        publish: async () => {
          counters.signals++;
        },
      },
      notifications: {
        send: async () => {
          counters.notifications++;
        },
      },
    }),
    priorityMatrix: DEFAULT_PRIORITY_MATRIX,
    categories: DEFAULT_INCIDENT_CATEGORIES,
    observationDays: 14,
    logger,
    now,
  });
  links.register(problems.linkable());
  return new ProblemDetectionJob({
    store,
    problems,
    impact: new ImpactAnalyzer({ catalog: catalogService, auth }),
    config: DEFAULT_DETECTION_CONFIG,
    logger,
    now,
  });
}

// Data ----------------------------------------------------------------------------------

/** Picks `count` services not in `taken` along a stride (and takes them). */
function pick(
  count: number,
  taken: Set<number>,
  start: number,
  stride: number,
  accept: (n: number) => boolean = () => true,
): number[] {
  const picked: number[] = [];
  for (let i = 0; picked.length < count && i < SERVICES * 4; i++) {
    const n = (start + i * stride) % SERVICES;
    if (!taken.has(n) && accept(n)) {
      taken.add(n);
      picked.push(n);
    }
  }
  if (picked.length < count) throw new Error('Not enough services to plant');
  return picked;
}

interface RecentRow {
  entity: number;
  title: string;
  category: string | null;
  subcategory: string | null;
  signature: string | null;
  created_at: Date;
}

/** The planted clusters of the last week (background and base come from SQL). */
function planted(t0: number) {
  const taken = new Set<number>();
  const rows: RecentRow[] = [];
  const signatureServices = pick(SIGNATURE_CLUSTERS, taken, 0, 11);
  const categoryServices = pick(CATEGORY_CLUSTERS, taken, 5, 23);
  const burstServices = pick(BURST_SERVICES, taken, 1, 7, n =>
    dependenciesOf(n).includes(BURST_DEPENDENCY),
  );
  // Between 9 hours and ~5.5 days ago: inside the 7-day window, outside the 6-hour one.
  const past = (k: number, i: number) =>
    new Date(t0 - 9 * HOUR - ((k * 37 + i * 11) % 120) * HOUR - i * 60_000);
  signatureServices.forEach((n, k) => {
    const [category, subs] = CATEGORIES[k % CATEGORIES.length];
    for (let i = 0; i < 3 + (k % 6); i++) {
      rows.push({
        entity: n,
        title: `HighErrorRate${k} firing on bench-service-${n}`,
        category,
        subcategory: subs[i % subs.length],
        signature: `alert:HighErrorRate${k}`,
        created_at: past(k, i),
      });
    }
  });
  categoryServices.forEach((n, k) => {
    const [category, subs] = CATEGORIES[k % CATEGORIES.length];
    for (let i = 0; i < 1 + (k % 4); i++) {
      rows.push({
        entity: n,
        title: `Reported ${category} issue ${i} on bench-service-${n}`,
        category,
        subcategory: subs[i % subs.length],
        signature: `text:reported ${category} issue ${k}-${i}`,
        created_at: past(k + 7, i),
      });
    }
  });
  // The burst: one or two connection timeouts on each service, 3 hours to 10 minutes ago.
  burstServices.forEach((n, j) => {
    for (let i = 0; i < (j < BURST_SERVICES / 2 ? 2 : 1); i++) {
      rows.push({
        entity: n,
        title: `Database connection timeouts on bench-service-${n}`,
        category: null,
        subcategory: null,
        signature: 'alert:DatabaseConnectionTimeout',
        created_at: new Date(t0 - 3 * HOUR + j * 15 * 60_000 + i * 40 * 60_000),
      });
    }
  });
  return { rows, signatureServices, categoryServices, burstServices };
}

async function load(db: Knex, t0: number) {
  const started = Date.now();
  const plant = planted(t0);
  const base = INCIDENTS - BACKGROUND - plant.rows.length;
  const cats = CATEGORIES.map(([c]) => c);
  const width = Math.max(...CATEGORIES.map(([, s]) => s.length));
  const subs = CATEGORIES.map(([, s]) =>
    Array.from({ length: width }, (_, i) => s[i % s.length]),
  );
  // PostgreSQL array literals: {"a","b"} and {{"a","b"},{"c","d"}}.
  const literal = (values: unknown[]): string =>
    `{${values
      .map(v => (Array.isArray(v) ? literal(v) : `"${v}"`))
      .join(',')}}`;
  const catArray = literal(cats);
  const subArray = literal(subs);
  const columns = `version, title, description, entity_ref, reporter, assignment_group,
    category, subcategory, signature, impact, urgency, priority, status, major, source,
    created_at, created_by, updated_at`;
  const baseStart = (t0 - 1095 * DAY) / 1000;
  const baseEnd = (t0 - 7 * DAY - HOUR) / 1000;
  // Zipf-like picks: floor(exp(random() * ln(n + 1))) - 1 is 0..n-1 with P(k) ~ 1/(k + 1).
  await db.raw(
    `INSERT INTO itsm_incidents (${columns})
     SELECT 1, 'Bench incident ' || g, '',
       'component:default/bench-service-' || x.entity, 'user:default/bench',
       'group:default/bench-group-' || (x.entity % ?),
       CASE WHEN x.c < 0.05 THEN NULL WHEN x.c < 0.15 THEN 'uncategorised'
            ELSE (?::text[])[x.cat + 1] END,
       CASE WHEN x.c < 0.15 THEN NULL
            ELSE (?::text[][])[x.cat + 1][1 + floor(x.sub * ?)::int] END,
       CASE WHEN x.s < 0.10 THEN NULL
            ELSE 'alert:Bench' || (floor(exp(x.sig * ln(?::float + 1))) - 1)::int END,
       2, 2, 3, 'closed', false, 'api', x.created, 'user:default/bench', x.created
     FROM generate_series(1, ?::int) AS g
     CROSS JOIN LATERAL (SELECT
       (floor(exp(random() * ln(?::float + 1))) - 1)::int + g * 0 AS entity,
       (floor(exp(random() * ln(?::float + 1))) - 1)::int + g * 0 AS cat,
       random() + g * 0 AS c, random() + g * 0 AS sub,
       random() + g * 0 AS s, random() + g * 0 AS sig,
       to_timestamp(?::float + g::float / ? * ?::float - random() * 3600) AS created) AS x`,
    [
      GROUPS,
      catArray,
      subArray,
      width,
      SIGNATURES,
      base,
      SERVICES,
      cats.length,
      baseStart,
      base,
      baseEnd - baseStart,
    ],
  );
  // The last week, in creation order (as in production, seq follows created_at).
  await db.raw(
    `CREATE TEMPORARY TABLE bench_recent (entity int, title text, category text,
       subcategory text, signature text, created_at timestamptz)`,
  );
  // Background: service i % 300 in round r = i / 300; rounds 0–13 give each service two
  // incidents of each of the 7 categories, round 14 `uncategorised`, then none. Signatures
  // repeat every 3,000 incidents (a multiple of 300): at most two per service.
  await db.raw(
    `INSERT INTO bench_recent
     SELECT g % ?, 'Background incident ' || g,
       CASE WHEN g / ? < 14 THEN (?::text[])[(g / ?) % 7 + 1]
            WHEN g / ? = 14 THEN 'uncategorised' END,
       CASE WHEN g / ? < 14 THEN (?::text[][])[(g / ?) % 7 + 1][1 + g % 3] END,
       CASE WHEN g / ? < 16 THEN 'alert:Bench' || (g % ?) END,
       to_timestamp(?::float + random() * ?::float)
     FROM generate_series(0, ? - 1) AS g`,
    [
      SERVICES,
      SERVICES,
      catArray,
      SERVICES,
      SERVICES,
      SERVICES,
      subArray,
      SERVICES,
      SERVICES,
      SIGNATURES,
      (t0 - 7 * DAY + HOUR) / 1000,
      (7 * DAY - 9 * HOUR) / 1000,
      BACKGROUND,
    ],
  );
  await db.batchInsert('bench_recent', plant.rows as any[], 500);
  await db.raw(
    `INSERT INTO itsm_incidents (${columns})
     SELECT 1, title, '', 'component:default/bench-service-' || entity, 'user:default/bench',
       'group:default/bench-group-' || (entity % ?), category, subcategory, signature,
       2, 2, 3, CASE WHEN created_at > now() - interval '1 day' THEN 'new' ELSE 'resolved' END,
       false, 'api', created_at, 'user:default/bench', created_at
     FROM bench_recent ORDER BY created_at`,
    [GROUPS],
  );
  await db.raw('DROP TABLE bench_recent');
  await db.raw(
    `INSERT INTO itsm_record_entities (record_type, record_seq, entity_ref, owner_ref, is_primary)
     SELECT 'incident', seq, entity_ref, assignment_group, true FROM itsm_incidents`,
  );
  await db.raw('ANALYZE');
  return { seconds: (Date.now() - started) / 1000, plant };
}

// Measuring -----------------------------------------------------------------------------

interface Shape {
  sql: string;
  bindings: unknown[];
  calls: number;
  ms: number;
}

/** Every statement a pool sends while `on`, by SQL text, with its time to the response. */
class QueryLog {
  on = false;
  shapes = new Map<string, Shape>();
  readonly #started = new Map<string, [bigint, Shape]>();

  attach(db: Knex) {
    db.on('query', (q: any) => {
      if (!this.on || !q.__knexQueryUid) return;
      let shape = this.shapes.get(q.sql);
      if (!shape) {
        shape = { sql: q.sql, bindings: q.bindings ?? [], calls: 0, ms: 0 };
        this.shapes.set(q.sql, shape);
      }
      shape.calls++;
      this.#started.set(q.__knexQueryUid, [process.hrtime.bigint(), shape]);
    });
    const done = (q: any) => {
      const started = this.#started.get(q?.__knexQueryUid);
      if (!started) return;
      this.#started.delete(q.__knexQueryUid);
      started[1].ms += Number(process.hrtime.bigint() - started[0]) / 1e6;
    };
    db.on('query-response', (_r: unknown, q: any) => done(q));
    db.on('query-error', (_e: unknown, q: any) => done(q));
  }

  reset() {
    this.shapes = new Map();
  }

  totals() {
    let calls = 0;
    let ms = 0;
    for (const s of this.shapes.values()) {
      calls += s.calls;
      ms += s.ms;
    }
    return { calls, ms };
  }
}

const short = (sql: string, n = 110) => {
  const flat = sql.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
};

async function explain(db: Knex, shape: Shape): Promise<string[]> {
  const client = db.client as any;
  const connection = await client.acquireConnection();
  try {
    const result = await connection.query({
      text: `EXPLAIN (ANALYZE, BUFFERS) ${shape.sql}`,
      values: shape.bindings,
    });
    return result.rows.map((r: any) => r['QUERY PLAN'] as string);
  } finally {
    await client.releaseConnection(connection);
  }
}

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return [result, Number(process.hrtime.bigint() - t0) / 1e6];
}

/** Removes every problem and what proposing one wrote (links, history, entity rows). */
async function resetProblems(db: Knex) {
  await db.transaction(async tx => {
    await tx('itsm_record_links').where('to_type', 'problem').delete();
    await tx('itsm_history_events')
      .where('record_type', 'problem')
      .orWhere({ record_type: 'incident', action: 'linked' })
      .delete();
    await tx('itsm_record_entities').where('record_type', 'problem').delete();
    await tx('itsm_problems').delete();
  });
}

async function problemCounts(db: Knex) {
  const { rows } = await db.raw(
    `SELECT (SELECT count(*) FROM itsm_problems)::int AS problems,
       (SELECT count(DISTINCT (detection_key, detection_window)) FROM itsm_problems)::int AS keys,
       (SELECT count(*) FROM itsm_problems WHERE detection LIKE '%"rule":"upstream"%')::int AS upstream,
       (SELECT count(*) FROM itsm_record_links WHERE to_type = 'problem')::int AS links,
       (SELECT count(*) FROM itsm_history_events WHERE record_type = 'problem')::int AS problem_events`,
  );
  return rows[0] as {
    problems: number;
    keys: number;
    upstream: number;
    links: number;
    problem_events: number;
  };
}

async function main() {
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    console.log(`${ok ? 'PASS' : 'FAIL'} ${what}`);
    if (!ok) failures.push(what);
  };
  console.log(
    `Load average at start: ${loadAverage()} (${os.cpus().length} CPUs)`,
  );
  await dropBenchDatabases(DATABASE);
  const admin = knexFactory({ client: 'pg', connection: `${PG}/postgres` });
  await admin.raw('CREATE DATABASE ??', [DATABASE]);
  await admin.destroy();
  const connect = () =>
    knexFactory({
      client: 'pg',
      connection: `${PG}/${DATABASE}`,
      pool: { min: 1, max: 4 },
    });
  const db = connect();
  const second = connect();
  try {
    await db.migrate.latest({ directory: MIGRATIONS });
    const t0 = Date.now();
    const { seconds, plant } = await load(db, t0);
    const { rows: sizes } = await db.raw(
      `SELECT count(*)::int AS incidents,
         count(*) FILTER (WHERE created_at >= now() - interval '7 days')::int AS last_7_days,
         count(*) FILTER (WHERE created_at >= now() - interval '6 hours')::int AS last_6_hours,
         count(DISTINCT entity_ref)::int AS entities, count(DISTINCT category)::int AS categories,
         count(DISTINCT signature)::int AS signatures
       FROM itsm_incidents`,
    );
    console.log(`Loaded in ${seconds.toFixed(1)} s:`, sizes[0]);
    console.log(
      `Planted: ${SIGNATURE_CLUSTERS} signature clusters on services ${plant.signatureServices.join(
        ',',
      )}; ${CATEGORY_CLUSTERS} category clusters on ${plant.categoryServices.join(
        ',',
      )}; burst on ${plant.burstServices.join(
        ',',
      )} (all depend on ${dependencyRef(
        BURST_DEPENDENCY,
      )}); ${EXPECTED} candidates expected`,
    );

    const catalog = new BenchCatalog(catalogEntities());
    const log = new QueryLog();
    log.attach(db);
    const job = replica(db, catalog);

    // 1. Cold run.
    console.log(`\nLoad average before the cold run: ${loadAverage()}`);
    log.on = true;
    const [cold, coldMs] = await timed(() => job.run());
    log.on = false;
    const coldShapes = log.shapes;
    const coldTotals = log.totals();
    const counts = await problemCounts(db);
    console.log(
      `Cold run: ${(coldMs / 1000).toFixed(2)} s, ${
        cold.proposed.length
      } candidates (${counts.upstream} upstream), ${
        coldTotals.calls
      } SQL statements taking ${(coldTotals.ms / 1000).toFixed(
        2,
      )} s, catalog calls ${JSON.stringify(catalog.calls)}, ${
        counts.links
      } incidents linked, ${counters.notifications} notifications, ${
        counters.signals
      } signals`,
    );
    check(
      cold.proposed.length === EXPECTED && counts.problems === EXPECTED,
      `cold run proposes the ${EXPECTED} planted candidates (${cold.proposed.length} proposed, ${counts.problems} stored)`,
    );
    check(
      counters.notifications === EXPECTED,
      `one notification per candidate (${counters.notifications})`,
    );
    console.log('Slowest statements of the cold run (total ms, calls):');
    for (const s of [...coldShapes.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12)) {
      console.log(
        `  ${s.ms.toFixed(0).padStart(6)} ms ${String(s.calls).padStart(
          5,
        )}× ${short(s.sql)}`,
      );
    }

    // 2. Warm runs.
    const warm: number[] = [];
    let warmProposed = 0;
    log.reset();
    log.on = true;
    for (let i = 0; i < RUNS; i++) {
      const [result, ms] = await timed(() => job.run());
      warm.push(ms);
      warmProposed += result.proposed.length;
    }
    log.on = false;
    const warmTotals = log.totals();
    warm.sort((a, b) => a - b);
    console.log(
      `\nWarm runs (${RUNS}): p50 ${percentile(warm, 50).toFixed(
        1,
      )} ms, p95 ${percentile(warm, 95).toFixed(1)} ms, min ${warm[0].toFixed(
        1,
      )}, max ${warm[warm.length - 1].toFixed(1)}; ${(
        warmTotals.calls / RUNS
      ).toFixed(0)} SQL statements per run`,
    );
    check(warmProposed === 0, `warm runs propose nothing (${warmProposed})`);

    // 3. Two replicas at once, from no problem at all each time.
    const trials: string[] = [];
    for (let t = 0; t < TRIALS; t++) {
      await resetProblems(db);
      counters.notifications = 0;
      const a = replica(db, catalog);
      const b = replica(second, catalog);
      const [[ra, rb], ms] = await timed(() => Promise.all([a.run(), b.run()]));
      const after = await problemCounts(db);
      const total = ra.proposed.length + rb.proposed.length;
      trials.push(
        `trial ${t + 1}: ${(ms / 1000).toFixed(2)} s, A proposed ${
          ra.proposed.length
        }, B ${rb.proposed.length}, stored ${after.problems} (${
          after.keys
        } distinct keys), ${counters.notifications} notifications`,
      );
      console.log(trials[trials.length - 1]);
      check(
        total === EXPECTED &&
          after.problems === EXPECTED &&
          after.keys === EXPECTED &&
          counters.notifications === EXPECTED,
        `two replicas at once: exactly ${EXPECTED} candidates (${total} proposed, ${after.problems} stored, ${counters.notifications} notifications)`,
      );
    }

    // 4. The plans of the job's reads, on the bindings of the cold run.
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the job's reads:`);
    const reads: Array<[string, RegExp]> = [
      ['recurringIncidents by signature', /group by "entity_ref", "signature"/],
      ['recurringIncidents by category', /group by "entity_ref", "category"/],
      [
        '  per signature group: its incidents',
        /"entity_ref" = \$1 and "signature" = \$2/,
      ],
      [
        '  per category group: its incidents',
        /"entity_ref" = \$1 and "category" = \$2/,
      ],
      ['recentIncidents', /order by "seq" desc limit/],
      ['hasOpenProblem', /from "itsm_problems" where "status" in/],
    ];
    for (const [name, pattern] of reads) {
      const shape = [...coldShapes.values()].find(s => pattern.test(s.sql));
      if (!shape) {
        console.log(`${name}: not issued by the cold run`);
        continue;
      }
      const plan = await explain(db, shape);
      const indexes = [
        ...new Set(
          plan.flatMap(line =>
            [...line.matchAll(/(?:using|Index Scan on) (\w+)/g)].map(m => m[1]),
          ),
        ),
      ];
      const seqScans = plan.filter(l => /Seq Scan on/.test(l));
      const execution = plan.find(l => l.startsWith('Execution Time')) ?? '';
      console.log(
        `\n${name} (${shape.calls} calls in the cold run, ${(
          shape.ms / shape.calls
        ).toFixed(1)} ms each): ${execution}; indexes: ${
          indexes.join(', ') || 'none'
        }; sequential scans: ${
          seqScans.map(l => l.trim()).join('; ') || 'none'
        }`,
      );
      console.log(`  ${short(shape.sql, 400)}`);
      for (const line of plan) console.log(`    ${line}`);
    }

    // 5. For scale: what the rules would find in a week (and 6 hours) like the three years before.
    const store = new KnexProblemStore(db);
    const until = new Date(t0 - 7 * DAY - HOUR);
    const since = new Date(until.getTime() - 7 * DAY);
    const [bySignature, sigMs] = await timed(() =>
      store.recurringIncidents({ since, until, threshold: 3, by: 'signature' }),
    );
    const [byCategory, catMs] = await timed(() =>
      store.recurringIncidents({ since, until, threshold: 3, by: 'category' }),
    );
    const entities = new Set([
      ...bySignature.map(g => g.entityRef),
      ...byCategory.map(g => g.entityRef),
    ]);
    const recent = await store.recentIncidents(
      new Date(until.getTime() - 6 * HOUR),
      until,
    );
    const clusters = upstreamClusters(
      recent.map(i => ({ id: String(i.seq), entityRef: i.entityRef })),
      catalog.upstreamOf(new Set(recent.map(i => i.entityRef))),
      3,
    );
    console.log(
      `\nA week of the three-year load (${since.toISOString()} – ${until.toISOString()}): ${
        bySignature.length
      } signature groups (${sigMs.toFixed(0)} ms), ${
        byCategory.length
      } category groups (${catMs.toFixed(0)} ms) on ${
        entities.size
      } services: ${entities.size} recurrence candidates; its last 6 hours: ${
        recent.length
      } incidents on ${new Set(recent.map(i => i.entityRef)).size} services, ${
        clusters.length
      } upstream candidates (${clusters
        .map(c => `${c.dependency} ${c.services.length}`)
        .join(', ')})`,
    );

    // The job as of the end of that week: a cold run, warm runs and two replicas at once.
    // Recurrence proposes signature clusters first and counts only incidents no open problem
    // explains, so the count is the job's own; the two-replica run must store the same.
    let expected = entities.size + clusters.length;
    const asOf = () => until;
    await resetProblems(db);
    counters.notifications = 0;
    catalog.calls.getEntityByRef = 0;
    catalog.calls.getEntitiesByRefs = 0;
    const past = replica(db, catalog, asOf);
    log.reset();
    log.on = true;
    const [pastCold, pastColdMs] = await timed(() => past.run());
    log.on = false;
    const pastTotals = log.totals();
    const pastCounts = await problemCounts(db);
    console.log(
      `Cold run as of ${until.toISOString()}: ${(pastColdMs / 1000).toFixed(
        2,
      )} s, ${pastCold.proposed.length} candidates (${
        pastCounts.upstream
      } upstream), ${pastTotals.calls} SQL statements taking ${(
        pastTotals.ms / 1000
      ).toFixed(2)} s, catalog calls ${JSON.stringify(catalog.calls)}, ${
        pastCounts.links
      } incidents linked`,
    );
    console.log(
      `(at most one recurrence candidate per entity would make ${expected}; the job proposed ${pastCold.proposed.length})`,
    );
    expected = pastCold.proposed.length;
    console.log('Slowest statements of that cold run (total ms, calls):');
    for (const s of [...log.shapes.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8)) {
      console.log(
        `  ${s.ms.toFixed(0).padStart(6)} ms ${String(s.calls).padStart(
          5,
        )}× ${short(s.sql)}`,
      );
    }
    const pastWarm: number[] = [];
    let pastWarmProposed = 0;
    log.reset();
    log.on = true;
    for (let i = 0; i < RUNS; i++) {
      const [result, ms] = await timed(() => past.run());
      pastWarm.push(ms);
      pastWarmProposed += result.proposed.length;
    }
    log.on = false;
    pastWarm.sort((a, b) => a - b);
    console.log(
      `Warm runs as of then (${RUNS}): p50 ${percentile(pastWarm, 50).toFixed(
        1,
      )} ms, p95 ${percentile(pastWarm, 95).toFixed(1)} ms; ${(
        log.totals().calls / RUNS
      ).toFixed(0)} SQL statements per run`,
    );
    check(
      pastWarmProposed === 0,
      `warm runs as of then propose nothing (${pastWarmProposed})`,
    );
    await resetProblems(db);
    counters.notifications = 0;
    {
      const a = replica(db, catalog, asOf);
      const b = replica(second, catalog, asOf);
      const [[ra, rb], ms] = await timed(() => Promise.all([a.run(), b.run()]));
      const after = await problemCounts(db);
      const total = ra.proposed.length + rb.proposed.length;
      console.log(
        `Two replicas as of then: ${(ms / 1000).toFixed(2)} s, A proposed ${
          ra.proposed.length
        }, B ${rb.proposed.length}, stored ${after.problems} (${
          after.keys
        } distinct keys), ${counters.notifications} notifications`,
      );
      check(
        total === expected &&
          after.problems === expected &&
          after.keys === expected &&
          counters.notifications === expected,
        `two replicas as of then: exactly ${expected} candidates (${total} proposed, ${after.problems} stored, ${counters.notifications} notifications)`,
      );
    }

    if (counters.warnings.length) {
      console.log(`\nLogged ${counters.warnings.length} warnings, first:`);
      for (const w of counters.warnings.slice(0, 5)) console.log(`  ${w}`);
    }
    console.log(`\nLoad average at the end: ${loadAverage()}`);
    console.log(
      failures.length ? `\n${failures.length} FAILED` : '\nAll checks passed',
    );
    if (failures.length) process.exitCode = 1;
  } finally {
    await db.destroy();
    await second.destroy();
    await dropBenchDatabases(DATABASE);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
