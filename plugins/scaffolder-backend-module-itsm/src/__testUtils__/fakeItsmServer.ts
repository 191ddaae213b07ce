import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
  serializeError,
} from '@backstage/errors';
import {
  type Change,
  type Incident,
  type KnownError,
  type RequiredApproval,
  PreconditionFailedError,
  PreconditionRequiredError,
  assessChangeRisk,
  changeCreateSchema,
  changeTransitionSchema,
  checkChangeTransition,
  incidentCreateSchema,
  knownErrorMatchQuerySchema,
  knownErrorUseSchema,
  matchKnownErrors,
  priorityOf,
} from '@backstage-itsm/plugin-itsm-common';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/** One request as the fake ITSM backend received it. */
export interface RecordedRequest {
  method: string;
  /** Without the query string. */
  path: string;
  /** The query string's parameters (each given once). */
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: any;
  /** The user the on-behalf-of token names. */
  caller: string;
}

/** A standard change template the fake knows. */
export const FAKE_TEMPLATE = {
  id: 'STD-1',
  version: 3,
  implementationPlan: 'Renew the certificate with the ACME client.',
  backoutPlan: 'Restore the previous certificate.',
  testPlan: 'Check the TLS handshake.',
  durationMinutes: 30,
};

/** An active known error on payments-service, with the given fields. */
export function fakeKnownError(fields: Partial<KnownError> = {}): KnownError {
  const now = '2026-05-01T09:00:00.000Z';
  return {
    id: 'KE-1',
    version: 1,
    title: 'Connection pool exhausted under load',
    symptom: 'Requests time out while the pool is full.',
    rootCause: 'The pool is sized for the old traffic.',
    workaround: 'Restart the pods one at a time to free the pool.',
    entityRefs: ['component:default/payments-service'],
    matchRules: { categories: [], signatures: [], text: ['time out'] },
    status: 'active',
    reviewBy: null,
    problemId: 'PRB-1',
    offeredCount: 0,
    appliedCount: 0,
    createdAt: now,
    createdBy: 'user:default/maria.garcia',
    updatedAt: now,
    ...fields,
  };
}

/**
 * A stand-in for `/api/itsm` on a real HTTP server on an ephemeral port. It speaks the contract
 * of the change, incident and known-error endpoints the actions call, enforcing the same schemas,
 * lifecycle and matching rules as the backend (from `-common`), `If-Match` versions and the
 * on-behalf-of token, and answers errors as Backstage JSON error bodies. Known errors are matched
 * over {@link FakeItsmServer.knownErrors} and the graph in {@link FakeItsmServer.upstream}.
 */
export class FakeItsmServer {
  readonly requests: RecordedRequest[] = [];
  readonly changes = new Map<string, Change>();
  readonly incidents = new Map<string, Incident>();
  /** The catalog: records on other entities are refused with 400, as the backend does. */
  readonly catalog = new Set([
    'component:default/payments-service',
    'component:default/api-gateway',
    'resource:default/payments-db',
  ]);
  /** The known-error database, by id; tests seed it (e.g. with {@link fakeKnownError}). */
  readonly knownErrors = new Map<string, KnownError>();
  /** The catalog graph: an entity's upstream dependencies, nearest first. */
  readonly upstream = new Map<string, string[]>([
    ['component:default/payments-service', ['resource:default/payments-db']],
  ]);
  /** Requests whose `METHOD /path` matches are answered 503, as by a backend that is down. */
  outage: RegExp | undefined;
  /** Offers and applications already counted (`KE-1 INC-1 offered`): counted once each. */
  readonly #uses = new Set<string>();
  /** When set, someone else edits a change just before each transition arrives. */
  concurrentEdits = false;
  /** When set, a freeze window blocks scheduling non-emergency changes (409). */
  freeze: string | undefined;
  #server: http.Server;
  #baseUrl = '';

