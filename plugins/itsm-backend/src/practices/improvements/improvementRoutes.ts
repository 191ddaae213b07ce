import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  improvementApprovePermission,
  improvementCreateSchema,
  improvementListQuerySchema,
} from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { credentialsOf, sendVersioned } from '../../records/http';
import { withArrays } from '../../records/parse';
import { createRecordRoutes } from '../../records/routes';
import type { ImprovementService } from './ImprovementService';
import type { ImprovementSuggester } from './suggestions';
import { improvementAuditEvents as events } from './improvementAudit';
import { improvementCsvFileName } from './improvementCsv';

/** Query parameters of the list and the export that may repeat. */
const ARRAY_PARAMS = [
  'entityRef',
  'status',
  'kind',
  'source',
  'owner',
  'verdict',
] as const;

/**
 * HTTP routes of the improvement register: the kernel's record routes (list, create, get,
 * PATCH, transitions, history), the draft from a source, the CSV export, the counts of an
 * entity's open and overdue items, the evaluation of one item and the manual runs of its two
 * jobs. The link routes come from the kernel.
 */
export function createImprovementsRouter(options: {
  improvements: ImprovementService;
  suggester: ImprovementSuggester;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { improvements, suggester, httpAuth, auditor } = options;
  const { router, fetch, mutate, writeContext } = createRecordRoutes({
    path: '/improvements',
    idMeta: 'improvementId',
    events: {
      fetch: events.improvementFetch,
      mutate: events.improvementMutate,
    },
    service: improvements,
    listQuerySchema: improvementListQuerySchema,
    arrayParams: ARRAY_PARAMS,
    createSchema: improvementCreateSchema,
    createMeta: input => ({ source: input.source }),
    httpAuth,
    auditor,
  });
  const outer = Router();

  // Before `/improvements/:id`, which would take `draft` and `export` for ids.
  outer.get('/improvements/draft', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await fetch(req, { queryType: 'draft' }, () =>
        improvements.draft(req.query, ctx),
      ),
    );
  });

  outer.get('/improvements/export', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    // Every matching item, not a page.
    const query = withArrays(req.query, ARRAY_PARAMS);
    delete query.cursor;
    delete query.limit;
    await fetch(req, { queryType: 'export' }, () =>
      improvements.exportCsv(query, ctx, chunk => {
        if (!res.headersSent) {
          res.setHeader('Cache-Control', 'no-store');
          res.setHeader('Content-Type', 'text/csv; charset=utf-8');
          res.setHeader(
            'Content-Disposition',
            `attachment; filename="${improvementCsvFileName(new Date())}"`,
          );
        }
        res.write(chunk);
      }),
    );
    res.end();
  });

  // The service health card's counts; a caller who may not read items gets nulls.
  outer.get('/improvement-counts', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await fetch(req, { queryType: 'counts' }, () =>
        improvements.counts(req.query, ctx),
      ),
    );
  });

  outer.post('/improvements/:id/evaluation', async (req, res) => {
    const ctx = await writeContext(req);
    sendVersioned(
      res,
      await mutate(req, 'evaluate', () =>
        improvements.evaluate(req.params.id, ctx),
      ),
    );
  });

  outer.post('/improvement-evaluations/runs', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.json(
      await mutate(req, 'evaluate-due', async () => {
        await improvements.access.requireUnconditional(
          improvementApprovePermission,
          ctx.credentials,
        );
        return improvements.evaluateDue();
      }),
    );
  });

  outer.post('/improvement-suggestions/runs', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.json(
      await mutate(req, 'suggest', async () => {
        await improvements.access.requireUnconditional(
          improvementApprovePermission,
          ctx.credentials,
        );
        return suggester.run({ now: new Date() });
      }),
    );
  });

  outer.use(router);
  return outer;
}
