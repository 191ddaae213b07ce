import fc from 'fast-check';
import {
  REVIEW_PACK_SECTIONS,
  ReviewPack,
  canonicalJson,
  diffReviewPack,
  reviewPackContent,
  roundFigure,
} from './pack';

function examplePack(): ReviewPack {
  return {
    format: 1,
    header: {
      entityRef: 'component:default/payments',
      serviceTitle: 'Payments',
      sla: {
        id: 'SLA-2',
        revision: 3,
        title: 'Payments SLA',
        customerGroups: ['group:default/finance'],
      },
      period: {
        from: '2026-10-01T00:00:00.000Z',
        to: '2026-11-01T00:00:00.000Z',
      },
      generatedAt: '2026-11-02T09:00:00.000Z',
      generatorVersion: '1',
    },
    sections: {
      sla: {
        version: 1,
        overall: { met: 9, breached: 1, waived: 0, percent: 90 },
        targets: [
          {
            target: 'p1.resolution',
            priority: 1,
            clock: 'resolution',
            targetMs: 14_400_000,
            fromDefaults: 0,
            met: 9,
            breached: 1,
            waived: 0,
            percent: 90,
          },
        ],
        trend: [
          {
            label: '2026-09',
            from: '2026-09-01T00:00:00.000Z',
            to: '2026-10-01T00:00:00.000Z',
            met: 4,
            breached: 0,
            attainmentPercent: 100,
          },
          {
            label: '2026-10',
            from: '2026-10-01T00:00:00.000Z',
            to: '2026-11-01T00:00:00.000Z',
            met: 9,
            breached: 1,
            attainmentPercent: 90,
          },
        ],
      },
      availability: {
        version: 1,
        targetPercent: 99.5,
        percent: 99.86,
        met: true,
        serviceMs: 2_678_400_000,
        outageMs: 3_600_000,
        trend: [{ label: '2026-10', percent: 99.86 }],
      },
      workload: {
        version: 1,
        items: [
          {
            metric: 'incidentsPerMonth',
            actual: 12,
            limit: 50,
            exceeded: false,
          },
        ],
      },
      breaches: {
        version: 1,
        total: 1,
        waived: 0,
        causes: { total: 1, items: [{ cause: 'Supplier late', count: 1 }] },
        items: {
          total: 1,
          items: [
            {
              id: 'BR-1',
              recordId: 'INC-3',
              priority: 1,
              clock: 'resolution',
              breachedAt: '2026-10-05T10:00:00.000Z',
              cause: 'Supplier late',
              action: null,
              waived: false,
            },
          ],
        },
      },
      incidents: {
        version: 1,
        raised: 12,
        resolved: 11,
        byPriority: [
          { priority: 1, count: 2 },
          { priority: 2, count: 0 },
          { priority: 3, count: 10 },
          { priority: 4, count: 0 },
          { priority: 5, count: 0 },
        ],
        byStatus: [
          { status: 'new', count: 1 },
          { status: 'closed', count: 11 },
        ],
        major: {
          total: 1,
          items: [
            {
              id: 'INC-3',
              title: 'Checkout down',
              priority: 1,
              status: 'closed',
              createdAt: '2026-10-05T06:00:00.000Z',
              resolvedAt: '2026-10-05T07:00:00.000Z',
              outageStart: '2026-10-05T06:00:00.000Z',
              outageEnd: '2026-10-05T07:00:00.000Z',
              review: {
                summary: 'Database failover',
                rootCause: null,
                lessonsLearned: null,
                problemId: 'PRB-1',
              },
            },
          ],
        },
      },
      problems: {
        version: 1,
        opened: 1,
        resolved: 0,
        open: 1,
        items: {
          total: 1,
          items: [
            {
              id: 'PRB-1',
              title: 'Failover',
              status: 'investigating',
              priority: 2,
              createdAt: '2026-10-06T00:00:00.000Z',
              resolvedAt: null,
            },
          ],
        },
        knownErrors: { total: 0, items: [] },
      },
      changes: {
        version: 1,
        closed: 4,
        successful: 3,
        percent: 75,
        targetPercent: 90,
        met: false,
        byOutcome: [
          { outcome: 'successful', count: 3 },
          { outcome: 'successful_with_issues', count: 0 },
          { outcome: 'failed', count: 1 },
          { outcome: 'backed_out', count: 0 },
        ],
        failed: {
          total: 1,
          items: [
            {
              id: 'CHG-4',
              title: 'Upgrade',
              type: 'normal',
              outcome: 'failed',
              closedAt: '2026-10-08T00:00:00.000Z',
            },
          ],
        },
      },
      satisfaction: {
        version: 1,
        available: true,
        targetPercent: 80,
        met: true,
        figures: {
          ratings: 6,
          csatPercent: 83.33,
          meanRating: 4.17,
          npsAnswers: 0,
          nps: null,
          tooFew: false,
          invited: 10,
          responses: 6,
          responseRatePercent: 60,
        },
        trend: [],
        comments: {
          more: false,
          items: [
            {
              at: '2026-10-09T00:00:00.000Z',
              rating: 2,
              nps: null,
              comment: 'Slow',
              source: { type: 'incident', id: 'INC-5' },
            },
          ],
        },
      },
      complaints: {
        version: 1,
        available: true,
        raised: 0,
        open: 0,
        resolved: 0,
        escalated: 0,
        items: [],
        cap: 50,
      },
      alignment: {
        version: 1,
        slaId: 'SLA-2',
        agreements: [{ id: 'OLA-1', kind: 'ola', title: 'DBA', aligned: true }],
        findings: [],
      },
      actions: {
        version: 1,
        items: {
          total: 1,
          items: [
            {
              reviewId: 'REV-1',
              id: 'REV-1/A-1',
              title: 'Add a replica',
              owner: 'user:default/ann',
              dueDate: '2026-11-30',
              status: 'open',
            },
          ],
        },
      },
    },
  };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out undefined properties', () => {
    expect(
      canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }),
    ).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ a: NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Infinity])).toThrow(TypeError);
  });

  it('gives the same text whatever order the keys were added in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), value => {
        const shuffled = JSON.parse(JSON.stringify(value), (_key, v) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : v,
        );
        expect(canonicalJson(shuffled)).toBe(canonicalJson(value));
      }),
    );
  });
});

