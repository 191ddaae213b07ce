import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { slaCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import { AgreementService } from './AgreementService';
import { slaListQuerySchema } from './agreementViews';
import { credentialsOf } from '../../records/http';
import { createAgreementRoutes } from './agreementRoutes';

export { agreementAuditEvents } from './agreementRoutes';

/** HTTP routes of service level agreements, and the alignment of what underpins them. */
export function createSlasRouter(options: {
  slas: AgreementService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { slas, httpAuth } = options;
  const { router, fetch } = createAgreementRoutes({
    path: '/slas',
    idMeta: 'slaId',
    service: slas,
    listQuerySchema: slaListQuerySchema,
    arrayParams: ['entityRef'],
    createSchema: slaCreateSchema,
    httpAuth,
    auditor: options.auditor,
  });

  router.get('/slas/:id/alignment', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    res.json(
      await fetch(req, { queryType: 'alignment', slaId: id }, () =>
        slas.alignment(id, ctx),
      ),
    );
  });

  return router;
}
