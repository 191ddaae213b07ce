import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import {
  ApprovalPolicyRule,
  DEFAULT_APPROVAL_POLICY,
  checkApprovalAllowed,
  evaluateApprovals,
  requiredApprovalsFor,
  validateApprovalPolicy,
} from './approvals';
import type {
  Approval,
  ChangeType,
  RequiredApproval,
  RiskLevel,
} from './types';

const CM = 'group:default/change-managers';
const CAB = 'group:default/cab';
const ECAB = 'group:default/ecab';
const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';

const members: Record<string, string[]> = {
  [CM]: ['user:default/alice', 'user:default/bob'],
  [CAB]: [
    'user:default/carol',
    'user:default/dave',
    'user:default/erin',
    'user:default/frank',
    'user:default/requester',
  ],
  [ECAB]: ['user:default/gina'],
  [TEAM_A]: ['user:default/hank', 'user:default/bob'],
  [TEAM_B]: ['user:default/ivan'],
};
const groupMembers = (group: string) => members[group] ?? [];
const memberships = (user: string) =>
  Object.keys(members).filter(group => members[group].includes(user));

const REQUESTER = 'user:default/requester';

const vote = (
  approver: string,
  decision: Approval['decision'] = 'approve',
  planRevision = 1,
  at = '2026-05-01T10:00:00Z',
): Approval => ({
  approver: `user:default/${approver}`,
  decision,
  comment: null,
  at,
  planRevision,
});

const evaluate = (
  required: RequiredApproval[],
  approvals: Approval[],
  planRevision = 1,
) =>
  evaluateApprovals({
    required,
    approvals,
    planRevision,
    requester: REQUESTER,
    memberships,
  });

describe('requiredApprovalsFor with the default policy', () => {
  it.each<[ChangeType, RiskLevel | null, RequiredApproval[]]>([
    ['normal', 'low', [{ kind: 'group', group: CM, count: 1 }]],
    [
      'normal',
      'medium',
      [
        { kind: 'ownerGroup', group: TEAM_A },
        { kind: 'ownerGroup', group: TEAM_B },
        { kind: 'group', group: CM, count: 1 },
      ],
    ],
    // 4 CAB members once the requester is excluded; 50% → 2.
    ['normal', 'high', [{ kind: 'quorum', group: CAB, quorum: 2, of: 4 }]],
    ['emergency', 'low', [{ kind: 'group', group: ECAB, count: 1 }]],
    ['emergency', 'medium', [{ kind: 'group', group: ECAB, count: 1 }]],
    ['emergency', 'high', [{ kind: 'group', group: ECAB, count: 1 }]],
    ['emergency', null, [{ kind: 'group', group: ECAB, count: 1 }]],
    ['standard', 'low', []],
    ['standard', 'high', []],
  ])('%s / %s → %j', (type, risk, expected) => {
    expect(
      requiredApprovalsFor({
        policy: DEFAULT_APPROVAL_POLICY,
        type,
        risk,
        ownerGroups: [TEAM_A, TEAM_B, 'group:default/TEAM-A'],
        groupMembers,
        requester: REQUESTER,
      }),
    ).toEqual(expected);
  });

  it('answers 400 when no rule matches', () => {
    expect(() =>
      requiredApprovalsFor({
        policy: DEFAULT_APPROVAL_POLICY,
        type: 'normal',
        risk: null,
        ownerGroups: [],
        groupMembers,
        requester: REQUESTER,
      }),
    ).toThrow(InputError);
  });

  it('takes the first matching rule; a rule without risk matches any', () => {
    const policy: ApprovalPolicyRule[] = [
      { match: { type: 'normal' }, approvers: [{ group: CAB, count: 3 }] },
      ...DEFAULT_APPROVAL_POLICY,
    ];
    for (const risk of ['low', 'medium', 'high'] as const) {
      expect(
        requiredApprovalsFor({
          policy,
          type: 'normal',
          risk,
          ownerGroups: [],
          groupMembers,
          requester: REQUESTER,
        }),
      ).toEqual([{ kind: 'group', group: CAB, count: 3 }]);
    }
  });

  it.each([
    [3, 'user:default/requester', 3, 4],
    ['50%', 'user:default/requester', 2, 4],
    ['50%', 'user:default/nobody', 3, 5],
    ['10%', 'user:default/requester', 1, 4],
    ['100%', 'user:default/carol', 4, 4],
    ['1%', 'user:default/nobody', 1, 5],
  ] as const)(
    'snapshots quorum %s with requester %s as %i of %i',
    (quorum, requester, expected, of) => {
      expect(
        requiredApprovalsFor({
          policy: [
            { match: { type: 'normal' }, approvers: [{ group: CAB, quorum }] },
          ],
          type: 'normal',
          risk: 'high',
          ownerGroups: [],
          groupMembers,
          requester,
        }),
      ).toEqual([{ kind: 'quorum', group: CAB, quorum: expected, of }]);
    },
  );
});

