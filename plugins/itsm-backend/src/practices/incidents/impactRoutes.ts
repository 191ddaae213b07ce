import { HttpAuthService } from '@backstage/backend-plugin-api';
import { entityRefSchema } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  DEFAULT_IMPACT_DEPTH,
  ImpactAnalyzer,
  MAX_IMPACT_DEPTH,
} from '../../catalog/ImpactAnalyzer';
import { parseInput } from '../../records/parse';

const impactQuerySchema = z.strictObject({
  entityRef: entityRefSchema,
  direction: z.enum(['downstream', 'upstream']).default('downstream'),
  depth: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_IMPACT_DEPTH)
    .default(DEFAULT_IMPACT_DEPTH),
});

/**
 * `GET /impact`: the blast radius (downstream) or the dependencies (upstream)
 * of a catalog entity, read with the caller's credentials. Not audited: it reads the catalog,
 * not ITSM records.
 */
export function createImpactRouter(options: {
  impactAnalyzer: ImpactAnalyzer;
  httpAuth: HttpAuthService;
}): express.Router {
  const { impactAnalyzer, httpAuth } = options;
  const router = Router();

  router.get('/impact', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = parseInput(impactQuerySchema, req.query, 'query');
    // As the caller: the answer names only entities they may see in the catalog.
    res.json(await impactAnalyzer.analyze({ ...query, credentials }));
  });

  return router;
}
