import {
  CmdbCheckContext,
  CmdbEntity,
  checkCmdbEntity,
  cmdbRelations,
} from '.';

const context: CmdbCheckContext = {
  exists: new Set([
    'group:default/payments-team',
    'group:default/ghosts',
    'user:default/sofia.rossi',
    'system:default/payments',
    'component:default/payments-db',
    'api:default/payments-api',
  ]),
  groupMembers: new Map([['group:default/payments-team', 3]]),
  calendars: new Set(['24x7', 'business-hours-eu']),
  slaCovered: new Set(['component:default/payments-service']),
};

const service = (
  spec: Record<string, unknown> = {},
  annotations: Record<string, string> = {},
): CmdbEntity => ({
  kind: 'Component',
  metadata: {
    name: 'payments-service',
    annotations: {
      'itsm/tier': '1',
      'itsm/service-hours': '24x7',
      'itsm/assignment-group': 'group:default/payments-team',
      ...annotations,
    },
  },
  spec: {
    type: 'service',
    owner: 'payments-team',
    lifecycle: 'production',
    system: 'payments',
    dependsOn: ['component:payments-db'],
    providesApis: ['payments-api'],
    ...spec,
  },
});

const rules = (entity: CmdbEntity, ctx: CmdbCheckContext = context) =>
  checkCmdbEntity(entity, ctx).map(f => [f.rule, f.detail]);

describe('checkCmdbEntity', () => {
  it('finds nothing on a complete, resolvable, covered service', () => {
    expect(checkCmdbEntity(service(), context)).toEqual([]);
  });

  it.each([
    [
      'no owner',
      service({ owner: undefined }),
      [['owner_missing', 'no owner']],
    ],
    [
      'an owner not in the catalog',
      service({ owner: 'user:default/left.company' }),
      [
        [
          'owner_unresolvable',
          'owner user:default/left.company is not in the catalog',
        ],
      ],
    ],
    [
      'an owner group without members',
      service({ owner: 'ghosts' }),
      [
        [
          'owner_group_empty',
          'owner group group:default/ghosts has no members',
        ],
      ],
    ],
    [
      'a dangling dependsOn and consumesApis',
      service({
        dependsOn: ['resource:default/gone'],
        consumesApis: ['old-api'],
      }),
      [
        [
          'dangling_relation',
          'dependsOn names resource:default/gone, not in the catalog',
        ],
        [
          'dangling_relation',
          'consumesApis names api:default/old-api, not in the catalog',
        ],
      ],
    ],
    [
      'a component without a system',
      service({ system: undefined }),
      [
        ['missing_attribute', 'system is not set'],
        ['component_without_system', 'not part of a system'],
      ],
    ],
    [
      'an unknown calendar',
      service({}, { 'itsm/service-hours': 'business-hours-us' }),
      [
        [
          'unknown_calendar',
          'service hours business-hours-us is not a known calendar',
        ],
      ],
    ],
    [
      'an assignment group that is a user',
      service({}, { 'itsm/assignment-group': 'user:default/sofia.rossi' }),
      [
        [
          'assignment_group_not_group',
          'assignment group user:default/sofia.rossi is not a group in the catalog',
        ],
      ],
    ],
    [
      'a deprecated SLA-covered service',
      service({ lifecycle: 'deprecated' }),
      [['lifecycle_risk', 'deprecated lifecycle on a tier-1 entity']],
    ],
  ] as Array<[string, CmdbEntity, string[][]]>)(
    '%s',
    (_name, entity, expected) => {
      expect(rules(entity)).toEqual(expected);
    },
  );

  it('flags a tier-1 service without an SLA, and an experimental one on an SLA but tier 3', () => {
    const uncovered = { ...context, slaCovered: new Set<string>() };
    expect(rules(service(), uncovered)).toEqual([
      ['tier1_without_sla', 'tier 1 without an SLA in force'],
    ]);
    expect(
      rules(service({ lifecycle: 'experimental' }, { 'itsm/tier': '3' })),
    ).toEqual([
      ['lifecycle_risk', 'experimental lifecycle on an SLA-covered entity'],
    ]);
  });

  it('checks only kinds in scope, and names every finding with the entity and a severity', () => {
    const group = { kind: 'Group', metadata: { name: 'g' }, spec: {} };
    expect(checkCmdbEntity(group, context)).toEqual([]);
    const findings = checkCmdbEntity(service({ owner: undefined }), context);
    expect(findings).toEqual([
      {
        rule: 'owner_missing',
        severity: 'error',
        entityRef: 'component:default/payments-service',
        detail: 'no owner',
      },
    ]);
  });
});

describe('cmdbRelations', () => {
  it('reads relation fields in the entity namespace with their default kinds', () => {
    const entity: CmdbEntity = {
      kind: 'Component',
      metadata: { name: 'x', namespace: 'shop' },
      spec: {
        dependsOn: ['resource:db', 'y'],
        system: 'checkout',
        providesApis: 'not-a-list',
      },
    };
    expect(cmdbRelations(entity)).toEqual([
      { field: 'dependsOn', to: 'resource:shop/db' },
      { field: 'dependsOn', to: 'component:shop/y' },
      { field: 'providesApis', to: 'api:shop/not-a-list' },
      { field: 'system', to: 'system:shop/checkout' },
    ]);
  });
});
