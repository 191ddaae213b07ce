import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { supportingAgreementCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import { supportingAgreementListQuerySchema } from './agreementViews';
import { SupportingAgreementService } from './SupportingAgreementService';
import { createAgreementRoutes } from './agreementRoutes';

/** HTTP routes of operational level agreements and underpinning contracts. */
export function createSupportingAgreementsRouter(options: {
  supportingAgreements: SupportingAgreementService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  return createAgreementRoutes({
    path: '/supporting-agreements',
    idMeta: 'agreementId',
    service: options.supportingAgreements,
    listQuerySchema: supportingAgreementListQuerySchema,
    arrayParams: ['entityRef', 'slaId', 'kind'],
    createSchema: supportingAgreementCreateSchema,
    httpAuth: options.httpAuth,
    auditor: options.auditor,
  }).router;
}
