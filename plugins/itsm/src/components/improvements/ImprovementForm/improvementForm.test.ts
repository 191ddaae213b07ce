import {
  improvementCreateSchema,
  improvementPatchSchema,
} from '@backstage-itsm/plugin-itsm-common';
import {
  makeImprovement,
  evaluatedImprovement,
} from '../__testUtils__/improvementFixtures';
import {
  createResolver,
  emptyImprovementValues,
  fieldOfIssue,
  kpiRequestOf,
  toCreateRequest,
  toPatchRequest,
  valuesOfImprovement,
} from './improvementForm';

const resolve = (values: ReturnType<typeof emptyImprovementValues>) =>
  createResolver(values, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  });

describe('the improvement form', () => {
  it('sends only the scope filters the chosen KPI takes', () => {
    const values = emptyImprovementValues({
      measured: true,
      kpi: 'availability',
      category: 'database',
      priority: '2',
      signature: 'x',
      targetKind: 'absolute',
      targetValue: '99.9',
      direction: 'increase',
    });
    expect(kpiRequestOf(values)).toEqual({
      kpi: 'availability',
      windowDays: 28,
      settleDays: 7,
      direction: 'increase',
      target: { kind: 'absolute', value: 99.9 },
    });
    expect(kpiRequestOf({ ...values, measured: false })).toBeNull();
  });

  it('leaves out the corrective-action record and the source record where they do not apply', () => {
    const request = toCreateRequest(
      emptyImprovementValues({
        title: ' Fewer breaches ',
        description: 'Why',
        source: 'management_review',
        sourceId: 'left over',
        entityRefs: ['Component:default/Payments-API'],
        owner: 'User:default/Olivia',
        nonconformity: 'typed before switching kind',
      }),
    );
    expect(request).toEqual({
      kind: 'improvement',
      type: 'process',
      title: 'Fewer breaches',
      description: 'Why',
      source: 'management_review',
      sourceId: null,
      entityRefs: ['component:default/payments-api'],
      owner: 'user:default/olivia',
      benefit: 3,
      effort: 3,
      urgency: 3,
      targetDate: null,
      kpi: null,
    });
    expect(improvementCreateSchema.safeParse(request).success).toBe(true);
  });

  it('puts each schema issue on the field it is about', async () => {
    expect(fieldOfIssue(['kpi', 'target', 'percent'])).toBe('targetPercent');
    expect(fieldOfIssue(['kpi', 'target', 'value'])).toBe('targetValue');
    expect(fieldOfIssue(['kpi', 'windowDays'])).toBe('windowDays');
    expect(fieldOfIssue(['kpi'])).toBe('kpi');
    expect(fieldOfIssue(['entityRefs', 0])).toBe('entityRefs');
    const { errors } = await resolve(
      emptyImprovementValues({
        title: 'T',
        description: 'D',
        entityRefs: ['component:default/a'],
        measured: true,
        kpi: 'recurrence',
        windowDays: '3',
        targetPercent: '120',
      }),
    );
    expect(Object.keys(errors).sort()).toEqual([
      'category',
      'targetPercent',
      'windowDays',
    ]);
    expect(errors.category?.message).toBe(
      'recurrence needs a category or a signature',
    );
  });

  it('patches only what changed, and the KPI only before approval', () => {
    const proposed = makeImprovement();
    const unchanged = valuesOfImprovement(proposed);
    expect(toPatchRequest(proposed, unchanged)).toEqual({});
    expect(
      toPatchRequest(proposed, {
        ...unchanged,
        urgency: 5,
        targetPercent: '40',
      }),
    ).toEqual({
      urgency: 5,
      kpi: {
        kpi: 'breach_count',
        windowDays: 28,
        settleDays: 7,
        direction: 'decrease',
        target: { kind: 'relative', percent: 40 },
      },
    });
    expect(toPatchRequest(proposed, { ...unchanged, measured: false })).toEqual(
      { kpi: null },
    );

    const approved = evaluatedImprovement({ status: 'approved' });
    const patch = toPatchRequest(approved, {
      ...valuesOfImprovement(approved),
      targetPercent: '10',
      rootCause: 'Slow queries',
    });
    expect(patch).toEqual({ rootCause: 'Slow queries' });
    expect(improvementPatchSchema.safeParse(patch).success).toBe(true);
  });
});
