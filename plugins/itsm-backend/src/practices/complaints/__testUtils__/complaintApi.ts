import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  complaintManagePermission,
  complaintReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { recordApi } from '../../../__testUtils__/recordApi';
import { ALICE, ItsmTestBackend } from '../../../__testUtils__/testBackend';
import {
  complaintConditions,
  createComplaintConditionalDecision,
} from '../complaintPermissions';

/** A valid `POST /complaints` body about `cart` (owned by team-b). */
export function newComplaint(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Charged twice for one order',
    description: 'My card was charged twice for order 4711.',
    entityRef: 'component:default/cart',
    channel: 'portal',
    ...overrides,
  };
}

/**
 * A policy like the demo portal's for complaints: anyone raises one; a user reads the
 * complaints they raised, own or whose service they own, and manages those they own or whose
 * service they own. `claims` are each user's ownership refs (the user is always one); users
 * not listed only have their own ref. Everything else is allowed.
 */
export function complaintPolicy(claims: Record<string, string[]>) {
  const claimsOf = (options: unknown) => {
    const user = (
      options as { credentials?: { principal?: { userEntityRef?: string } } }
    )?.credentials?.principal?.userEntityRef;
    return user ? [user, ...(claims[user] ?? [])] : undefined;
  };
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    authorizeConditional: async (queries, options) =>
      queries.map((q): PolicyDecision => {
        const refs = claimsOf(options);
        if (!refs) {
          return { result: AuthorizeResult.ALLOW };
        }
        const owner = complaintConditions.isComplaintOwner({ claims: refs });
        const serviceOwner = complaintConditions.isComplaintServiceOwner({
          claims: refs,
        });
        if (q.permission.name === complaintReadPermission.name) {
          return createComplaintConditionalDecision(complaintReadPermission, {
            anyOf: [
              owner,
              serviceOwner,
              complaintConditions.isComplainant({ claims: refs }),
            ],
          });
        }
        if (q.permission.name === complaintManagePermission.name) {
          return createComplaintConditionalDecision(complaintManagePermission, {
            anyOf: [owner, serviceOwner],
          });
        }
        return { result: AuthorizeResult.ALLOW };
      }),
  });
}

/** Small helpers over the complaints API of a test backend, as one user. */
export function complaintApi(backend: ItsmTestBackend, user = ALICE) {
  return recordApi(backend, {
    collection: 'complaints',
    newRecord: newComplaint,
    user,
  });
}
