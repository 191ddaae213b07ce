import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { MethodNotAllowedError } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import { BODY_LIMIT } from '../records/http';
import { ImpactAnalyzer } from '../catalog/ImpactAnalyzer';
import { ChangeInsights } from '../practices/changes/ChangeInsights';
import { ChangeService } from '../practices/changes/ChangeService';
import { ChangeTemplateService } from '../practices/changes/ChangeTemplateService';
import { IncidentService } from '../practices/incidents/IncidentService';
import { AgreementService } from '../practices/service-levels/AgreementService';
import { SupportingAgreementService } from '../practices/service-levels/SupportingAgreementService';
import { spec } from '../schema/openapi.generated';
import { CalendarService } from '../practices/service-levels/CalendarService';
import { createCalendarsRouter } from '../practices/service-levels/calendarRoutes';
import { createChangeApprovalsRouter } from '../practices/changes/changeApprovalRoutes';
import { createChangeCalendarRouter } from '../practices/changes/changeCalendarRoutes';
import { createChangesRouter } from '../practices/changes/changeRoutes';
import { createChangeTemplatesRouter } from '../practices/changes/changeTemplateRoutes';
import { createImpactRouter } from '../practices/incidents/impactRoutes';
import { createIncidentActionsRouter } from '../practices/incidents/incidentActionRoutes';
import { createIncidentsRouter } from '../practices/incidents/incidentRoutes';
import { createServiceHealthRouter } from '../practices/incidents/serviceHealthRoutes';
import { BreachService } from '../practices/service-levels/BreachService';
import { SlaReportService } from '../practices/service-levels/SlaReportService';
import { createBreachesRouter } from '../practices/service-levels/breachRoutes';
import { createReportsRouter } from '../practices/service-levels/reportRoutes';
import { createSlasRouter } from '../practices/service-levels/slaRoutes';
import { createSupportingAgreementsRouter } from '../practices/service-levels/supportingAgreementRoutes';


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
