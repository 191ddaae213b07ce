/*
 * Two replicas of the real backend on one PostgreSQL database:
 *
 *   yarn bench:replicas
 *
 * Drops the databases prefixed `itsm_bench_replicas_`, starts `packages/backend` twice on them
 * (replica A on port 7101, then replica B on 7102, each with its own `backend.baseUrl`; logs in
 * a temporary folder) and checks, printing PASS or FAIL per property (exit code 1 on a FAIL):
 *
 *   1. Two replicas lose no update. One incident, 2 x 50 concurrent writers (50 through each
 *      replica), each GET -> PATCH with If-Match of a title of its own, again after a random
 *      pause on 412, until accepted. Accepted writes = the incident's history events after the
 *      create = final version - 1; every accepted write is in the history once, at the version
 *      its answer gave, and each one's `from` is the previous one's `to` (no write was based on
 *      a state another had already replaced); no answer was a 5xx.
 *   2. Exactly-once notifications. Incidents bulk-loaded straight into the tables (as the other
 *      benches load theirs) with response and resolution clocks at chosen points of their
 *      targets, some crossing a threshold 30 to 150 s after the load, while both replicas run
 *      the SLA monitor and the escalation job (every minute, global scope; also triggered at
 *      random moments through either replica's scheduler API, so that both replicas take runs).
 *      Once every expected (incident, clock, purpose, threshold) is in
 *      `itsm_notification_ledger`, each job has run twice more and two minutes have passed: one
 *      ledger row per key (none unexpected), one history event and (for breaches) one breach
 *      register row per ledger row, every row marked sent, one notification per recipient user
 *      and scope in the notifications backend's own database (`notification` in
 *      `itsm_bench_replicas_notifications`), never re-sent (`updated` empty), and both replicas
 *      recorded some of the keys (their job logs add up to the ledger).
 *   3. Kill mid-write. 24 concurrent writers (creates, PATCHes, transitions, work notes) stream
 *      through replica B; with writes in flight B's whole process group gets SIGKILL. Then, in
 *      one snapshot of the ITSM database: every record of every record table has version =
 *      number of its version-raising history events, those at versions 1..version once each
 *      (one `create`, at version 1), no history event of a missing record, every incident with
 *      its primary entity row and both clocks; every write B acknowledged is there; and replica
 *      A still writes the incidents B was writing.
 *
 * Environment: BENCH_PG (default postgresql://postgres@127.0.0.1:5432), BENCH_PORTS (default
 * 7101,7102), BENCH_WRITERS per replica (default 50), BENCH_KILL_WORKERS (default 24),
 * BENCH_TIMEOUT_MINUTES for the whole run (default 30).
 */
import { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import YAML from 'yaml';
import { PG, dropBenchDatabases, guestToken, startBackend } from './harness';

const PREFIX = 'itsm_bench_replicas_';
const PORTS = (process.env.BENCH_PORTS ?? '7101,7102').split(',').map(Number);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 50);
const KILL_WORKERS = Number(process.env.BENCH_KILL_WORKERS ?? 24);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MINUTES ?? 30) * 60_000;
/** Per type of clock position in property 2. */
const SLA_INCIDENTS_PER_TYPE = 10;
const SERVICE = 'component:default/notification-service'; // owned by the guest's team
const OWNER = 'group:default/platform-team';
const ASSIGNEE = 'user:default/guest';
const GROUP = 'group:default/sre-team';
/** History actions that keep the record's version (README: writes, versions, jobs). */
const UNVERSIONED_ACTIONS = [
  'work_note',
  'status_update',
  'escalated',
  'sla_warning',
  'sla_breached',
  'linked',
  'unlinked',
];
/** Record tables and the record type of their history events. */
const RECORD_TABLES: Array<{ table: string; types: string[] }> = [
  { table: 'itsm_incidents', types: ['incident'] },
  { table: 'itsm_changes', types: ['change'] },
  { table: 'itsm_change_templates', types: ['change_template'] },
  { table: 'itsm_sla_breaches', types: ['breach'] },
  { table: 'itsm_slas', types: ['sla'] },
  { table: 'itsm_supporting_agreements', types: ['supporting_agreement'] },
];

const MIN = 60_000;
const HOUR = 60 * MIN;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const elapsed = (since: number) =>
  `${((Date.now() - since) / 1000).toFixed(1)} s`;
const fmt = (n: number) => n.toLocaleString('en-US');
const log = (message: string) =>
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

// ---------------------------------------------------------------------------------------------
// Results

interface Check {
  property: string;
  check: string;
  figure: string;
  pass: boolean;
}
const checks: Check[] = [];
function check(property: string, name: string, pass: boolean, figure: string) {
  checks.push({ property, check: name, figure, pass });
  console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${name}: ${figure}`);
}
/** Figures printed beside the checks, for the README. */
const figures: Array<[string, string]> = [];
function figure(name: string, value: string) {
  figures.push([name, value]);
  console.log(`  ${name}: ${value}`);
}

// ---------------------------------------------------------------------------------------------
// Replicas

interface Replica {
  name: string;
  port: number;
  url: string;
  logFile: string;
  child: ChildProcess;
  exit?: { code: number | null; signal: NodeJS.Signals | null };
  exited: Promise<void>;
}
const replicas: Replica[] = [];

function launch(name: string, port: number, logDir: string): Replica {
  const logFile = path.join(logDir, `replica-${name}.log`);
  const child = startBackend({ prefix: PREFIX, port, logFile });
  const replica = {
    name,
    port,
    url: `http://localhost:${port}`,
    logFile,
    child,
  } as Replica;
  replica.exited = new Promise(resolve => {
    child.on('exit', (code, signal) => {
      replica.exit = { code, signal };
      resolve();
    });
  });
  replicas.push(replica);
  return replica;
}

/** Signals the replica's whole process group (yarn, the CLI and the backend under it). */
function signalGroup(replica: Replica, signal: NodeJS.Signals) {
  try {
    process.kill(-replica.child.pid!, signal);
    return true;
  } catch {
    return false; // no process left in the group
  }
}

function groupAlive(replica: Replica) {
  try {
    process.kill(-replica.child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopAll() {
  for (const replica of replicas) {
    signalGroup(replica, 'SIGTERM');
  }
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && replicas.some(groupAlive)) {
    await sleep(250);
  }
  for (const replica of replicas) {
    signalGroup(replica, 'SIGKILL');
  }
}
process.on('exit', () => {
  for (const replica of replicas) {
    signalGroup(replica, 'SIGKILL');
  }
});

async function waitUntil(
  what: string,
  test: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 1000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await test()) {
        return;
      }
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs / 1000} s waiting for ${what}`,
      );
    }
    await sleep(everyMs);
  }
}

async function waitReady(replica: Replica) {
  await waitUntil(
    `replica ${replica.name} on port ${replica.port} (log: ${replica.logFile})`,
    async () => {
      if (replica.exit) {
        throw new Error('exited');
      }
      return (await fetch(`${replica.url}/.backstage/health/v1/readiness`)).ok;
    },
    5 * MIN,
  ).catch(error => {
    if (replica.exit) {
      throw new Error(
        `Replica ${replica.name} exited during start-up (${JSON.stringify(
          replica.exit,
        )}); see ${replica.logFile}`,
      );
    }
    throw error;
  });
}

/** True when nothing accepts TCP connections on the port (IPv4 or IPv6 localhost). */
async function portFree(port: number) {
  const accepts = (host: string) =>
    new Promise<boolean>(resolve => {
      const socket = net.connect({ host, port, timeout: 2000 });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('timeout', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  return !(await accepts('127.0.0.1')) && !(await accepts('::1'));
}

// ---------------------------------------------------------------------------------------------
// HTTP

interface Answer {
  status: number;
  body: any;
  etag: string | null;
  ms: number;
}
/** Status counts per replica, and every 5xx. */
const statusCounts = new Map<string, Map<number, number>>();
const serverErrors: string[] = [];

async function call(
  replica: Replica,
  token: string,
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(`${replica.url}/api/itsm${route}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  const counts = statusCounts.get(replica.name) ?? new Map();
  counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
  statusCounts.set(replica.name, counts);
  if (res.status >= 500) {
    serverErrors.push(
      `${replica.name} ${method} ${route} -> ${res.status}: ${text.slice(
        0,
        300,
      )}`,
    );
  }
  let parsed: any = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return {
    status: res.status,
    body: parsed,
    etag: res.headers.get('etag'),
    ms: performance.now() - started,
  };
}

