import { RequestContext } from '../../records/context';
import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { withAudit } from '../../records/audit';
import { historyQuerySchema } from '../changes/changeSchemas';
import { credentialsOf, sendVersioned } from '../../records/http';
import { parseInput, withArrays } from '../../records/parse';

/** Audit events of SLAs and supporting agreements. */
export const agreementAuditEvents = {
  /** Reads of SLAs and supporting agreements: lists, records, revisions, history, alignment. */
  fetch: { eventId: 'sla-fetch', severityLevel: 'low' },
  /** Writes to SLAs and supporting agreements; `meta.actionType` says which. */
  mutate: { eventId: 'sla-mutate', severityLevel: 'medium' },
} as const;

/** What the routes need of an agreement service (SLAs, or OLAs and UCs). */
export interface AgreementRouteService<
  TCreate extends { entityRef: string },
  TRecord extends { id: string; version: number; revision: number },
> {
  list(query: any, ctx: RequestContext): Promise<unknown>;
  create(input: TCreate, ctx: RequestContext): Promise<TRecord>;
  get(id: string, ctx: RequestContext): Promise<TRecord>;
  patch(
    id: string,
    body: unknown,
    ctx: RequestContext & { ifMatch?: string },
  ): Promise<TRecord>;
  revisions(id: string, ctx: RequestContext): Promise<unknown>;
  history(
    id: string,
    query: z.output<typeof historyQuerySchema>,
    ctx: RequestContext,
  ): Promise<unknown>;
}

/**
 * The routes SLAs and supporting agreements share: list, create, get, `PATCH`, revisions and
 * history under `path`, audited with the record id in `meta[idMeta]`. Returns the router and
 * the audited read for routes of its own (an SLA's alignment).
 */
export function createAgreementRoutes<
  TCreate extends { entityRef: string },
  TRecord extends { id: string; version: number; revision: number },
>(options: {
  path: string;
  idMeta: string;
  service: AgreementRouteService<TCreate, TRecord>;
  listQuerySchema: z.ZodType;
  /** Query parameters that may repeat. */
  arrayParams: string[];
  createSchema: z.ZodType<TCreate, any, any>;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}) {
  const { path, idMeta, service, httpAuth, auditor } = options;
  const router = Router();

  const fetch = <T>(
    req: express.Request,
    meta: Record<string, string>,
    fn: () => Promise<T>,
  ) =>
    withAudit(
      auditor,
      { ...agreementAuditEvents.fetch, request: req, meta },
      fn,
    );

  router.get(path, async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const query = parseInput(
      options.listQuerySchema,
      withArrays(req.query, options.arrayParams),
      'query',
    );
    res.json(
      await fetch(req, { queryType: 'all' }, () => service.list(query, ctx)),
    );
  });

  router.post(path, async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const input = parseInput(options.createSchema, req.body, 'body');
    const created = await withAudit(
      auditor,
      {
        ...agreementAuditEvents.mutate,
        request: req,
        meta: { actionType: 'create', entityRef: input.entityRef },
        successMeta: (record: TRecord) => ({ [idMeta]: record.id }),
      },
      () => service.create(input, ctx),
    );
    sendVersioned(res, created, 201);
  });

  router.get(`${path}/:id`, async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    sendVersioned(
      res,
      await fetch(req, { queryType: 'by-id', [idMeta]: id }, () =>
        service.get(id, ctx),
      ),
    );
  });

  router.patch(`${path}/:id`, async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const updated = await withAudit(
      auditor,
      {
        ...agreementAuditEvents.mutate,
        request: req,
        meta: { actionType: 'update', [idMeta]: req.params.id },
        successMeta: (record: TRecord) => ({
          revision: String(record.revision),
        }),
      },
      () =>
        service.patch(req.params.id, req.body, {
          ...ctx,
          ifMatch: req.header('if-match'),
        }),
    );
    sendVersioned(res, updated);
  });

  router.get(`${path}/:id/revisions`, async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    res.json(
      await fetch(req, { queryType: 'revisions', [idMeta]: id }, () =>
        service.revisions(id, ctx),
      ),
    );
  });

  router.get(`${path}/:id/history`, async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    const query = parseInput(historyQuerySchema, req.query, 'query');
    res.json(
      await fetch(req, { queryType: 'history', [idMeta]: id }, () =>
        service.history(id, query, ctx),
      ),
    );
  });

  return { router, fetch };
}