describe('roundFigure', () => {
  it.each([
    [66.66666, 66.67],
    [0.005, 0.01],
    [99.999, 100],
    [-0.001, 0],
    [12, 12],
  ])('rounds %p to %p', (input, expected) => {
    expect(Object.is(roundFigure(input), expected)).toBe(true);
  });
});

describe('reviewPackContent', () => {
  it('is the pack without when it was generated', () => {
    const a = examplePack();
    const b = examplePack();
    b.header.generatedAt = '2027-01-01T00:00:00.000Z';
    expect(canonicalJson(reviewPackContent(a))).toBe(
      canonicalJson(reviewPackContent(b)),
    );
    expect(canonicalJson(reviewPackContent(a))).not.toContain('generatedAt');
  });
});

describe('diffReviewPack', () => {
  it('finds nothing between a pack and itself, or a copy generated later', () => {
    const pack = examplePack();
    const later = clone(pack);
    later.header.generatedAt = '2026-12-24T00:00:00.000Z';
    expect(diffReviewPack(pack, pack)).toEqual({
      changed: false,
      sections: [],
    });
    expect(diffReviewPack(pack, later)).toEqual({
      changed: false,
      sections: [],
    });
  });

  it.each<{
    name: string;
    edit: (pack: ReviewPack) => void;
    section: string;
    title: string;
    changes: Array<{ path: string; frozen: unknown; live: unknown }>;
  }>([
    {
      name: 'a count by priority',
      edit: p => {
        p.sections.incidents.byPriority[1].count = 1;
        p.sections.incidents.raised = 13;
      },
      section: 'incidents',
      title: 'Incidents and major incidents',
      changes: [
        { path: 'Raised', frozen: 12, live: 13 },
        { path: 'By priority › P2 › Count', frozen: 0, live: 1 },
      ],
    },
    {
      name: 'a new major incident',
      edit: p => {
        const added = {
          ...p.sections.incidents.major.items[0],
          id: 'INC-9',
          review: null,
        };
        p.sections.incidents.major = {
          total: 2,
          items: [added, p.sections.incidents.major.items[0]],
        };
      },
      section: 'incidents',
      title: 'Incidents and major incidents',
      changes: [
        { path: 'Major incidents › Total', frozen: 1, live: 2 },
        {
          path: 'Major incidents › Items › INC-9',
          frozen: null,
          live: expect.objectContaining({ id: 'INC-9' }),
        },
      ],
    },
    {
      name: "a major incident's review",
      edit: p => {
        p.sections.incidents.major.items[0].review!.rootCause = 'Disk full';
      },
      section: 'incidents',
      title: 'Incidents and major incidents',
      changes: [
        {
          path: 'Major incidents › Items › INC-3 › Post-incident review › Root cause',
          frozen: null,
          live: 'Disk full',
        },
      ],
    },
    {
      name: 'a closed action',
      edit: p => {
        p.sections.actions.items = { total: 0, items: [] };
      },
      section: 'actions',
      title: 'Open actions of earlier reviews',
      changes: [
        { path: 'Items › Total', frozen: 1, live: 0 },
        {
          path: 'Items › Items › REV-1/A-1',
          frozen: expect.objectContaining({ title: 'Add a replica' }),
          live: null,
        },
      ],
    },
    {
      name: 'the SLA revision in the header',
      edit: p => {
        p.header.sla!.revision = 4;
      },
      section: 'header',
      title: 'Header',
      changes: [{ path: 'SLA › Revision', frozen: 3, live: 4 }],
    },
    {
      name: 'a workload metric',
      edit: p => {
        p.sections.workload.items[0].actual = 60;
        p.sections.workload.items[0].exceeded = true;
      },
      section: 'workload',
      title: 'Workload against limits',
      changes: [
        { path: 'Items › Incidents per month › Actual', frozen: 12, live: 60 },
        {
          path: 'Items › Incidents per month › Exceeded',
          frozen: false,
          live: true,
        },
      ],
    },
    {
      name: 'a breach cause recorded',
      edit: p => {
        p.sections.breaches.causes.items = [{ cause: null, count: 1 }];
      },
      section: 'breaches',
      title: 'Breaches and their causes',
      changes: [
        {
          path: 'Causes › Items › Supplier late',
          frozen: { cause: 'Supplier late', count: 1 },
          live: null,
        },
        {
          path: 'Causes › Items › (no cause recorded)',
          frozen: null,
          live: { cause: null, count: 1 },
        },
      ],
    },
    {
      name: 'an outcome in words',
      edit: p => {
        p.sections.changes.byOutcome[1].count = 2;
      },
      section: 'changes',
      title: 'Changes',
      changes: [
        {
          path: 'By outcome › successful with issues › Count',
          frozen: 0,
          live: 2,
        },
      ],
    },
    {
      name: 'CSAT figures',
      edit: p => {
        p.sections.satisfaction.figures!.csatPercent = 71.43;
        p.sections.satisfaction.met = false;
      },
      section: 'satisfaction',
      title: 'Customer satisfaction',
      changes: [
        { path: 'Met', frozen: true, live: false },
        { path: 'Figures › CSAT %', frozen: 83.33, live: 71.43 },
      ],
    },
  ])('names $name', ({ edit, section, title, changes }) => {
    const frozen = examplePack();
    const live = clone(frozen);
    edit(live);
    const drift = diffReviewPack(frozen, live);
    expect(drift.changed).toBe(true);
    expect(drift.sections).toEqual([{ section, title, changes }]);
  });

  it('lists changed sections in pack order, the header first', () => {
    const frozen = examplePack();
    const live = clone(frozen);
    live.sections.actions.items.items[0].status = 'done';
    live.sections.sla.overall.met = 10;
    live.header.serviceTitle = 'Payments API';
    expect(diffReviewPack(frozen, live).sections.map(s => s.section)).toEqual([
      'header',
      'sla',
      'actions',
    ]);
  });

  it('compares a list without names position by position', () => {
    const frozen = examplePack();
    const live = clone(frozen);
    live.header.sla!.customerGroups = [
      'group:default/finance',
      'group:default/ops',
    ];
    expect(diffReviewPack(frozen, live).sections[0].changes).toEqual([
      {
        path: 'SLA › Customer groups',
        frozen: ['group:default/finance'],
        live: ['group:default/finance', 'group:default/ops'],
      },
    ]);
  });

  it('reports a section of another format whole', () => {
    const frozen = examplePack();
    const live = clone(frozen) as any;
    live.sections.complaints = { version: 2, counts: {} };
    const [drift] = diffReviewPack(frozen, live).sections;
    expect(drift.section).toBe('complaints');
    expect(drift.changes[0]).toEqual({
      path: 'Section format',
      frozen: 1,
      live: 2,
    });
  });

  it('is plain JSON', () => {
    const frozen = examplePack();
    const live = clone(frozen);
    live.sections.incidents.major.items = [];
    const drift = diffReviewPack(frozen, live);
    expect(JSON.parse(JSON.stringify(drift))).toEqual(drift);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: random packs of the example's shape, and one field changed at a time.
// ---------------------------------------------------------------------------------------------

type Leaf = { path: Array<string | number>; value: unknown };

function leavesOf(value: unknown, path: Array<string | number> = []): Leaf[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => leavesOf(item, [...path, i]));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leavesOf(v, [...path, k]));
  }
  return [{ path, value }];
}

function setAt(target: any, path: Array<string | number>, value: unknown) {
  const last = path[path.length - 1];
  const parent = path.slice(0, -1).reduce((node, key) => node[key], target);
  parent[last] = value;
}

/** A value of the same kind as `value` (null leaves become strings or numbers). */
function like(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === 'number') {
    return Number.isInteger(value)
      ? fc.integer({ min: 0, max: 100_000 })
      : fc.double({ min: 0, max: 100, noNaN: true }).map(roundFigure);
  }
  if (typeof value === 'boolean') return fc.boolean();
  if (value === null) {
    return fc.oneof(fc.constant(null), fc.string(), fc.integer());
  }
  return fc.string({ maxLength: 12 });
}

