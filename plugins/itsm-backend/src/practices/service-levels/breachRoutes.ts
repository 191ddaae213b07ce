import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { createRecordRoutes } from '../../records/routes';
import { BreachService, breachListQuerySchema } from './BreachService';
import { serviceLevelAuditEvents } from './serviceLevelAudit';

/** HTTP routes of the breach register: list, get, PATCH (cause, action, waiver), history. */
export function createBreachesRouter(options: {
  breaches: BreachService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { breaches } = options;
  return createRecordRoutes({
    path: '/breaches',
    idMeta: 'breachId',
    events: {
      fetch: serviceLevelAuditEvents.breachFetch,
      mutate: serviceLevelAuditEvents.breachMutate,
    },
    // The register is written by the SLA monitor; people list, read and annotate it.
    service: {
      list: (query, ctx) => breaches.list(query, ctx),
      get: (id, ctx) => breaches.get(id, ctx),
      patch: (id, body, ctx) => breaches.patch(id, body, ctx),
      history: (id, query, ctx) => breaches.history(id, query, ctx),
    },
    listQuerySchema: breachListQuerySchema,
    arrayParams: ['entityRef'],
    httpAuth: options.httpAuth,
    auditor: options.auditor,
  }).router;
}
