import { identityApiRef } from '@backstage/core-plugin-api';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import type { Complaint } from '@backstage-itsm/plugin-itsm-common';
import type { ItsmApi } from '../../../api';
import { itsmApiRef } from '../../../api';
import {
  mockItsmApi,
  mockSignalApi,
  mountedRoutes,
} from '../../../__testUtils__/fixtures';

export const DANIEL = 'user:default/daniel.kim';
export const SOFIA = 'user:default/sofia.rossi';
export const PAYMENTS_TEAM = 'group:default/payments-team';
export const PAYMENTS = 'component:default/payments-service';

/** A complaint about payments-service raised by Daniel, owned by the payments team. */
export function makeComplaint(overrides: Partial<Complaint> = {}): Complaint {
  return {
    id: 'CMP-1',
    version: 1,
    title: 'Charged twice for one order',
    description: 'My card was charged **twice** for order 4711.',
    entityRef: PAYMENTS,
    complainant: DANIEL,
    owner: PAYMENTS_TEAM,
    channel: 'portal',
    category: 'billing',
    status: 'open',
    response: null,
    escalatedAt: null,
    resolvedAt: null,
    closedAt: null,
    createdAt: '2027-01-10T09:00:00.000Z',
    createdBy: DANIEL,
    updatedAt: '2027-01-10T09:00:00.000Z',
    ...overrides,
  };
}

/** An ITSM API whose complaint methods answer from `complaint`, with the other methods pending. */
export function complaintApi(
  complaint: Complaint = makeComplaint(),
  overrides: Partial<ItsmApi> = {},
) {
  return mockItsmApi({
    listComplaints: jest.fn(async () => ({
      items: [complaint],
      nextCursor: null,
    })),
    getComplaint: jest.fn(async () => complaint),
    getComplaintHistory: jest.fn(async () => ({
      items: [],
      nextCursor: null,
    })),
    createComplaint: jest.fn(async request => ({
      ...complaint,
      ...request,
      id: 'CMP-9',
    })) as never,
    updateComplaint: jest.fn(async ({ patch }) => ({
      ...complaint,
      ...patch,
      version: complaint.version + 1,
    })) as never,
    transitionComplaint: jest.fn(async ({ transition }) => ({
      ...complaint,
      status: transition.to,
      version: complaint.version + 1,
    })) as never,
    ...overrides,
  });
}

/** Renders `element` in a test app signed in as `user` (with `groups`), the ITSM page mounted. */
export function renderAs(
  element: JSX.Element,
  options: {
    api: ItsmApi;
    user?: string;
    groups?: string[];
    signals?: SignalApi;
    path?: string;
  },
) {
  const user = options.user ?? DANIEL;
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
      {element}
    </TestApiProvider>,
    {
      mountedRoutes,
      routeEntries: options.path ? [options.path] : undefined,
    },
  );
}
