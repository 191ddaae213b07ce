import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  complaintManagePermission,
  complaintReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ALICE,
  ItsmTestBackend,
  asUser,
} from '../../../__testUtils__/testBackend';
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
  const { api } = backend;
  const auth = () => asUser(user);
  const versioned = (
    req: ReturnType<ReturnType<typeof api>['post']>,
    ifMatch: number | string | undefined,
  ) =>
    ifMatch === undefined
      ? req
      : req.set(
          'If-Match',
          typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch,
        );
  const helpers = {
    post: (path: string, body: object) =>
      api().post(`/api/itsm${path}`).set('Authorization', auth()).send(body),
    get: (path: string) =>
      api().get(`/api/itsm${path}`).set('Authorization', auth()),
    async create(overrides: Record<string, unknown> = {}) {
      const res = await helpers.post('/complaints', newComplaint(overrides));
      if (res.status !== 201) {
        throw new Error(`create failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    patch: (id: string, ifMatch: number | string | undefined, body: object) =>
      versioned(
        api().patch(`/api/itsm/complaints/${id}`).set('Authorization', auth()),
        ifMatch,
      ).send(body),
    transition: (
      id: string,
      ifMatch: number | string | undefined,
      body: object,
    ) =>
      versioned(
        api()
          .post(`/api/itsm/complaints/${id}/transitions`)
          .set('Authorization', auth()),
        ifMatch,
      ).send(body),
    async move(
      complaint: { id: string; version: number },
      to: string,
      fields: object = {},
    ) {
      const res = await helpers.transition(complaint.id, complaint.version, {
        to,
        ...fields,
      });
      if (res.status !== 200) {
        throw new Error(`move to ${to} failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    async history(id: string) {
      const res = await helpers.get(`/complaints/${id}/history?limit=200`);
      return res.body.items as Array<Record<string, any>>;
    },
  };
  return helpers;
}