describe('validateApprovalPolicy', () => {
  it('accepts the default policy', () => {
    expect(validateApprovalPolicy(DEFAULT_APPROVAL_POLICY)).toEqual(
      DEFAULT_APPROVAL_POLICY,
    );
  });

  const base = () =>
    JSON.parse(JSON.stringify(DEFAULT_APPROVAL_POLICY)) as any[];

  const edit = (change: (p: any[]) => void) => () => {
    const policy = base();
    change(policy);
    return policy;
  };

  it.each<[string, () => unknown, RegExp]>([
    ['not a list', () => ({}), /approvalPolicy must be a list/],
    [
      'a standard rule',
      edit(p =>
        p.unshift({ match: { type: 'standard' }, approvers: [{ group: CM }] }),
      ),
      /approvalPolicy\[0\]\.match\.type/,
    ],
    [
      'an unknown risk',
      edit(p => (p[0].match.risk = 'severe')),
      /approvalPolicy\[0\]\.match\.risk/,
    ],
    [
      'no approvers',
      edit(p => (p[1].approvers = [])),
      /approvalPolicy\[1\]\.approvers/,
    ],
    [
      'a bad group',
      edit(p => (p[0].approvers[0].group = 'user:default/x')),
      /approvalPolicy\[0\]\.approvers\[0\]\.group/,
    ],
    [
      'a zero count',
      edit(p => (p[0].approvers[0].count = 0)),
      /approvers\[0\]\.count/,
    ],
    [
      'a bad quorum',
      edit(p => (p[2].approvers[0].quorum = '150%')),
      /approvalPolicy\[2\]\.approvers\[0\]\.quorum/,
    ],
    ['a text quorum', edit(p => (p[2].approvers[0].quorum = 'half')), /quorum/],
    [
      'count and quorum',
      edit(p => (p[2].approvers[0].count = 2)),
      /count or quorum/,
    ],
    [
      'ownerGroups false',
      edit(p => (p[1].approvers[0].ownerGroups = false)),
      /approvalPolicy\[1\]\.approvers\[0\]\.ownerGroups/,
    ],
    [
      'an unknown setting',
      edit(p => (p[3].match.owner = 'x')),
      /approvalPolicy\[3\]\.match\.owner/,
    ],
    [
      'a missing risk',
      edit(p => p.splice(2, 1)),
      /normal changes of high risk/,
    ],
    ['no emergency rule', edit(p => p.splice(3, 1)), /emergency changes/],
  ])('rejects %s naming the field', (_name, policy, message) => {
    const check = () => validateApprovalPolicy(policy());
    expect(check).toThrow(InputError);
    expect(check).toThrow(message);
  });
});

