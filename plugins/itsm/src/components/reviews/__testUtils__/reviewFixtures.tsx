import type { ReactNode } from 'react';
import { identityApiRef } from '@backstage/core-plugin-api';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import type {
  ReviewAction,
  ServiceReview,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, type ItsmApi } from '../../../api';
import { makeOverview } from '../../satisfaction/__testUtils__/satisfactionFixtures';
import {
  mockItsmApi,
  mockSignalApi,
  mountedRoutes,
} from '../../../__testUtils__/fixtures';

export const OLIVIA = 'user:default/olivia';
export const CLARA = 'user:default/clara';
export const PAYMENTS = 'component:default/payments';
export const RETAIL = 'group:default/retail';
export const HASH =
  '3f1a2b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081';

/** The catalog entity of payments, the service the fixtures review. */
export const paymentsEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
};

/** A scheduled review of payments for Q4 2026, due on 2027-01-15, not frozen yet. */
export function makeReview(
  overrides: Partial<ServiceReview> = {},
): ServiceReview {
  return {
    id: 'REV-4',
    version: 3,
    title: 'Service review of payments, 2026-10-01 to 2027-01-01',
    entityRef: PAYMENTS,
    slaId: 'SLA-2',
    customerGroups: [RETAIL],
    period: {
      from: '2026-10-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    },
    scheduledFor: '2027-01-15T10:00:00.000Z',
    status: 'scheduled',
    overdue: false,
    attendees: [],
    agenda: [
      { title: 'Service performance against the SLA targets' },
      { title: 'Actions from the last review' },
    ],
    minutes: '',
    decisions: [],
    heldAt: null,
    cancelReason: null,
    packFrozenAt: null,
    packHash: null,
    packGeneratorVersion: null,
    signedOffBy: null,
    signedOffAt: null,
    signOffComment: null,
    closedAt: null,
    openActionCount: 0,
    createdAt: '2026-12-01T00:00:00.000Z',
    createdBy: 'plugin:itsm',
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...overrides,
  };
}

/** Action A-1 of REV-4, owned by Olivia, due 2027-02-01. */
export function makeAction(
  overrides: Partial<ReviewAction> = {},
): ReviewAction {
  const number = overrides.number ?? 1;
  const reviewId = overrides.reviewId ?? 'REV-4';
  return {
    id: `${reviewId}/A-${number}`,
    reviewId,
    number,
    version: 1,
    title: 'Raise the connection pool size',
    owner: OLIVIA,
    dueDate: '2027-02-01',
    status: 'open',
    entityRef: PAYMENTS,
    note: null,
    recordId: null,
    overdue: false,
    completedAt: null,
    createdAt: '2027-01-15T11:00:00.000Z',
    createdBy: OLIVIA,
    updatedAt: '2027-01-15T11:00:00.000Z',
    ...overrides,
  };
}

/** An ITSM API answering for `review` (no pack, no actions), other methods pending. */
export function reviewApi(
  review: ServiceReview = makeReview(),
  overrides: Partial<ItsmApi> = {},
) {
  return mockItsmApi({
    listReviews: jest.fn(async () => ({ items: [review], nextCursor: null })),
    getReview: jest.fn(async () => review),
    getReviewHistory: jest.fn(async () => ({ items: [], nextCursor: null })),
    getReviewPack: jest.fn(async () => ({ frozen: null })),
    listActionsOfReview: jest.fn(async () => ({ items: [] })),
    listComplaints: jest.fn(async () => ({ items: [], nextCursor: null })),
    getSatisfaction: jest.fn(async () => makeOverview({ entityRef: PAYMENTS })),
    listSurveys: jest.fn(async () => ({ items: [], nextCursor: null })),
    updateReview: jest.fn(async ({ patch }) => ({
      ...review,
      ...patch,
      version: review.version + 1,
    })) as never,
    transitionReview: jest.fn(async ({ transition }) => ({
      ...review,
      status: transition.to,
      version: review.version + 1,
    })) as never,
    ...overrides,
  });
}

/** A test app signed in as `user`, the ITSM page mounted, on payments' entity page. */
export function renderAs(
  element: ReactNode,
  options: {
    api: ItsmApi;
    user?: string;
    groups?: string[];
    signals?: SignalApi;
    entity?: Entity;
  },
) {
  const user = options.user ?? OLIVIA;
  const identityApi = {
    getBackstageIdentity: jest.fn(async () => ({
      type: 'user' as const,
      userEntityRef: user,
      ownershipEntityRefs: [user, ...(options.groups ?? [])],
    })),
    getProfileInfo: jest.fn(async () => ({})),
    getCredentials: jest.fn(async () => ({})),
    signOut: jest.fn(async () => {}),
  };
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [itsmApiRef, options.api],
        [signalApiRef, options.signals ?? mockSignalApi()],
        [identityApiRef, identityApi],
      ]}
    >
      <EntityProvider entity={options.entity ?? paymentsEntity}>
        {element}
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes },
  );
}
