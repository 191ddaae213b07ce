import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  IncidentTrend,
  incidentTrendQuerySchema,
} from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { withAudit } from '../../records/audit';
import { credentialsOf } from '../../records/http';
import { parseInput, withArrays } from '../../records/parse';
import { csvField } from '../service-levels/slaReportCsv';
import type { IncidentTrendService } from './IncidentTrendService';

/** The audit event of the trend report (a read: low). */
export const incidentTrendAuditEvent = {
  eventId: 'incident-trend-fetch',
  severityLevel: 'low',
} as const;

/**
 * The report as CSV (RFC 4180, CRLF line ends): `key,total,<period start>...`, then one line
 * per row; cells a spreadsheet would run as a formula are defused.
 */
export function incidentTrendCsv(trend: IncidentTrend): string {
  const lines = [
    ['key', 'total', ...trend.periods],
    ...trend.rows.map(row => [row.key, row.total, ...row.counts]),
  ];
  return `${lines.map(line => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A file name for the download, e.g. `incident-trends-entity-week-2026-01-05-2026-03-30.csv`. */
export function incidentTrendFileName(trend: IncidentTrend): string {
  return `incident-trends-${trend.groupBy}-${trend.interval}-${trend.from.slice(
    0,
    10,
  )}-${trend.to.slice(0, 10)}.csv`;
}

/**
 * `GET /reports/incident-trends`: JSON, or CSV with `format=csv` or `Accept: text/csv`
 * (`format` wins when given). Audited as a read.
 */
export function createIncidentTrendRouter(options: {
  trends: IncidentTrendService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { trends, httpAuth, auditor } = options;
  const router = Router();

  router.get('/reports/incident-trends', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const query = parseInput(
      incidentTrendQuerySchema,
      withArrays(req.query, ['entityRef']),
      'query',
    );
    const trend = await withAudit(
      auditor,
      {
        ...incidentTrendAuditEvent,
        request: req,
        meta: {
          queryType: 'incident-trends',
          groupBy: query.groupBy,
          interval: query.interval,
          ...(query.entityRef ? { entityRef: query.entityRef } : {}),
        },
        successMeta: result => ({ from: result.from, to: result.to }),
      },
      () => trends.report(query, ctx),
    );
    res.setHeader('Cache-Control', 'no-store');
    const csv =
      query.format === undefined
        ? req.accepts(['application/json', 'text/csv']) === 'text/csv'
        : query.format === 'csv';
    if (csv) {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${incidentTrendFileName(trend)}"`,
      );
      res.send(incidentTrendCsv(trend));
      return;
    }
    res.json(trend);
  });

  return router;
}
