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
import { insertIncidentRow } from '../../../__testUtils__/incidentRows';
import {
  ALICE,
  ItsmTestBackend,
  asUser,
} from '../../../__testUtils__/testBackend';
import { KnexLedgerStore } from '../../service-levels/KnexLedgerStore';
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
  const seq = await insertIncidentRow(knex, {
    startedAt: new Date(at.getTime() - 3_600_000),
    ownerRef,
  });
  const ledger = await KnexLedgerStore.create({
    database: { getClient: async () => knex, migrations: { skip: true } },
  });
  const cycle = `${at.getTime() - 3_600_000}-3600000-edd6f1fb`;
  await ledger.recordBreach({
    key: {
      recordType: 'incident',
      recordSeq: seq,
      clock: 'resolution',
      purpose: 'breach',
      threshold: 100,
      cycle,
    },
    scope: `itsm:incident:${seq}:resolution:breach:100:${cycle}`,
    recipients: [],
    payload: { title: `INC-${seq} breached` },
    now: at,
    event: { at, actor: 'plugin:itsm', action: 'sla_breached', changes: {} },
    breach: {
      priority: 3,
      entityRef: 'component:default/payments',
      slaSeq: null,
      slaRevision: null,
      targetMs: 3_600_000,
      calendarId: '24x7',
      breachedAt: at,
    },
  });
  const row = await knex('itsm_sla_breaches')
    .where({ record_seq: seq })
    .first();
  return `BRE-${Number(row.seq)}`;
}

/** Small helpers over the improvement API of a test backend, as one user. */
export function improvementApi(backend: ItsmTestBackend, user = ALICE) {
  const { api } = backend;
  const auth = () => asUser(user);
  const versioned = <T extends { set(name: string, value: string): T }>(
    req: T,
    ifMatch: number | string | undefined,
  ) =>
    ifMatch === undefined
      ? req
      : req.set(
          'If-Match',
          typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch,
        );
  const helpers = {
    post: (path: string, body?: object) =>
      api().post(`/api/itsm${path}`).set('Authorization', auth()).send(body),
    get: (path: string) =>
      api().get(`/api/itsm${path}`).set('Authorization', auth()),
    async create(overrides: Record<string, unknown> = {}) {
      const res = await helpers.post(
        '/improvements',
        newImprovement(overrides),
      );
      if (res.status !== 201) {
        throw new Error(`create failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    patch: (id: string, ifMatch: number | string | undefined, body: object) =>
      versioned(
        api()
          .patch(`/api/itsm/improvements/${id}`)
          .set('Authorization', auth()),
        ifMatch,
      ).send(body),
    transition: (
      id: string,
      ifMatch: number | string | undefined,
      body: object,
    ) =>
      versioned(
        api()
          .post(`/api/itsm/improvements/${id}/transitions`)
          .set('Authorization', auth()),
        ifMatch,
      ).send(body),
    evaluate: (id: string, ifMatch: number | string | undefined) =>
      versioned(
        api()
          .post(`/api/itsm/improvements/${id}/evaluation`)
          .set('Authorization', auth()),
        ifMatch,
      ).send(),
    async move(
      item: { id: string; version: number },
      to: string,
      fields: object = {},
    ) {
      const res = await helpers.transition(item.id, item.version, {
        to,
        ...fields,
      });
      if (res.status !== 200) {
        throw new Error(`move to ${to} failed: ${res.status} ${res.text}`);
      }
      return res.body;
    },
    async history(id: string) {
      const res = await helpers.get(`/improvements/${id}/history?limit=200`);
      return res.body.items as Array<Record<string, any>>;
    },
  };
  return helpers;
}
