import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PermissionCriteria,
  PermissionCondition,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  incidentCreatePermission,
  incidentReadPermission,
  incidentUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { incidentApi } from '../../__testUtils__/incidentApi';
import {
  ALICE,
  databases,
  startItsmBackend,
} from '../../__testUtils__/testBackend';
import {
  createIncidentConditionalDecision,
  incidentConditions,
} from '../../permissions/conditionExports';

jest.setTimeout(120_000);

const BOB = 'user:default/bob';
const CAROL = 'user:default/carol';
const TEAM_A = 'group:default/team-a'; // owns payments
const TEAM_B = 'group:default/team-b'; // owns cart

/** A permissions mock: create allowed, read and update decided per test. */
function permissionsWith(decisions: {
  read?: PolicyDecision;
  update?: PolicyDecision;
}) {
  const allow: PolicyDecision = { result: AuthorizeResult.ALLOW };
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => ({
        result:
          r.permission.name === incidentCreatePermission.name
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })),
    authorizeConditional: async queries =>
      queries.map(q => {
        if (q.permission.name === incidentReadPermission.name) {
          return decisions.read ?? allow;
        }
        if (q.permission.name === incidentUpdatePermission.name) {
          return decisions.update ?? allow;
        }
        return { result: AuthorizeResult.DENY };
      }),
  });
}

const conditional = (
  permission: typeof incidentReadPermission,
  conditions: PermissionCriteria<PermissionCondition<'itsm-incident'>>,
) => createIncidentConditionalDecision(permission, conditions);

