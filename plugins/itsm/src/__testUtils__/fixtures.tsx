import type { ReactNode } from 'react';
import { act } from '@testing-library/react';
import type { ApiRef } from '@backstage/core-plugin-api';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import type {
  CalendarRecord,
  Change,
  ChangeAssessment,
  Incident,
  ServiceHealth,
  ServiceLevelAgreement,
  SlaBreach,
  SlaClockView,
  SlaReport,
  SupportingAgreement,
} from '@backstage-itsm/plugin-itsm-common';
import {
  DEFAULT_INCIDENT_CATEGORIES,
  incidentCategoryList,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, type ItsmApi } from '../api';
import { rootRouteRef } from '../routes';

const HOUR = 3_600_000;

/** A component with no ITSM annotations. */
export const paymentsApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'Payments-API', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
};

export function makeHealth(
  overrides: Partial<ServiceHealth> = {},
): ServiceHealth {
  return {
    entityRef: 'component:default/payments-api',
    status: 'operational',
    openIncidents: { total: 0, byPriority: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
    activeMajorIncident: null,
    clocksAtRisk: 0,
    clocksBreached: 0,
    computedAt: new Date().toISOString(),
    ...overrides,
  };
}

export function makeClock(overrides: Partial<SlaClockView> = {}): SlaClockView {
  return {
    targetMs: 8 * HOUR,
    elapsedMs: 2 * HOUR,
    remainingMs: 6 * HOUR,
    percent: 25,
    state: 'running',
    dueAt: new Date(Date.now() + 6 * HOUR).toISOString(),
    breachedAt: null,
    calendarId: '24x7',
    ...overrides,
  };
}

export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  const createdAt = new Date(Date.now() - 2 * HOUR).toISOString();
  return {
    id: 'INC-1',
    version: 1,
    title: 'Checkout fails',
    description: '',
    entityRef: 'component:default/payments-api',
    affectedEntityRefs: [],
    reporter: 'user:default/alice',
    assignee: null,
    assignmentGroup: null,
    category: null,
    subcategory: null,
    impact: 2,
    urgency: 2,
    priority: 3,
    status: 'new',
    onHoldReason: null,
    resolutionCode: null,
    resolutionNotes: null,
    major: false,
    incidentManager: null,
    outageStart: null,
    outageEnd: null,
    postIncidentReview: null,
    impactedServices: [],
    parentId: null,
    problemId: null,
    causedByChangeId: null,
    source: 'portal',
    externalId: null,
    signature: 'title:checkout fails',
    sla: { response: makeClock(), resolution: makeClock() },
    createdAt,
    createdBy: 'user:default/alice',
    updatedAt: createdAt,
    ...overrides,
  };
}

