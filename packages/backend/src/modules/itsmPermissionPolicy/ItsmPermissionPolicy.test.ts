import fs from 'node:fs';
import path from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  calendarManagePermission,
  changeApprovePermission,
  changeCreatePermission,
  changeReadPermission,
  changeTemplateManagePermission,
  changeUpdatePermission,
  complaintCreatePermission,
  complaintManagePermission,
  improvementApprovePermission,
  improvementCreatePermission,
  improvementReadPermission,
  improvementUpdatePermission,
  complaintReadPermission,
  incidentCreatePermission,
  incidentReadPermission,
  incidentUpdatePermission,
  knownErrorManagePermission,
  problemCreatePermission,
  problemReadPermission,
  problemUpdatePermission,
  reviewManagePermission,
  reviewReadPermission,
  surveyManagePermission,
  itsmPermissions,
  slaManagePermission,
  slaReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { parseAllDocuments } from 'yaml';
import { ItsmPermissionPolicy, itsmRules } from './ItsmPermissionPolicy';

/**
 * Ownership refs of every demo user as the demo sign-in gives them (the User entity and its
 * direct `memberOf` groups), read from the demo catalog so the table below is the demo's truth.
 */
function demoOwnership(): Map<string, string[]> {
  const file = path.resolve(__dirname, '../../../../../examples/org.yaml');
  const users = new Map<string, string[]>();
  for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
    const entity = doc.toJS();
    if (entity?.kind === 'User') {
      users.set(entity.metadata.name, [
        `user:default/${entity.metadata.name}`,
        ...(entity.spec.memberOf ?? []).map(
          (group: string) => `group:default/${group}`,
        ),
      ]);
    }
  }
  return users;
}

const ownership = demoOwnership();

function policyFor(refsOf: (userRef: string) => string[] | undefined) {
  const userInfo = mockServices.userInfo.mock({
    async getUserInfo(credentials) {
      const userRef = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return { userEntityRef: userRef, ownershipEntityRefs: refsOf(userRef)! };
    },
  });
  return new ItsmPermissionPolicy({ userInfo });
}

const policy = policyFor(ref => ownership.get(ref.split('/')[1]));

function signedIn(name: string): PolicyQueryUser {
  const userEntityRef = `user:default/${name}`;
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: { userEntityRef, ownershipEntityRefs: ownership.get(name)! },
  };
}

const decide = (permission: Permission, user?: PolicyQueryUser) =>
  policy.handle({ permission }, user);

const A = 'ALLOW';
const D = 'DENY';
const C = 'CONDITIONAL';
type Expected = typeof A | typeof D | typeof C;

const columns = [
  incidentReadPermission,
  incidentCreatePermission,
  incidentUpdatePermission,
  changeReadPermission,
  changeCreatePermission,
  changeUpdatePermission,
  changeApprovePermission,
  changeTemplateManagePermission,
  slaReadPermission,
  slaManagePermission,
  calendarManagePermission,
  problemReadPermission,
  problemCreatePermission,
  problemUpdatePermission,
  knownErrorManagePermission,
  reviewReadPermission,
  reviewManagePermission,
  surveyManagePermission,
  complaintReadPermission,
  complaintCreatePermission,
  complaintManagePermission,
  improvementReadPermission,
  improvementCreatePermission,
  improvementUpdatePermission,
  improvementApprovePermission,
];

