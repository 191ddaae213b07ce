import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { supportingAgreementCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { withAudit } from '../audit';
import { supportingAgreementListQuerySchema } from '../domain/agreementViews';
import { historyQuerySchema } from '../domain/changeSchemas';
import { SupportingAgreementService } from '../domain/SupportingAgreementService';
import { credentialsOf, sendVersioned } from './http';
import { parseInput, withArrays } from './parse';
import { agreementAuditEvents } from './slas';

/** HTTP routes of operational level agreements and underpinning contracts. */
export function createSupportingAgreementsRouter(options: {
  supportingAgreements: SupportingAgreementService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { supportingAgreements: agreements, httpAuth, auditor } = options;
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

  router.get('/supporting-agreements', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const query = parseInput(
      supportingAgreementListQuerySchema,
      withArrays(req.query, ['entityRef', 'slaId', 'kind']),
      'query',
    );
    res.json(
      await fetch(req, { queryType: 'all' }, () => agreements.list(query, ctx)),
    );
  });

  router.post('/supporting-agreements', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const input = parseInput(supportingAgreementCreateSchema, req.body, 'body');
    const agreement = await withAudit(
      auditor,
      {
        ...agreementAuditEvents.mutate,
        request: req,
        meta: { actionType: 'create', entityRef: input.entityRef },
        successMeta: created => ({ agreementId: created.id }),
      },
      () => agreements.create(input, ctx),
    );
    sendVersioned(res, agreement, 201);
  });

  router.get('/supporting-agreements/:id', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    sendVersioned(
      res,
      await fetch(req, { queryType: 'by-id', agreementId: id }, () =>
        agreements.get(id, ctx),
      ),
    );
  });

  router.patch('/supporting-agreements/:id', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const agreement = await withAudit(
      auditor,
      {
        ...agreementAuditEvents.mutate,
        request: req,
        meta: { actionType: 'update', agreementId: req.params.id },
        successMeta: updated => ({ revision: String(updated.revision) }),
      },
      () =>
        agreements.patch(req.params.id, req.body, {
          ...ctx,
          ifMatch: req.header('if-match'),
        }),
    );
    sendVersioned(res, agreement);
  });

  router.get('/supporting-agreements/:id/revisions', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    res.json(
      await fetch(req, { queryType: 'revisions', agreementId: id }, () =>
        agreements.revisions(id, ctx),
      ),
    );
  });

  router.get('/supporting-agreements/:id/history', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    const query = parseInput(historyQuerySchema, req.query, 'query');
    res.json(
      await fetch(req, { queryType: 'history', agreementId: id }, () =>
        agreements.history(id, query, ctx),
      ),
    );
  });

  return router;
}
