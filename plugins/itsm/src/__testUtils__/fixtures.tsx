import type { ReactNode } from 'react';
import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import type {
  Incident,
  ServiceHealth,
  SlaClockView,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, type ItsmApi } from '../api';

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
    ...overrides,
  } as jest.Mocked<ItsmApi>;
}

/** Renders `children` on the entity's page with the given ITSM API. */
export function renderForEntity(
  children: ReactNode,
  options: { api: ItsmApi; entity?: Entity },
) {
  return renderInTestApp(
    <TestApiProvider apis={[[itsmApiRef, options.api]]}>
      <EntityProvider entity={options.entity ?? paymentsApi}>
        {children}
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** A failed request as the ItsmClient reports it. */
export async function notFound(message: string) {
  const { ResponseError } = await import('@backstage/errors');
  const text = JSON.stringify({
    error: { name: 'NotFoundError', message },
    request: { method: 'GET', url: '/api/itsm/service-health' },
    response: { statusCode: 404 },
  });
  return ResponseError.fromResponse({
    ok: false,
    status: 404,
    statusText: 'Not Found',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => text,
  } as Response);
}
