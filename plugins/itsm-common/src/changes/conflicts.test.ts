import { InputError } from '@backstage/errors';
import fc from 'fast-check';
import {
  ChangeConflict,
  ChangeFreezeWindow,
  FindChangeConflictsInput,
  changeWindowsOverlap,
  findChangeConflicts,
  freezeBlocksScheduling,
  validateFreezeWindows,
} from './conflicts';

const at = (hhmm: string) => `2026-06-01T${hhmm}:00Z`;

const API = 'component:default/payments-api';
const DB = 'resource:default/payments-db';
const WEB = 'component:default/shop-web';
const OTHER = 'component:default/unrelated';

const catalog: Record<string, string[]> = {
  [API]: [DB, WEB],
  [DB]: [API],
  [WEB]: [API],
};

const change: FindChangeConflictsInput['change'] = {
  id: 'CHG-1',
  entityRefs: [API],
  plannedStart: at('10:00'),
  plannedEnd: at('12:00'),
  type: 'normal',
};

const run = (
  overrides: Partial<FindChangeConflictsInput> = {},
): ChangeConflict[] =>
  findChangeConflicts({
    change,
    others: [],
    related: ref => catalog[ref] ?? [],
    freezeWindows: [],
    ...overrides,
  });

const other = (
  start: string,
  end: string,
  entityRefs: string[] = [API],
  status = 'scheduled',
  id = 'CHG-2',
) => ({
  id,
  entityRefs,
  plannedStart: at(start),
  plannedEnd: at(end),
  status,
});

describe('changeWindowsOverlap', () => {
  it.each([
    [0, 10, 10, 20, false],
    [10, 20, 0, 10, false],
    [0, 10, 9, 20, true],
    [0, 10, 2, 3, true],
    [2, 3, 0, 10, true],
    [0, 10, 0, 10, true],
    [0, 10, 11, 20, false],
  ])('[%d, %d) and [%d, %d) → %s', (a, b, c, d, expected) => {
    expect(changeWindowsOverlap(a, b, c, d)).toBe(expected);
  });
});

