import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  ImprovementCreateRequest,
  improvementApprovePermission,
  improvementReadPermission,
  improvementUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { recordBreach as recordBreachRow } from '../../../__testUtils__/breachRows';
import { recordApi } from '../../../__testUtils__/recordApi';
import { ALICE, ItsmTestBackend } from '../../../__testUtils__/testBackend';
import {
  createImprovementConditionalDecision,
  improvementConditions,
} from '../improvementPermissions';

/** A valid `POST /improvements` body on payments (owned by team-a), measured by breaches. */
export function newImprovement(
  overrides: Record<string, unknown> = {},
): ImprovementCreateRequest {
  return {
    title: 'Stop resolution breaches on payments',
    description: 'Twelve resolution breaches of P3 last month.',
    entityRefs: ['component:default/payments'],
    benefit: 4,
    effort: 2,
    urgency: 4,
    kpi: {
      kpi: 'breach_count',
      windowDays: 7,
      settleDays: 0,
      target: { kind: 'relative', percent: 50 },
    },
    ...overrides,
  } as ImprovementCreateRequest;
}

/**
 * A policy like the demo portal's for the register: users listed in `owners` read, update and
 * approve only the items they or their groups (the refs given) own or whose services they
 * own; users in `noApprove` may not approve at all, and `deny` takes permissions away from a
 * user. Everyone else may do everything.
 */
export function improvementPolicy(options: {
  owners?: Record<string, string[]>;
  noApprove?: string[];
  /** Permissions denied to a user outright (e.g. reading breaches). */
  deny?: Record<string, string[]>;
}) {
  const userOf = (opts: unknown) =>
    (opts as { credentials?: { principal?: { userEntityRef?: string } } })
      ?.credentials?.principal?.userEntityRef;
  const denied = (opts: unknown, name: string) => {
    const user = userOf(opts);
    return (
      (user && options.deny?.[user]?.includes(name)) ||
      (user &&
        options.noApprove?.includes(user) &&
        name === improvementApprovePermission.name)
    );
  };
  return mockServices.permissions.mock({
    authorize: async (requests, opts) =>
      requests.map(r => ({
        result: denied(opts, r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
    authorizeConditional: async (queries, opts) =>
      queries.map((q): PolicyDecision => {
        const user = userOf(opts);
        const name = q.permission.name;
        if (denied(opts, name)) {
          return { result: AuthorizeResult.DENY };
        }
        const claims = user && options.owners?.[user];
        if (
          claims &&
          [
            improvementReadPermission.name,
            improvementUpdatePermission.name,
            improvementApprovePermission.name,
          ].includes(name)
        ) {
          const refs = [user, ...claims];
          return createImprovementConditionalDecision(
            q.permission as typeof improvementReadPermission,
            {
              anyOf: [
                improvementConditions.isImprovementOwner({ claims: refs }),
                improvementConditions.isImprovementServiceOwner({
                  claims: refs,
                }),
              ],
            },
          );
        }
        return { result: AuthorizeResult.ALLOW };
      }),
  });
}

/**
 * A breach of a resolution clock of an incident on payments whose stored owner is
 * `ownerRef`, recorded as the SLA monitor records it; its id.
 */
export async function recordBreach(
  knex: Knex,
  ownerRef: string,
  at = new Date('2027-02-03T09:00:00.000Z'),
): Promise<string> {
  return (await recordBreachRow(knex, ownerRef, at)).id;
}

/** Small helpers over the improvement API of a test backend, as one user. */
export function improvementApi(backend: ItsmTestBackend, user = ALICE) {
  const helpers = recordApi(backend, {
    collection: 'improvements',
    newRecord: newImprovement,
    user,
  });
  return {
    ...helpers,
    evaluate: (id: string, ifMatch: number | string | undefined) =>
      helpers.write(id, 'evaluation', ifMatch),
  };
}