function expectStatus(answer: Answer, status: number, what: string) {
  if (answer.status !== status) {
    throw new Error(
      `${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(
        0,
        300,
      )}`,
    );
  }
  return answer.body;
}

const seqOf = (id: string) => Number(id.replace(/^INC-/, ''));

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
    : NaN;
}

// ---------------------------------------------------------------------------------------------
// Property 1: two replicas lose no update

async function lostUpdates(db: Knex, token: string, a: Replica, b: Replica) {
  console.log(
    `\n1. Two replicas lose no update: 2 x ${WRITERS} writers on one incident`,
  );
  const created = expectStatus(
    await call(a, token, 'POST', '/incidents', {
      title: 'Replica race',
      description: 'Written by two replicas at once',
      entityRef: SERVICE,
      impact: 2,
      urgency: 2,
    }),
    201,
    'creating the race incident',
  );
  const id: string = created.id;
  const started = Date.now();
  const accepted: Array<{ writer: string; version: number; title: string }> =
    [];
  const patchMs: number[] = [];
  let conflicts = 0;
  let requests = 0;
  let maxAttempts = 0;
  const failures: string[] = [];

  const writer = async (replica: Replica, i: number) => {
    const name = `${replica.name}-${i}`;
    const title = `Replica race: writer ${name}`;
    for (let attempt = 1; attempt <= 2000; attempt++) {
      if (Date.now() - started > 10 * MIN) {
        failures.push(
          `${name}: gave up after 10 minutes (${attempt} attempts)`,
        );
        return;
      }
      const read = await call(replica, token, 'GET', `/incidents/${id}`);
      requests++;
      if (read.status !== 200) {
        failures.push(`${name}: GET answered ${read.status}`);
        return;
      }
      const patch = await call(
        replica,
        token,
        'PATCH',
        `/incidents/${id}`,
        { title },
        { 'If-Match': `"${read.body.version}"` },
      );
      requests++;
      patchMs.push(patch.ms);
      if (patch.status === 200) {
        if (patch.body.version !== read.body.version + 1) {
          failures.push(
            `${name}: PATCH on version ${read.body.version} answered version ${patch.body.version}`,
          );
        }
        accepted.push({ writer: name, version: patch.body.version, title });
        maxAttempts = Math.max(maxAttempts, attempt);
        return;
      }
      if (patch.status !== 412) {
        failures.push(`${name}: PATCH answered ${patch.status}`);
        return;
      }
      conflicts++;
      // Random back-off, growing with the attempts, at most a second.
      await sleep(Math.random() * Math.min(1000, 25 * attempt));
    }
    failures.push(`${name}: not accepted in 2000 attempts`);
  };
  await Promise.all(
    [a, b].flatMap(replica =>
      Array.from({ length: WRITERS }, (_, i) => writer(replica, i)),
    ),
  );
  const seconds = (Date.now() - started) / 1000;

  const final = expectStatus(
    await call(b, token, 'GET', `/incidents/${id}`),
    200,
    'reading the race incident',
  );
  const events: Array<{ version: number; action: string; changes: string }> =
    await db('itsm_history_events')
      .where({ record_type: 'incident', record_seq: seqOf(id) })
      .orderBy('seq')
      .select('version', 'action', 'changes');
  const afterCreate = events.filter(e => e.action !== 'create');
  const updates = afterCreate
    .filter(e => e.action === 'update')
    .map(e => ({ version: e.version, title: JSON.parse(e.changes).title }))
    .sort((x, y) => x.version - y.version);

  // Chain: each accepted write replaced the title the previous one wrote.
  let chainBreaks = 0;
  let previous = 'Replica race';
  updates.forEach((u, index) => {
    if (!u.title || u.title[0] !== previous || u.version !== index + 2) {
      chainBreaks++;
    }
    previous = u.title?.[1];
  });
  const byTitle = new Map<string, number[]>();
  for (const u of updates) {
    byTitle.set(u.title?.[1], [
      ...(byTitle.get(u.title?.[1]) ?? []),
      u.version,
    ]);
  }
  const missing = accepted.filter(
    w => (byTitle.get(w.title) ?? []).join() !== String(w.version),
  );
  const acceptedVersions = new Set(accepted.map(w => w.version));

  figure(
    'writers',
    `${2 * WRITERS} (${WRITERS} per replica), ${fmt(
      requests,
    )} requests in ${seconds.toFixed(1)} s, ${fmt(
      conflicts,
    )} PATCHes answered 412, at most ${maxAttempts} attempts for one writer`,
  );
  figure(
    'PATCH latency under contention',
    `p50 ${percentile(patchMs, 50).toFixed(1)} ms, p95 ${percentile(
      patchMs,
      95,
    ).toFixed(1)} ms`,
  );
  for (const failure of failures.slice(0, 10)) {
    console.log(`  writer failure: ${failure}`);
  }
  const p = '1 no lost update';
  check(
    p,
    'every writer accepted',
    accepted.length === 2 * WRITERS && !failures.length,
    `${accepted.length} of ${2 * WRITERS} accepted, ${
      failures.length
    } writer failures`,
  );
  check(
    p,
    'accepted = history events after the create = final version - 1',
    accepted.length === afterCreate.length &&
      afterCreate.length === final.version - 1,
    `${accepted.length} = ${afterCreate.length} = ${final.version} - 1`,
  );
  check(
    p,
    'each accepted write in the history once, at the version its answer gave',
    missing.length === 0 && acceptedVersions.size === accepted.length,
    `${accepted.length - missing.length} of ${accepted.length} found; ${
      acceptedVersions.size
    } distinct versions`,
  );
  check(
    p,
    "each write's `from` is the previous write's `to`",
    chainBreaks === 0 && final.title === previous,
    `${updates.length} updates, ${chainBreaks} breaks; final title is the last write's`,
  );
  const race5xx = serverErrors.length;
  check(p, 'no 5xx', race5xx === 0, `${race5xx} answers >= 500`);
  return { id, seconds };
}

// ---------------------------------------------------------------------------------------------
// Property 2: exactly-once notifications

type Purpose = 'escalation' | 'warning' | 'breach';
interface ExpectedKey {
  key: string;
  required: boolean;
}
const keyOf = (
  seq: number,
  clock: string,
  purpose: Purpose,
  threshold: number,
) => `${seq}|${clock}|${purpose}|${threshold}`;

/** The ITSM thresholds of the app config the replicas run with. */
function thresholds() {
  const config = YAML.parse(
    fs.readFileSync(path.resolve(__dirname, '..', 'app-config.yaml'), 'utf8'),
  );
  return {
    escalation: (config.itsm?.incidents?.escalationThresholds ?? [
      50, 75, 100,
    ]) as number[],
    warning: (config.itsm?.sla?.warningThresholds ?? [75, 90]) as number[],
  };
}

/**
 * Loads incidents whose clocks sit at chosen points of their targets (24x7; response 4 h,
 * resolution 100 h unless said), the "soon" ones crossing a threshold 30 s to 150 s after `now`,
 * so that several job runs have work; no other threshold comes within 20 minutes. Returns the keys expected in the ledger: required, or
 * optional where the outcome depends on when the first job run falls.
 */