describe('findChangeConflicts', () => {
  it.each<[string, ReturnType<typeof other>, Array<Partial<ChangeConflict>>]>([
    ['touching before', other('08:00', '10:00'), []],
    ['touching after', other('12:00', '14:00'), []],
    [
      'overlapping the start',
      other('09:00', '10:01'),
      [{ kind: 'overlap', with: 'CHG-2', entityRef: API }],
    ],
    [
      'inside',
      other('10:30', '11:00'),
      [{ kind: 'overlap', with: 'CHG-2', entityRef: API }],
    ],
    [
      'around',
      other('09:00', '13:00'),
      [{ kind: 'overlap', with: 'CHG-2', entityRef: API }],
    ],
    [
      'the same entity in other case',
      other('11:00', '13:00', ['Component:Default/Payments-API']),
      [{ kind: 'overlap', with: 'CHG-2', entityRef: API }],
    ],
    ['an unrelated entity', other('11:00', '13:00', [OTHER]), []],
    [
      'a directly related entity',
      other('11:00', '13:00', [DB]),
      [{ kind: 'related_overlap', with: 'CHG-2', entityRef: API }],
    ],
    [
      'a related entity in other case',
      other('11:00', '13:00', ['Resource:default/PAYMENTS-DB']),
      [{ kind: 'related_overlap', with: 'CHG-2', entityRef: API }],
    ],
    [
      'a related entity in a touching window',
      other('12:00', '13:00', [DB]),
      [],
    ],
    [
      'an authorization change',
      other('11:00', '13:00', [API], 'authorization'),
      [{ kind: 'overlap' }],
    ],
    [
      'an implementing change',
      other('11:00', '13:00', [API], 'implementing'),
      [{ kind: 'overlap' }],
    ],
    ['a draft change', other('11:00', '13:00', [API], 'draft'), []],
    ['an assessment change', other('11:00', '13:00', [API], 'assessment'), []],
    ['a closed change', other('11:00', '13:00', [API], 'closed'), []],
    ['a cancelled change', other('11:00', '13:00', [API], 'cancelled'), []],
    ['a review change', other('11:00', '13:00', [API], 'review'), []],
    [
      'the change itself',
      other('11:00', '13:00', [API], 'scheduled', 'CHG-1'),
      [],
    ],
  ])('another change %s', (_name, o, expected) => {
    const conflicts = run({ others: [o] });
    expect(conflicts).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(conflicts[i]).toMatchObject(e));
  });

  it('reports one conflict per entity of the change, overlap before related', () => {
    const conflicts = run({
      change: { ...change, entityRefs: [API, WEB, OTHER] },
      others: [other('11:00', '13:00', [API, DB])],
    });
    expect(conflicts).toEqual([
      {
        kind: 'overlap',
        with: 'CHG-2',
        entityRef: API,
        message: `Change CHG-2 (scheduled) also changes ${API} in an overlapping window`,
      },
      // WEB is related to API, which is ours and already an overlap; it is not related to DB
    ]);
  });

  it('names the related entities in the message', () => {
    const conflicts = run({
      change: { ...change, entityRefs: [DB] },
      others: [other('11:00', '13:00', [API, OTHER])],
    });
    expect(conflicts).toEqual([
      {
        kind: 'related_overlap',
        with: 'CHG-2',
        entityRef: DB,
        message: `Change CHG-2 (scheduled) changes ${API}, directly related to ${DB}, in an overlapping window`,
      },
    ]);
  });

  it('reports a duplicated ref of the change once', () => {
    const conflicts = run({
      change: { ...change, entityRefs: [API, API.toUpperCase()] },
      others: [other('11:00', '13:00')],
    });
    expect(conflicts).toHaveLength(1);
  });

  it('accepts Date instants', () => {
    const conflicts = run({
      change: {
        ...change,
        plannedStart: new Date(at('10:00')),
        plannedEnd: new Date(at('12:00')),
      },
      others: [
        {
          ...other('11:00', '13:00'),
          plannedStart: new Date(at('11:00')),
        },
      ],
    });
    expect(conflicts).toHaveLength(1);
  });

  const freeze = (
    start: string,
    end: string,
    entityRefs: string[] = [],
  ): ChangeFreezeWindow => ({
    name: 'Release freeze',
    start: at(start),
    end: at(end),
    entityRefs,
  });

  it('reports a freeze of all entities once, without an entity', () => {
    expect(run({ freezeWindows: [freeze('11:00', '23:00')] })).toEqual([
      {
        kind: 'freeze',
        window: 'Release freeze',
        message:
          'The planned window falls in the freeze window "Release freeze" for all services',
      },
    ]);
  });

  it.each<[string, ChangeFreezeWindow, Array<Partial<ChangeConflict>>]>([
    [
      'for all entities',
      freeze('11:00', '23:00'),
      [{ kind: 'freeze', window: 'Release freeze', entityRef: undefined }],
    ],
    ['for all entities, touching', freeze('12:00', '23:00'), []],
    ['for all entities, before', freeze('00:00', '10:00'), []],
    [
      'for the entity',
      freeze('00:00', '10:30', [API]),
      [{ kind: 'freeze', window: 'Release freeze', entityRef: API }],
    ],
    [
      'for the entity in other case',
      freeze('00:00', '10:30', [API.toUpperCase()]),
      [{ kind: 'freeze', window: 'Release freeze', entityRef: API }],
    ],
    [
      'for several entities of the change',
      freeze('00:00', '10:30', [DB, API]),
      [
        { kind: 'freeze', window: 'Release freeze', entityRef: API },
        { kind: 'freeze', window: 'Release freeze', entityRef: DB },
      ],
    ],
    ['for another entity', freeze('00:00', '23:00', [WEB]), []],
  ])('a freeze window %s', (_name, w, expected) => {
    const conflicts = run({
      change: { ...change, entityRefs: [API, DB] },
      freezeWindows: [w],
    });
    expect(
      conflicts.map(({ kind, window, entityRef }) => ({
        kind,
        window,
        entityRef,
      })),
    ).toEqual(expected);
  });

  it.each<[string, Partial<FindChangeConflictsInput>, RegExp]>([
    [
      'a bad planned start',
      { change: { ...change, plannedStart: 'soon' } },
      /plannedStart must be a valid date/,
    ],
    [
      'an empty planned window',
      { change: { ...change, plannedEnd: change.plannedStart } },
      /plannedEnd must be after plannedStart/,
    ],
    [
      "another change's bad window",
      { others: [other('11:00', '10:00')] },
      /others\[0\]\.plannedEnd/,
    ],
    [
      'a bad freeze window',
      { freezeWindows: [{ ...freeze('00:00', '01:00'), end: 'x' }] },
      /freezeWindows\[0\]\.end/,
    ],
  ])('rejects %s', (_name, overrides, message) => {
    expect(() => run(overrides)).toThrow(InputError);
    expect(() => run(overrides)).toThrow(message);
  });
});

