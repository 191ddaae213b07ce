import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { auditEvents, withAudit } from '../../records/audit';
import { IncidentService } from './IncidentService';

/**
 * HTTP routes that change an incident: edits and lifecycle moves (both with
 * `If-Match`), work notes and major-incident status updates (without).
 */
export function createIncidentActionsRouter(options: {
  incidents: IncidentService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { incidents, httpAuth, auditor } = options;
  const router = Router();

  const credentialsOf = async (req: express.Request) => ({
    credentials: await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    }),
  });

  /** Runs a write as an audited `incident-mutate` event. */
  const mutate = <T>(
    req: express.Request,
    actionType: string,
    fn: () => Promise<T>,
  ) =>
    withAudit(
      auditor,
      {
        ...auditEvents.incidentMutate,
        request: req,
        meta: { actionType, incidentId: req.params.id },
      },
      fn,
    );

  const sendIncident = (
    res: express.Response,
    incident: { version: number },
  ) => {
    res.setHeader('ETag', `"${incident.version}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.json(incident);
  };

  router.patch('/incidents/:id', async (req, res) => {
    const ctx = await credentialsOf(req);
    const incident = await mutate(req, 'update', () =>
      incidents.patch(req.params.id, req.body, {
        ...ctx,
        ifMatch: req.header('if-match'),
      }),
    );
    sendIncident(res, incident);
  });

  router.post('/incidents/:id/transitions', async (req, res) => {
    const ctx = await credentialsOf(req);
    const incident = await mutate(req, 'transition', () =>
      incidents.transition(req.params.id, req.body, {
        ...ctx,
        ifMatch: req.header('if-match'),
      }),
    );
    sendIncident(res, incident);
  });

  router.post('/incidents/:id/work-notes', async (req, res) => {
    const ctx = await credentialsOf(req);
    const event = await mutate(req, 'work-note', () =>
      incidents.addWorkNote(req.params.id, req.body, ctx),
    );
    res.status(201).json(event);
  });

  router.post('/incidents/:id/updates', async (req, res) => {
    const ctx = await credentialsOf(req);
    const event = await mutate(req, 'status-update', () =>
      incidents.addStatusUpdate(req.params.id, req.body, ctx),
    );
    res.status(201).json(event);
  });

  return router;
}