export function makeChange(overrides: Partial<Change> = {}): Change {
  const createdAt = new Date(Date.now() - 2 * HOUR).toISOString();
  return {
    id: 'CHG-1',
    version: 1,
    planRevision: 1,
    type: 'normal',
    title: 'Upgrade Postgres',
    justification: 'Security fixes',
    entityRefs: ['component:default/payments-api'],
    plannedStart: new Date(Date.now() + 24 * HOUR).toISOString(),
    plannedEnd: new Date(Date.now() + 25 * HOUR).toISOString(),
    actualStart: null,
    actualEnd: null,
    implementationPlan: 'Run the upgrade',
    backoutPlan: 'Restore the snapshot',
    testPlan: 'Smoke tests',
    riskAnswers: {},
    risk: 'low',
    riskReasons: [],
    status: 'draft',
    templateId: null,
    templateVersion: null,
    requester: 'user:default/guest',
    requiredApprovals: [],
    approvals: [],
    conflicts: [],
    outcome: null,
    review: null,
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

export function makeAssessment(
  overrides: Partial<ChangeAssessment> = {},
): ChangeAssessment {
  return {
    risk: 'low',
    score: 0,
    riskReasons: ['Risk questionnaire score 0 of 24 is low (below 6)'],
    requiredApprovals: [
      { kind: 'group', group: 'group:default/change-managers', count: 1 },
    ],
    conflicts: [],
    blockedByFreeze: false,
    blastRadius: 0,
    ...overrides,
  };
}

export function makeCalendar(
  overrides: Partial<CalendarRecord> = {},
): CalendarRecord {
  const weekday: Array<[string, string]> = [['08:00', '18:00']];
  return {
    id: 'office-hours',
    version: 0,
    source: 'config',
    title: 'Office hours',
    timezone: 'Europe/Berlin',
    hours: {
      mon: weekday,
      tue: weekday,
      wed: weekday,
      thu: weekday,
      fri: weekday,
    },
    configuredHolidays: ['2026-12-25'],
    holidays: [],
    createdAt: null,
    updatedAt: null,
    ...overrides,
  };
}

export const calendar24x7: CalendarRecord = {
  id: '24x7',
  version: 0,
  source: 'builtin',
  title: '24×7',
  timezone: 'UTC',
  hours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map(day => [
      day,
      [['00:00', '24:00']],
    ]),
  ),
  configuredHolidays: [],
  holidays: [],
  createdAt: null,
  updatedAt: null,
};

export function makeSla(
  overrides: Partial<ServiceLevelAgreement> = {},
): ServiceLevelAgreement {
  return {
    id: 'SLA-1',
    version: 3,
    revision: 2,
    entityRef: 'component:default/payments-api',
    title: 'Payments API service levels',
    customerGroups: ['group:default/retail-banking'],
    calendarId: 'office-hours',
    targets: {
      incidents: {
        p1: {
          response: { duration: '15m', calendarId: '24x7' },
          resolution: { duration: '4h', calendarId: '24x7' },
        },
        p2: { response: { duration: '1h' }, resolution: { duration: '8h' } },
      },
      availabilityPercent: 99.9,
      changeSuccessRatePercent: 95,
    },
    workloadLimits: { incidentsPerMonth: 40 },
    exceptions: 'Planned maintenance announced **5 days** ahead.',
    reviewCadence: 'quarterly',
    effectiveFrom: '2026-10-01T00:00:00.000Z',
    effectiveTo: null,
    lastReviewedAt: '2026-10-01T00:00:00.000Z',
    nextReviewAt: '2027-01-01T00:00:00.000Z',
    createdAt: '2026-06-01T09:00:00.000Z',
    createdBy: 'user:default/olivia',
    updatedAt: '2026-10-01T09:00:00.000Z',
    ...overrides,
  };
}

export function makeSupportingAgreement(
  overrides: Partial<SupportingAgreement> = {},
): SupportingAgreement {
  return {
    id: 'OLA-1',
    version: 1,
    revision: 1,
    kind: 'ola',
    entityRef: 'component:default/payments-api',
    internalGroup: 'group:default/dba',
    supplier: null,
    contractRef: null,
    slaIds: ['SLA-1'],
    title: 'Database support',
    calendarId: '24x7',
    targets: {
      incidents: { p1: { resolution: { duration: '2h' } } },
    },
    workloadLimits: {},
    exceptions: '',
    reviewCadence: 'annual',
    effectiveFrom: '2026-01-01T00:00:00.000Z',
    effectiveTo: null,
    lastReviewedAt: null,
    nextReviewAt: '2027-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'user:default/olivia',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function makeBreach(overrides: Partial<SlaBreach> = {}): SlaBreach {
  return {
    id: 'BRE-1',
    version: 1,
    recordId: 'INC-7',
    clock: 'resolution',
    priority: 2,
    entityRef: 'component:default/payments-api',
    slaId: 'SLA-1',
    slaRevision: 2,
    targetMs: 8 * HOUR,
    calendarId: 'office-hours',
    breachedAt: '2026-11-10T14:00:00.000Z',
    detectedAt: '2026-11-10T14:01:00.000Z',
    cause: null,
    action: null,
    improvementId: null,
    waiver: null,
    createdAt: '2026-11-10T14:01:00.000Z',
    updatedAt: '2026-11-10T14:01:00.000Z',
    ...overrides,
  };
}

export function makeReport(overrides: Partial<SlaReport> = {}): SlaReport {
  return {
    entityRef: 'component:default/payments-api',
    from: '2026-11-01T00:00:00.000Z',
    to: '2026-12-01T00:00:00.000Z',
    generatedAt: '2026-11-27T10:00:00.000Z',
    sla: {
      id: 'SLA-1',
      revision: 2,
      title: 'Payments API service levels',
      calendarId: 'office-hours',
      customerGroups: ['group:default/retail-banking'],
    },
    targets: [
      {
        target: 'p1.response',
        priority: 1,
        clock: 'response',
        targetMs: 15 * 60_000,
        met: 3,
        breached: 1,
        waived: 0,
        percent: 75,
        fromDefaults: 0,
      },
      {
        target: 'p2.resolution',
        priority: 2,
        clock: 'resolution',
        targetMs: 8 * HOUR,
        met: 9,
        breached: 0,
        waived: 1,
        percent: 100,
        fromDefaults: 0,
      },
    ],
    overall: {
      target: 'overall',
      met: 12,
      breached: 1,
      waived: 1,
      percent: 92.3,
    },
    breaches: { total: 2, waived: 1, items: [makeBreach()] },
    availability: {
      targetPercent: 99.9,
      percent: 99.42,
      serviceMs: 200 * HOUR,
      outageMs: 1.16 * HOUR,
      met: false,
    },
    changeSuccess: {
      targetPercent: 95,
      closed: 20,
      successful: 19,
      percent: 95,
      met: true,
    },
    csat: {
      targetPercent: null,
      responses: 0,
      percent: null,
      met: null,
      n: 0,
      tooFew: true,
      meanRating: null,
      nps: null,
    },
    workload: [
      { metric: 'incidentsPerMonth', actual: 14, limit: 40, exceeded: false },
    ],
    trend: [
      {
        label: '2026-10',
        from: '2026-10-01T00:00:00.000Z',
        to: '2026-11-01T00:00:00.000Z',
        met: 10,
        breached: 0,
        attainmentPercent: 100,
        availabilityPercent: 100,
      },
      {
        label: '2026-11',
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-12-01T00:00:00.000Z',
        met: 12,
        breached: 1,
        attainmentPercent: 92.3,
        availabilityPercent: 99.42,
      },
    ],
    ...overrides,
  };
}

/**
 * An ItsmApi whose methods are jest mocks; unconfigured ones never resolve, except the
 * links of a record, which answer an empty page.
 */
export function mockItsmApi(
  overrides: Partial<ItsmApi> = {},
): jest.Mocked<ItsmApi> {
  const pending = () => new Promise<never>(() => {});
  return {
    listRecords: jest.fn(pending),
    getRecord: jest.fn(pending),
    createRecord: jest.fn(pending),
    patchRecord: jest.fn(pending),
    transitionRecord: jest.fn(pending),
    getRecordHistory: jest.fn(pending),
    listLinks: jest.fn(async () => ({ items: [], nextCursor: null })),
    addLink: jest.fn(pending),
    removeLink: jest.fn(pending),
    getServiceHealth: jest.fn(pending),
    listIncidents: jest.fn(pending),
    getIncident: jest.fn(pending),
    getIncidentCategories: jest.fn(async () => ({
      items: incidentCategoryList(DEFAULT_INCIDENT_CATEGORIES),
    })),
    getIncidentHistory: jest.fn(pending),
    createIncident: jest.fn(pending),
    patchIncident: jest.fn(pending),
    transitionIncident: jest.fn(pending),
    addWorkNote: jest.fn(pending),
    addStatusUpdate: jest.fn(pending),
    getImpact: jest.fn(pending),
    listChanges: jest.fn(pending),
    getChange: jest.fn(pending),
    createChange: jest.fn(pending),
    patchChange: jest.fn(pending),
    transitionChange: jest.fn(pending),
    decideChange: jest.fn(pending),
    getChangeHistory: jest.fn(pending),
    assessChange: jest.fn(pending),
    getApprovalQueue: jest.fn(pending),
    getChangeCalendar: jest.fn(pending),
    getChangeStats: jest.fn(pending),
    listChangeTemplates: jest.fn(pending),
    getChangeTemplate: jest.fn(pending),
    createChangeTemplate: jest.fn(pending),
    patchChangeTemplate: jest.fn(pending),
    listCalendars: jest.fn(pending),
    getCalendar: jest.fn(pending),
    createCalendar: jest.fn(pending),
    patchCalendar: jest.fn(pending),
    listSlas: jest.fn(pending),
    getSla: jest.fn(pending),
    createSla: jest.fn(pending),
    patchSla: jest.fn(pending),
    getSlaRevisions: jest.fn(pending),
    getSlaHistory: jest.fn(pending),
    getSlaAlignment: jest.fn(pending),
    listSupportingAgreements: jest.fn(pending),
    getSupportingAgreement: jest.fn(pending),
    createSupportingAgreement: jest.fn(pending),
    patchSupportingAgreement: jest.fn(pending),
    getSupportingAgreementRevisions: jest.fn(pending),
    listBreaches: jest.fn(pending),
    getBreach: jest.fn(pending),
    patchBreach: jest.fn(pending),
    getSlaReport: jest.fn(pending),
    getSlaReportCsv: jest.fn(pending),
    listProblems: jest.fn(pending),
    getProblem: jest.fn(pending),
    createProblem: jest.fn(pending),
    updateProblem: jest.fn(pending),
    transitionProblem: jest.fn(pending),
    getProblemHistory: jest.fn(pending),
    listProblemIncidents: jest.fn(pending),
    linkProblemIncident: jest.fn(pending),
    getProblemEffectiveness: jest.fn(pending),
    runProblemDetection: jest.fn(pending),
    listKnownErrors: jest.fn(pending),
    getKnownError: jest.fn(pending),
    createKnownError: jest.fn(pending),
    updateKnownError: jest.fn(pending),
    transitionKnownError: jest.fn(pending),
    getKnownErrorHistory: jest.fn(pending),
    matchKnownErrors: jest.fn(pending),
    recordKnownErrorUse: jest.fn(pending),
    getIncidentTrends: jest.fn(pending),
    getIncidentTrendsCsv: jest.fn(pending),
    getProblemCounts: jest.fn(pending),
    listComplaints: jest.fn(pending),
    getComplaint: jest.fn(pending),
    createComplaint: jest.fn(pending),
    updateComplaint: jest.fn(pending),
    transitionComplaint: jest.fn(pending),
    getComplaintHistory: jest.fn(pending),
    getReviewPack: jest.fn(pending),
    listReviews: jest.fn(pending),
    getReview: jest.fn(pending),
    createReview: jest.fn(pending),
    updateReview: jest.fn(pending),
    transitionReview: jest.fn(pending),
    getReviewHistory: jest.fn(pending),
    freezeReviewPack: jest.fn(pending),
    signOffReview: jest.fn(pending),
    listActionsOfReview: jest.fn(pending),
    createReviewAction: jest.fn(pending),
    updateReviewAction: jest.fn(pending),
    listReviewActions: jest.fn(pending),
    getSatisfaction: jest.fn(pending),
    getSatisfactionSummary: jest.fn(pending),
    listSurveyInvitations: jest.fn(pending),
    respondToSurvey: jest.fn(pending),
    listSurveys: jest.fn(pending),
    createSurvey: jest.fn(pending),
    transitionSurvey: jest.fn(pending),
    listSurveyTemplates: jest.fn(pending),
    listImprovements: jest.fn(pending),
    getImprovementsCsv: jest.fn(pending),
    getImprovement: jest.fn(pending),
    getImprovementDraft: jest.fn(pending),
    createImprovement: jest.fn(pending),
    updateImprovement: jest.fn(pending),
    transitionImprovement: jest.fn(pending),
    evaluateImprovement: jest.fn(pending),
    getImprovementHistory: jest.fn(pending),
    getImprovementCounts: jest.fn(pending),
    ...overrides,
  } as jest.Mocked<ItsmApi>;
}

/** A signal API whose channels the test publishes to with `publish`. */
export function mockSignalApi() {
  const subscribers = new Map<string, Set<(message: any) => void>>();
  const api: SignalApi & {
    publish(channel: string, message: Record<string, unknown>): void;
  } = {
    subscribe(channel, onMessage) {
      const set = subscribers.get(channel) ?? new Set();
      set.add(onMessage as (message: any) => void);
      subscribers.set(channel, set);
      return { unsubscribe: () => set.delete(onMessage as any) };
    },
    publish(channel, message) {
      act(() => {
        subscribers.get(channel)?.forEach(fn => fn({ ...message }));
      });
    },
  };
  return api;
}

/** The routes the plugin's components link to, as an app mounts them. */
export const mountedRoutes = {
  '/catalog/:namespace/:kind/:name': entityRouteRef,
  '/itsm': rootRouteRef,
};

/** Renders `children` on the entity's page with the given ITSM API. */
export function renderForEntity(
  children: ReactNode,
  options: {
    api: ItsmApi;
    entity?: Entity;
    signals?: SignalApi;
    /** Mount the ITSM page, so incident ids link to it (default true). */
    withItsmPage?: boolean;
    /** Further APIs, e.g. `[identityApiRef, ...]`. */
    apis?: ReadonlyArray<readonly [ApiRef<any>, any]>;
  },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [itsmApiRef, options.api],
        [signalApiRef, options.signals ?? mockSignalApi()],
        ...((options.apis ?? []) as any[]),
      ]}
    >
      <EntityProvider entity={options.entity ?? paymentsApi}>
        {children}
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes:
        options.withItsmPage === false
          ? { '/catalog/:namespace/:kind/:name': entityRouteRef }
          : mountedRoutes,
    },
  );
}

