import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { entityRefSchema } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { withAudit } from '../../records/audit';
import { serviceLevelAuditEvents as auditEvents } from './serviceLevelAudit';
import { SlaReportService } from './SlaReportService';
import { slaReportCsv, slaReportFileName } from './slaReportCsv';
import { credentialsOf } from '../../records/http';
import { parseInput } from '../../records/parse';

const period = {
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
};
const slaReportQuerySchema = z.strictObject({
  entityRef: entityRefSchema,
  ...period,
});
const portfolioQuerySchema = z.strictObject(period);

/** HTTP routes of SLA reports: JSON, or CSV with `Accept: text/csv`. */
export function createReportsRouter(options: {
  slaReports: SlaReportService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { slaReports, httpAuth, auditor } = options;
  const router = Router();

  router.get('/reports/sla', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const query = parseInput(slaReportQuerySchema, req.query, 'query');
    const report = await withAudit(
      auditor,
      {
        ...auditEvents.slaReportFetch,
        request: req,
        meta: { queryType: 'service', entityRef: query.entityRef },
      },
      () => slaReports.report(query, ctx),
    );
    res.setHeader('Cache-Control', 'no-store');
    if (req.accepts(['application/json', 'text/csv']) === 'text/csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${slaReportFileName(report)}"`,
      );
      res.send(slaReportCsv(report));
      return;
    }
    res.json(report);
  });

  router.get('/reports/sla-portfolio', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const query = parseInput(portfolioQuerySchema, req.query, 'query');
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await withAudit(
        auditor,
        {
          ...auditEvents.slaReportFetch,
          request: req,
          meta: { queryType: 'portfolio' },
        },
        () => slaReports.portfolio(query, ctx),
      ),
    );
  });

  return router;
}
