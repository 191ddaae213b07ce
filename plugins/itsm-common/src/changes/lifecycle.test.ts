import { ConflictError, InputError } from '@backstage/errors';
import {
  CHANGE_TRANSITIONS,
  ChangeForTransition,
  allowedChangeTransitions,
  checkChangeTransition,
  isOutsideApprovedWindow,
} from './lifecycle';
import {
  CHANGE_STATUSES,
  CHANGE_TYPES,
  ChangeStatus,
  ChangeType,
} from './types';

const ready: Omit<ChangeForTransition, 'type' | 'status'> = {
  implementationPlan: 'Roll out v2 with the canary',
  backoutPlan: 'Roll back to v1',
  testPlan: 'Smoke tests',
  plannedStart: '2026-05-04T20:00:00Z',
  plannedEnd: '2026-05-04T22:00:00Z',
  actualStart: '2026-05-04T20:05:00Z',
  actualEnd: '2026-05-04T21:00:00Z',
  outcome: 'successful',
  review: null,
};

type Move = [ChangeStatus, ChangeStatus];

const common: Move[] = [
  ['draft', 'cancelled'],
  ['scheduled', 'implementing'],
  ['scheduled', 'cancelled'],
  ['implementing', 'review'],
  ['review', 'closed'],
];

const expected: Record<ChangeType, Move[]> = {
  normal: [
    ...common,
    ['draft', 'assessment'],
    ['assessment', 'authorization'],
    ['assessment', 'cancelled'],
    ['authorization', 'scheduled'],
    ['authorization', 'rejected'],
    ['authorization', 'cancelled'],
    ['rejected', 'draft'],
    ['rejected', 'cancelled'],
  ],
  standard: [...common, ['draft', 'scheduled']],
  emergency: [
    ...common,
    ['draft', 'authorization'],
    ['authorization', 'scheduled'],
    ['authorization', 'rejected'],
    ['authorization', 'cancelled'],
    ['rejected', 'draft'],
    ['rejected', 'cancelled'],
  ],
};

function errorOf(move: () => void): unknown {
  try {
    move();
    return undefined;
  } catch (e) {
    return e;
  }
}

describe('CHANGE_TRANSITIONS', () => {
  it.each(CHANGE_TYPES)('lists exactly the %s moves of DESIGN §3', type => {
    const listed = CHANGE_STATUSES.flatMap(from =>
      CHANGE_TRANSITIONS[type][from].map(to => [from, to]),
    );
    expect(listed.sort()).toEqual([...expected[type]].sort());
  });

  it('answers by type', () => {
    expect(
      allowedChangeTransitions({ type: 'standard', status: 'draft' }),
    ).toEqual(['scheduled', 'cancelled']);
    expect(
      allowedChangeTransitions({ type: 'emergency', status: 'draft' }),
    ).toEqual(['authorization', 'cancelled']);
  });

  it('never cancels from implementing onwards', () => {
    for (const type of CHANGE_TYPES) {
      for (const from of ['implementing', 'review', 'closed'] as const) {
        expect(CHANGE_TRANSITIONS[type][from]).not.toContain('cancelled');
      }
    }
  });
});