  static async start(): Promise<FakeItsmServer> {
    const fake = new FakeItsmServer();
    await new Promise<void>(resolve =>
      fake.#server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = fake.#server.address() as AddressInfo;
    fake.#baseUrl = `http://127.0.0.1:${port}/api/itsm`;
    return fake;
  }

  private constructor() {
    this.#server = http.createServer((req, res) => this.#handle(req, res));
  }

  get baseUrl(): string {
    return this.#baseUrl;
  }

  /** Requests that write (everything but reads and the assessment, which writes nothing). */
  get writes(): RecordedRequest[] {
    return this.requests.filter(
      r => r.method !== 'GET' && r.path !== '/change-assessments',
    );
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.#server.close(err => (err ? reject(err) : resolve())),
    );
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/api\/itsm/, '');
    const query = Object.fromEntries(url.searchParams);
    const method = req.method ?? 'GET';
    let status = 200;
    let payload: unknown;
    try {
      const body = chunks.length
        ? JSON.parse(Buffer.concat(chunks).toString('utf8'))
        : undefined;
      const caller = this.#authenticate(req.headers.authorization);
      this.requests.push({
        method,
        path,
        query,
        headers: req.headers,
        body,
        caller,
      });
      const names = [...url.searchParams.keys()];
      if (new Set(names).size !== names.length) {
        throw new InputError(`A query parameter is given twice: ${url.search}`);
      }
      if (this.outage?.test(`${method} ${path}`)) {
        throw new ServiceUnavailableError('ITSM is down for maintenance');
      }
      [status, payload] = this.#route(
        method,
        path,
        query,
        req.headers,
        body,
        caller,
      );
    } catch (error) {
      const err = error as Error & { statusCode?: number };
      status =
        err.statusCode ??
        {
          InputError: 400,
          AuthenticationError: 401,
          NotFoundError: 404,
          ConflictError: 409,
          ServiceUnavailableError: 503,
        }[err.name] ??
        500;
      payload = {
        error: serializeError(err),
        request: { method, url: req.url },
        response: { statusCode: status },
      };
    }
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(payload));
  }

  /** Accepts only a service token issued on behalf of a user for the itsm plugin. */
  #authenticate(header: string | undefined): string {
    const prefix = 'Bearer mock-service-token:';
    if (!header?.startsWith(prefix)) {
      throw new AuthenticationError('Missing on-behalf-of token');
    }
    const token = JSON.parse(header.slice(prefix.length));
    if (token.target !== 'itsm' || !token.obo) {
      throw new AuthenticationError(
        `Token not issued on behalf of a user for itsm: ${JSON.stringify(
          token,
        )}`,
      );
    }
    return token.obo;
  }

  #route(
    method: string,
    path: string,
    query: Record<string, string>,
    headers: http.IncomingHttpHeaders,
    body: unknown,
    caller: string,
  ): [number, unknown] {
    const transition = path.match(/^\/changes\/(CHG-\d+)\/transitions$/);
    const use = path.match(/^\/known-errors\/([^/]+)\/uses$/);
    if (method === 'POST' && path === '/changes') {
      return [201, this.#createChange(body, caller)];
    } else if (method === 'POST' && transition) {
      return [200, this.#transition(transition[1], headers, body)];
    } else if (method === 'POST' && path === '/change-assessments') {
      return [200, this.#assess(body)];
    } else if (method === 'POST' && path === '/incidents') {
      return [201, this.#createIncident(body, caller)];
    } else if (method === 'GET' && path === '/known-errors/matches') {
      return [200, this.#matchKnownErrors(query)];
    } else if (method === 'POST' && use) {
      return [200, this.#recordUse(decodeURIComponent(use[1]), body)];
    }
    throw new NotFoundError(`No route ${method} ${path}`);
  }

  #createChange(body: unknown, caller: string): Change {
    const request = parse(changeCreateSchema, body);
    request.entityRefs.forEach((ref, i) =>
      this.#checkEntity(ref, `entityRefs.${i}`),
    );
    let plans = {
      implementationPlan: request.implementationPlan ?? null,
      backoutPlan: request.backoutPlan ?? null,
      testPlan: request.testPlan ?? null,
    };
    let plannedEnd = request.plannedEnd ?? null;
    if (request.templateId) {
      if (request.templateId !== FAKE_TEMPLATE.id) {
        throw new NotFoundError(
          `No active change template ${request.templateId}`,
        );
      }
      plans = {
        implementationPlan:
          plans.implementationPlan ?? FAKE_TEMPLATE.implementationPlan,
        backoutPlan: plans.backoutPlan ?? FAKE_TEMPLATE.backoutPlan,
        testPlan: plans.testPlan ?? FAKE_TEMPLATE.testPlan,
      };
      if (request.plannedStart && !plannedEnd) {
        plannedEnd = new Date(
          Date.parse(request.plannedStart) +
            FAKE_TEMPLATE.durationMinutes * 60_000,
        ).toISOString();
      }
    }
    const assessment = this.#riskOf(request);
    const now = new Date().toISOString();
    const change: Change = {
      id: `CHG-${this.changes.size + 1}`,
      version: 1,
      planRevision: 1,
      type: request.type,
      title: request.title,
      justification: request.justification,
      entityRefs: request.entityRefs,
      plannedStart: request.plannedStart ?? null,
      plannedEnd,
      actualStart: null,
      actualEnd: null,
      ...plans,
      riskAnswers: request.riskAnswers,
      risk: assessment.risk,
      riskReasons: assessment.riskReasons,
      status: 'draft',
      templateId: request.templateId ?? null,
      templateVersion: request.templateId ? FAKE_TEMPLATE.version : null,
      requester: caller,
      requiredApprovals: [],
      approvals: [],
      conflicts: [],
      outcome: null,
      review: null,
      createdAt: now,
      updatedAt: now,
    };
    this.changes.set(change.id, change);
    return change;
  }

  #transition(
    id: string,
    headers: http.IncomingHttpHeaders,
    body: unknown,
  ): Change {
    const ifMatch = headers['if-match'];
    if (!ifMatch) {
      throw new PreconditionRequiredError('If-Match is required');
    }
    const version = /^"(\d+)"$/.exec(ifMatch)?.[1];
    if (!version) {
      throw new InputError(`If-Match must be a version like "3"`);
    }
    const request = parse(changeTransitionSchema, body);
    const change = this.changes.get(id);
    if (!change) {
      throw new NotFoundError(`No change ${id}`);
    }
    if (this.concurrentEdits) {
      change.version += 1;
    }
    if (Number(version) !== change.version) {
      throw new PreconditionFailedError(
        `${id} has changed since version ${version}`,
      );
    }
    checkChangeTransition(change, request.to);
    if (
      request.to === 'scheduled' &&
      this.freeze &&
      change.type !== 'emergency'
    ) {
      throw new ConflictError(
        `The freeze window ${this.freeze} blocks scheduling this change`,
      );
    }
    const next: Change = {
      ...change,
      status: request.to,
      version: change.version + 1,
      requiredApprovals:
        request.to === 'authorization'
          ? this.#policy(change)
          : change.requiredApprovals,
      updatedAt: new Date().toISOString(),
    };
    this.changes.set(id, next);
    return next;
  }

  /** The default policy of DESIGN §3, reduced to what the tests need. */
  #policy(change: Pick<Change, 'type' | 'risk'>): RequiredApproval[] {
    if (change.type === 'emergency') {
      return [{ kind: 'group', group: 'group:default/ecab', count: 1 }];
    }
    if (change.risk === 'high') {
      return [{ kind: 'quorum', group: 'group:default/cab', quorum: 3, of: 6 }];
    }
    return [
      { kind: 'group', group: 'group:default/change-managers', count: 1 },
    ];
  }

  /** A draft may leave questions unanswered (no risk yet); a wrong answer is a 400. */
  #riskOf(body: any) {
    try {
      return this.#assess(body);
    } catch (error) {
      if (/^riskAnswers\.\w+ is required/.test((error as Error).message)) {
        return { risk: null, riskReasons: [] };
      }
      throw error;
    }
  }

  #assess(body: any) {
    const assessment = assessChangeRisk({
      answers: body.riskAnswers ?? {},
      blastRadius: { count: 0, tiers: [] },
      affectedTiers: [],
      recentChanges: { total: 0, failed: 0 },
      entityRefs: body.entityRefs,
    });
    return {
      risk: assessment.risk,
      score: assessment.score,
      riskReasons: assessment.reasons,
      requiredApprovals:
        body.type === 'standard'
          ? []
          : this.#policy({ type: body.type, risk: assessment.risk }),
      conflicts: [],
      blockedByFreeze: Boolean(this.freeze) && body.type !== 'emergency',
      blastRadius: 0,
    };
  }

  #checkEntity(ref: string, field: string) {
    if (!this.catalog.has(ref)) {
      throw new InputError(`${field}: ${ref} is not in the catalog`);
    }
  }

  #createIncident(body: unknown, caller: string): Incident {
    const request = parse(incidentCreateSchema, body);
    this.#checkEntity(request.entityRef, 'entityRef');
    const incident = {
      ...request,
      id: `INC-${this.incidents.size + 1}`,
      version: 1,
      priority: priorityOf(request.impact, request.urgency),
      status: 'new',
      reporter: caller,
    } as unknown as Incident;
    this.incidents.set(incident.id, incident);
    return incident;
  }

  /** The backend's matching (from -common) over {@link knownErrors} and {@link upstream}. */
  #matchKnownErrors(query: Record<string, string>) {
    const request = parse(knownErrorMatchQuerySchema, query);
    const own = request.entityRef.toLocaleLowerCase('en-US');
    return {
      items: matchKnownErrors(
        [...this.knownErrors.values()],
        {
          entityRef: own,
          upstreamRefs: this.upstream.get(own) ?? [],
          text: request.text,
          category: request.category,
          signature: request.signature,
        },
        request.limit,
      ),
    };
  }

  #recordUse(id: string, body: unknown): KnownError {
    const request = parse(knownErrorUseSchema, body);
    const knownError = this.knownErrors.get(id);
    if (!knownError) {
      throw new NotFoundError(`No known error ${id}`);
    }
    if (!this.incidents.has(request.incidentId)) {
      throw new InputError(
        `incidentId: incident '${request.incidentId}' does not exist`,
      );
    }
    if (request.kind === 'applied' && knownError.status !== 'active') {
      throw new ConflictError(
        `${id} is retired; its workaround is no longer offered`,
      );
    }
    const key = `${id} ${request.incidentId} ${request.kind}`;
    if (!this.#uses.has(key)) {
      this.#uses.add(key);
      const counted: KnownError = {
        ...knownError,
        offeredCount:
          knownError.offeredCount + (request.kind === 'offered' ? 1 : 0),
        appliedCount:
          knownError.appliedCount + (request.kind === 'applied' ? 1 : 0),
      };
      this.knownErrors.set(id, counted);
      return counted;
    }
    return knownError;
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      result.error.issues
        .map(issue => `${issue.path.join('.')}: ${issue.message}`)
        .join('; '),
    );
  }
  return result.data;
}