// prettier-ignore
const table: Array<[string, string, ...Expected[]]> = [
  // user            who                                     incident     change             template  sla          calendar  problem      known error  review       survey  complaint    improvement
  //                                                         read new upd read new upd vote manage    read manage  manage    read new upd manage       read manage  manage  read new manage  read new upd approve
  ['guest',          'platform-team developer',              A,   A,  C,  A,   A,  C,  A,   D,        A,   A,      D, A, A, C, A,               A,   C,      A,      C,   A,  C,  A,   A,  C,  C],
  ['daniel.kim',     'payments-team developer',              A,   A,  C,  A,   A,  C,  A,   D,        A,   A,      D, A, A, C, A,               A,   C,      A,      C,   A,  C,  A,   A,  C,  C],
  ['sofia.rossi',    'payments service owner, CAB, ECAB',    A,   A,  C,  A,   A,  C,  A,   D,        A,   A,      D, A, A, C, A,               A,   C,      A,      C,   A,  C,  A,   A,  C,  C],
  ['jonas.weber',    'SRE (support engineer), ECAB',         A,   A,  A,  A,   A,  C,  A,   D,        A,   A,      D, A, A, A, A,               A,   C,      A,      A,   A,  A,  A,   A,  C,  C],
  ['tom.oconnor',    'SRE, change manager',                  A,   A,  A,  A,   A,  A,  A,   D,        A,   A,      D, A, A, A, A,               A,   C,      A,      A,   A,  A,  A,   A,  C,  C],
  ['marcus.reed',    'change manager, CAB, ITSM admin',      A,   A,  C,  A,   A,  A,  A,   A,        A,   A,      A, A, A, C, A,               A,   C,      A,      C,   A,  C,  A,   A,  A,  A],
  ['maria.garcia',   'SRE lead, change manager, ITSM admin', A,   A,  A,  A,   A,  A,  A,   A,        A,   A,      A, A, A, A, A,               A,   C,      A,      A,   A,  A,  A,   A,  A,  A],
  ['katrin.vogel',   'head of engineering, CAB',             A,   A,  C,  A,   A,  C,  A,   D,        A,   A,      D, A, A, C, A,               A,   C,      A,      C,   A,  C,  A,   A,  C,  C],
  ['olivia.bennett', 'merchants (customer of the SLAs)',     A,   A,  C,  A,   A,  C,  A,   D,        A,   A,      D, A, A, C, A,               A,   C,      A,      C,   A,  C,  A,   A,  C,  C],
];

/** The conditional decision the policy gives a user who is not a manager of the record type. */
function conditionalFor(permission: Permission, claims: string[]) {
  const byPermission: Record<string, [string, string[]]> = {
    [incidentUpdatePermission.name]: [
      'itsm-incident',
      ['IS_SERVICE_OWNER', 'IS_ASSIGNEE'],
    ],
    [problemUpdatePermission.name]: [
      'itsm-problem',
      ['IS_SERVICE_OWNER', 'IS_PROBLEM_OWNER'],
    ],
    [complaintReadPermission.name]: [
      'itsm-complaint',
      ['IS_COMPLAINANT', 'IS_COMPLAINT_OWNER', 'IS_SERVICE_OWNER'],
    ],
    [complaintManagePermission.name]: [
      'itsm-complaint',
      ['IS_COMPLAINT_OWNER', 'IS_SERVICE_OWNER'],
    ],
    [improvementUpdatePermission.name]: [
      'itsm-improvement',
      ['IS_IMPROVEMENT_OWNER', 'IS_SERVICE_OWNER'],
    ],
  };
  // One rule: the owners of the service run its reviews and approve its improvement items.
  const single: Record<string, string> = {
    [reviewManagePermission.name]: 'itsm-review',
    [improvementApprovePermission.name]: 'itsm-improvement',
  };
  if (single[permission.name]) {
    const resourceType = single[permission.name];
    return {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'itsm',
      resourceType,
      conditions: {
        rule: 'IS_SERVICE_OWNER',
        resourceType,
        params: { claims },
      },
    };
  }
  const [resourceType, rules] = byPermission[permission.name] ?? [
    'itsm-change',
    ['IS_CHANGE_REQUESTER', 'IS_CHANGE_ENTITY_OWNER'],
  ];
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'itsm',
    resourceType,
    conditions: {
      anyOf: rules.map(rule => ({ rule, resourceType, params: { claims } })),
    },
  };
}