describe('checkChangeTransition', () => {
  it.each(
    CHANGE_TYPES.flatMap(type =>
      CHANGE_STATUSES.flatMap(from =>
        CHANGE_STATUSES.map(
          to =>
            [
              type,
              from,
              to,
              expected[type].some(([a, b]) => a === from && b === to),
            ] as const,
        ),
      ),
    ),
  )('%s: %s → %s allowed: %s', (type, from, to, isAllowed) => {
    const error = errorOf(() =>
      checkChangeTransition(
        { ...ready, type, status: from, review: { summary: 'Went fine' } },
        to,
        {},
        { byApproval: true },
      ),
    );
    expect(error === undefined).toBe(isAllowed);
    expect(error === undefined || error instanceof ConflictError).toBe(true);
  });

  it.each(
    (['normal', 'emergency'] as const).flatMap(type =>
      (['scheduled', 'rejected'] as const).map(to => [type, to] as const),
    ),
  )(
    'refuses a client move of a %s change from authorization to %s: only the votes decide',
    (type, to) => {
      const move = () =>
        checkChangeTransition({ ...ready, type, status: 'authorization' }, to);
      expect(move).toThrow(ConflictError);
      expect(move).toThrow(/approvals/);
      expect(() =>
        checkChangeTransition(
          { ...ready, type, status: 'authorization' },
          to,
          {},
          { byApproval: true },
        ),
      ).not.toThrow();
    },
  );

  it('refuses any move of closed and cancelled changes and same-status moves', () => {
    for (const status of ['closed', 'cancelled'] as const) {
      expect(() =>
        checkChangeTransition({ ...ready, type: 'normal', status }, 'draft'),
      ).toThrow(ConflictError);
    }
    expect(() =>
      checkChangeTransition(
        { ...ready, type: 'normal', status: 'draft' },
        'draft',
      ),
    ).toThrow(/already draft/);
  });

  it('answers 409 before 400: an illegal move missing fields is a conflict', () => {
    expect(() =>
      checkChangeTransition(
        { type: 'normal', status: 'draft' },
        'implementing',
      ),
    ).toThrow(ConflictError);
  });

  describe('leaving draft', () => {
    it.each([
      ['implementationPlan', { implementationPlan: null }],
      ['implementationPlan', { implementationPlan: '   ' }],
      ['backoutPlan', { backoutPlan: null }],
      ['testPlan', { testPlan: '' }],
      ['plannedStart', { plannedStart: null }],
      ['plannedEnd', { plannedEnd: undefined }],
      ['plannedEnd must be after', { plannedEnd: ready.plannedStart }],
      ['plannedStart must be', { plannedStart: 'tomorrow' }],
    ])('asks for %s', (field, patch) => {
      for (const [type, to] of [
        ['normal', 'assessment'],
        ['standard', 'scheduled'],
        ['emergency', 'authorization'],
      ] as const) {
        const move = () =>
          checkChangeTransition(
            { ...ready, ...patch, type, status: 'draft' },
            to,
          );
        expect(move).toThrow(InputError);
        expect(move).toThrow(field);
      }
    });

    it('cancels a draft without plans', () => {
      expect(() =>
        checkChangeTransition({ type: 'normal', status: 'draft' }, 'cancelled'),
      ).not.toThrow();
    });
  });

  describe('entering review', () => {
    const implementing = {
      ...ready,
      type: 'normal' as const,
      status: 'implementing' as const,
      outcome: null,
      actualStart: null,
      actualEnd: null,
    };

    it('asks for the outcome, then the actual window', () => {
      expect(() => checkChangeTransition(implementing, 'review')).toThrow(
        /outcome/,
      );
      expect(() =>
        checkChangeTransition(implementing, 'review', { outcome: 'failed' }),
      ).toThrow(/actualStart/);
      expect(() =>
        checkChangeTransition(implementing, 'review', {
          outcome: 'failed',
          actualStart: '2026-05-04T20:05:00Z',
        }),
      ).toThrow(/actualEnd/);
      expect(() =>
        checkChangeTransition(implementing, 'review', {
          outcome: 'failed',
          actualStart: '2026-05-04T20:05:00Z',
          actualEnd: '2026-05-04T20:00:00Z',
        }),
      ).toThrow(/actualEnd must be after actualStart/);
    });

    it('takes the fields from the request or the change', () => {
      expect(() =>
        checkChangeTransition(implementing, 'review', {
          outcome: 'successful',
          actualStart: '2026-05-04T20:05:00Z',
          actualEnd: '2026-05-04T21:00:00Z',
        }),
      ).not.toThrow();
      expect(() =>
        checkChangeTransition(
          { ...implementing, actualStart: '2026-05-04T20:05:00Z' },
          'review',
          { outcome: 'successful', actualEnd: '2026-05-04T21:00:00Z' },
        ),
      ).not.toThrow();
    });
  });

  describe('closing', () => {
    it.each([
      ['normal', 'successful', false],
      ['normal', 'successful_with_issues', false],
      ['normal', 'failed', true],
      ['normal', 'backed_out', true],
      ['standard', 'successful', false],
      ['standard', 'backed_out', true],
      ['emergency', 'successful', true],
    ] as const)(
      'a %s change that was %s needs a PIR: %s',
      (type, outcome, needs) => {
        const change = { ...ready, type, status: 'review' as const, outcome };
        const error = errorOf(() => checkChangeTransition(change, 'closed'));
        const asked =
          error instanceof InputError && /review/.test(error.message);
        expect(error === undefined ? 'allowed' : asked).toBe(
          needs ? true : 'allowed',
        );
        expect(() =>
          checkChangeTransition(change, 'closed', {
            review: { summary: 'Lessons noted' },
          }),
        ).not.toThrow();
        expect(() =>
          checkChangeTransition(
            { ...change, review: { summary: 'Lessons noted' } },
            'closed',
          ),
        ).not.toThrow();
      },
    );

    it('does not take a blank PIR', () => {
      expect(() =>
        checkChangeTransition(
          { ...ready, type: 'emergency', status: 'review' },
          'closed',
          { review: { summary: '  ' } },
        ),
      ).toThrow(InputError);
    });
  });
});

describe('isOutsideApprovedWindow', () => {
  const planned = {
    plannedStart: '2026-05-04T20:00:00Z',
    plannedEnd: '2026-05-04T22:00:00Z',
  };

  it.each([
    ['inside', '2026-05-04T20:00:00Z', '2026-05-04T22:00:00Z', false],
    ['started early', '2026-05-04T19:59:00Z', '2026-05-04T21:00:00Z', true],
    ['ended late', '2026-05-04T20:30:00Z', '2026-05-04T22:01:00Z', true],
    ['started after the window', '2026-05-04T22:30:00Z', null, true],
    ['not started', null, null, false],
    ['still running inside', '2026-05-04T20:30:00Z', null, false],
  ])('%s → %s', (_name, actualStart, actualEnd, outside) => {
    expect(
      isOutsideApprovedWindow({ ...planned, actualStart, actualEnd }),
    ).toBe(outside);
  });

  it('flags running work past the planned end when given now', () => {
    const change = {
      ...planned,
      actualStart: '2026-05-04T20:30:00Z',
      actualEnd: null,
    };
    expect(
      isOutsideApprovedWindow(change, new Date('2026-05-04T21:00:00Z')),
    ).toBe(false);
    expect(
      isOutsideApprovedWindow(change, new Date('2026-05-04T22:30:00Z')),
    ).toBe(true);
  });

  it('is false without a planned window', () => {
    expect(
      isOutsideApprovedWindow({
        plannedStart: null,
        plannedEnd: null,
        actualStart: '2026-05-04T20:30:00Z',
        actualEnd: null,
      }),
    ).toBe(false);
  });
});
