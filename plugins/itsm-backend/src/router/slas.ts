import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { slaCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { withAudit } from '../audit';
import { AgreementService } from '../domain/AgreementService';
import { slaListQuerySchema } from '../domain/agreementViews';
import { historyQuerySchema } from '../domain/changeSchemas';
import { credentialsOf, sendVersioned } from './http';
import { parseInput, withArrays } from './parse';

/** Audit events of SLAs and supporting agreements. */
export const agreementAuditEvents = {
  /** Reads of SLAs and supporting agreements: lists, records, revisions, history, alignment. */
  fetch: { eventId: 'sla-fetch', severityLevel: 'low' },
  /** Writes to SLAs and supporting agreements; `meta.actionType` says which. */
  mutate: { eventId: 'sla-mutate', severityLevel: 'medium' },
} as const;

/** HTTP routes of service level agreements. */
export function createSlasRouter(options: {
  slas: AgreementService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { slas, httpAuth, auditor } = options;
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

  router.get('/slas', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const query = parseInput(
      slaListQuerySchema,
      withArrays(req.query, ['entityRef']),
      'query',
    );
    res.json(
      await fetch(req, { queryType: 'all' }, () => slas.list(query, ctx)),
    );
  });

  router.post('/slas', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const input = parseInput(slaCreateSchema, req.body, 'body');
    const sla = await withAudit(
      auditor,
      {
        ...agreementAuditEvents.mutate,
        request: req,
        meta: { actionType: 'create', entityRef: input.entityRef },
        successMeta: created => ({ slaId: created.id }),
      },
      () => slas.create(input, ctx),
    );
    sendVersioned(res, sla, 201);
  });

  router.get('/slas/:id', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    sendVersioned(
      res,
      await fetch(req, { queryType: 'by-id', slaId: id }, () =>
        slas.get(id, ctx),
      ),
    );
  });

  router.patch('/slas/:id', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const sla = await withAudit(
      auditor,
      {
        ...agreementAuditEvents.mutate,
        request: req,
        meta: { actionType: 'update', slaId: req.params.id },
        successMeta: updated => ({ revision: String(updated.revision) }),
      },
      () =>
        slas.patch(req.params.id, req.body, {
          ...ctx,
          ifMatch: req.header('if-match'),
        }),
    );
    sendVersioned(res, sla);
  });

  router.get('/slas/:id/revisions', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    res.json(
      await fetch(req, { queryType: 'revisions', slaId: id }, () =>
        slas.revisions(id, ctx),
      ),
    );
  });

  router.get('/slas/:id/history', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    const query = parseInput(historyQuerySchema, req.query, 'query');
    res.json(
      await fetch(req, { queryType: 'history', slaId: id }, () =>
        slas.history(id, query, ctx),
      ),
    );
  });

  router.get('/slas/:id/alignment', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    res.json(
      await fetch(req, { queryType: 'alignment', slaId: id }, () =>
        slas.alignment(id, ctx),
      ),
    );
  });

  return router;
}
