import {
  improvementCreateSchema,
  improvementDraftQuerySchema,
  improvementKpiSchema,
  improvementListQuerySchema,
  improvementPatchSchema,
  improvementTransitionSchema,
} from './schemas';

const valid = {
  title: 'Stop resolution breaches on payments',
  description: 'Twelve breaches last month',
  entityRefs: ['component:default/payments'],
  benefit: 4,
  effort: 2,
  urgency: 4,
};

/** The paths of the issues a schema finds in `value` (each once), or [] when it passes. */
function issues(
  schema: { safeParse(value: unknown): any },
  value: unknown,
): string[] {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : [
        ...new Set<string>(
          result.error.issues.map((i: { path: unknown[] }) => i.path.join('.')),
        ),
      ];
}

describe('improvementKpiSchema', () => {
  it('fills the usual direction and a week of settling', () => {
    expect(
      improvementKpiSchema.parse({
        kpi: 'csat',
        windowDays: 90,
        target: { kind: 'absolute', value: 85 },
      }),
    ).toEqual({
      kpi: 'csat',
      category: null,
      priority: null,
      signature: null,
      windowDays: 90,
      settleDays: 7,
      direction: 'increase',
      target: { kind: 'absolute', value: 85 },
    });
    expect(
      improvementKpiSchema.parse({
        kpi: 'mttr',
        category: 'network',
        priority: 2,
        windowDays: 28,
        settleDays: 0,
        direction: 'increase',
        target: { kind: 'relative', percent: 20 },
      }),
    ).toMatchObject({
      category: 'network',
      priority: 2,
      direction: 'increase',
    });
  });

  it.each([
    // Scope filters each KPI takes.
    [{ kpi: 'availability', priority: 1 }, ['priority']],
    [{ kpi: 'csat', category: 'network' }, ['category']],
    [{ kpi: 'breach_count', signature: 'PoolExhausted' }, ['signature']],
    [{ kpi: 'incident_count', signature: 'PoolExhausted' }, ['signature']],
    [{ kpi: 'recurrence' }, ['category']],
    [{ kpi: 'recurrence', signature: 'PoolExhausted' }, []],
    [{ kpi: 'recurrence', category: 'network' }, []],
    [{ kpi: 'breach_count', priority: 2 }, []],
    // Windows and targets.
    [{ kpi: 'breach_count', windowDays: 6 }, ['windowDays']],
    [{ kpi: 'breach_count', windowDays: 366 }, ['windowDays']],
    [{ kpi: 'breach_count', settleDays: 91 }, ['settleDays']],
    [
      { kpi: 'breach_count', target: { kind: 'relative', percent: 101 } },
      ['target.percent'],
    ],
    [
      { kpi: 'breach_count', target: { kind: 'absolute', percent: 5 } },
      ['target.value', 'target'],
    ],
    [{ kpi: 'uptime' }, ['kpi']],
    [{ kpi: 'breach_count', direction: 'sideways' }, ['direction']],
    [{ kpi: 'breach_count', owner: 'x' }, ['']],
  ])('checks %j: issues at %j', (overrides, paths) => {
    const kpi = {
      windowDays: 28,
      target: { kind: 'relative', percent: 50 },
      ...overrides,
    };
    expect(issues(improvementKpiSchema, kpi)).toEqual(paths);
  });
});

