import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  knownErrorCreateSchema,
  knownErrorListQuerySchema,
  problemCreatePermission,
  problemCreateSchema,
  problemListQuerySchema,
} from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { requireBasic } from '../../records/access';
import { withAudit } from '../../records/audit';
import { credentialsOf } from '../../records/http';
import { parseInput } from '../../records/parse';
import { createRecordRoutes } from '../../records/routes';
import { csvField } from '../service-levels/slaReportCsv';
import type { KnownErrorService } from './KnownErrorService';
import type { ProblemDetectionJob } from './ProblemDetectionJob';
import type { ProblemService } from './ProblemService';
import { problemAuditEvents as events } from './problemAudit';

const PROBLEM_FILTERS = [
  'entityRef',
  'status',
  'origin',
  'priority',
  'owner',
  'category',
] as const;

const reportQuerySchema = z.strictObject({
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  format: z.enum(['json', 'csv']).optional(),
});

/** Whether the caller asked for CSV (`format=csv` or `Accept: text/csv`). */
export function wantsCsv(req: express.Request, format?: string): boolean {
  if (format) return format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/**
 * HTTP routes of problem management: the kernel's record routes for problems, the linked
 * incidents (with who and why), effectiveness, a detection run, and the effectiveness report.
 */
export function createProblemsRouter(options: {
  problems: ProblemService;
  detection: ProblemDetectionJob;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { problems, detection, httpAuth, auditor } = options;
  const outer = Router();

  outer.post('/problem-detection/runs', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const result = await withAudit(
      auditor,
      {
        ...events.problemMutate,
        request: req,
        meta: { actionType: 'detect' },
      },
      async () => {
        await requireBasic(
          problems.access.permissions,
          problemCreatePermission,
          ctx.credentials,
        );
        return detection.run();
      },
    );
    res.json(result);
  });

  outer.get('/problem-counts', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await withAudit(
        auditor,
        {
          ...events.problemFetch,
          request: req,
          meta: { queryType: 'counts' },
        },
        () => problems.counts(req.query, ctx),
      ),
    );
  });

  outer.get('/reports/problem-effectiveness', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const query = parseInput(reportQuerySchema, req.query, 'query');
    const rows = await withAudit(
      auditor,
      {
        ...events.problemFetch,
        request: req,
        meta: { queryType: 'effectiveness-report' },
      },
      () => problems.effectivenessReport(query, ctx),
    );
    res.setHeader('Cache-Control', 'no-store');
    if (wantsCsv(req, query.format)) {
      const header = [
        'problem',
        'title',
        'closure_code',
        'resolved_at',
        'window_days',
        'before_from',
        'before_count',
        'after_to',
        'after_count',
        'partial',
        'verdict',
        'reduction',
      ];
      const lines = rows.map(row =>
        [
          row.problemId,
          row.title,
          row.closureCode,
          row.resolvedAt,
          row.effectiveness.windowDays,
          row.effectiveness.before.from,
          row.effectiveness.before.count,
          row.effectiveness.after.to,
          row.effectiveness.after.count,
          String(row.effectiveness.partial),
          row.effectiveness.verdict,
          row.effectiveness.reduction,
        ]
          .map(csvField)
          .join(','),
      );
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader(
        'Content-Disposition',
        'attachment; filename="problem-effectiveness.csv"',
      );
      res.send(`${[header.join(','), ...lines].join('\r\n')}\r\n`);
      return;
    }
    res.json({ items: rows });
  });

  const { router, fetch, mutate } = createRecordRoutes({
    path: '/problems',
    idMeta: 'problemId',
    events: { fetch: events.problemFetch, mutate: events.problemMutate },
    service: problems,
    listQuerySchema: problemListQuerySchema,
    arrayParams: PROBLEM_FILTERS,
    createSchema: problemCreateSchema,
    createMeta: input => ({ entityRef: input.entityRefs[0] }),
    httpAuth,
    auditor,
  });

  router.get('/problems/:id/incidents', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.json(
      await fetch(
        req,
        { queryType: 'incidents', problemId: req.params.id },
        () => problems.incidents(req.params.id, ctx),
      ),
    );
  });

  router.post('/problems/:id/incidents', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const link = await mutate(req, 'link-incident', () =>
      problems.linkIncident(req.params.id, req.body, ctx),
    );
    res.status(201).json(link);
  });

  router.get('/problems/:id/effectiveness', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await fetch(
        req,
        { queryType: 'effectiveness', problemId: req.params.id },
        () => problems.effectiveness(req.params.id, ctx),
      ),
    );
  });

  outer.use(router);
  return outer;
}

/**
 * HTTP routes of the known-error database: the matches offered while an incident is reported
 * (mounted first, so `matches` is not taken for an id), the kernel's record routes, and the
 * offers and applied workarounds.
 */
export function createKnownErrorsRouter(options: {
  knownErrors: KnownErrorService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { knownErrors, httpAuth, auditor } = options;
  const outer = Router();
  outer.get('/known-errors/matches', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await withAudit(
        auditor,
        {
          ...events.knownErrorFetch,
          request: req,
          meta: { queryType: 'matches' },
        },
        () => knownErrors.matches(req.query, ctx),
      ),
    );
  });

  const { router, mutate } = createRecordRoutes({
    path: '/known-errors',
    idMeta: 'knownErrorId',
    events: { fetch: events.knownErrorFetch, mutate: events.knownErrorMutate },
    service: knownErrors,
    listQuerySchema: knownErrorListQuerySchema,
    arrayParams: ['entityRef', 'status'],
    createSchema: knownErrorCreateSchema,
    createMeta: (input: { entityRefs: string[] }) => ({
      entityRef: input.entityRefs[0],
    }),
    httpAuth,
    auditor,
  });

  router.post('/known-errors/:id/uses', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.json(
      await mutate(req, 'use', () =>
        knownErrors.recordUse(req.params.id, req.body, ctx),
      ),
    );
  });

  outer.use(router);
  return outer;
}