async function loadSlaIncidents(db: Knex, now: Date) {
  const { escalation, warning } = thresholds();
  const R = 4 * HOUR;
  const t = now.getTime();
  const at = (ms: number) => new Date(ms);
  type Kind = {
    name: string;
    /** Response clock: elapsed at `now`, or stopped. */
    response: { elapsed: number; stoppedAgo?: number; breached?: boolean };
    resolution?: { elapsed: number; target: number };
    status?: string;
    expect: (seq: number) => ExpectedKey[];
  };
  const req = (key: string) => ({ key, required: true });
  const opt = (key: string) => ({ key, required: false });
  const escUpTo = (seq: number, clock: string, percent: number) =>
    escalation
      .filter(th => th <= percent)
      .map(th => req(keyOf(seq, clock, 'escalation', th)));
  const warnUpTo = (seq: number, percent: number) =>
    warning
      .filter(th => th <= percent)
      .map(th => req(keyOf(seq, 'response', 'warning', th)));
  // Copy n of a "soon" kind crosses its threshold 25 s after copy n - 1: work for many runs.
  const STEP = 25_000;
  const kindsFor = (n: number): Kind[] => [
    {
      name: 'A response at 60%',
      response: { elapsed: 0.6 * R },
      expect: seq => [...escUpTo(seq, 'response', 60), ...warnUpTo(seq, 60)],
    },
    {
      name: 'B response crosses 75% in 30 s',
      response: { elapsed: 0.75 * R - 30_000 - n * STEP },
      expect: seq => [...escUpTo(seq, 'response', 75), ...warnUpTo(seq, 75)],
    },
    {
      name: 'C response crosses 90% in 50 s',
      response: { elapsed: 0.9 * R - 50_000 - n * STEP },
      expect: seq => [...escUpTo(seq, 'response', 90), ...warnUpTo(seq, 90)],
    },
    {
      // Warnings only if a monitor run falls before the breach: a breached clock is not warned.
      name: 'D response breaches in 60 s',
      response: { elapsed: R - 60_000 - n * STEP },
      expect: seq => [
        ...escUpTo(seq, 'response', 100),
        req(keyOf(seq, 'response', 'breach', 100)),
        ...warnUpTo(seq, 99.9).map(k => opt(k.key)),
      ],
    },
    {
      name: 'E response breached 10 min ago',
      response: { elapsed: R + 10 * MIN },
      expect: seq => [
        ...escUpTo(seq, 'response', 100),
        req(keyOf(seq, 'response', 'breach', 100)),
      ],
    },
    {
      name: 'F resolution (8 h) crosses 50% in 40 s, response met',
      response: {
        elapsed: 0.5 * 8 * HOUR - 40_000 - n * STEP,
        stoppedAgo: 0.5 * 8 * HOUR - 40_000 - n * STEP - 10 * MIN,
      },
      resolution: {
        elapsed: 0.5 * 8 * HOUR - 40_000 - n * STEP,
        target: 8 * HOUR,
      },
      expect: seq => escUpTo(seq, 'resolution', 50),
    },
    {
      name: 'G resolved 2 min ago, response stopped breached',
      response: { elapsed: 5 * HOUR, stoppedAgo: 2 * MIN, breached: true },
      resolution: { elapsed: 5 * HOUR, target: 100 * HOUR },
      status: 'resolved',
      expect: seq => [req(keyOf(seq, 'response', 'breach', 100))],
    },
  ];

  const expected: ExpectedKey[] = [];
  const incidents: number[] = [];
  await db.transaction(async tx => {
    for (let n = 0; n < SLA_INCIDENTS_PER_TYPE; n++) {
      for (const kind of kindsFor(n)) {
        const startedAt = t - kind.response.elapsed;
        const status = kind.status ?? 'in_progress';
        const title = `SLA bench ${kind.name} #${n + 1}`;
        const [row] = await tx('itsm_incidents')
          .insert({
            version: 1,
            title,
            description: '',
            entity_ref: SERVICE,
            reporter: 'user:default/bench',
            assignee: ASSIGNEE,
            assignment_group: GROUP,
            impact: 2,
            urgency: 2,
            priority: 3,
            status,
            major: false,
            source: 'api',
            resolved_at: status === 'resolved' ? at(t - 2 * MIN) : null,
            created_at: at(startedAt),
            created_by: 'user:default/bench',
            updated_at: at(startedAt),
          })
          .returning('seq');
        const seq = Number(row.seq ?? row);
        incidents.push(seq);
        await tx('itsm_record_entities').insert({
          record_type: 'incident',
          record_seq: seq,
          entity_ref: SERVICE,
          owner_ref: OWNER,
          is_primary: true,
        });
        await tx('itsm_history_events').insert({
          record_type: 'incident',
          record_seq: seq,
          version: 1,
          at: at(startedAt),
          actor: 'user:default/bench',
          action: 'create',
          changes: JSON.stringify({
            title: [null, title],
            status: [null, status],
          }),
        });
        const clock = (
          name: string,
          target: number,
          started: number,
          stopped: number | null,
          breached: boolean,
        ) => ({
          record_type: 'incident',
          record_seq: seq,
          clock: name,
          target_ms: target,
          calendar_id: '24x7',
          started_at: at(started),
          stopped_at: stopped === null ? null : at(stopped),
          pauses: '[]',
          state: stopped === null ? 'running' : breached ? 'breached' : 'met',
          due_at: at(started + target),
          breached_at: breached ? at(started + target) : null,
          evaluated_at: at(stopped ?? started),
          entity_ref: SERVICE,
          decided_at: breached
            ? at(started + target)
            : stopped === null
            ? null
            : at(stopped),
          priority: 3,
          counts: true,
        });
        const { stoppedAgo, breached } = kind.response;
        const resolution = kind.resolution ?? {
          elapsed: kind.response.elapsed,
          target: 100 * HOUR,
        };
        await tx('itsm_sla_clocks').insert([
          clock(
            'response',
            R,
            startedAt,
            stoppedAgo === undefined ? null : t - stoppedAgo,
            !!breached,
          ),
          clock(
            'resolution',
            resolution.target,
            t - resolution.elapsed,
            status === 'resolved' ? t - 2 * MIN : null,
            false,
          ),
        ]);
        expected.push(...kind.expect(seq));
      }
    }
  });
  return {
    expected,
    incidents,
    kinds: kindsFor(0).map(k => k.name),
    escalation,
    warning,
  };
}

async function tasksState(db: Knex) {
  const rows = await db('backstage_backend_tasks__tasks')
    .whereIn('id', JOBS)
    .select('id', 'last_run_ended_at', 'last_run_error_json');
  return new Map(
    rows.map(r => [
      r.id as string,
      {
        ended: r.last_run_ended_at
          ? new Date(r.last_run_ended_at).getTime()
          : 0,
        error: r.last_run_error_json as string | null,
      },
    ]),
  );
}

const JOBS = ['itsm-incident-sla-escalation', 'itsm-sla-monitor'];

/**
 * Runs of the two jobs across the replicas. Left alone, the replicas' schedulers poll the
 * task table every 5 s in a fixed phase, so the replica whose poll comes first after the
 * scheduled minute takes every run. `start` therefore also triggers each job at random
 * moments through a random replica's scheduler API (`POST .../tasks/:id/trigger`: "run now",
 * still one run at a time, claimed by whichever replica polls first), and samples both
 * replicas' scheduler API every 100 ms: the global state names a run by its start, the worker
 * state says whether this replica runs it, and each run's end is counted once.
 */
class JobRuns {
  /** Task -> run start -> the replicas seen running it. */
  readonly runs = new Map<string, Map<string, Set<string>>>();
  /** Task -> run ends seen. */
  readonly ends = new Map<string, Set<string>>();
  triggers = 0;
  triggersWhileRunning = 0;
  samples = 0;
  failures = 0;
  #stopped = false;
  #loops: Promise<void>[] = [];

