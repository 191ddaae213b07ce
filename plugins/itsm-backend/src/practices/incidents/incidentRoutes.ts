import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import {
  incidentCreateSchema,
  incidentListQuerySchema,
} from '@backstage-itsm/plugin-itsm-common';
import { credentialsOf } from '../../records/http';
import { createRecordRoutes } from '../../records/routes';
import { incidentAuditEvents } from './incidentAudit';
import { IncidentService } from './IncidentService';

const MULTI_VALUE_FILTERS = [
  'entityRef',
  'status',
  'priority',
  'assignee',
  'assignmentGroup',
  'causedByChangeId',
] as const;

/**
 * HTTP routes of incident management: the kernel's record routes (list, create, get, edit and
 * move with `If-Match`, history), work notes and major-incident status updates (without), and
 * the controlled categories (mounted first, so `categories` is not taken for an incident id).
 */
export function createIncidentsRouter(options: {
  incidents: IncidentService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { incidents, httpAuth } = options;
  const outer = Router();
  outer.get('/incidents/categories', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.json(await incidents.categories(ctx));
  });

  const { router, mutate } = createRecordRoutes({
    path: '/incidents',
    idMeta: 'incidentId',
    events: {
      fetch: incidentAuditEvents.incidentFetch,
      mutate: incidentAuditEvents.incidentMutate,
    },
    service: incidents,
    listQuerySchema: incidentListQuerySchema,
    arrayParams: MULTI_VALUE_FILTERS,
    createSchema: incidentCreateSchema,
    createMeta: input => ({ entityRef: input.entityRef }),
    httpAuth,
    auditor: options.auditor,
  });

  router.post('/incidents/:id/work-notes', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const event = await mutate(req, 'work-note', () =>
      incidents.addWorkNote(req.params.id, req.body, ctx),
    );
    res.status(201).json(event);
  });

  router.post('/incidents/:id/updates', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const event = await mutate(req, 'status-update', () =>
      incidents.addStatusUpdate(req.params.id, req.body, ctx),
    );
    res.status(201).json(event);
  });

  outer.use(router);
  return outer;
}