/** An identity API signed in as `userEntityRef`. */
export function mockIdentityApi(userEntityRef = 'user:default/olivia') {
  return {
    getBackstageIdentity: jest.fn(async () => ({
      type: 'user' as const,
      userEntityRef,
      ownershipEntityRefs: [userEntityRef],
    })),
    getProfileInfo: jest.fn(async () => ({})),
    getCredentials: jest.fn(async () => ({})),
    signOut: jest.fn(async () => {}),
  };
}

/** Renders `element` in the plugin's page at `path` (legacy test app). */
export function renderInItsmApp(
  element: JSX.Element,
  options: { api: ItsmApi; signals?: SignalApi; path?: string },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [itsmApiRef, options.api],
        [signalApiRef, options.signals ?? mockSignalApi()],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      mountedRoutes,
      routeEntries: options.path ? [options.path] : undefined,
    },
  );
}

/** A failed request as the ItsmClient reports it. */
export async function responseError(options: {
  status: number;
  statusText: string;
  name: string;
  message: string;
}) {
  const { ResponseError } = await import('@backstage/errors');
  const text = JSON.stringify({
    error: { name: options.name, message: options.message },
    request: { method: 'GET', url: '/api/itsm' },
    response: { statusCode: options.status },
  });
  return ResponseError.fromResponse({
    ok: false,
    status: options.status,
    statusText: options.statusText,
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => text,
  } as Response);
}

/** A 404 as the ItsmClient reports it. */
export function notFound(message: string) {
  return responseError({
    status: 404,
    statusText: 'Not Found',
    name: 'NotFoundError',
    message,
  });
}

/** A 412 (stale `If-Match`) as the ItsmClient reports it. */
export function staleVersion() {
  return responseError({
    status: 412,
    statusText: 'Precondition Failed',
    name: 'PreconditionFailedError',
    message: 'The incident has changed since version 1',
  });
}
