import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { auditEvents, withAudit } from '../../records/audit';
import { BreachService, breachListQuerySchema } from './BreachService';
import { historyQuerySchema } from '../changes/changeSchemas';
import { credentialsOf, sendVersioned } from '../../records/http';
import { parseInput, withArrays } from '../../records/parse';

/** HTTP routes of the breach register: list, get, PATCH (cause, action, waiver), history. */
export function createBreachesRouter(options: {
  breaches: BreachService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { breaches, httpAuth, auditor } = options;
  const router = Router();

  router.get('/breaches', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const query = parseInput(
      breachListQuerySchema,
      withArrays(req.query, ['entityRef']),
      'query',
    );
    res.json(
      await withAudit(
        auditor,
        {
          ...auditEvents.breachFetch,
          request: req,
          meta: { queryType: 'all' },
        },
        () => breaches.list(query, ctx),
      ),
    );
  });

  router.get('/breaches/:id', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    sendVersioned(
      res,
      await withAudit(
        auditor,
        {
          ...auditEvents.breachFetch,
          request: req,
          meta: { queryType: 'by-id', breachId: id },
        },
        () => breaches.get(id, ctx),
      ),
    );
  });

  router.get('/breaches/:id/history', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    const query = parseInput(historyQuerySchema, req.query, 'query');
    res.json(
      await withAudit(
        auditor,
        {
          ...auditEvents.breachFetch,
          request: req,
          meta: { queryType: 'history', breachId: id },
        },
        () => breaches.history(id, query, ctx),
      ),
    );
  });

  router.patch('/breaches/:id', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    sendVersioned(
      res,
      await withAudit(
        auditor,
        {
          ...auditEvents.breachMutate,
          request: req,
          meta: { actionType: 'update', breachId: id },
        },
        () =>
          breaches.patch(id, req.body, {
            ...ctx,
            ifMatch: req.header('if-match'),
          }),
      ),
    );
  });

  return router;
}
