/*
 * What the backend benchmarks share: a throwaway set of PostgreSQL databases (prefix
 * `itsm_bench_`), the demo backend started on them, a guest token, and timing helpers.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';

export const PG =
  process.env.BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432';
export const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
export const PREFIX = 'itsm_bench_';
export const BACKEND = 'http://localhost:7007';
const ROOT = path.resolve(__dirname, '..');

/** Drops every database whose name starts with `prefix` (default `itsm_bench_`). */
export async function dropBenchDatabases(prefix = PREFIX) {
  const admin = knexFactory({ client: 'pg', connection: `${PG}/postgres` });
  const { rows } = await admin.raw(
    'SELECT datname FROM pg_database WHERE starts_with(datname, ?)',
    [prefix],
  );
  for (const { datname } of rows) {
    await admin.raw('DROP DATABASE ?? WITH (FORCE)', [datname]);
  }
  await admin.destroy();
}

/** Where and how to start one backend process. */
export interface BackendOptions {
  /** Extra config files, after the app's own and `app-config.postgres.yaml`. */
  extraConfig?: string[];
  /** Database name prefix (default `itsm_bench_`). */
  prefix?: string;
  /** Listen port and base URL `http://localhost:<port>` (default: the app config's 7007). */
  port?: number;
  /** File for the process's stdout and stderr (default: stdout dropped, stderr inherited). */
  logFile?: string;
}

/**
 * Starts `packages/backend` on PostgreSQL as the leader of a new process group (so that
 * `process.kill(-pid, signal)` reaches yarn, the CLI and the backend process under it).
 */
export function startBackend(options: BackendOptions = {}): ChildProcess {
  const url = new URL(PG);
  const log =
    options.logFile === undefined
      ? undefined
      : fs.openSync(options.logFile, 'a');
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
      ...(options.extraConfig ?? []).flatMap(file => ['--config', file]),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        POSTGRES_HOST: url.hostname,
        POSTGRES_PORT: url.port || '5432',
        POSTGRES_USER: decodeURIComponent(url.username) || 'postgres',
        POSTGRES_PASSWORD: decodeURIComponent(url.password),
        APP_CONFIG_backend_database_prefix: options.prefix ?? PREFIX,
        // Bench rows go straight into empty tables: no demo records.
        APP_CONFIG_itsmDemo_enabled: 'false',
        ...(options.port === undefined
          ? {}
          : {
              APP_CONFIG_backend_listen_port: String(options.port),
              APP_CONFIG_backend_baseUrl: `http://localhost:${options.port}`,
            }),
      },
      stdio:
        log === undefined
          ? ['ignore', 'ignore', 'inherit']
          : ['ignore', log, log],
      detached: true,
    },
  );
  if (log !== undefined) {
    fs.closeSync(log); // the child holds its own copy
  }
  return child;
}

/** A guest token from the backend at `baseUrl`. */
export async function guestToken(baseUrl = BACKEND): Promise<string> {
  const refresh = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!refresh.ok) {
    throw new Error(`guest refresh answered ${refresh.status}`);
  }
  return (await refresh.json()).backstageIdentity.token as string;
}

export async function waitFor(check: () => Promise<boolean>, what: string) {
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

/** Times one request; throws unless it answers 2xx. */
export async function time(
  url: string,
  token: string,
  body?: unknown,
): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    throw new Error(`${url} answered ${res.status}: ${text.slice(0, 300)}`);
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

/** A query to time: the request for the i-th sample. */
export type BenchQuery = (i: number) => { url: string; body?: unknown };

/** p50/p95 of each query over `requests` sequential requests, after 20 warm-up requests. */
export async function measure(
  token: string,
  queries: Record<string, BenchQuery>,
  requests = REQUESTS,
) {
  const results: Record<string, { p50: number; p95: number }> = {};
  for (const [name, query] of Object.entries(queries)) {
    for (let i = 0; i < 20; i++) {
      const { url, body } = query(i);
      await time(url, token, body); // warm up
    }
    const samples: number[] = [];
    for (let i = 0; i < requests; i++) {
      const { url, body } = query(i);
      samples.push(await time(url, token, body));
    }
    samples.sort((a, b) => a - b);
    results[name] = {
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
    };
  }
  return results;
}

/** The catalog's own entity lookup, on the same backend: the reference row of each table. */
export const catalogReference: BenchQuery = () => ({
  url: `${BACKEND}/api/catalog/entities/by-name/component/default/checkout-service`,
});

/**
 * Drops the bench databases, starts the demo backend on fresh ones (with `extraConfig` files
 * after the app's own), waits for the ITSM tables (`table`) and the demo catalog, runs `work`
 * with the ITSM database and a guest token, and stops the backend.
 */
export async function withBenchBackend(
  table: string,
  work: (db: Knex, token: string) => Promise<void>,
  options: { extraConfig?: string[] } = {},
) {
  await dropBenchDatabases();
  const backend = startBackend({ extraConfig: options.extraConfig });
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
    await waitFor(async () => db.schema.hasTable(table), 'the ITSM tables');
    const token = await guestToken();
    await waitFor(
      async () =>
        (
          await fetch(catalogReference(0).url, {
            headers: { Authorization: `Bearer ${token}` },
          })
        ).ok,
      'the demo catalog',
    );
    try {
      await work(db, token);
    } finally {
      await db.destroy();
    }
  } finally {
    stop();
  }
}

/** Prints a Markdown table of results, one row per size and query. */
export function printTable(
  title: string,
  sizeHeader: string,
  rows: Array<{ size: number; name: string; p50: number; p95: number }>,
) {
  console.log(`\n${title}\n`);
  console.log(
    `| ${sizeHeader.padStart(9)} | ${'query'.padEnd(44)} |     p50 |     p95 |`,
  );
  console.log(`| --------: | ${'-'.repeat(44)} | ------: | ------: |`);
  for (const { size, name, p50, p95 } of rows) {
    console.log(
      `| ${size.toLocaleString('en-US').padStart(9)} | ${name.padEnd(
        44,
      )} | ${p50.toFixed(1).padStart(7)} | ${p95.toFixed(1).padStart(7)} |`,
    );
  }
}

/**
 * Loads the records up to each size in turn (`load` adds seq (from, to] and returns seconds),
 * times the queries after each load, and prints one table of p50/p95 per size and query.
 */
export async function measureAtSizes(options: {
  db: Knex;
  token: string;
  /** What the sizes count, e.g. `changes`. */
  noun: string;
  sizes: number[];
  entities: number;
  load: (db: Knex, from: number, to: number) => Promise<number>;
  queries: Record<string, BenchQuery>;
}) {
  const rows: Array<{ size: number; name: string; p50: number; p95: number }> =
    [];
  let loaded = 0;
  for (const size of options.sizes) {
    const seconds = await options.load(options.db, loaded, size);
    loaded = size;
    console.log(
      `loaded ${size.toLocaleString('en-US')} ${
        options.noun
      } (+${seconds.toFixed(1)} s)`,
    );
    const results = await measure(options.token, options.queries);
    for (const [name, { p50, p95 }] of Object.entries(results)) {
      rows.push({ size, name, p50, p95 });
    }
  }
  printTable(
    `PostgreSQL, ${options.entities} entities, ${REQUESTS} sequential requests per row (ms)`,
    options.noun,
    rows,
  );
}
