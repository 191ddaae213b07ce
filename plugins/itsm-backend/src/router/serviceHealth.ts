import { HttpAuthService } from '@backstage/backend-plugin-api';
import { entityRefSchema } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { IncidentService } from '../domain/IncidentService';
import { parseInput } from './parse';

const serviceHealthQuerySchema = z.strictObject({ entityRef: entityRefSchema });

/**
 * HTTP routes of service health. Not audited: entity pages poll them, and the
 * answer is an aggregate, not a record.
 */
export function createServiceHealthRouter(options: {
  incidents: IncidentService;
  httpAuth: HttpAuthService;
}): express.Router {
  const { incidents, httpAuth } = options;
  const router = Router();

  router.get('/service-health', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { entityRef } = parseInput(
      serviceHealthQuerySchema,
      req.query,
      'query',
    );
    res.json(await incidents.getServiceHealth(entityRef, { credentials }));
  });

  return router;
}