describe('freezeBlocksScheduling', () => {
  const freezeConflict: ChangeConflict = {
    kind: 'freeze',
    window: 'Year-end freeze',
    message: 'frozen',
  };
  const overlap: ChangeConflict = {
    kind: 'overlap',
    with: 'CHG-2',
    entityRef: API,
    message: 'overlap',
  };
  it.each([
    [[freezeConflict], 'normal', true],
    [[freezeConflict], 'standard', true],
    [[overlap, freezeConflict], 'normal', true],
    [[freezeConflict], 'emergency', false],
    [[overlap], 'normal', false],
    [[], 'standard', false],
  ] as const)('%j for a %s change → %s', (conflicts, type, expected) => {
    expect(freezeBlocksScheduling(conflicts, type)).toBe(expected);
  });
});

describe('validateFreezeWindows', () => {
  const ok: ChangeFreezeWindow = {
    name: 'Year-end freeze',
    start: '2026-12-18T00:00:00Z',
    end: '2027-01-04T00:00:00Z',
    entityRefs: [],
  };

  it('accepts valid windows', () => {
    const windows = [ok, { ...ok, name: 'DB freeze', entityRefs: [DB] }];
    expect(validateFreezeWindows(windows)).toBe(windows);
    expect(validateFreezeWindows([])).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    [
      'a bad start',
      [{ ...ok, start: '2026-13-45' }],
      /freezeWindows\[0\]\.start must be a valid date/,
    ],
    [
      'a missing end',
      [ok, { ...ok, end: undefined }],
      /freezeWindows\[1\]\.end must be a valid date/,
    ],
    [
      'start equal to end',
      [{ ...ok, end: ok.start }],
      /freezeWindows\[0\]\.end must be after freezeWindows\[0\]\.start/,
    ],
    [
      'start after end',
      [{ ...ok, start: ok.end, end: ok.start }],
      /freezeWindows\[0\]\.end must be after/,
    ],
    ['a blank name', [{ ...ok, name: ' ' }], /freezeWindows\[0\]\.name/],
    [
      'refs that are not an array',
      [{ ...ok, entityRefs: 'all' }],
      /freezeWindows\[0\]\.entityRefs/,
    ],
    ['not an array', {}, /freezeWindows must be an array/],
  ])('rejects %s', (_name, windows, message) => {
    const call = () =>
      validateFreezeWindows(windows as readonly ChangeFreezeWindow[]);
    expect(call).toThrow(InputError);
    expect(call).toThrow(message);
  });
});

describe('findChangeConflicts against a minute-stepping reference', () => {
  const MINUTE = 60_000;
  const T0 = Date.parse('2026-06-01T00:00:00Z');
  const iso = (minute: number) => new Date(T0 + minute * MINUTE).toISOString();
  // a window of whole minutes [start, end) with start < end, within two hours
  const windowArb = fc
    .tuple(fc.nat(120), fc.integer({ min: 1, max: 30 }))
    .map(([start, length]) => ({ start, end: start + length }));

  const naiveOverlap = (
    a: { start: number; end: number },
    b: { start: number; end: number },
  ) => {
    for (let m = a.start; m < a.end; m++) {
      if (m >= b.start && m < b.end) {
        return true;
      }
    }
    return false;
  };

  it('reports an overlap exactly when some minute is in both windows', () => {
    fc.assert(
      fc.property(windowArb, windowArb, windowArb, (ours, theirs, frozen) => {
        const conflicts = findChangeConflicts({
          change: {
            ...change,
            plannedStart: iso(ours.start),
            plannedEnd: iso(ours.end),
          },
          others: [
            {
              id: 'CHG-2',
              entityRefs: [API],
              plannedStart: iso(theirs.start),
              plannedEnd: iso(theirs.end),
              status: 'scheduled',
            },
          ],
          related: () => [],
          freezeWindows: [
            {
              name: 'freeze',
              start: iso(frozen.start),
              end: iso(frozen.end),
              entityRefs: [],
            },
          ],
        });
        expect(conflicts.some(c => c.kind === 'overlap')).toBe(
          naiveOverlap(ours, theirs),
        );
        expect(conflicts.some(c => c.kind === 'freeze')).toBe(
          naiveOverlap(ours, frozen),
        );
        expect(
          changeWindowsOverlap(ours.start, ours.end, theirs.start, theirs.end),
        ).toBe(naiveOverlap(theirs, ours));
      }),
    );
  });
});
