import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  complaintCreateSchema,
  complaintListQuerySchema,
} from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import { createRecordRoutes } from '../../records/routes';
import type { ComplaintService } from './ComplaintService';
import { complaintAuditEvents as events } from './complaintAudit';

/**
 * HTTP routes of complaints: the kernel's record routes (list, create, get, PATCH,
 * transitions, history); the link routes come from the kernel's link registry.
 */
export function createComplaintsRouter(options: {
  complaints: ComplaintService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { router } = createRecordRoutes({
    path: '/complaints',
    idMeta: 'complaintId',
    events: { fetch: events.complaintFetch, mutate: events.complaintMutate },
    service: options.complaints,
    listQuerySchema: complaintListQuerySchema,
    arrayParams: ['entityRef', 'status', 'owner', 'complainant'],
    createSchema: complaintCreateSchema,
    createMeta: input => ({ entityRef: input.entityRef }),
    httpAuth: options.httpAuth,
    auditor: options.auditor,
  });
  return router;
}