describe('improvementCreateSchema', () => {
  it('defaults kind, type and source, and takes no KPI', () => {
    expect(improvementCreateSchema.parse(valid)).toEqual({
      ...valid,
      kind: 'improvement',
      type: 'process',
      source: 'other',
    });
  });

  it.each([
    [{ title: '  ' }, ['title']],
    [{ title: 'x'.repeat(201) }, ['title']],
    [{ description: ' ' }, ['description']],
    [{ entityRefs: [] }, ['entityRefs']],
    [{ entityRefs: ['payments'] }, ['entityRefs.0']],
    [{ benefit: 0 }, ['benefit']],
    [{ effort: 6 }, ['effort']],
    [{ urgency: 2.5 }, ['urgency']],
    [{ targetDate: '2027-3-1' }, ['targetDate']],
    [{ targetDate: '2027-02-30T00:00:00Z' }, ['targetDate']],
    [{ targetDate: '2027-12-31' }, []],
    [{ source: 'hallway' }, ['source']],
    [{ sourceId: ' ' }, ['sourceId']],
    [{ kind: 'corrective_action', nonconformity: 'Breached' }, []],
    [{ status: 'approved' }, ['']],
    [{ score: 10 }, ['']],
  ])('checks %j: issues at %j', (overrides, paths) => {
    expect(issues(improvementCreateSchema, { ...valid, ...overrides })).toEqual(
      paths,
    );
  });
});

describe('improvementPatchSchema', () => {
  it.each([
    [{}, []],
    [{ kpi: null, owningGroup: null, targetDate: null }, []],
    [{ effectivenessReview: 'No recurrence' }, []],
    [{ owner: null }, ['owner']],
    [{ status: 'closed' }, ['']],
    [{ version: 3 }, ['']],
    [{ baseline: null }, ['']],
    [{ verdict: 'achieved' }, ['']],
  ])('checks %j: issues at %j', (body, paths) => {
    expect(issues(improvementPatchSchema, body)).toEqual(paths);
  });
});

describe('improvementTransitionSchema', () => {
  it.each([
    [{ to: 'approved' }, []],
    [{ to: 'rejected', reason: 'Not now' }, []],
    [{ to: 'implemented', implementedAt: '2027-03-01T10:00:00+01:00' }, []],
    [{ to: 'implemented', implementedAt: 'yesterday' }, ['implementedAt']],
    [{ to: 'done' }, ['to']],
    [{}, ['to']],
    [{ to: 'approved', approver: 'user:default/dave' }, ['']],
  ])('checks %j: issues at %j', (body, paths) => {
    expect(issues(improvementTransitionSchema, body)).toEqual(paths);
  });
});

describe('improvementListQuerySchema', () => {
  it('defaults to the newest first, 50 a page, sorted by creation', () => {
    expect(improvementListQuerySchema.parse({})).toEqual({
      sort: 'created',
      order: 'desc',
      limit: 50,
    });
    expect(
      improvementListQuerySchema.parse({ limit: '200', sort: 'score' }),
    ).toMatchObject({ limit: 200, sort: 'score' });
  });

  it.each([
    [{ verdict: ['achieved', 'none'] }, []],
    [{ verdict: ['failed'] }, ['verdict.0']],
    [{ overdue: 'true' }, []],
    [{ overdue: 'yes' }, ['overdue']],
    [{ limit: '201' }, ['limit']],
    [{ limit: '0' }, ['limit']],
    [{ sort: 'priority' }, ['sort']],
    [{ status: ['proposed', 'done'] }, ['status.1']],
    [{ kind: ['corrective_action'], source: ['sla_breach'] }, []],
    [{ q: 'pool' }, ['']],
  ])('checks %j: issues at %j', (query, paths) => {
    expect(issues(improvementListQuerySchema, query)).toEqual(paths);
  });
});

describe('improvementDraftQuerySchema', () => {
  it.each([
    [{ source: 'sla_breach', sourceId: 'BRE-1' }, []],
    [{ source: 'service_review', sourceId: 'REV-4/A-2' }, []],
    [{ source: 'sla_breach' }, ['sourceId']],
    [{ source: 'rumour', sourceId: 'x' }, ['source']],
    [{ source: 'problem', sourceId: 'x'.repeat(101) }, ['sourceId']],
  ])('checks %j: issues at %j', (query, paths) => {
    expect(issues(improvementDraftQuerySchema, query)).toEqual(paths);
  });
});
