import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { MethodNotAllowedError } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import { ImpactAnalyzer } from '../catalog/ImpactAnalyzer';
import { ChangeInsights } from '../domain/ChangeInsights';
import { ChangeService } from '../domain/ChangeService';
import { ChangeTemplateService } from '../domain/ChangeTemplateService';
import { IncidentService } from '../domain/IncidentService';
import { AgreementService } from '../domain/AgreementService';
import { SupportingAgreementService } from '../domain/SupportingAgreementService';
import { spec } from '../schema/openapi.generated';
import { CalendarService } from '../domain/CalendarService';
import { createCalendarsRouter } from './calendars';
import { createChangeApprovalsRouter } from './changeApprovals';
import { createChangeCalendarRouter } from './changeCalendar';
import { createChangesRouter } from './changes';
import { createChangeTemplatesRouter } from './changeTemplates';
import { createImpactRouter } from './impact';
import { createIncidentActionsRouter } from './incidentActions';
import { createIncidentsRouter } from './incidents';
import { createServiceHealthRouter } from './serviceHealth';
import { BreachService } from '../domain/BreachService';
import { SlaReportService } from '../domain/SlaReportService';
import { createBreachesRouter } from './breaches';
import { createReportsRouter } from './reports';
import { createSlasRouter } from './slas';
import { createSupportingAgreementsRouter } from './supportingAgreements';

/** Largest accepted request body; larger ones are a 400, never a crash. */
export const BODY_LIMIT = '1mb';

/** Answers 405 with an `Allow` header for undeclared methods on the spec's paths. */
function methodNotAllowed(paths: Record<string, object>): express.Router {
  const router = express.Router();
  for (const [path, operations] of Object.entries(paths)) {
    const allow = Object.keys(operations)
      .filter(key => key !== 'parameters')
      .map(method => method.toUpperCase());
    router.all(path.replace(/\{(\w+)\}/g, ':$1'), (req, res) => {
      res.setHeader('Allow', allow.join(', '));
      throw new MethodNotAllowedError(
        `${req.method} is not allowed here; use ${allow.join(', ')}`,
      );
    });
  }
  return router;
}

/** The plugin's REST API: validated against the OpenAPI spec, one sub-router per practice. */
export async function createRouter(options: {
  incidents: IncidentService;
  changes: ChangeService;
  changeInsights: ChangeInsights;
  changeTemplates: ChangeTemplateService;
  impactAnalyzer: ImpactAnalyzer;
  slas: AgreementService;
  supportingAgreements: SupportingAgreementService;
  calendarService: CalendarService;
  breaches: BreachService;
  slaReports: SlaReportService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): Promise<express.Router> {
  // The validator resolves $refs in place, so it gets its own copy of the spec.
  const router = createValidatedOpenApiRouter(structuredClone(spec), {
    middleware: [express.json({ limit: BODY_LIMIT })],
  });
  router.use(createIncidentsRouter(options));
  router.use(createIncidentActionsRouter(options));
  router.use(createServiceHealthRouter(options));
  router.use(createImpactRouter(options));
  router.use(createChangesRouter(options));
  router.use(createChangeApprovalsRouter(options));
  router.use(createChangeCalendarRouter(options));
  router.use(createChangeTemplatesRouter(options));
  router.use(createCalendarsRouter(options));
  router.use(createSlasRouter(options));
  router.use(createSupportingAgreementsRouter(options));
  router.use(createBreachesRouter(options));
  router.use(createReportsRouter(options));
  router.use(methodNotAllowed(spec.paths));
  return router;
}
