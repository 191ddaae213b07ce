import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { changeTemplateCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import { createRecordRoutes } from '../../records/routes';
import { changeAuditEvents } from './changeAudit';
import { ChangeTemplateService } from './ChangeTemplateService';
import { changeTemplateListQuerySchema } from './changeSchemas';

/** HTTP routes of standard change templates: list, create, get, PATCH, history. */
export function createChangeTemplatesRouter(options: {
  changeTemplates: ChangeTemplateService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  return createRecordRoutes({
    path: '/change-templates',
    idMeta: 'templateId',
    events: {
      fetch: changeAuditEvents.changeTemplateFetch,
      mutate: changeAuditEvents.changeTemplateMutate,
    },
    service: options.changeTemplates,
    listQuerySchema: changeTemplateListQuerySchema,
    arrayParams: ['entityRef'],
    createSchema: changeTemplateCreateSchema,
    httpAuth: options.httpAuth,
    auditor: options.auditor,
  }).router;
}
