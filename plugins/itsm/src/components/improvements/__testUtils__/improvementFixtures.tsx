import { identityApiRef } from '@backstage/core-plugin-api';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  improvementScore,
  type Improvement,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, type ItsmApi } from '../../../api';
import {
  mockIdentityApi,
  mockItsmApi,
  mockSignalApi,
  mountedRoutes,
} from '../../../__testUtils__/fixtures';

export const PAYMENTS = 'component:default/payments-api';
export const OLIVIA = 'user:default/olivia';
export const PRIYA = 'user:default/priya.sharma';

/** A proposed improvement on payments-api owned by Olivia: fewer breaches, measured. */
export function makeImprovement(
  overrides: Partial<Improvement> = {},
): Improvement {
  return {
    id: 'IMP-1',
    version: 1,
    kind: 'improvement',
    type: 'process',
    status: 'proposed',
    title: 'Page the on-call DBA on slow queries',
    description:
      'Breaches of the **P1 resolution** target follow slow queries.',
    source: 'sla_breach',
    sourceId: 'BRE-3',
    sourceKey: null,
    entityRefs: [PAYMENTS],
    owner: OLIVIA,
    owningGroup: 'group:default/team-payments',
    priority: improvementScore({ benefit: 4, effort: 2, urgency: 4 }),
    targetDate: '2027-03-31',
    overdue: false,
    nonconformity: null,
    correction: null,
    rootCause: null,
    effectivenessReview: null,
    kpi: {
      kpi: 'breach_count',
      category: null,
      priority: null,
      signature: null,
      windowDays: 28,
      settleDays: 7,
      direction: 'decrease',
      target: { kind: 'relative', percent: 50 },
    },
    baseline: null,
    measured: null,
    goal: null,
    verdict: null,
    evaluation: null,
    approvedBy: null,
    approvedAt: null,
    startedAt: null,
    implementedAt: null,
    evaluatedAt: null,
    closedAt: null,
    rejectedAt: null,
    rejectionReason: null,
    createdAt: '2027-01-10T09:00:00.000Z',
    createdBy: OLIVIA,
    updatedAt: '2027-01-10T09:00:00.000Z',
    ...overrides,
  };
}

/** The item evaluated: 12 breaches before, 4 after, goal 6 — achieved. */
export function evaluatedImprovement(
  overrides: Partial<Improvement> = {},
): Improvement {
  return makeImprovement({
    status: 'evaluated',
    version: 6,
    approvedBy: PRIYA,
    approvedAt: '2027-01-15T10:00:00.000Z',
    startedAt: '2027-01-16T10:00:00.000Z',
    implementedAt: '2027-02-01T10:00:00.000Z',
    evaluatedAt: '2027-03-11T02:00:00.000Z',
    baseline: {
      from: '2026-12-18T10:00:00.000Z',
      to: '2027-01-15T10:00:00.000Z',
      value: 12,
      n: 12,
      unit: 'breaches',
      measuredAt: '2027-01-15T10:00:00.000Z',
    },
    measured: {
      from: '2027-02-08T10:00:00.000Z',
      to: '2027-03-08T10:00:00.000Z',
      value: 4,
      n: 4,
      unit: 'breaches',
      measuredAt: '2027-03-11T02:00:00.000Z',
    },
    goal: 6,
    verdict: 'achieved',
    ...overrides,
  });
}

/** An ITSM API answering improvement calls from `item`; other methods pending. */
export function improvementApi(
  item: Improvement = makeImprovement(),
  overrides: Partial<ItsmApi> = {},
) {
  return mockItsmApi({
    listImprovements: jest.fn(async () => ({
      items: [item],
      nextCursor: null,
    })),
    getImprovement: jest.fn(async () => item),
    getImprovementHistory: jest.fn(async () => ({
      items: [],
      nextCursor: null,
    })),
    createImprovement: jest.fn(async request => ({
      ...item,
      ...request,
      id: 'IMP-9',
    })) as never,
    updateImprovement: jest.fn(async ({ patch }) => ({
      ...item,
      ...patch,
      version: item.version + 1,
    })) as never,
    transitionImprovement: jest.fn(async ({ transition }) => ({
      ...item,
      status: transition.to,
      version: item.version + 1,
    })) as never,
    ...overrides,
  });
}

/** Renders `element` with the ITSM page mounted at `/itsm`, signed in as `user`. */
export function renderImprovements(
  element: JSX.Element,
  options: {
    api: ItsmApi;
    path?: string;
    user?: string;
    signals?: SignalApi;
  },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [itsmApiRef, options.api],
        [signalApiRef, options.signals ?? mockSignalApi()],
        [identityApiRef, mockIdentityApi(options.user ?? OLIVIA)],
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
