import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  surveyCreateSchema,
  surveyListQuerySchema,
  surveyTemplateCreateSchema,
} from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { withAudit } from '../../records/audit';
import { credentialsOf } from '../../records/http';
import { createRecordRoutes } from '../../records/routes';
import type { SatisfactionService } from './SatisfactionService';
import type { SurveyService, SurveyTemplateCreateInput } from './SurveyService';
import { satisfactionAuditEvents as events } from './satisfactionAudit';

/**
 * HTTP routes of customer satisfaction: the kernel's record routes for campaigns (`/surveys`)
 * and templates (`/survey-templates`), the responses (`POST /surveys/{id}/responses`,
 * `POST /incidents/{id}/satisfaction`), the caller's invitations and the figures.
 */
export function createSatisfactionRouter(options: {
  surveys: SurveyService;
  satisfaction: SatisfactionService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { surveys, satisfaction, httpAuth, auditor } = options;
  const outer = Router();

  const read = (
    req: express.Request,
    queryType: string,
    fn: () => Promise<unknown>,
  ) =>
    withAudit(
      auditor,
      { ...events.satisfactionFetch, request: req, meta: { queryType } },
      fn,
    );

  const respond = (
    req: express.Request,
    meta: Record<string, string>,
    fn: () => Promise<unknown>,
  ) => withAudit(auditor, { ...events.surveyRespond, request: req, meta }, fn);

  outer.get('/satisfaction', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await read(req, 'overview', () => satisfaction.overview(req.query, ctx)),
    );
  });

  outer.get('/satisfaction/summary', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await read(req, 'summary', () => satisfaction.summary(req.query, ctx)),
    );
  });

  outer.get('/survey-invitations', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await read(req, 'invitations', () =>
        satisfaction.invitations(req.query, ctx),
      ),
    );
  });

  outer.post('/incidents/:id/satisfaction', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const response = await respond(req, { incidentId: req.params.id }, () =>
      satisfaction.respondToIncident(req.params.id, req.body, ctx),
    );
    res.status(201).json(response);
  });

  const templates = createRecordRoutes({
    path: '/survey-templates',
    idMeta: 'templateId',
    events: { fetch: events.surveyFetch, mutate: events.surveyMutate },
    service: {
      list: (query, ctx) => surveys.listTemplates(query, ctx),
      create: (input: SurveyTemplateCreateInput, ctx) =>
        surveys.createTemplate(input, ctx),
      get: (id, ctx) => surveys.getTemplate(id, ctx),
      patch: (id, body, ctx) => surveys.patchTemplate(id, body, ctx),
      history: (id, query, ctx) => surveys.templateHistory(id, query, ctx),
    },
    createSchema: surveyTemplateCreateSchema,
    createMeta: input => ({ templateId: input.id }),
    httpAuth,
    auditor,
  });
  outer.use(templates.router);

  const campaigns = createRecordRoutes({
    path: '/surveys',
    idMeta: 'surveyId',
    events: { fetch: events.surveyFetch, mutate: events.surveyMutate },
    service: surveys,
    listQuerySchema: surveyListQuerySchema,
    arrayParams: ['entityRef', 'status'],
    createSchema: surveyCreateSchema,
    createMeta: input => ({ entityRef: input.entityRef }),
    httpAuth,
    auditor,
  });
  campaigns.router.post('/surveys/:id/responses', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const response = await respond(req, { surveyId: req.params.id }, () =>
      satisfaction.respondToSurvey(req.params.id, req.body, ctx),
    );
    res.status(201).json(response);
  });
  outer.use(campaigns.router);
  return outer;
}
