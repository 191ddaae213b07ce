import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { withAudit } from './audit';
import type { RequestContext, WriteContext } from './context';
import { credentialsOf, sendVersioned } from './http';
import { historyQuerySchema, parseInput, withArrays } from './parse';

/** An audit event id and severity, like `{ eventId: 'incident-fetch', severityLevel: 'low' }`. */
export interface AuditEventDefinition {
  eventId: string;
  severityLevel: 'low' | 'medium' | 'high' | 'critical';
}

/** What the record routes need of a practice's service; each route exists when its method does. */
export interface RecordRouteService<
  TCreate,
  TRecord extends { version: number },
> {
  list?(query: any, ctx: RequestContext): Promise<unknown>;
  create?(input: TCreate, ctx: RequestContext): Promise<TRecord>;
  get?(id: string, ctx: RequestContext): Promise<TRecord>;
  patch?(id: string, body: unknown, ctx: WriteContext): Promise<TRecord>;
  transition?(id: string, body: unknown, ctx: WriteContext): Promise<TRecord>;
  history?(
    id: string,
    query: z.output<typeof historyQuerySchema>,
    ctx: RequestContext,
  ): Promise<unknown>;
}

/**
 * The routes every record collection shares, under `path`: `GET` (list, with its query schema
 * and repeatable parameters), `POST` (201 with the record), `GET /:id` (with its `ETag`),
 * `PATCH /:id` and `POST /:id/transitions` (with `If-Match`), and `GET /:id/history`, each one
 * audited with the record id in `meta[idMeta]`. Only the routes whose service method exists are
 * mounted. Returns the router and the audited `fetch` and `mutate` for the practice's own
 * routes (work notes, votes, revisions, ...).
 */
export function createRecordRoutes<
  TCreate,
  TRecord extends { id: string; version: number },
>(options: {
  path: string;
  idMeta: string;
  events: { fetch: AuditEventDefinition; mutate: AuditEventDefinition };
  service: RecordRouteService<TCreate, TRecord>;
  listQuerySchema?: z.ZodType;
  /** Query parameters of the list that may repeat. */
  arrayParams?: readonly string[];
  createSchema?: z.ZodType<TCreate, any, any>;
  /** Audit meta of a create, from its input. */
  createMeta?: (input: TCreate) => Record<string, string>;
  /** Audit meta added when a `PATCH` succeeds. */
  patchSuccessMeta?: (record: TRecord) => Record<string, string>;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}) {
  const { path, idMeta, events, service, httpAuth, auditor } = options;
  const router = Router();

  const fetch = <T>(
    req: express.Request,
    meta: Record<string, string>,
    fn: () => Promise<T>,
  ) => withAudit(auditor, { ...events.fetch, request: req, meta }, fn);

  const mutate = <T>(
    req: express.Request,
    actionType: string,
    fn: () => Promise<T>,
    successMeta?: (result: T) => Record<string, string>,
  ) =>
    withAudit(
      auditor,
      {
        ...events.mutate,
        request: req,
        meta: { actionType, [idMeta]: req.params.id },
        successMeta,
      },
      fn,
    );

  const writeContext = async (req: express.Request): Promise<WriteContext> => ({
    ...(await credentialsOf(httpAuth, req)),
    ifMatch: req.header('if-match'),
  });

  if (service.list) {
    const list = service.list.bind(service);
    router.get(path, async (req, res) => {
      const ctx = await credentialsOf(httpAuth, req);
      const query = options.listQuerySchema
        ? parseInput(
            options.listQuerySchema,
            withArrays(req.query, options.arrayParams ?? []),
            'query',
          )
        : req.query;
      res.json(await fetch(req, { queryType: 'all' }, () => list(query, ctx)));
    });
  }

  if (service.create && options.createSchema) {
    const create = service.create.bind(service);
    const createSchema = options.createSchema;
    router.post(path, async (req, res) => {
      const ctx = await credentialsOf(httpAuth, req);
      const input = parseInput(createSchema, req.body, 'body');
      const created = await withAudit(
        auditor,
        {
          ...events.mutate,
          request: req,
          meta: { actionType: 'create', ...options.createMeta?.(input) },
          successMeta: (record: TRecord) => ({ [idMeta]: record.id }),
        },
        () => create(input, ctx),
      );
      sendVersioned(res, created, 201);
    });
  }

  if (service.get) {
    const get = service.get.bind(service);
    router.get(`${path}/:id`, async (req, res) => {
      const ctx = await credentialsOf(httpAuth, req);
      const { id } = req.params;
      sendVersioned(
        res,
        await fetch(req, { queryType: 'by-id', [idMeta]: id }, () =>
          get(id, ctx),
        ),
      );
    });
  }

  if (service.patch) {
    const patch = service.patch.bind(service);
    router.patch(`${path}/:id`, async (req, res) => {
      const ctx = await writeContext(req);
      sendVersioned(
        res,
        await mutate(
          req,
          'update',
          () => patch(req.params.id, req.body, ctx),
          options.patchSuccessMeta,
        ),
      );
    });
  }

  if (service.transition) {
    const transition = service.transition.bind(service);
    router.post(`${path}/:id/transitions`, async (req, res) => {
      const ctx = await writeContext(req);
      sendVersioned(
        res,
        await mutate(req, 'transition', () =>
          transition(req.params.id, req.body, ctx),
        ),
      );
    });
  }

  if (service.history) {
    const history = service.history.bind(service);
    router.get(`${path}/:id/history`, async (req, res) => {
      const ctx = await credentialsOf(httpAuth, req);
      const { id } = req.params;
      const query = parseInput(historyQuerySchema, req.query, 'query');
      res.json(
        await fetch(req, { queryType: 'history', [idMeta]: id }, () =>
          history(id, query, ctx),
        ),
      );
    });
  }

  return { router, fetch, mutate, writeContext };
}