describe('ItsmPermissionPolicy', () => {
  it('reads the demo users it decides for from examples/org.yaml', () => {
    for (const [name] of table) {
      expect(ownership.get(name)).toBeDefined();
    }
    expect(ownership.get('marcus.reed')).toContain('group:default/itsm-admins');
    expect(ownership.get('maria.garcia')).toContain(
      'group:default/itsm-admins',
    );
  });

  describe.each(table)('%s (%s)', (name, _who, ...expected) => {
    it.each(columns.map((permission, i) => [permission.name, i] as const))(
      '%s',
      async (_permissionName, i) => {
        const permission = columns[i];
        const want =
          expected[i] === C
            ? conditionalFor(permission, ownership.get(name)!)
            : { result: AuthorizeResult[expected[i]] };
        expect(await decide(permission, signedIn(name))).toEqual(want);
      },
    );
  });

  it('has a rule for every permission the ITSM plugins declare', () => {
    expect(Object.keys(itsmRules).sort()).toEqual(
      itsmPermissions.map(p => p.name).sort(),
    );
    expect(columns.map(p => p.name).sort()).toEqual(
      itsmPermissions.map(p => p.name).sort(),
    );
  });

  it('denies ITSM permissions it has no rule for, even to ITSM admins (fail closed)', async () => {
    const unknown = [
      createPermission({
        name: 'itsm.improvement.manage',
        attributes: { action: 'update' },
      }),
      createPermission({
        name: 'itsm.incident.delete',
        attributes: { action: 'delete' },
        resourceType: 'itsm-incident',
      }),
      createPermission({ name: 'itsm.export', attributes: { action: 'read' } }),
    ];
    for (const permission of unknown) {
      for (const name of ['maria.garcia', 'marcus.reed', 'guest']) {
        expect(await decide(permission, signedIn(name))).toEqual({
          result: AuthorizeResult.DENY,
        });
      }
    }
  });

  it('denies every ITSM permission to a caller without a user identity', async () => {
    for (const permission of itsmPermissions) {
      expect(await decide(permission)).toEqual({
        result: AuthorizeResult.DENY,
      });
    }
  });

  it('allows every permission outside ITSM, signed in or not, as the allow-all policy did', async () => {
    const others = [
      createPermission({
        name: 'catalog.entity.read',
        attributes: { action: 'read' },
        resourceType: 'catalog-entity',
      }),
      createPermission({
        name: 'catalog.entity.delete',
        attributes: { action: 'delete' },
        resourceType: 'catalog-entity',
      }),
      createPermission({
        name: 'scaffolder.task.create',
        attributes: { action: 'create' },
      }),
      // Only the `itsm.` prefix is ITSM's, not a name that merely starts with the word.
      createPermission({ name: 'itsmx.read', attributes: { action: 'read' } }),
    ];
    for (const permission of others) {
      expect(await decide(permission, signedIn('daniel.kim'))).toEqual({
        result: AuthorizeResult.ALLOW,
      });
      expect(await decide(permission)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('compares group refs case-insensitively and passes lowercase claims', async () => {
    const shouting = policyFor(ref => [
      ref.toUpperCase(),
      'Group:Default/SRE-Team',
    ]);
    const user = signedIn('jonas.weber');

    expect(
      await shouting.handle({ permission: incidentUpdatePermission }, user),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      await shouting.handle({ permission: changeUpdatePermission }, user),
    ).toEqual(
      conditionalFor(changeUpdatePermission, [
        'user:default/jonas.weber',
        'group:default/sre-team',
      ]),
    );
  });

  it('asks the user info service, not the deprecated info on the query', async () => {
    const fresh = policyFor(() => ['user:default/someone']);
    const user = signedIn('maria.garcia'); // its `info` says sre-team and itsm-admins

    expect(
      await fresh.handle({ permission: changeTemplateManagePermission }, user),
    ).toEqual({ result: AuthorizeResult.DENY });
  });
});
