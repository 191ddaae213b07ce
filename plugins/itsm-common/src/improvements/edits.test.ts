import {
  defaultImprovementKpi,
  improvementOwnership,
  planImprovementPatch,
} from './edits';
import { improvementPatchSchema } from './schemas';
import {
  IMPROVEMENT_STATUSES,
  ImprovementKpi,
  ImprovementStatus,
} from './types';

const kpi: ImprovementKpi = {
  kpi: 'breach_count',
  category: null,
  priority: null,
  signature: null,
  windowDays: 28,
  settleDays: 7,
  direction: 'decrease',
  target: { kind: 'relative', percent: 50 },
};

/** The same KPI as a request names it, its keys in another order. */
const sameKpiRequest = {
  target: { percent: 50, kind: 'relative' },
  windowDays: 28,
  kpi: 'breach_count',
};

const item = (status: ImprovementStatus) => ({
  status,
  kpi,
  benefit: 4,
  effort: 2,
  urgency: 3,
});

const patch = (status: ImprovementStatus, body: object) =>
  planImprovementPatch(item(status), improvementPatchSchema.parse(body));

describe('planImprovementPatch', () => {
  const locked: ImprovementStatus[] = ['closed', 'rejected'];
  it.each(IMPROVEMENT_STATUSES.filter(s => !locked.includes(s)))(
    'edits a %s item',
    status => {
      expect(patch(status, { title: 'New' })).toEqual({ title: 'New' });
    },
  );

  it.each(locked)('refuses any edit of a %s item (409)', status => {
    expect(() => patch(status, { title: 'New' })).toThrow(
      expect.objectContaining({
        name: 'ConflictError',
        message: `The improvement is ${status} and cannot change`,
      }),
    );
  });

  it.each<[ImprovementStatus, object]>([
    ['proposed', { ...sameKpiRequest, windowDays: 14 }],
    [
      'proposed',
      { kpi: 'mttr', windowDays: 28, target: sameKpiRequest.target },
    ],
    ['approved', sameKpiRequest],
    ['implemented', sameKpiRequest],
  ])('takes for a %s item the KPI %j', (status, given) => {
    expect(patch(status, { kpi: given }).kpi).toEqual(
      improvementPatchSchema.parse({ kpi: given }).kpi,
    );
  });

  it.each<[ImprovementStatus, object | null]>([
    ['approved', { ...sameKpiRequest, windowDays: 14 }],
    ['in_progress', null],
    ['evaluated', { ...sameKpiRequest, settleDays: 0 }],
  ])('refuses for a %s item another KPI %j (409)', (status, given) => {
    expect(() => patch(status, { kpi: given })).toThrow(
      expect.objectContaining({
        name: 'ConflictError',
        message: expect.stringMatching(/KPI is fixed/),
      }),
    );
  });

  it.each<[object, object]>([
    [{ benefit: 5 }, { benefit: 5, effort: 2, urgency: 3 }],
    [{ effort: 1 }, { benefit: 4, effort: 1, urgency: 3 }],
    [
      { urgency: 5, effort: 5 },
      { benefit: 4, effort: 5, urgency: 5 },
    ],
    [{ title: 'Only the title' }, { title: 'Only the title' }],
  ])('writes the three score inputs together: %j → %j', (body, planned) => {
    expect(patch('approved', body)).toEqual(planned);
  });

  it.each<[object, object]>([
    [
      { owner: 'User:Default/Bob', owningGroup: 'Group:Default/Team-B' },
      { owner: 'user:default/bob', owningGroup: 'group:default/team-b' },
    ],
    [{ owningGroup: null }, { owningGroup: null }],
    [{ entityRefs: ['component:default/cart'] }, {}],
  ])(
    'stores refs lowercase and leaves the services out: %j',
    (body, planned) => {
      expect(patch('proposed', body)).toEqual(planned);
    },
  );
});

describe('improvementOwnership', () => {
  const TEAM_A = 'group:default/team-a';
  it.each<
    [
      string,
      Parameters<typeof improvementOwnership>[0],
      ReturnType<typeof improvementOwnership>,
    ]
  >([
    [
      'a user owner, the service group owning',
      { owner: 'user:default/alice', serviceOwnerRef: TEAM_A },
      { owner: 'user:default/alice', owningGroup: TEAM_A },
    ],
    [
      'no owner: the service group owns it',
      { serviceOwnerRef: 'Group:Default/Team-A' },
      { owner: TEAM_A, owningGroup: TEAM_A },
    ],
    [
      'a group owner owns it as the owning group too',
      { owner: 'group:default/team-b', serviceOwnerRef: TEAM_A },
      { owner: 'group:default/team-b', owningGroup: 'group:default/team-b' },
    ],
    [
      'an owning group given wins',
      {
        owner: 'group:default/team-b',
        owningGroup: 'Group:default/Ops',
        serviceOwnerRef: TEAM_A,
      },
      { owner: 'group:default/team-b', owningGroup: 'group:default/ops' },
    ],
    [
      'a service owned by a user leaves a proposal unowned',
      { owner: null, serviceOwnerRef: 'user:default/carol' },
      { owner: null, owningGroup: null },
    ],
    [
      'a user owner of a service without an owner',
      { owner: 'user:default/alice', serviceOwnerRef: null },
      { owner: 'user:default/alice', owningGroup: null },
    ],
  ])('%s', (_case, input, expected) => {
    expect(improvementOwnership(input)).toEqual(expected);
  });
});

describe('defaultImprovementKpi', () => {
  it.each<[Parameters<typeof defaultImprovementKpi>, Partial<ImprovementKpi>]>([
    [
      [
        'breach_count',
        { windowDays: 28, target: { kind: 'relative', percent: 50 } },
      ],
      { direction: 'decrease', settleDays: 7, category: null, signature: null },
    ],
    [
      ['csat', { windowDays: 90, target: { kind: 'relative', percent: 10 } }],
      { direction: 'increase', settleDays: 7, priority: null },
    ],
    [
      [
        'recurrence',
        {
          windowDays: 28,
          target: { kind: 'absolute', value: 1 },
          signature: 'pool exhausted',
        },
      ],
      { direction: 'decrease', signature: 'pool exhausted', category: null },
    ],
  ])('%j', (args, expected) => {
    const result = defaultImprovementKpi(...args);
    expect(result).toMatchObject({ kpi: args[0], ...expected });
    // What drafts and suggestions propose is a KPI the API takes as it is.
    expect(improvementPatchSchema.parse({ kpi: result }).kpi).toEqual(result);
  });
});
