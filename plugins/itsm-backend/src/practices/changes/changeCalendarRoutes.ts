import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { withAudit } from '../../records/audit';
import { changeAuditEvents as auditEvents } from './changeAudit';
import { ChangeInsights } from './ChangeInsights';
import {
  changeAssessmentSchema,
  changeCalendarQuerySchema,
  changeStatsQuerySchema,
} from './changeSchemas';
import { credentialsOf } from '../../records/http';
import { parseInput, withArrays } from '../../records/parse';

/** HTTP routes across changes: the calendar, assessments before submission, failure figures. */
export function createChangeCalendarRouter(options: {
  changeInsights: ChangeInsights;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { changeInsights, httpAuth, auditor } = options;
  const router = Router();

  const fetch = <T>(
    req: express.Request,
    queryType: string,
    fn: () => Promise<T>,
  ) =>
    withAudit(
      auditor,
      { ...auditEvents.changeFetch, request: req, meta: { queryType } },
      fn,
    );

  router.get('/change-calendar', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const query = parseInput(
      changeCalendarQuerySchema,
      withArrays(req.query, ['entityRef', 'owner', 'system']),
      'query',
    );
    res.json(
      await fetch(req, 'calendar', () => changeInsights.calendar(query, ctx)),
    );
  });

  // An assessment writes nothing; it is audited as a read.
  router.post('/change-assessments', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const input = parseInput(changeAssessmentSchema, req.body, 'body');
    res.json(
      await fetch(req, 'assessment', () => changeInsights.assess(input, ctx)),
    );
  });

  router.get('/change-stats', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const query = parseInput(changeStatsQuerySchema, req.query, 'query');
    res.json(await fetch(req, 'stats', () => changeInsights.stats(query, ctx)));
  });

  return router;
}
