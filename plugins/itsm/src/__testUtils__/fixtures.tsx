import type { ReactNode } from 'react';
import { act } from '@testing-library/react';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import type {
  Change,
  ChangeAssessment,
  Incident,
  ServiceHealth,
  SlaClockView,
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

/** An ItsmApi whose methods are jest mocks; unconfigured ones never resolve. */
export function mockItsmApi(
  overrides: Partial<ItsmApi> = {},
): jest.Mocked<ItsmApi> {
  const pending = () => new Promise<never>(() => {});
  return {
    getServiceHealth: jest.fn(pending),
    listIncidents: jest.fn(pending),
    getIncident: jest.fn(pending),
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
  },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [itsmApiRef, options.api],
        [signalApiRef, options.signals ?? mockSignalApi()],
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