describe('incident permissions', () => {
  it('answers 403 to edits, moves and notes when update is denied, and writes nothing', async () => {
    const backend = await startItsmBackend({
      features: [
        permissionsWith({ update: { result: AuthorizeResult.DENY } }).factory,
      ],
    });
    const incidents = incidentApi(backend);
    const incident = await incidents.create();

    expect(
      (await incidents.transition(incident.id, 1, { to: 'in_progress' }))
        .status,
    ).toBe(403);
    expect((await incidents.patch(incident.id, 1, { title: 'X' })).status).toBe(
      403,
    );
    expect((await incidents.workNote(incident.id, 'Note')).status).toBe(403);
    // 403 comes before 412 and 409.
    expect(
      (await incidents.transition(incident.id, 7, { to: 'closed' })).status,
    ).toBe(403);
    expect(await incidents.history(incident.id)).toHaveLength(1);
    expect((await incidents.get(incident.id)).body.version).toBe(1);
  });

  it('answers 404, not 403, to writes on incidents the caller may not read', async () => {
    const backend = await startItsmBackend({
      features: [
        permissionsWith({
          read: { result: AuthorizeResult.DENY },
          update: { result: AuthorizeResult.DENY },
        }).factory,
      ],
    });
    const incidents = incidentApi(backend);
    const incident = await incidents.create();
    expect((await incidents.get(incident.id)).status).toBe(404);
    expect(
      (await incidents.transition(incident.id, 1, { to: 'in_progress' }))
        .status,
    ).toBe(404);
    expect((await incidents.patch(incident.id, 1, { title: 'X' })).status).toBe(
      404,
    );
    expect((await incidents.workNote(incident.id, 'Note')).status).toBe(404);
    expect((await incidents.list()).status).toBe(403);
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    async function withIncidents(
      read: PolicyDecision,
      update?: PolicyDecision,
    ) {
      const backend = await startItsmBackend({
        databaseId,
        features: [permissionsWith({ read, update }).factory],
      });
      const incidents = incidentApi(backend);
      const payments = await incidents.create({
        entityRef: 'component:default/payments',
      });
      const cart = await incidents.create({ assignee: BOB });
      const cartOfTeamA = await incidents.create({ assignmentGroup: TEAM_A });
      return { backend, incidents, payments, cart, cartOfTeamA };
    }
    const ids = async (
      incidents: ReturnType<typeof incidentApi>,
      query = '?order=asc',
    ) => {
      const res = await incidents.list(query);
      expect(res.status).toBe(200);
      return res.body.items.map((i: { id: string }) => i.id);
    };

    it('filters lists, gets, history and health by a conditional read decision', async () => {
      const { backend, incidents, payments, cart } = await withIncidents(
        conditional(
          incidentReadPermission,
          incidentConditions.isServiceOwner({ claims: [TEAM_A] }),
        ),
      );
      expect(await ids(incidents)).toEqual([payments.id]);
      expect((await incidents.get(payments.id)).status).toBe(200);
      expect((await incidents.get(cart.id)).status).toBe(404);
      const history = await backend
        .api()
        .get(`/api/itsm/incidents/${cart.id}/history`)
        .set('Authorization', mockCredentials.user.header(ALICE));
      expect(history.status).toBe(404);
      expect(
        (await incidents.transition(cart.id, 1, { to: 'in_progress' })).status,
      ).toBe(404);

      const health = await backend
        .api()
        .get('/api/itsm/service-health?entityRef=component:default/cart')
        .set('Authorization', mockCredentials.user.header(ALICE));
      expect(health.body.openIncidents.total).toBe(0);
    });

    it('combines conditions with anyOf, allOf and not', async () => {
      const cases: Array<
        [PermissionCriteria<PermissionCondition<'itsm-incident'>>, number[]]
      > = [
        [incidentConditions.isAssignee({ claims: ['User:default/Bob'] }), [2]],
        [incidentConditions.isAssignee({ claims: [TEAM_A] }), [3]],
        [
          {
            anyOf: [
              incidentConditions.isServiceOwner({ claims: [TEAM_A] }),
              incidentConditions.isAssignee({ claims: [BOB] }),
            ],
          },
          [1, 2],
        ],
        [
          {
            allOf: [
              incidentConditions.isServiceOwner({ claims: [TEAM_B] }),
              incidentConditions.isAssignee({ claims: [TEAM_A] }),
            ],
          },
          [3],
        ],
        [
          { not: incidentConditions.isServiceOwner({ claims: [TEAM_A] }) },
          [2, 3],
        ],
        [incidentConditions.isServiceOwner({ claims: [] }), []],
      ];
      for (const [conditions, expected] of cases) {
        const { incidents } = await withIncidents(
          conditional(incidentReadPermission, conditions),
        );
        expect([conditions, await ids(incidents)]).toEqual([
          conditions,
          expected.map(n => `INC-${n}`),
        ]);
      }
    });

    it('applies a conditional update decision to the loaded incident', async () => {
      const { incidents, payments, cart } = await withIncidents(
        { result: AuthorizeResult.ALLOW },
        conditional(
          incidentUpdatePermission,
          incidentConditions.isAssignee({ claims: [BOB] }),
        ),
      );
      expect(
        (await incidents.transition(cart.id, 1, { to: 'in_progress' })).status,
      ).toBe(200);
      expect(
        (await incidents.transition(payments.id, 1, { to: 'in_progress' }))
          .status,
      ).toBe(403);
    });
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('lists "my queue": assigned to me or to one of my groups', async () => {
      const ownership: Record<string, string[]> = {
        [ALICE]: [ALICE, TEAM_A],
        [BOB]: [BOB],
        [CAROL]: [CAROL, 'group:default/payments-support'],
      };
      const userInfo = mockServices.userInfo.mock({
        getUserInfo: async (credentials: BackstageCredentials) => {
          const ref = (credentials.principal as BackstageUserPrincipal)
            .userEntityRef;
          return { userEntityRef: ref, ownershipEntityRefs: ownership[ref] };
        },
      });
      const backend = await startItsmBackend({
        databaseId,
        features: [userInfo.factory],
      });
      const incidents = incidentApi(backend);
      await incidents.create({ assignee: ALICE }); // INC-1
      await incidents.create({ assignmentGroup: TEAM_A }); // INC-2
      await incidents.create({ assignee: BOB }); // INC-3
      await incidents.create({ entityRef: 'component:default/payments' }); // INC-4, payments-support
      await incidents.create({ assignee: 'User:default/ALICE' }); // INC-5
      await incidents.create({ assignee: BOB, assignmentGroup: TEAM_A }); // INC-6

      const queue = async (user: string, query = '') => {
        const res = await incidentApi(backend, user).list(
          `?queue=mine&order=asc${query}`,
        );
        expect(res.status).toBe(200);
        return res.body.items.map((i: { id: string }) => i.id);
      };
      expect(await queue(ALICE)).toEqual(['INC-1', 'INC-2', 'INC-5', 'INC-6']);
      expect(await queue(BOB)).toEqual(['INC-3', 'INC-6']);
      expect(await queue(CAROL)).toEqual(['INC-4']);
      expect(await queue(ALICE, '&assignee=user:default/bob')).toEqual([
        'INC-6',
      ]);

      const service = await backend
        .api()
        .get('/api/itsm/incidents?queue=mine')
        .set('Authorization', mockCredentials.service.header());
      expect(service.status).toBe(400);
      const unknown = await incidentApi(backend).list('?queue=theirs');
      expect(unknown.status).toBe(400);
    });
  });
});
