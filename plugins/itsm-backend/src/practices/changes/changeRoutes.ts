import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { changeCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import { createRecordRoutes } from '../../records/routes';
import { changeAuditEvents } from './changeAudit';
import { ChangeService } from './ChangeService';
import { changeListQuerySchema } from './changeSchemas';

const MULTI_VALUE_FILTERS = [
  'entityRef',
  'status',
  'type',
  'risk',
  'requester',
] as const;

/** HTTP routes of changes: list, submit, read, edit, move, history (the kernel's record routes). */
export function createChangesRouter(options: {
  changes: ChangeService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  return createRecordRoutes({
    path: '/changes',
    idMeta: 'changeId',
    events: {
      fetch: changeAuditEvents.changeFetch,
      mutate: changeAuditEvents.changeMutate,
    },
    service: options.changes,
    listQuerySchema: changeListQuerySchema,
    arrayParams: MULTI_VALUE_FILTERS,
    createSchema: changeCreateSchema,
    createMeta: input => ({ type: input.type }),
    httpAuth: options.httpAuth,
    auditor: options.auditor,
  }).router;
}
