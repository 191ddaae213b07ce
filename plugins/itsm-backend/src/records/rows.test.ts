import { createdChanges, updatedChanges } from './rows';

const before = {
  id: 'IMP-1',
  version: 2,
  title: 'Stop breaches',
  owner: null as string | null,
  kpi: { kpi: 'breach_count', target: { kind: 'relative', percent: 50 } },
  entityRefs: ['component:default/payments'],
  overdue: false,
  createdAt: '2027-01-01T00:00:00.000Z',
  createdBy: 'user:default/alice',
  updatedAt: '2027-01-01T00:00:00.000Z',
};

describe('history changes', () => {
  it('lists every field of a created record as [null, value], keys, version and timestamps aside', () => {
    expect(createdChanges(before, ['overdue'])).toEqual({
      title: [null, 'Stop breaches'],
      owner: [null, null],
      kpi: [null, before.kpi],
      entityRefs: [null, before.entityRefs],
    });
  });

  it.each<[string, object, Record<string, [unknown, unknown]>]>([
    ['nothing changed', {}, {}],
    [
      'the keys, version, timestamps and what is left out',
      {
        version: 3,
        updatedAt: '2027-02-01T00:00:00.000Z',
        overdue: true,
      },
      {},
    ],
    [
      'a field',
      { title: 'Stop all breaches' },
      {
        title: ['Stop breaches', 'Stop all breaches'],
      },
    ],
    [
      'null to a value',
      { owner: 'user:default/bob' },
      {
        owner: [null, 'user:default/bob'],
      },
    ],
    [
      'an equal object with its keys in another order',
      {
        kpi: { target: { percent: 50, kind: 'relative' }, kpi: 'breach_count' },
      },
      {},
    ],
    [
      'a nested value',
      { kpi: { ...before.kpi, target: { kind: 'relative', percent: 40 } } },
      {
        kpi: [
          before.kpi,
          { ...before.kpi, target: { kind: 'relative', percent: 40 } },
        ],
      },
    ],
    [
      'an array',
      { entityRefs: ['component:default/cart'] },
      {
        entityRefs: [
          ['component:default/payments'],
          ['component:default/cart'],
        ],
      },
    ],
  ])('of an update: %s', (_case, change, expected) => {
    expect(
      updatedChanges(before, { ...before, ...change }, ['overdue']),
    ).toEqual(expected);
  });
});