describe('evaluateApprovals', () => {
  const oneManager: RequiredApproval[] = [
    { kind: 'group', group: CM, count: 1 },
  ];

  it('is pending without votes and approved with none required', () => {
    expect(evaluate(oneManager, []).state).toBe('pending');
    expect(evaluate([], [vote('alice', 'reject')]).state).toBe('approved');
  });

  it('approves with one required approval', () => {
    const result = evaluate(oneManager, [vote('alice')]);
    expect(result).toEqual({
      state: 'approved',
      outstanding: [],
      counted: [{ approver: 'user:default/alice', requirement: 0, group: CM }],
      rejectedBy: [],
    });
  });

  it('never counts self-approval', () => {
    const required: RequiredApproval[] = [
      { kind: 'group', group: CAB, count: 1 },
    ];
    const result = evaluate(required, [vote('requester')]);
    expect(result.state).toBe('pending');
    expect(result.counted).toEqual([]);
    // nor a self-rejection
    expect(evaluate(required, [vote('requester', 'reject')]).state).toBe(
      'pending',
    );
  });

  it('counts a double vote once', () => {
    const required: RequiredApproval[] = [
      { kind: 'group', group: CAB, count: 2 },
    ];
    const result = evaluate(required, [vote('carol'), vote('carol')]);
    expect(result.state).toBe('pending');
    expect(result.counted).toHaveLength(1);
    expect(result.outstanding).toEqual([{ ...required[0], remaining: 1 }]);
  });

  it('counts a person in two required groups once', () => {
    // bob is both a change manager and in team-a
    const required: RequiredApproval[] = [
      { kind: 'ownerGroup', group: TEAM_A },
      { kind: 'group', group: CM, count: 1 },
    ];
    const alone = evaluate(required, [vote('bob')]);
    expect(alone.state).toBe('pending');
    expect(alone.counted).toHaveLength(1);
    expect(alone.outstanding).toHaveLength(1);

    expect(evaluate(required, [vote('bob'), vote('hank')]).state).toBe(
      'approved',
    );
    expect(evaluate(required, [vote('bob'), vote('alice')]).state).toBe(
      'approved',
    );
  });

  it('finds the assignment that meets the most requirements', () => {
    // bob votes first and could fill team-a or change-managers; alice only change-managers.
    const required: RequiredApproval[] = [
      { kind: 'group', group: CM, count: 1 },
      { kind: 'ownerGroup', group: TEAM_A },
    ];
    const result = evaluate(required, [vote('bob'), vote('alice')]);
    expect(result.state).toBe('approved');
    expect(result.counted).toEqual(
      expect.arrayContaining([
        { approver: 'user:default/bob', requirement: 1, group: TEAM_A },
        { approver: 'user:default/alice', requirement: 0, group: CM },
      ]),
    );

    // 3 change managers needed cannot be met; team-a can, with bob.
    const partial = evaluate(
      [
        { kind: 'group', group: CM, count: 3 },
        { kind: 'ownerGroup', group: TEAM_A },
      ],
      [vote('bob'), vote('alice')],
    );
    expect(partial.state).toBe('pending');
    expect(partial.outstanding).toEqual([
      { kind: 'group', group: CM, count: 3, remaining: 2 },
    ]);
  });

  it('lets one rejection win', () => {
    const required: RequiredApproval[] = [
      { kind: 'quorum', group: CAB, quorum: 2, of: 4 },
    ];
    const result = evaluate(required, [
      vote('carol'),
      vote('dave'),
      vote('erin', 'reject'),
    ]);
    expect(result.state).toBe('rejected');
    expect(result.rejectedBy).toEqual(['user:default/erin']);
  });

  it('ignores a rejection by someone not required', () => {
    expect(evaluate(oneManager, [vote('ivan', 'reject')]).state).toBe(
      'pending',
    );
  });

  it('keeps a first vote over a later one by the same person', () => {
    expect(
      evaluate(oneManager, [
        vote('alice', 'reject', 1, '2026-05-01T11:00:00Z'),
        vote('alice', 'approve', 1, '2026-05-01T10:00:00Z'),
      ]).state,
    ).toBe('approved');
  });

  it.each([
    [2, ['carol'], 'pending'],
    [2, ['carol', 'dave'], 'approved'],
    [3, ['carol', 'dave'], 'pending'],
    [3, ['carol', 'dave', 'requester', 'gina'], 'pending'],
    [3, ['carol', 'dave', 'frank'], 'approved'],
  ] as const)('a quorum of %i with votes %j is %s', (quorum, voters, state) => {
    expect(
      evaluate(
        [{ kind: 'quorum', group: CAB, quorum, of: 4 }],
        voters.map(v => vote(v)),
      ).state,
    ).toBe(state);
  });

  it('resets on replanning: votes on an older plan revision do not count', () => {
    const required: RequiredApproval[] = [
      { kind: 'quorum', group: CAB, quorum: 2, of: 4 },
    ];
    const approvals = [vote('carol', 'approve', 1), vote('dave', 'reject', 1)];
    expect(evaluate(required, approvals, 1).state).toBe('rejected');
    expect(evaluate(required, approvals, 2)).toEqual({
      state: 'pending',
      outstanding: [{ ...required[0], remaining: 2 }],
      counted: [],
      rejectedBy: [],
    });
    expect(
      evaluate(
        required,
        [...approvals, vote('carol', 'approve', 2), vote('dave', 'approve', 2)],
        2,
      ).state,
    ).toBe('approved');
  });
});

describe('checkApprovalAllowed', () => {
  const required: RequiredApproval[] = [{ kind: 'group', group: CM, count: 1 }];
  const change = {
    status: 'authorization' as const,
    requester: 'user:default/alice',
    planRevision: 2,
    approvals: [vote('bob', 'approve', 1)],
    requiredApprovals: required,
  };
  const check =
    (approver: string, overrides: object = {}) =>
    () =>
      checkApprovalAllowed({
        change: { ...change, ...overrides },
        approver,
        memberships,
      });

  it('refuses self-approval with 403, even by a required approver', () => {
    expect(check('user:default/alice')).toThrow(NotAllowedError);
    expect(check('user:default/Alice')).toThrow(NotAllowedError);
  });

  it('refuses a non-required approver with 403', () => {
    expect(check('user:default/ivan')).toThrow(NotAllowedError);
  });

  it('refuses outside authorization with 409', () => {
    for (const status of ['draft', 'scheduled', 'rejected', 'closed']) {
      expect(check('user:default/bob', { status })).toThrow(ConflictError);
    }
  });

  it('answers 403 before 409', () => {
    expect(check('user:default/ivan', { status: 'draft' })).toThrow(
      NotAllowedError,
    );
  });

  it('refuses a second vote on the same plan revision with 409', () => {
    expect(check('user:default/bob')).not.toThrow();
    expect(
      check('user:default/bob', {
        approvals: [vote('bob', 'reject', 2)],
      }),
    ).toThrow(ConflictError);
  });

  it('takes explicit requirements over the snapshot', () => {
    expect(() =>
      checkApprovalAllowed({
        change,
        approver: 'user:default/ivan',
        memberships,
        required: [{ kind: 'ownerGroup', group: TEAM_B }],
      }),
    ).not.toThrow();
  });
});
