import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { z } from 'zod';
import type { RequestContext, WriteContext } from '../../records/context';
import { credentialsOf } from '../../records/http';
import { historyQuerySchema } from '../../records/parse';
import { createRecordRoutes } from '../../records/routes';

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
  patch(id: string, body: unknown, ctx: WriteContext): Promise<TRecord>;
  revisions(id: string, ctx: RequestContext): Promise<unknown>;
  history(
    id: string,
    query: z.output<typeof historyQuerySchema>,
    ctx: RequestContext,
  ): Promise<unknown>;
}

/**
 * The routes SLAs and supporting agreements share: the kernel's record routes (list, create,
 * get, `PATCH`, history) plus revisions, audited with the record id in `meta[idMeta]`. Returns
 * the router and the audited read for routes of its own (an SLA's alignment).
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
  const { path, idMeta, service, httpAuth } = options;
  const { router, fetch } = createRecordRoutes<TCreate, TRecord>({
    path,
    idMeta,
    events: agreementAuditEvents,
    service: {
      list: (query, ctx) => service.list(query, ctx),
      create: (input, ctx) => service.create(input, ctx),
      get: (id, ctx) => service.get(id, ctx),
      patch: (id, body, ctx) => service.patch(id, body, ctx),
      history: (id, query, ctx) => service.history(id, query, ctx),
    },
    listQuerySchema: options.listQuerySchema,
    arrayParams: options.arrayParams,
    createSchema: options.createSchema,
    createMeta: input => ({ entityRef: input.entityRef }),
    patchSuccessMeta: record => ({ revision: String(record.revision) }),
    httpAuth,
    auditor: options.auditor,
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

  return { router, fetch };
}
