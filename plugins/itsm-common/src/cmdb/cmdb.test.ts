import fc from 'fast-check';
import {
  CmdbEntity,
  DEFAULT_CMDB_KINDS,
  cmdbAttribute,
  cmdbAttributeSubject,
  cmdbCompleteness,
  cmdbKindOf,
  findDependencyCycles,
  summariseCmdbScores,
} from '.';

const component = (
  spec: Record<string, unknown>,
  annotations: Record<string, string> = {},
): CmdbEntity => ({
  kind: 'Component',
  metadata: { name: 'payments', annotations },
  spec,
});

const complete = component(
  {
    owner: 'group:default/payments-team',
    lifecycle: 'production',
    system: 'payments',
  },
  {
    'itsm/tier': '1',
    'itsm/service-hours': '24x7',
    'itsm/assignment-group': 'group:default/payments-team',
  },
);

describe('cmdbAttribute', () => {
  it.each([
    ['owner', 'group:default/payments-team'],
    ['lifecycle', 'production'],
    ['itsm/tier', '1'],
    ['type', undefined],
  ])('%s → %s', (attribute, value) => {
    expect(cmdbAttribute(complete, attribute)).toBe(value);
  });

  it('treats blank and non-string values as missing', () => {
    const entity = component(
      { owner: '  ', lifecycle: 3 },
      { 'itsm/tier': '' },
    );
    expect(cmdbAttribute(entity, 'owner')).toBeUndefined();
    expect(cmdbAttribute(entity, 'lifecycle')).toBeUndefined();
    expect(cmdbAttribute(entity, 'itsm/tier')).toBeUndefined();
  });
});

describe('cmdbCompleteness', () => {
  it.each([
    [complete, [], 1],
    [
      component({ owner: 'group:default/a' }),
      [
        'lifecycle',
        'system',
        'itsm/tier',
        'itsm/service-hours',
        'itsm/assignment-group',
      ],
      1 / 6,
    ],
    [{ kind: 'System', metadata: { name: 's' }, spec: {} }, ['owner'], 0],
    [
      {
        kind: 'api',
        metadata: { name: 'a' },
        spec: { owner: 'user:default/x', lifecycle: 'beta' },
      },
      [],
      1,
    ],
  ] as Array<[CmdbEntity, string[], number]>)(
    '%# missing %j',
    (entity, missing, score) => {
      expect(cmdbCompleteness(entity)).toMatchObject({ missing, score });
    },
  );

  it('leaves kinds out of scope out, and takes a configured scope', () => {
    const group = { kind: 'Group', metadata: { name: 'g' }, spec: {} };
    expect(cmdbCompleteness(group)).toBeUndefined();
    expect(cmdbCompleteness(group, [{ kind: 'group', required: [] }])).toEqual({
      required: [],
      missing: [],
      score: 1,
    });
    expect(cmdbKindOf({ kind: 'COMPONENT' })).toBe(DEFAULT_CMDB_KINDS[0]);
  });
});

describe('cmdbAttributeSubject', () => {
  it('changes with an in-scope attribute and with nothing else', () => {
    const before = cmdbAttributeSubject(complete);
    const described = {
      ...complete,
      metadata: { ...complete.metadata, description: 'new words' },
      spec: { ...complete.spec, profile: 'x' },
    } as CmdbEntity;
    expect(cmdbAttributeSubject(described)).toBe(before);
    const moved = component(
      { ...complete.spec, system: 'checkout' },
      complete.metadata.annotations,
    );
    expect(cmdbAttributeSubject(moved)).not.toBe(before);
  });

  it('does not depend on the order of annotations', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(Object.entries(complete.metadata.annotations!), {
          minLength: 3,
        }),
        entries => {
          const shuffled = component(
            complete.spec!,
            Object.fromEntries(entries),
          );
          expect(cmdbAttributeSubject(shuffled)).toBe(
            cmdbAttributeSubject(complete),
          );
        },
      ),
    );
  });
});

describe('findDependencyCycles', () => {
  it.each([
    ['no edges', [], []],
    [
      'a chain',
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
      [],
    ],
    ['a self loop', [['a', 'a']], [['a']]],
    [
      'a triangle and a tail',
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'd'],
      ],
      [['a', 'b', 'c']],
    ],
    [
      'two separate cycles',
      [
        ['x', 'y'],
        ['y', 'x'],
        ['b', 'a'],
        ['a', 'b'],
      ],
      [
        ['a', 'b'],
        ['x', 'y'],
      ],
    ],
    ['a dangling target', [['a', 'missing']], []],
  ] as Array<[string, Array<[string, string]>, string[][]]>)(
    '%s',
    (_name, edges, cycles) => {
      expect(findDependencyCycles(edges)).toEqual(cycles);
    },
  );

  it('finds no cycle in any graph whose edges go from a lower to a higher number', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 30 }),
            fc.integer({ min: 0, max: 30 }),
          ),
        ),
        pairs => {
          const edges = pairs
            .filter(([a, b]) => a < b)
            .map(
              ([a, b]) =>
                [
                  `n${String(a).padStart(2, '0')}`,
                  `n${String(b).padStart(2, '0')}`,
                ] as [string, string],
            );
          expect(findDependencyCycles(edges)).toEqual([]);
        },
      ),
    );
  });

  it('handles a chain of 20,000 without overflowing the stack', () => {
    const edges: Array<[string, string]> = [];
    for (let i = 0; i < 20_000; i++) edges.push([`n${i}`, `n${i + 1}`]);
    edges.push(['n20000', 'n0']);
    const cycles = findDependencyCycles(edges);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(20_001);
  });
});

describe('summariseCmdbScores', () => {
  const rows = [
    {
      entityRef: 'a',
      owner: 'team-a',
      system: 's1',
      completeness: 1,
      validity: 1,
      freshness: 1,
    },
    {
      entityRef: 'b',
      owner: 'team-a',
      system: 's2',
      completeness: 0.5,
      validity: 0,
      freshness: 1,
    },
    {
      entityRef: 'c',
      owner: 'team-b',
      system: 's2',
      completeness: 1 / 3,
      validity: 1,
      freshness: 0,
    },
  ];

  it('means each figure per owner as percentages, worst first', () => {
    expect(summariseCmdbScores(rows, 'owner')).toEqual([
      {
        key: 'team-b',
        n: 1,
        completeness: 33.3,
        validity: 100,
        freshness: 0,
        overall: 44.4,
      },
      {
        key: 'team-a',
        n: 2,
        completeness: 75,
        validity: 50,
        freshness: 100,
        overall: 75,
      },
    ]);
  });

  it('summarises everything with all, and nothing without entities', () => {
    expect(summariseCmdbScores(rows, 'all')).toEqual([
      {
        key: null,
        n: 3,
        completeness: 61.1,
        validity: 66.7,
        freshness: 66.7,
        overall: 64.8,
      },
    ]);
    expect(summariseCmdbScores([], 'system')).toEqual([]);
  });
});