  start(targets: Replica[], token: string) {
    const api = (replica: Replica, route: string, method = 'GET') =>
      fetch(`${replica.url}/api/itsm/.backstage/scheduler/v1/tasks${route}`, {
        method,
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(5000),
      });
    const sample = async (replica: Replica) => {
      try {
        const res = await api(replica, '');
        if (!res.ok) throw new Error(String(res.status));
        const { tasks } = await res.json();
        this.samples++;
        for (const task of tasks) {
          if (!JOBS.includes(task.taskId)) continue;
          const { startedAt, lastRunEndedAt } = task.taskState ?? {};
          if (lastRunEndedAt) {
            this.ends.set(
              task.taskId,
              (this.ends.get(task.taskId) ?? new Set()).add(lastRunEndedAt),
            );
          }
          if (!startedAt) continue;
          const byRun = this.runs.get(task.taskId) ?? new Map();
          const who = byRun.get(startedAt) ?? new Set<string>();
          if (task.workerState?.status === 'running') who.add(replica.name);
          byRun.set(startedAt, who);
          this.runs.set(task.taskId, byRun);
        }
      } catch {
        this.failures++;
      }
    };
    this.#loops.push(
      (async () => {
        while (!this.#stopped) {
          await Promise.all(targets.map(sample));
          await sleep(100);
        }
      })(),
      ...JOBS.map(async id => {
        while (!this.#stopped) {
          await sleep(2000 + Math.random() * 4000);
          const replica = targets[Math.floor(Math.random() * targets.length)];
          try {
            const res = await api(replica, `/${id}/trigger`, 'POST');
            if (res.ok) this.triggers++;
            else if (res.status === 409) this.triggersWhileRunning++;
            else this.failures++;
          } catch {
            this.failures++;
          }
        }
      }),
    );
  }

  async stop() {
    this.#stopped = true;
    await Promise.all(this.#loops);
  }

  /** Per job: runs ended, runs seen running by each replica, by both at once. */
  summary() {
    return JOBS.map(id => {
      const runs = [...(this.runs.get(id)?.values() ?? [])];
      const by = (name: string) =>
        runs.filter(r => r.size === 1 && r.has(name)).length;
      return {
        id,
        ended: this.ends.get(id)?.size ?? 0,
        a: by('A'),
        b: by('B'),
        overlapping: runs.filter(r => r.size > 1).length,
      };
    });
  }
}

/** The user entity refs the notifications backend resolves `refs` to (its default resolver). */
async function resolveUsers(replica: Replica, token: string, refs: string[]) {
  const users = new Set<string>();
  const seen = new Set(refs);
  let todo = [...seen];
  while (todo.length) {
    const others = todo.filter(r => !r.startsWith('user:'));
    todo.filter(r => r.startsWith('user:')).forEach(u => users.add(u));
    todo = [];
    if (!others.length) break;
    const res = await fetch(`${replica.url}/api/catalog/entities/by-refs`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        entityRefs: others,
        fields: ['kind', 'metadata', 'relations'],
      }),
    });
    const { items } = await res.json();
    for (const entity of items.filter(Boolean)) {
      const relations: Array<{ type: string; targetRef: string }> =
        entity.relations ?? [];
      if (entity.kind === 'User') {
        users.add(
          `user:${entity.metadata.namespace ?? 'default'}/${
            entity.metadata.name
          }`,
        );
      } else if (entity.kind === 'Group') {
        for (const r of relations) {
          if (r.type === 'hasMember' && r.targetRef.startsWith('user:'))
            users.add(r.targetRef);
          else if (r.type === 'parentOf' && !seen.has(r.targetRef)) {
            seen.add(r.targetRef);
            todo.push(r.targetRef);
          }
        }
      } else {
        const owner = relations.find(r => r.type === 'ownedBy')?.targetRef;
        if (owner && !seen.has(owner)) {
          seen.add(owner);
          todo.push(owner);
        }
      }
    }
  }
  return users;
}

