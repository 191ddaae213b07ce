import {
  incidentCreateSchema,
  incidentListQuerySchema,
  MAX_DESCRIPTION_LENGTH,
} from './schemas';

const valid = {
  title: 'Checkout returns 502',
  entityRef: 'component:default/checkout-service',
  impact: 1,
  urgency: 2,
};

describe('incidentCreateSchema', () => {
  it('accepts a minimal incident and fills defaults', () => {
    expect(incidentCreateSchema.parse(valid)).toEqual({
      ...valid,
      description: '',
      affectedEntityRefs: [],
      source: 'portal',
    });
  });

  it.each([
    ['impact 7', { impact: 7 }, 'impact'],
    ['a string urgency', { urgency: '1' }, 'urgency'],
    ['an empty title', { title: '   ' }, 'title'],
    ['a short entity ref', { entityRef: 'checkout-service' }, 'entityRef'],
    [
      'a description over the limit',
      { description: 'x'.repeat(MAX_DESCRIPTION_LENGTH + 1) },
      'description',
    ],
    ['a client-set priority', { priority: 1 }, 'priority'],
    ['a client-set status', { status: 'resolved' }, 'status'],
  ])('rejects %s naming the field', (_name, patch, field) => {
    const result = incidentCreateSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(field);
  });
});

describe('incidentListQuerySchema', () => {
  it('defaults to 50 newest first and coerces numbers', () => {
    expect(incidentListQuerySchema.parse({ priority: ['1', '2'] })).toEqual({
      priority: [1, 2],
      limit: 50,
      order: 'desc',
    });
  });

  it.each([
    { limit: '201' },
    { limit: '0' },
    { status: ['open'] },
    { sort: 'title' },
    { queue: 'theirs' },
  ])('rejects %p', query => {
    expect(incidentListQuerySchema.safeParse(query).success).toBe(false);
  });
});
