import { HttpAuthService } from '@backstage/backend-plugin-api';
import { entityRefSchema } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { IncidentService } from './IncidentService';
import { SlaReportService } from '../service-levels/SlaReportService';
import { parseInput } from '../../records/parse';

const serviceHealthQuerySchema = z.strictObject({ entityRef: entityRefSchema });

/**
 * HTTP routes of service health. Not audited: entity pages poll them, and the
 * answer is an aggregate, not a record.
 */
export function createServiceHealthRouter(options: {
  incidents: IncidentService;
  slaReports: SlaReportService;
  httpAuth: HttpAuthService;
}): express.Router {
  const { incidents, slaReports, httpAuth } = options;
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
    // Incident figures first: they check that the caller may read incidents.
    const health = await incidents.getServiceHealth(entityRef, { credentials });
    res.json({
      ...health,
      sla: await slaReports.healthSla(entityRef, { credentials }),
    });
  });

  return router;
}
