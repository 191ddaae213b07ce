import {
  approvalDecisionSchema,
  changeCreateSchema,
  changedPlanFields,
  changePatchSchema,
  changeTransitionSchema,
  CHANGE_PLAN_FIELDS,
} from './schemas';

const valid = {
  type: 'normal',
  title: 'Upgrade Postgres to 17',
  entityRefs: ['resource:default/payments-db'],
};

function issuesOf(result: { success: boolean; error?: { issues: unknown } }) {
  expect(result.success).toBe(false);
  return JSON.stringify(result.error?.issues);
}

describe('changeCreateSchema', () => {
  it('accepts a minimal draft and fills defaults', () => {
    expect(changeCreateSchema.parse(valid)).toEqual({
      ...valid,
      justification: '',
      riskAnswers: {},
    });
  });

  it('accepts a full standard change from a template', () => {
    const body = {
      ...valid,
      type: 'standard',
      templateId: 'certificate-rotation',
      justification: 'Certificates expire',
      plannedStart: '2026-05-04T20:00:00Z',
      plannedEnd: '2026-05-04T22:00:00Z',
      implementationPlan: 'a',
      backoutPlan: 'b',
      testPlan: 'c',
      riskAnswers: { downtime: 'none' },
    };
    expect(changeCreateSchema.parse(body)).toEqual(body);
  });

  it.each([
    ['an unknown type', { type: 'minor' }, 'type'],
    ['no entity', { entityRefs: [] }, 'entityRefs'],
    ['a short entity ref', { entityRefs: ['payments-db'] }, 'entityRefs'],
    ['an empty title', { title: ' ' }, 'title'],
    [
      'a window ending first',
      {
        plannedStart: '2026-05-04T22:00:00Z',
        plannedEnd: '2026-05-04T20:00:00Z',
      },
      'plannedEnd',
    ],
    ['a malformed start', { plannedStart: 'monday' }, 'plannedStart'],
    [
      'a non-string risk answer',
      { riskAnswers: { downtime: 3 } },
      'riskAnswers',
    ],
    ['a template on a normal change', { templateId: 'x' }, 'templateId'],
    ['a standard change without template', { type: 'standard' }, 'templateId'],
    ['a client-set status', { status: 'scheduled' }, 'status'],
    ['a client-set risk', { risk: 'low' }, 'risk'],
    ['client-set approvals', { approvals: [] }, 'approvals'],
    ['a client-set plan revision', { planRevision: 3 }, 'planRevision'],
  ])('rejects %s naming the field', (_name, patch, field) => {
    expect(
      issuesOf(changeCreateSchema.safeParse({ ...valid, ...patch })),
    ).toContain(field);
  });
});

describe('changePatchSchema', () => {
  it('accepts any subset of the editable fields', () => {
    expect(changePatchSchema.parse({})).toEqual({});
    expect(
      changePatchSchema.parse({
        title: 'New title',
        plannedStart: null,
        review: { summary: 'Fine', incidentIds: ['INC-4'] },
      }),
    ).toEqual({
      title: 'New title',
      plannedStart: null,
      review: { summary: 'Fine', incidentIds: ['INC-4'] },
    });
  });

  it.each([
    'status',
    'risk',
    'riskReasons',
    'approvals',
    'requiredApprovals',
    'version',
    'id',
    'planRevision',
    'createdAt',
    'updatedAt',
    'outcome',
    'type',
    'requester',
  ])('rejects %s', field => {
    expect(issuesOf(changePatchSchema.safeParse({ [field]: 'x' }))).toContain(
      field,
    );
  });

  it('rejects an inverted window', () => {
    expect(
      issuesOf(
        changePatchSchema.safeParse({
          plannedStart: '2026-05-04T22:00:00Z',
          plannedEnd: '2026-05-04T22:00:00Z',
        }),
      ),
    ).toContain('plannedEnd');
  });
});

describe('CHANGE_PLAN_FIELDS', () => {
  it('are plans, window and entities, all editable', () => {
    expect([...CHANGE_PLAN_FIELDS].sort()).toEqual(
      [
        'backoutPlan',
        'entityRefs',
        'implementationPlan',
        'plannedEnd',
        'plannedStart',
        'testPlan',
      ].sort(),
    );
    for (const field of CHANGE_PLAN_FIELDS) {
      expect(Object.keys(changePatchSchema.shape)).toContain(field);
    }
  });

  it('changedPlanFields finds only real plan edits', () => {
    const current = {
      entityRefs: ['component:default/a'],
      plannedStart: '2026-05-04T20:00:00Z',
      plannedEnd: null,
      implementationPlan: 'x',
      backoutPlan: null,
      testPlan: null,
    };
    expect(changedPlanFields(current, { implementationPlan: 'x' })).toEqual([]);
    expect(
      changedPlanFields(current, {
        entityRefs: ['component:default/a'],
        plannedEnd: null,
      }),
    ).toEqual([]);
    expect(
      changedPlanFields(current, {
        entityRefs: ['component:default/b'],
        testPlan: 'run it',
      }),
    ).toEqual(['entityRefs', 'testPlan']);
    expect(changedPlanFields(current, { title: 'x' } as any)).toEqual([]);
  });
});

describe('changeTransitionSchema', () => {
  it('accepts a move with its fields', () => {
    const body = {
      to: 'review',
      outcome: 'backed_out',
      actualStart: '2026-05-04T20:00:00Z',
      actualEnd: '2026-05-04T21:00:00Z',
      comment: 'Rolled back',
    };
    expect(changeTransitionSchema.parse(body)).toEqual(body);
  });

  it.each([
    ['an unknown status', { to: 'done' }, 'to'],
    ['an unknown outcome', { to: 'review', outcome: 'meh' }, 'outcome'],
    ['an unknown field', { to: 'closed', byApproval: true }, 'byApproval'],
    ['a PIR without summary', { to: 'closed', review: {} }, 'summary'],
  ])('rejects %s', (_name, body, field) => {
    expect(issuesOf(changeTransitionSchema.safeParse(body))).toContain(field);
  });
});

describe('approvalDecisionSchema', () => {
  it('accepts approve and reject with or without a comment', () => {
    expect(approvalDecisionSchema.parse({ decision: 'approve' })).toEqual({
      decision: 'approve',
    });
    expect(
      approvalDecisionSchema.parse({
        decision: 'reject',
        comment: 'No backout',
      }),
    ).toEqual({ decision: 'reject', comment: 'No backout' });
  });

  it.each([
    [{ decision: 'approved' }, 'decision'],
    [{}, 'decision'],
    [{ decision: 'approve', approver: 'user:default/x' }, 'approver'],
    [{ decision: 'approve', planRevision: 2 }, 'planRevision'],
  ])('rejects %j', (body, field) => {
    expect(issuesOf(approvalDecisionSchema.safeParse(body))).toContain(field);
  });
});