const EXAMPLE_LEAVES = leavesOf(examplePack()).filter(
  // Names that identify list items stay distinct, as real ids do.
  leaf =>
    ![
      'id',
      'priority',
      'status',
      'outcome',
      'metric',
      'target',
      'label',
    ].includes(String(leaf.path[leaf.path.length - 1])),
);

const randomPack: fc.Arbitrary<ReviewPack> = fc
  .tuple(...EXAMPLE_LEAVES.map(leaf => like(leaf.value)))
  .map(values => {
    const pack = examplePack();
    EXAMPLE_LEAVES.forEach((leaf, i) => setAt(pack, leaf.path, values[i]));
    return pack;
  });

describe('diffReviewPack properties', () => {
  it('finds nothing between any pack and a copy of it', () => {
    fc.assert(
      fc.property(randomPack, pack => {
        expect(diffReviewPack(pack, clone(pack))).toEqual({
          changed: false,
          sections: [],
        });
      }),
    );
  });

  it('reports any single changed field in its own section and only there', () => {
    fc.assert(
      fc.property(
        randomPack,
        fc.nat(),
        fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
        (pack, index, replacement) => {
          const leaves = leavesOf(pack);
          const leaf = leaves[index % leaves.length];
          fc.pre(canonicalJson(leaf.value) !== canonicalJson(replacement));
          const live = clone(pack);
          setAt(live, leaf.path, replacement);
          const drift = diffReviewPack(pack, live);
          const [top, key] = leaf.path;
          const section = top === 'sections' ? key : 'header';
          // Only when it was generated is ignored.
          const ignored = top === 'header' && key === 'generatedAt';
          expect(drift.changed).toBe(!ignored);
          expect(
            drift.sections.map(s => [s.section, s.title, s.changes.length > 0]),
          ).toEqual(
            ignored
              ? []
              : [
                  [
                    section,
                    section === 'header'
                      ? 'Header'
                      : REVIEW_PACK_SECTIONS.find(s => s.key === section)!
                          .title,
                    true,
                  ],
                ],
          );
        },
      ),
    );
  });
});
