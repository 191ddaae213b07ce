import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { withAudit } from '../../records/audit';
import { changeAuditEvents as auditEvents } from './changeAudit';
import { ChangeInsights } from './ChangeInsights';
import { ChangeService } from './ChangeService';
import { credentialsOf, sendVersioned } from '../../records/http';

/** HTTP routes of change approvals: votes (no `If-Match`) and the caller's queue. */
export function createChangeApprovalsRouter(options: {
  changes: ChangeService;
  changeInsights: ChangeInsights;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { changes, changeInsights, httpAuth, auditor } = options;
  const router = Router();

  router.post('/changes/:id/approvals', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const change = await withAudit(
      auditor,
      {
        ...auditEvents.changeMutate,
        request: req,
        meta: {
          actionType: 'approval',
          changeId: req.params.id,
          decision: String(req.body?.decision),
        },
      },
      () => changes.decide(req.params.id, req.body, ctx),
    );
    sendVersioned(res, change);
  });

  router.get('/approval-queue', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.json(
      await withAudit(
        auditor,
        {
          ...auditEvents.changeFetch,
          request: req,
          meta: { queryType: 'approval-queue' },
        },
        () => changeInsights.approvalQueue(ctx),
      ),
    );
  });

  return router;
}
