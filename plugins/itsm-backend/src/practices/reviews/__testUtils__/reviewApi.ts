import { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  reviewManagePermission,
  reviewReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ALICE,
  BOB,
  CAROL,
  DAN,
  OWNERSHIP,
  TEAM_A,
  TEAM_B,
} from '../../../__testUtils__/slaApi';
import {
  ItsmTestBackend,
  asUser,
  testEntities,
} from '../../../__testUtils__/testBackend';
import {
  createReviewConditionalDecision,
  reviewConditions,
} from '../reviewPermissions';

/** Customers of the payments SLA (group:default/retail): carol, and erin of the cart SLA. */
export const ERIN = 'user:default/erin';
export const RETAIL = 'group:default/retail';
export const WHOLESALE = 'group:default/wholesale';

/** Ownership refs: the customers' groups are among them, as a sign-in resolver puts them. */
export const REVIEW_OWNERSHIP: Record<string, string[]> = {
  ...OWNERSHIP,
  [CAROL]: [CAROL, RETAIL],
  [ERIN]: [ERIN, WHOLESALE],
};

function userEntity(name: string, groups: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: groups },
    relations: groups.map(g => ({
      type: 'memberOf',
      targetRef: `group:default/${g}`,
    })),
  };
}

/** The test catalog with the users whose group memberships sign-off reads. */
export const reviewEntities: Entity[] = [
  ...testEntities,
  userEntity('alice', ['team-a']),
  userEntity('bob', ['team-b']),
  userEntity('carol', ['retail']),
  userEntity('dan', ['team-a', 'team-b']),
  userEntity('erin', ['wholesale']),
];

export { ALICE, BOB, CAROL, DAN, TEAM_A, TEAM_B };

/**
 * A permissions mock: everyone may everything, except the users in `rules`, who read and
 * manage reviews only of services they own (`owner`) or whose SLA names their groups as
 * customers (`customer`), or read those as customers but manage none (`reader`).
 */
export function reviewPermissions(
  rules: Record<string, 'owner' | 'customer' | 'reader' | 'deny'>,
) {
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    authorizeConditional: async (queries, options) =>
      queries.map((q): PolicyDecision => {
        const name = q.permission.name;
        const ref = (
          options as {
            credentials?: { principal?: { userEntityRef?: string } };
          }
        )?.credentials?.principal?.userEntityRef;
        const rule = ref ? rules[ref] : undefined;
        if (
          !rule ||
          (name !== reviewReadPermission.name &&
            name !== reviewManagePermission.name)
        ) {
          return { result: AuthorizeResult.ALLOW };
        }
        if (
          rule === 'deny' ||
          (rule === 'reader' && name === reviewManagePermission.name)
        ) {
          return { result: AuthorizeResult.DENY };
        }
        const claims = REVIEW_OWNERSHIP[ref!] ?? [ref!];
        return createReviewConditionalDecision(
          q.permission as typeof reviewReadPermission,
          rule === 'owner'
            ? reviewConditions.isReviewServiceOwner({ claims })
            : reviewConditions.isReviewCustomer({ claims }),
        );
      }),
  });
}

/** Small helpers over the reviews API of a test backend, as one user. */
export function reviewApi(backend: ItsmTestBackend, user = ALICE) {
  const { api } = backend;
  const as = (req: any, who: string) => req.set('Authorization', asUser(who));
  const versioned = (req: any, ifMatch: number | string | undefined) =>
    ifMatch === undefined
      ? req
      : req.set(
          'If-Match',
          typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch,
        );
  const helpers = {
    get: (path: string, who = user) => as(api().get(`/api/itsm${path}`), who),
    post: (path: string, body: object = {}, who = user) =>
      as(api().post(`/api/itsm${path}`), who).send(body),
    patch: (
      id: string,
      ifMatch: number | string | undefined,
      body: object,
      who = user,
    ) =>
      versioned(as(api().patch(`/api/itsm/reviews/${id}`), who), ifMatch).send(
        body,
      ),
    transition: (
      id: string,
      ifMatch: number | string | undefined,
      body: object,
      who = user,
    ) =>
      versioned(
        as(api().post(`/api/itsm/reviews/${id}/transitions`), who),
        ifMatch,
      ).send(body),
    freeze: (id: string, ifMatch: number | string | undefined, who = user) =>
      versioned(
        as(api().post(`/api/itsm/reviews/${id}/pack`), who),
        ifMatch,
      ).send({}),
    signOff: (id: string, who: string, body: object = {}) =>
      as(api().post(`/api/itsm/reviews/${id}/sign-off`), who).send(body),
    patchAction: (
      id: string,
      action: string,
      ifMatch: number | string | undefined,
      body: object,
      who = user,
    ) =>
      versioned(
        as(api().patch(`/api/itsm/reviews/${id}/actions/${action}`), who),
        ifMatch,
      ).send(body),
    async create(body: Record<string, unknown>, who = user) {
      const res = await helpers.post('/reviews', body, who);
      if (res.status !== 201) {
        throw new Error(`create failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    async move(
      review: { id: string; version: number },
      to: string,
      fields: object = {},
      who = user,
    ) {
      const res = await helpers.transition(
        review.id,
        review.version,
        { to, ...fields },
        who,
      );
      if (res.status !== 200) {
        throw new Error(`move to ${to} failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    async frozen(review: { id: string; version: number }, who = user) {
      const res = await helpers.freeze(review.id, review.version, who);
      if (res.status !== 200) {
        throw new Error(`freeze failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    async history(id: string) {
      const res = await helpers.get(`/reviews/${id}/history?limit=200`);
      return res.body.items as Array<Record<string, any>>;
    },
    async schedule() {
      const res = await helpers.post('/review-scheduling/runs');
      if (res.status !== 200) {
        throw new Error(`scheduling failed: ${res.status} ${res.text}`);
      }
      return res.body as { scheduled: string[]; notified: number };
    },
  };
  return helpers;
}
