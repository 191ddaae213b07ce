import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { changeTemplateCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { auditEvents, withAudit } from '../../records/audit';
import { ChangeTemplateService } from './ChangeTemplateService';
import {
  changeTemplateListQuerySchema,
  historyQuerySchema,
} from './changeSchemas';
import { credentialsOf, sendVersioned } from '../../records/http';
import { parseInput, withArrays } from '../../records/parse';

/** HTTP routes of standard change templates. */
export function createChangeTemplatesRouter(options: {
  changeTemplates: ChangeTemplateService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { changeTemplates, httpAuth, auditor } = options;
  const router = Router();

  const fetch = <T>(
    req: express.Request,
    meta: Record<string, string>,
    fn: () => Promise<T>,
  ) =>
    withAudit(
      auditor,
      { ...auditEvents.changeTemplateFetch, request: req, meta },
      fn,
    );

  router.get('/change-templates', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const query = parseInput(
      changeTemplateListQuerySchema,
      withArrays(req.query, ['entityRef']),
      'query',
    );
    res.json(
      await fetch(req, { queryType: 'all' }, () =>
        changeTemplates.list(query, ctx),
      ),
    );
  });

  router.post('/change-templates', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const input = parseInput(changeTemplateCreateSchema, req.body, 'body');
    const template = await withAudit(
      auditor,
      {
        ...auditEvents.changeTemplateMutate,
        request: req,
        meta: { actionType: 'create' },
        successMeta: created => ({ templateId: created.id }),
      },
      () => changeTemplates.create(input, ctx),
    );
    sendVersioned(res, template, 201);
  });

  router.get('/change-templates/:id', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    sendVersioned(
      res,
      await fetch(req, { queryType: 'by-id', templateId: id }, () =>
        changeTemplates.get(id, ctx),
      ),
    );
  });

  router.patch('/change-templates/:id', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const template = await withAudit(
      auditor,
      {
        ...auditEvents.changeTemplateMutate,
        request: req,
        meta: { actionType: 'update', templateId: req.params.id },
      },
      () =>
        changeTemplates.patch(req.params.id, req.body, {
          ...ctx,
          ifMatch: req.header('if-match'),
        }),
    );
    sendVersioned(res, template);
  });

  router.get('/change-templates/:id/history', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    const query = parseInput(historyQuerySchema, req.query, 'query');
    res.json(
      await fetch(req, { queryType: 'history', templateId: id }, () =>
        changeTemplates.history(id, query, ctx),
      ),
    );
  });

  return router;
}
