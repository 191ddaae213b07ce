import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { auditEvents, withAudit } from '../../records/audit';
import { IncidentService } from './IncidentService';
import {
  incidentCreateSchema,
  incidentListQuerySchema,
} from '@backstage-itsm/plugin-itsm-common';
import { parseInput, withArrays } from '../../records/parse';

const MULTI_VALUE_FILTERS = [
  'entityRef',
  'status',
  'priority',
  'assignee',
  'assignmentGroup',
  'causedByChangeId',
] as const;

const historyQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** HTTP routes of incident management: credentials, input, one service call. */
export function createIncidentsRouter(options: {
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

  router.get('/incidents', async (req, res) => {
    const ctx = await credentialsOf(req);
    const query = parseInput(
      incidentListQuerySchema,
      withArrays(req.query, MULTI_VALUE_FILTERS),
      'query',
    );
    const page = await withAudit(
      auditor,
      {
        ...auditEvents.incidentFetch,
        request: req,
        meta: { queryType: 'all' },
      },
      () => incidents.list(query, ctx),
    );
    res.json(page);
  });

  router.post('/incidents', async (req, res) => {
    const ctx = await credentialsOf(req);
    const input = parseInput(incidentCreateSchema, req.body, 'body');
    const incident = await withAudit(
      auditor,
      {
        ...auditEvents.incidentMutate,
        request: req,
        meta: { actionType: 'create', entityRef: input.entityRef },
        successMeta: created => ({ incidentId: created.id }),
      },
      () => incidents.create(input, ctx),
    );
    res.status(201).json(incident);
  });

  router.get('/incidents/:id', async (req, res) => {
    const ctx = await credentialsOf(req);
    const { id } = req.params;
    const incident = await withAudit(
      auditor,
      {
        ...auditEvents.incidentFetch,
        request: req,
        meta: { queryType: 'by-id', incidentId: id },
      },
      () => incidents.get(id, ctx),
    );
    res.setHeader('ETag', `"${incident.version}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.json(incident);
  });

  router.get('/incidents/:id/history', async (req, res) => {
    const ctx = await credentialsOf(req);
    const { id } = req.params;
    const query = parseInput(historyQuerySchema, req.query, 'query');
    const page = await withAudit(
      auditor,
      {
        ...auditEvents.incidentFetch,
        request: req,
        meta: { queryType: 'history', incidentId: id },
      },
      () => incidents.history(id, query, ctx),
    );
    res.json(page);
  });

  return router;
}