function jobLogTotals(replica: Replica) {
  const text = fs
    .readFileSync(replica.logFile, 'utf8')
    .replace(/\x1b\[[0-9;]*m/g, '');
  const sum = (re: RegExp) =>
    [...text.matchAll(re)]
      .map(m => m.slice(1).map(Number))
      .reduce((acc, v) => acc.map((x, i) => x + v[i]), [0, 0, 0, 0]);
  const [escalated, escSent, escResent] = sum(
    /Escalated (\d+) incident clock thresholds; sent (\d+) notifications \((\d+) resent\)/g,
  );
  const [warned, breached, monSent, monResent] = sum(
    /Recorded (\d+) SLA warnings and (\d+) breaches; sent (\d+) notifications \((\d+) resent\)/g,
  );
  return {
    escalated,
    escSent,
    escResent,
    warned,
    breached,
    monSent,
    monResent,
  };
}

async function exactlyOnce(
  db: Knex,
  token: string,
  a: Replica,
  b: Replica,
  load: Awaited<ReturnType<typeof loadSlaIncidents>>,
  loadedAt: number,
  sampler: JobRuns,
) {
  console.log(
    `\n2. Exactly-once notifications: ${load.incidents.length} incidents, ${
      load.expected.filter(k => k.required).length
    } required keys (+${
      load.expected.filter(k => !k.required).length
    } optional)`,
  );
  const required = load.expected.filter(k => k.required).map(k => k.key);
  const allowed = new Set(load.expected.map(k => k.key));
  const seqs = new Set(load.incidents);
  const ledgerKeys = async () =>
    (
      await db('itsm_notification_ledger')
        .where('record_type', 'incident')
        .whereIn('record_seq', [...seqs])
        .select('record_seq', 'clock', 'purpose', 'threshold')
    ).map(r =>
      keyOf(Number(r.record_seq), r.clock, r.purpose, Number(r.threshold)),
    );

  // Every required key recorded...
  await waitUntil(
    'the SLA monitor and the escalation job to record every expected key',
    async () => {
      const have = new Set(await ledgerKeys());
      return required.every(k => have.has(k));
    },
    Math.max(0, loadedAt + 8 * MIN - Date.now()),
    5000,
  ).catch(async error => {
    const have = new Set(await ledgerKeys());
    const missing = required.filter(k => !have.has(k));
    console.log(
      `  missing keys (first 20): ${missing.slice(0, 20).join(', ')}`,
    );
    throw error;
  });
  const completeAt = Date.now();
  log(`every required key recorded ${elapsed(loadedAt)} after the load`);
  // ...then two more completed runs of each job (a duplicate would have had its chance), and
  // at least two minutes since the load.
  const endings = new Map<string, Set<number>>();
  await waitUntil(
    'two more runs of each job',
    async () => {
      const state = await tasksState(db);
      for (const [id, s] of state) {
        if (s.ended > completeAt) {
          endings.set(id, (endings.get(id) ?? new Set()).add(s.ended));
        }
      }
      return (
        Date.now() - loadedAt >= 2 * MIN &&
        JOBS.every(id => (endings.get(id)?.size ?? 0) >= 2)
      );
    },
    5 * MIN,
    2000,
  );
  const waited = (Date.now() - loadedAt) / 1000;
  const taskErrors = [...(await tasksState(db))].filter(([, s]) => s.error);
  await sampler.stop();

  const ledger = await db('itsm_notification_ledger')
    .where('record_type', 'incident')
    .whereIn('record_seq', [...seqs])
    .select('*');
  const keys = ledger.map(r =>
    keyOf(Number(r.record_seq), r.clock, r.purpose, Number(r.threshold)),
  );
  const counts = new Map<string, number>();
  keys.forEach(k => counts.set(k, (counts.get(k) ?? 0) + 1));
  const duplicates = [...counts].filter(([, n]) => n > 1);
  const unexpected = [...counts.keys()].filter(k => !allowed.has(k));
  const missing = required.filter(k => !counts.has(k));
  const unsent = ledger.filter(r => !r.notified_at);
  const byPurpose = (purpose: string) =>
    ledger.filter(r => r.purpose === purpose).length;

  // History: one event per ledger row, per incident and action.
  const actionOf: Record<string, string> = {
    escalation: 'escalated',
    warning: 'sla_warning',
    breach: 'sla_breached',
  };
  const events: Array<{ record_seq: number; action: string; n: string }> =
    await db('itsm_history_events')
      .where('record_type', 'incident')
      .whereIn('record_seq', [...seqs])
      .whereIn('action', Object.values(actionOf))
      .select('record_seq', 'action')
      .count({ n: '*' })
      .groupBy('record_seq', 'action');
  const eventCount = new Map(
    events.map(e => [`${e.record_seq}|${e.action}`, Number(e.n)]),
  );
  const ledgerCount = new Map<string, number>();
  for (const r of ledger) {
    const k = `${r.record_seq}|${actionOf[r.purpose]}`;
    ledgerCount.set(k, (ledgerCount.get(k) ?? 0) + 1);
  }
  const historyMismatches = [
    ...new Set([...eventCount.keys(), ...ledgerCount.keys()]),
  ].filter(k => eventCount.get(k) !== ledgerCount.get(k));
  const breachRows = await db('itsm_sla_breaches')
    .where('record_type', 'incident')
    .whereIn('record_seq', [...seqs])
    .select('record_seq', 'clock')
    .count({ n: '*' })
    .groupBy('record_seq', 'clock');
  const breachRegister = breachRows.reduce((s, r) => s + Number(r.n), 0);
  const breachDuplicates = breachRows.filter(r => Number(r.n) > 1).length;

  // The notifications backend's own database: one row per user and scope, never re-sent.
  const admin = knexFactory({ client: 'pg', connection: `${PG}/postgres` });
  const dbs: string[] = (
    await admin.raw(
      'SELECT datname FROM pg_database WHERE starts_with(datname, ?)',
      [PREFIX],
    )
  ).rows.map((r: { datname: string }) => r.datname);
  await admin.destroy();
  const notificationsDbName =
    dbs.find(d => d === `${PREFIX}notifications`) ?? '';
  const ndb = knexFactory({
    client: 'pg',
    connection: `${PG}/${notificationsDbName}`,
  });
  let notificationRows: Array<{
    user: string;
    scope: string;
    n: number;
    updated: number;
  }> = [];
  try {
    notificationRows = (
      await ndb('notification')
        .where('origin', 'plugin:itsm')
        .whereIn(
          'scope',
          ledger.map(r => r.scope),
        )
        .select('user', 'scope')
        .count({ n: '*' })
        .select(ndb.raw('count(updated) AS updated'))
        .groupBy('user', 'scope')
    ).map((r: any) => ({ ...r, n: Number(r.n), updated: Number(r.updated) }));
  } finally {
    await ndb.destroy();
  }
  const notifications = notificationRows.reduce((s, r) => s + r.n, 0);
  const notificationDuplicates = notificationRows.filter(r => r.n > 1);
  const resent = notificationRows.filter(r => r.updated > 0);
  // Expected users per scope, resolved as the notifications backend does.
  const usersOf = new Map<string, Set<string>>();
  for (const recipients of new Set(ledger.map(r => r.recipients as string))) {
    usersOf.set(
      recipients,
      await resolveUsers(a, token, JSON.parse(recipients)),
    );
  }
  const gotUsers = new Map<string, Set<string>>();
  for (const r of notificationRows) {
    gotUsers.set(r.scope, (gotUsers.get(r.scope) ?? new Set()).add(r.user));
  }
  const recipientMismatches = ledger.filter(r => {
    const want = usersOf.get(r.recipients)!;
    const got = gotUsers.get(r.scope) ?? new Set();
    return want.size !== got.size || [...want].some(u => !got.has(u));
  });
  const expectedNotifications = ledger.reduce(
    (s, r) => s + usersOf.get(r.recipients)!.size,
    0,
  );

  const totals = [a, b].map(r => ({ name: r.name, ...jobLogTotals(r) }));
  figure(
    'loaded',
    `${
      load.incidents.length
    } incidents (${SLA_INCIDENTS_PER_TYPE} of each: ${load.kinds.join(
      '; ',
    )}; each further copy of a "soon" kind 25 s later)`,
  );
  figure(
    'ledger',
    `${ledger.length} rows: ${byPurpose('escalation')} escalations, ${byPurpose(
      'warning',
    )} warnings, ${byPurpose('breach')} breaches (${
      ledger.length - required.length
    } optional keys recorded); waited ${waited.toFixed(0)} s after the load`,
  );
  const runs = sampler.summary();
  for (const r of runs) {
    figure(
      `runs of ${r.id}`,
      `${r.ended} ended; seen running on replica A ${r.a}, on B ${r.b}, on both at once ${r.overlapping}`,
    );
  }
  figure(
    'triggers',
    `${sampler.triggers} accepted, ${
      sampler.triggersWhileRunning
    } refused (a run in progress); ${sampler.failures} of ${
      sampler.samples + sampler.failures
    } scheduler API calls failed`,
  );
  for (const t of totals) {
    figure(
      `replica ${t.name} job logs`,
      `escalated ${t.escalated} (sent ${t.escSent}, resent ${t.escResent}); warned ${t.warned}, breached ${t.breached} (sent ${t.monSent}, resent ${t.monResent})`,
    );
  }
  figure(
    'notifications database',
    `${notificationsDbName}: ${fmt(notifications)} notification rows for ${
      ledger.length
    } scopes`,
  );
  for (const [id, s] of taskErrors) {
    console.log(`  task ${id} last run error: ${s.error?.slice(0, 300)}`);
  }
  const p = '2 exactly-once notifications';
  check(
    p,
    'one ledger row per (incident, clock, purpose, threshold), every required one, none unexpected',
    duplicates.length === 0 && unexpected.length === 0 && missing.length === 0,
    `${ledger.length} rows, ${counts.size} keys; ${duplicates.length} duplicated, ${missing.length} missing, ${unexpected.length} unexpected`,
  );
  check(
    p,
    'one history event per ledger row (escalated / sla_warning / sla_breached)',
    historyMismatches.length === 0,
    `${[...eventCount.values()].reduce((s, n) => s + n, 0)} events for ${
      ledger.length
    } rows; ${historyMismatches.length} incidents differ`,
  );
  check(
    p,
    'one breach register row per breach',
    breachRegister === byPurpose('breach') && breachDuplicates === 0,
    `${breachRegister} register rows for ${byPurpose('breach')} breach keys`,
  );
  check(
    p,
    'every ledger row marked sent',
    unsent.length === 0,
    `${unsent.length} unsent`,
  );
  check(
    p,
    'one notification per recipient user and scope, never re-sent',
    notificationDuplicates.length === 0 &&
      resent.length === 0 &&
      recipientMismatches.length === 0 &&
      notifications === expectedNotifications &&
      notifications > 0,
    `${fmt(notifications)} rows (expected ${fmt(expectedNotifications)}); ${
      notificationDuplicates.length
    } (user, scope) pairs twice, ${resent.length} updated by a resend, ${
      recipientMismatches.length
    } scopes with other users`,
  );
  const logged = totals.reduce(
    (s, t) => ({
      esc: s.esc + t.escalated,
      mon: s.mon + t.warned + t.breached,
    }),
    { esc: 0, mon: 0 },
  );
  check(
    p,
    "the replicas' job logs add up to the ledger",
    logged.esc === byPurpose('escalation') &&
      logged.mon === byPurpose('warning') + byPurpose('breach'),
    `escalated ${logged.esc} = ${byPurpose('escalation')}; warned + breached ${
      logged.mon
    } = ${byPurpose('warning') + byPurpose('breach')}`,
  );
  check(
    p,
    'both replicas ran the jobs and recorded some of the keys',
    totals.every(t => t.escalated + t.warned + t.breached > 0) &&
      runs.every(r => r.overlapping === 0),
    totals
      .map(t => `${t.name} ${t.escalated + t.warned + t.breached}`)
      .join(', ') +
      ` ledger rows; runs seen on both at once: ${runs.reduce(
        (n, r) => n + r.overlapping,
        0,
      )}`,
  );
  if (duplicates.length || unexpected.length || missing.length) {
    console.log(
      `  duplicated: ${duplicates
        .slice(0, 10)
        .map(d => d[0])
        .join(', ')}`,
    );
    console.log(`  unexpected: ${unexpected.slice(0, 10).join(', ')}`);
    console.log(`  missing: ${missing.slice(0, 10).join(', ')}`);
  }
  if (historyMismatches.length) {
    console.log(
      `  history vs ledger (incident|action: events/ledger rows): ${historyMismatches
        .slice(0, 10)
        .map(k => `${k}: ${eventCount.get(k) ?? 0}/${ledgerCount.get(k) ?? 0}`)
        .join(', ')}`,
    );
  }
  if (
    notificationDuplicates.length ||
    resent.length ||
    recipientMismatches.length
  ) {
    console.log(
      `  notification duplicates: ${JSON.stringify(
        notificationDuplicates.slice(0, 5),
      )}`,
    );
    console.log(`  re-sent: ${JSON.stringify(resent.slice(0, 5))}`);
    console.log(
      `  recipient mismatches: ${recipientMismatches
        .slice(0, 5)
        .map(r => r.scope)
        .join(', ')}`,
    );
  }
  return { waited, notificationsDbName };
}

// ---------------------------------------------------------------------------------------------
// Property 3: kill mid-write

interface Ack {
  kind: 'create' | 'patch' | 'transition' | 'work_note';
  seq: number;
  version?: number;
  text?: string;
}

async function killMidWrite(db: Knex, token: string, a: Replica, b: Replica) {
  console.log(
    `\n3. Kill mid-write: ${KILL_WORKERS} writers through replica ${b.name}, then SIGKILL`,
  );
  const pool: number[] = [];
  for (let i = 0; i < 20; i++) {
    const created = expectStatus(
      await call(b, token, 'POST', '/incidents', {
        title: `Kill bench seed ${i}`,
        entityRef: SERVICE,
        impact: 3,
        urgency: 3,
      }),
      201,
      'creating a seed incident',
    );
    pool.push(seqOf(created.id));
  }
  const acks: Ack[] = [];
  /** Writes sent and not answered when the kill came, with what they would have written. */
  const inFlight = new Map<number, Ack & { title?: string }>();
  let nextRequest = 0;
  let killed = false;
  let killedAt = 0;
  let cut = 0;
  let refused = 0;
  let rejected = 0;
  const unexpected: string[] = [];
  let n5xxBefore = 0;
  const errors5xxAtStart = serverErrors.length;

  const write = async (
    ack: Ack & { title?: string },
    send: () => Promise<Answer>,
    ok: number,
  ) => {
    const id = nextRequest++;
    inFlight.set(id, ack);
    try {
      const answer = await send();
      inFlight.delete(id);
      if (answer.status === ok) {
        return answer;
      }
      if (answer.status === 412 || answer.status === 409) {
        rejected++;
      } else {
        unexpected.push(`${ack.kind} ${ack.seq}: ${answer.status}`);
      }
      return undefined;
    } catch (error) {
      if (!killed) {
        inFlight.delete(id);
        unexpected.push(`${ack.kind} ${ack.seq}: ${error}`);
      } else if (killedAt && inFlight.has(id)) {
        cut++; // in flight when the process died: outcome checked below
      } else {
        inFlight.delete(id);
      }
      return undefined;
    }
  };

  const worker = async (w: number) => {
    let i = 0;
    while (!killed) {
      i++;
      const roll = Math.random();
      try {
        if (roll < 0.2) {
          const title = `Kill bench create ${w}-${i}`;
          const answer = await write(
            { kind: 'create', seq: 0, title },
            () =>
              call(b, token, 'POST', '/incidents', {
                title,
                entityRef: SERVICE,
                impact: 1 + (i % 3),
                urgency: 1 + ((i + w) % 3),
              }),
            201,
          );
          if (answer) {
            const seq = seqOf(answer.body.id);
            pool.push(seq);
            acks.push({ kind: 'create', seq, version: 1, text: title });
          }
          continue;
        }
        const seq = pool[Math.floor(Math.random() * pool.length)];
        if (roll < 0.3) {
          const text = `Kill bench note ${w}-${i}`;
          const answer = await write(
            { kind: 'work_note', seq, text },
            () =>
              call(b, token, 'POST', `/incidents/INC-${seq}/work-notes`, {
                text,
              }),
            201,
          );
          if (answer) acks.push({ kind: 'work_note', seq, text });
          continue;
        }
        const read = await call(b, token, 'GET', `/incidents/INC-${seq}`);
        if (read.status !== 200) {
          unexpected.push(`GET ${seq}: ${read.status}`);
          continue;
        }
        const { version, status } = read.body;
        const ifMatch = { 'If-Match': `"${version}"` };
        if (roll < 0.5) {
          const move: Record<string, unknown> =
            status === 'new'
              ? { to: 'in_progress' }
              : status === 'in_progress'
              ? i % 2
                ? { to: 'on_hold', onHoldReason: 'awaiting_caller' }
                : {
                    to: 'resolved',
                    resolutionCode: 'fixed',
                    resolutionNotes: 'Bench',
                  }
              : { to: 'in_progress' }; // on_hold or resolved (reopen)
          const answer = await write(
            {
              kind: 'transition',
              seq,
              version: version + 1,
              text: String(move.to),
            },
            () =>
              call(
                b,
                token,
                'POST',
                `/incidents/INC-${seq}/transitions`,
                move,
                ifMatch,
              ),
            200,
          );
          if (answer)
            acks.push({
              kind: 'transition',
              seq,
              version: answer.body.version,
            });
          continue;
        }
        const title = `Kill bench patch ${w}-${i}`;
        // Every third PATCH changes the priority too: the clocks are rewritten in the same
        // transaction (and P1 makes the incident major).
        const body: Record<string, unknown> =
          i % 3 === 0
            ? { title, impact: 1 + (i % 3), urgency: 1 + (w % 3) }
            : { title };
        const answer = await write(
          { kind: 'patch', seq, version: version + 1, text: title },
          () => call(b, token, 'PATCH', `/incidents/INC-${seq}`, body, ifMatch),
          200,
        );
        if (answer) {
          acks.push({
            kind: 'patch',
            seq,
            version: answer.body.version,
            text: title,
          });
        }
      } catch (error) {
        if (!killed) unexpected.push(`worker ${w}: ${error}`);
        else refused++;
      }
    }
  };
  const started = Date.now();
  const workers = Array.from({ length: KILL_WORKERS }, (_, w) => worker(w));
  // Let the stream settle, then kill while at least half the workers have a write in flight.
  await sleep(10_000);
  const spinUntil = Date.now() + 20_000;
  while (
    inFlight.size < Math.ceil(KILL_WORKERS / 2) &&
    Date.now() < spinUntil
  ) {
    await new Promise(resolve => setImmediate(resolve));
  }
  n5xxBefore = serverErrors.length - errors5xxAtStart;
  const ackedBeforeKill = acks.length;
  const inFlightAtKill = new Map(inFlight);
  killed = true;
  killedAt = Date.now();
  signalGroup(b, 'SIGKILL');
  const streamSeconds = (killedAt - started) / 1000;
  log(
    `SIGKILL to replica ${b.name} with ${inFlightAtKill.size} writes in flight`,
  );
  // The kernel takes a moment to tear down a process of ~2 GB.
  const goneBy = Date.now() + 30_000;
  let refusedAfter = NaN;
  while (Date.now() < goneBy) {
    if (Number.isNaN(refusedAfter) && (await portFree(b.port))) {
      refusedAfter = (Date.now() - killedAt) / 1000;
    }
    if (!Number.isNaN(refusedAfter) && !groupAlive(b)) break;
    await sleep(50);
  }
  const goneAfter = (Date.now() - killedAt) / 1000;
  const gone = !groupAlive(b) && (await portFree(b.port));
  await Promise.race([Promise.all(workers), sleep(90_000)]);

  // PostgreSQL ends the dead connections' transactions; give it a moment, then take one
  // snapshot of everything.
  await sleep(3000);
  const leftover = await db.raw(
    `SELECT count(*) AS n FROM pg_stat_activity
     WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
  );
  const invariants = await recordInvariants(db);

  // Every acknowledged write is there.
  const ackMissing: string[] = [];
  const seqs = [...new Set(acks.map(x => x.seq))];
  const history = await db('itsm_history_events')
    .where('record_type', 'incident')
    .whereIn('record_seq', seqs)
    .select('record_seq', 'version', 'action', 'changes', 'comment');
  const has = (test: (h: any) => boolean) => history.some(test);
  for (const ack of acks) {
    const found =
      ack.kind === 'create'
        ? has(
            h =>
              h.record_seq === ack.seq &&
              h.action === 'create' &&
              h.version === 1,
          )
        : ack.kind === 'work_note'
        ? has(
            h =>
              h.record_seq === ack.seq &&
              h.action === 'work_note' &&
              h.comment === ack.text,
          )
        : has(
            h =>
              h.record_seq === ack.seq &&
              h.version === ack.version &&
              h.action === (ack.kind === 'patch' ? 'update' : 'transition') &&
              (ack.kind !== 'patch' ||
                JSON.parse(h.changes).title?.[1] === ack.text),
          );
    if (!found)
      ackMissing.push(`${ack.kind} INC-${ack.seq} v${ack.version ?? ''}`);
  }
  // What became of the writes in flight at the kill: all or nothing each.
  let committed = 0;
  let createCommitted = 0;
  for (const w of inFlightAtKill.values()) {
    if (w.kind === 'create') {
      const row = await db('itsm_incidents').where('title', w.title!).first();
      if (row) createCommitted++;
    } else if (w.kind === 'work_note') {
      if (await db('itsm_history_events').where('comment', w.text!).first())
        committed++;
    } else {
      const h = await db('itsm_history_events')
        .where({
          record_type: 'incident',
          record_seq: w.seq,
          version: w.version,
        })
        .whereIn('action', ['update', 'transition'])
        .first();
      const changes = h ? JSON.parse(h.changes) : {};
      const mine =
        w.kind === 'patch'
          ? changes.title?.[1] === w.text
          : changes.status?.[1] === w.text;
      if (h && mine) committed++;
    }
  }
  const kinds = [...inFlightAtKill.values()].reduce<Record<string, number>>(
    (acc, w) => ({ ...acc, [w.kind]: (acc[w.kind] ?? 0) + 1 }),
    {},
  );

  // The survivor writes the incidents the dead replica was writing.
  const touched = [
    ...new Set([...inFlightAtKill.values()].map(w => w.seq).filter(Boolean)),
  ];
  const survivorTargets = [...touched, ...pool.slice(0, 10)].slice(0, 10);
  let survivorOk = 0;
  const survivorFailures: string[] = [];
  const survivorStarted = Date.now();
  await Promise.all(
    survivorTargets.map(async seq => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const read = await call(a, token, 'GET', `/incidents/INC-${seq}`);
        const patch = await call(
          a,
          token,
          'PATCH',
          `/incidents/INC-${seq}`,
          { title: `Written by replica ${a.name} after the kill` },
          { 'If-Match': `"${read.body.version}"` },
        );
        if (patch.status === 200) {
          survivorOk++;
          return;
        }
        if (patch.status !== 412 && patch.status !== 409) {
          survivorFailures.push(`INC-${seq}: ${patch.status}`);
          return;
        }
        if (patch.status === 409) {
          survivorOk++; // closed meanwhile: refused by rule, not stuck
          return;
        }
      }
      survivorFailures.push(`INC-${seq}: 412 five times`);
    }),
  );
  const survivorSeconds = (Date.now() - survivorStarted) / 1000;
  const afterSurvivor = await recordInvariants(db);

  figure(
    'stream',
    `${KILL_WORKERS} writers for ${streamSeconds.toFixed(
      1,
    )} s through replica ${b.name}: ${acks.length} writes acknowledged (${
      acks.length - ackedBeforeKill
    } of them answered after the SIGKILL was sent; ${Object.entries(
      acks.reduce<Record<string, number>>(
        (acc, x) => ({ ...acc, [x.kind]: (acc[x.kind] ?? 0) + 1 }),
        {},
      ),
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}), ${rejected} answered 412/409`,
  );
  figure(
    'at the kill',
    `${inFlightAtKill.size} writes in flight (${Object.entries(kinds)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}); afterwards ${
      committed + createCommitted
    } of them found committed whole, ${
      inFlightAtKill.size - committed - createCommitted
    } left no trace; ${cut} requests cut, ${refused} refused`,
  );
  figure(
    'records checked',
    invariants.tables.map(t => `${t.table} ${fmt(t.records)}`).join(', ') +
      `; ${fmt(invariants.events)} history events`,
  );
  const p = '3 kill mid-write';
  check(
    p,
    'no 5xx before the kill',
    n5xxBefore === 0,
    `${n5xxBefore} answers >= 500`,
  );
  check(
    p,
    'no unexpected answer or error before the kill',
    unexpected.length === 0,
    unexpected.length ? unexpected.slice(0, 5).join('; ') : 'none',
  );
  check(
    p,
    `replica ${b.name} is gone (SIGKILL to its process group)`,
    gone,
    `port ${b.port} refused connections ${refusedAfter.toFixed(
      2,
    )} s after the SIGKILL, no process left in its group after ${goneAfter.toFixed(
      2,
    )} s`,
  );
  check(
    p,
    'every record: version = its version-raising history events, at 1..version once each',
    invariants.versionMismatches.length === 0,
    `${invariants.versionMismatches.length} records differ`,
  );
  check(
    p,
    'no record lacks its create event; no history event without its record',
    invariants.withoutCreate.length === 0 && invariants.orphanEvents === 0,
    `${invariants.withoutCreate.length} records without create, ${invariants.orphanEvents} orphan events`,
  );
  check(
    p,
    'every incident has its primary entity and both clocks',
    invariants.incomplete.length === 0,
    `${invariants.incomplete.length} incidents incomplete`,
  );
  check(
    p,
    'every write the dead replica acknowledged is stored',
    ackMissing.length === 0,
    `${acks.length - ackMissing.length} of ${acks.length} found`,
  );
  check(
    p,
    `replica ${a.name} writes the same incidents afterwards (no lock left behind)`,
    survivorOk === survivorTargets.length && survivorSeconds < 30,
    `${survivorOk} of ${
      survivorTargets.length
    } PATCHes in ${survivorSeconds.toFixed(1)} s; ${
      leftover.rows[0].n
    } sessions idle in transaction`,
  );
  check(
    p,
    'invariants still hold after the survivor wrote',
    afterSurvivor.versionMismatches.length === 0 &&
      afterSurvivor.withoutCreate.length === 0,
    `${afterSurvivor.versionMismatches.length} + ${afterSurvivor.withoutCreate.length} records differ`,
  );
  for (const list of [
    ['version mismatches', invariants.versionMismatches],
    ['records without create', invariants.withoutCreate],
    ['incomplete incidents', invariants.incomplete],
    ['acknowledged writes missing', ackMissing],
    ['survivor failures', survivorFailures],
  ] as Array<[string, unknown[]]>) {
    if (list[1].length) {
      console.log(`  ${list[0]}: ${JSON.stringify(list[1].slice(0, 10))}`);
    }
  }
}

/**
 * The write invariants over every record table with rows, in one REPEATABLE READ snapshot:
 * version = number of version-raising history events, whose versions are exactly 1..version;
 * one create event, at version 1; no history event of a missing record; every incident with
 * its primary entity row and both clocks.
 */
async function recordInvariants(db: Knex) {
  return db.transaction(
    async tx => {
      const tables: Array<{ table: string; records: number }> = [];
      const versionMismatches: unknown[] = [];
      const withoutCreate: unknown[] = [];
      let orphanEvents = 0;
      for (const { table, types } of RECORD_TABLES) {
        if (!(await tx.schema.hasTable(table))) continue;
        const records = Number((await tx(table).count({ n: '*' }))[0].n);
        if (!records) continue;
        tables.push({ table, records });
        const { rows } = await tx.raw(
          `SELECT r.seq, r.version,
             count(h.seq) FILTER (WHERE h.action <> ALL (?)) AS versioned,
             count(DISTINCT h.version) FILTER (WHERE h.action <> ALL (?)) AS distinct_versions,
             min(h.version) FILTER (WHERE h.action <> ALL (?)) AS min_version,
             max(h.version) FILTER (WHERE h.action <> ALL (?)) AS max_version,
             max(h.version) AS max_any_version,
             count(h.seq) FILTER (WHERE h.action = 'create') AS creates,
             count(h.seq) FILTER (WHERE h.action = 'create' AND h.version = 1) AS creates_at_1
           FROM ?? r
           LEFT JOIN itsm_history_events h
             ON h.record_type = ANY (?) AND h.record_seq = r.seq
           GROUP BY r.seq, r.version`,
          [
            UNVERSIONED_ACTIONS,
            UNVERSIONED_ACTIONS,
            UNVERSIONED_ACTIONS,
            UNVERSIONED_ACTIONS,
            table,
            types,
          ],
        );
        for (const r of rows) {
          const version = Number(r.version);
          if (
            Number(r.versioned) !== version ||
            Number(r.distinct_versions) !== version ||
            Number(r.min_version) !== 1 ||
            Number(r.max_version) !== version ||
            Number(r.max_any_version) !== version
          ) {
            versionMismatches.push({ table, seq: r.seq, ...r });
          }
          if (Number(r.creates) !== 1 || Number(r.creates_at_1) !== 1) {
            withoutCreate.push({
              table,
              seq: r.seq,
              creates: Number(r.creates),
            });
          }
        }
        const orphans = await tx.raw(
          `SELECT count(*) AS n FROM itsm_history_events h
           WHERE h.record_type = ANY (?) AND NOT EXISTS (SELECT 1 FROM ?? r WHERE r.seq = h.record_seq)`,
          [types, table],
        );
        orphanEvents += Number(orphans.rows[0].n);
      }
      const incomplete = (
        await tx.raw(
          `SELECT i.seq FROM itsm_incidents i
           WHERE NOT EXISTS (SELECT 1 FROM itsm_record_entities e WHERE e.record_type = 'incident'
                               AND e.record_seq = i.seq AND e.is_primary)
              OR (SELECT count(*) FROM itsm_sla_clocks c WHERE c.record_type = 'incident'
                    AND c.record_seq = i.seq AND c.clock IN ('response', 'resolution')) <> 2`,
        )
      ).rows;
      const events = Number(
        (await tx('itsm_history_events').count({ n: '*' }))[0].n,
      );
      return {
        tables,
        versionMismatches,
        withoutCreate,
        orphanEvents,
        incomplete,
        events,
      };
    },
    { isolationLevel: 'repeatable read' },
  );
}

// ---------------------------------------------------------------------------------------------

function printResults(totalSeconds: number) {
  console.log(
    `\nResults (${new Date()
      .toISOString()
      .slice(0, 10)}, ${totalSeconds.toFixed(0)} s)\n`,
  );
  const w = Math.max(5, ...checks.map(c => c.check.length));
  console.log(
    `| result | property                      | ${'check'.padEnd(w)} | figure`,
  );
  console.log(
    `| ------ | ----------------------------- | ${'-'.repeat(w)} | ------`,
  );
  for (const c of checks) {
    console.log(
      `| ${c.pass ? 'PASS  ' : 'FAIL  '} | ${c.property.padEnd(
        29,
      )} | ${c.check.padEnd(w)} | ${c.figure}`,
    );
  }
  console.log('');
  for (const [name, value] of figures) {
    console.log(`- ${name}: ${value}`);
  }
  const byReplica = [...statusCounts].map(
    ([name, counts]) =>
      `${name}: ${[...counts]
        .sort((x, y) => x[0] - y[0])
        .map(([s, n]) => `${s} x ${fmt(n)}`)
        .join(', ')}`,
  );
  console.log(`- answers by status: ${byReplica.join('; ')}`);
  for (const e of serverErrors.slice(0, 10)) {
    console.log(`- 5xx: ${e}`);
  }
}

async function main() {
  const started = Date.now();
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-bench-replicas-'));
  for (const port of PORTS) {
    if (!(await portFree(port))) {
      throw new Error(
        `Port ${port} is in use; set BENCH_PORTS to two free ports`,
      );
    }
  }
  log(`dropping ${PREFIX}* databases; replica logs in ${logDir}`);
  await dropBenchDatabases(PREFIX);
  // One after the other: the first creates the databases and runs the migrations.
  const a = launch('A', PORTS[0], logDir);
  await waitReady(a);
  log(`replica A ready on ${a.port} (${elapsed(started)})`);
  const b = launch('B', PORTS[1], logDir);
  await waitReady(b);
  log(`replica B ready on ${b.port} (${elapsed(started)})`);

  const db = knexFactory({
    client: 'pg',
    connection: `${PG}/${PREFIX}itsm`,
    pool: { min: 0, max: 4 },
  });
  const sampler = new JobRuns();
  try {
    await waitUntil(
      'the ITSM tables',
      () => db.schema.hasTable('itsm_notification_ledger'),
      MIN,
    );
    const token = await guestToken(a.url);
    for (const r of [a, b]) {
      await waitUntil(
        `the demo catalog on replica ${r.name}`,
        async () =>
          (
            await fetch(
              `${r.url}/api/catalog/entities/by-name/component/default/notification-service`,
              {
                headers: { Authorization: `Bearer ${token}` },
              },
            )
          ).ok,
        5 * MIN,
      );
    }
    log('catalog ingested');

    await lostUpdates(db, token, a, b);

    // Both replicas' job workers past their one-minute initial delay before the load.
    await waitUntil(
      "both replicas' job workers",
      async () => {
        for (const r of [a, b]) {
          const res = await fetch(
            `${r.url}/api/itsm/.backstage/scheduler/v1/tasks`,
            { headers: { Authorization: `Bearer ${token}` } },
          );
          const { tasks } = await res.json();
          const waiting = tasks.filter(
            (t: any) =>
              JOBS.includes(t.taskId) && t.workerState?.status !== 'idle',
          );
          if (
            waiting.some((t: any) => t.workerState?.status === 'initial-wait')
          ) {
            return false;
          }
        }
        return true;
      },
      3 * MIN,
    );
    sampler.start([a, b], token);
    const loadedAt = Date.now();
    const load = await loadSlaIncidents(db, new Date(loadedAt));
    log(`loaded the SLA incidents (${elapsed(started)}); waiting for the jobs`);
    await exactlyOnce(db, token, a, b, load, loadedAt, sampler);
    await killMidWrite(db, token, a, b);
  } finally {
    await sampler.stop();
    await db.destroy();
    await stopAll();
  }
  printResults((Date.now() - started) / 1000);
  const failed = checks.filter(c => !c.pass);
  console.log(
    failed.length
      ? `\nFAIL: ${failed.length} of ${checks.length} checks failed`
      : `\nPASS: all ${checks.length} checks`,
  );
  console.log(`Replica logs: ${logDir}`);
  process.exitCode = failed.length ? 1 : 0;
}

const timeout = setTimeout(() => {
  console.error(
    `\nFAIL: the bench did not finish within ${TIMEOUT_MS / 60_000} minutes`,
  );
  stopAll().finally(() => process.exit(1));
}, TIMEOUT_MS);
timeout.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the replicas`);
    stopAll().finally(() => process.exit(1));
  });
}

// Once the replicas are stopped, exit: requests cut by the kill may still hold timers.
main().then(
  () => process.exit(process.exitCode ?? 0),
  async error => {
    console.error('\nFAIL:', error);
    try {
      printResults(0);
      await stopAll();
    } finally {
      process.exit(1);
    }
  },
);
