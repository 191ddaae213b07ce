import {
  breachPatchSchema,
  slaCreateSchema,
  slaPatchSchema,
  supportingAgreementCreateSchema,
} from './schemas';

const valid = {
  title: 'Payments SLA',
  entityRef: 'component:default/payments',
  calendarId: 'office-hours',
  effectiveFrom: '2026-01-01T00:00:00Z',
  targets: {
    availabilityPercent: 99.5,
    incidents: {
      p1: {
        response: { duration: '15m', calendarId: '24x7' },
        resolution: { duration: '4h', calendarId: '24x7' },
      },
      p3: { resolution: { duration: '3d' } },
    },
  },
};

function issuesOf(result: { success: boolean; error?: { issues: unknown } }) {
  expect(result.success).toBe(false);
  return JSON.stringify(result.error?.issues);
}

describe('slaCreateSchema', () => {
  it('accepts an SLA and fills defaults', () => {
    expect(slaCreateSchema.parse(valid)).toEqual({
      ...valid,
      customerGroups: [],
      workloadLimits: {},
      exceptions: '',
      reviewCadence: 'quarterly',
    });
  });

  it('leaves effectiveFrom out when not given: the server agrees the terms from now', () => {
    const { effectiveFrom: _, ...fromNow } = valid;
    const parsed = slaCreateSchema.parse(fromNow);
    expect(parsed.effectiveFrom).toBeUndefined();
    expect(
      slaCreateSchema.parse({ ...fromNow, effectiveTo: '2027-01-01T00:00:00Z' })
        .effectiveTo,
    ).toBe('2027-01-01T00:00:00Z');
    expect(
      issuesOf(slaCreateSchema.safeParse({ ...valid, effectiveFrom: 'soon' })),
    ).toContain('effectiveFrom');
  });

  it.each([
    [{ targets: { incidents: {} } }, 'availabilityPercent'],
    [
      { targets: { ...valid.targets, availabilityPercent: 101 } },
      'availabilityPercent',
    ],
    [{ targets: { ...valid.targets, incidents: { p6: {} } } }, 'p6'],
    [
      {
        targets: {
          ...valid.targets,
          incidents: { p1: { response: { duration: '4 hours' } } },
        },
      },
      'duration',
    ],
    [
      {
        targets: {
          ...valid.targets,
          incidents: { p1: { update: { duration: '4h' } } },
        },
      },
      'update',
    ],
    [{ effectiveTo: '2025-12-31T00:00:00Z' }, 'effectiveTo'],
    [{ reviewCadence: 'weekly' }, 'reviewCadence'],
    [{ workloadLimits: { incidentsPerMonth: 1.5 } }, 'incidentsPerMonth'],
    [{ id: 'SLA-1' }, 'id'],
    [{ revision: 2 }, 'revision'],
    [{ calendarId: 'no spaces' }, 'calendarId'],
  ])('rejects %j naming %s', (change, field) => {
    expect(
      issuesOf(slaCreateSchema.safeParse({ ...valid, ...change })),
    ).toContain(field);
  });
});

describe('slaPatchSchema', () => {
  it('accepts a partial edit', () => {
    expect(slaPatchSchema.parse({ exceptions: 'Planned maintenance' })).toEqual(
      {
        exceptions: 'Planned maintenance',
      },
    );
  });

  it.each(['entityRef', 'version', 'id', 'revision', 'createdAt'])(
    'rejects %s',
    field => {
      expect(issuesOf(slaPatchSchema.safeParse({ [field]: 'x' }))).toContain(
        field,
      );
    },
  );
});

describe('supportingAgreementCreateSchema', () => {
  const ola = {
    ...valid,
    kind: 'ola',
    internalGroup: 'group:default/dba',
    slaIds: ['SLA-1'],
    targets: { incidents: { p1: { resolution: { duration: '2h' } } } },
  };

  it('accepts an OLA without availability', () => {
    expect(supportingAgreementCreateSchema.parse(ola).slaIds).toEqual([
      'SLA-1',
    ]);
  });

  it('leaves effectiveFrom out when not given', () => {
    const { effectiveFrom: _, ...fromNow } = ola;
    expect(
      supportingAgreementCreateSchema.parse(fromNow).effectiveFrom,
    ).toBeUndefined();
  });

  it('requires an internal group for an OLA and a supplier for a UC', () => {
    expect(
      issuesOf(
        supportingAgreementCreateSchema.safeParse({
          ...ola,
          internalGroup: undefined,
        }),
      ),
    ).toContain('internalGroup');
    expect(
      issuesOf(
        supportingAgreementCreateSchema.safeParse({ ...ola, kind: 'uc' }),
      ),
    ).toContain('supplier');
  });

  it('rejects a malformed SLA link', () => {
    expect(
      issuesOf(
        supportingAgreementCreateSchema.safeParse({
          ...ola,
          slaIds: ['INC-1'],
        }),
      ),
    ).toContain('slaIds');
  });
});

describe('breachPatchSchema', () => {
  it('accepts cause, action and a waiver', () => {
    const body = {
      cause: 'Supplier outage',
      action: 'Raised with supplier',
      improvementId: 'IMP-8',
      waiver: { reason: 'Customer-caused', approver: 'user:default/alice' },
    };
    expect(breachPatchSchema.parse(body)).toEqual(body);
  });

  it('rejects a waiver without an approver', () => {
    expect(
      issuesOf(breachPatchSchema.safeParse({ waiver: { reason: 'x' } })),
    ).toContain('approver');
  });

  it('rejects fields the register sets itself', () => {
    expect(
      issuesOf(breachPatchSchema.safeParse({ breachedAt: 'x' })),
    ).toContain('breachedAt');
  });
});
