import {
  IMPROVEMENT_TRANSITIONS,
  allowedImprovementTransitions,
  checkImprovementApprover,
  checkImprovementEvaluable,
  improvementBaselineWindow,
  improvementMeasurementWindow,
  isImprovementLocked,
  isImprovementOverdue,
  planImprovementTransition,
} from './lifecycle';
import {
  IMPROVEMENT_STATUSES,
  ImprovementKpi,
  ImprovementStatus,
} from './types';

const NOW = new Date('2027-03-10T12:00:00.000Z');
const ALICE = 'user:default/alice';
const DAVE = 'user:default/dave';

const kpi: ImprovementKpi = {
  kpi: 'breach_count',
  category: null,
  priority: null,
  signature: null,
  windowDays: 28,
  settleDays: 7,
  direction: 'decrease',
  target: { kind: 'relative', percent: 50 },
};

type Item = Parameters<typeof planImprovementTransition>[0];

function item(overrides: Partial<Item> = {}): Item {
  return {
    status: 'proposed',
    kind: 'improvement',
    owner: ALICE,
    kpi: null,
    approvedAt: null,
    correction: null,
    rootCause: null,
    effectivenessReview: null,
    ...overrides,
  };
}

/** The fields that make each move pass when the table allows it. */
const ENOUGH = { reason: 'Not now', evaluation: 'It worked' };

const plan = (
  from: Partial<Item>,
  to: ImprovementStatus,
  fields: Parameters<typeof planImprovementTransition>[2] = {},
) =>
  planImprovementTransition(item(from), to, fields, { now: NOW, actor: DAVE });

describe('the improvement lifecycle', () => {
  const pairs = IMPROVEMENT_STATUSES.flatMap(from =>
    IMPROVEMENT_STATUSES.map(to => [from, to] as const),
  );
  const allowed = pairs.filter(([from, to]) =>
    IMPROVEMENT_TRANSITIONS[from].includes(to),
  );
  const forbidden = pairs.filter(
    ([from, to]) => !IMPROVEMENT_TRANSITIONS[from].includes(to),
  );

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(plan({ status: from }, to, ENOUGH)).toMatchObject({ status: to });
  });

  it.each(forbidden)('refuses %s → %s (409)', (from, to) => {
    expect(() => plan({ status: from }, to, ENOUGH)).toThrow(
      expect.objectContaining({ name: 'ConflictError' }),
    );
  });

  it.each([
    ['proposed', ['approved', 'rejected']],
    ['approved', ['in_progress', 'rejected']],
    ['in_progress', ['implemented']],
    ['implemented', ['evaluated']],
    ['evaluated', ['closed']],
    ['closed', []],
    ['rejected', []],
  ] as const)('offers the moves of %s: %j', (status, moves) => {
    expect(allowedImprovementTransitions(status)).toEqual(moves);
    expect(isImprovementLocked(status)).toBe(moves.length === 0);
  });

  it('stamps each move with its instant and actor', () => {
    const at = NOW.toISOString();
    expect(plan({}, 'approved')).toEqual({
      status: 'approved',
      approvedBy: DAVE,
      approvedAt: at,
    });
    expect(plan({}, 'rejected', { reason: 'Duplicate of IMP-3' })).toEqual({
      status: 'rejected',
      rejectionReason: 'Duplicate of IMP-3',
      rejectedAt: at,
    });
    expect(plan({ status: 'approved' }, 'in_progress')).toEqual({
      status: 'in_progress',
      startedAt: at,
    });
    expect(plan({ status: 'in_progress' }, 'implemented')).toEqual({
      status: 'implemented',
      implementedAt: at,
    });
    expect(
      plan({ status: 'implemented' }, 'evaluated', {
        evaluation: 'Fewer calls',
      }),
    ).toEqual({
      status: 'evaluated',
      evaluation: 'Fewer calls',
      evaluatedAt: at,
    });
    expect(
      plan({ status: 'evaluated' }, 'closed', { effectivenessReview: 'Held' }),
    ).toEqual({ status: 'closed', effectivenessReview: 'Held', closedAt: at });
  });

  it.each<[string, Partial<Item>, ImprovementStatus, object, RegExp]>([
    ['an owner to approve', { owner: null }, 'approved', {}, /owner/],
    ['a reason to reject', {}, 'rejected', { reason: '  ' }, /reason/],
    [
      'the correction to implement a corrective action',
      { status: 'in_progress', kind: 'corrective_action', rootCause: 'Pool' },
      'implemented',
      {},
      /correction/,
    ],
    [
      'the root cause to implement a corrective action',
      { status: 'in_progress', kind: 'corrective_action', correction: 'Fix' },
      'implemented',
      {},
      /rootCause/,
    ],
    [
      'an evaluation to evaluate an item without a KPI',
      { status: 'implemented' },
      'evaluated',
      {},
      /evaluation/,
    ],
    [
      'the effectiveness review to close a corrective action',
      { status: 'evaluated', kind: 'corrective_action' },
      'closed',
      {},
      /effectivenessReview/,
    ],
    [
      'an implementedAt that is an instant',
      { status: 'in_progress' },
      'implemented',
      { implementedAt: 'last week' },
      /implementedAt/,
    ],
    [
      'an implementedAt not in the future',
      { status: 'in_progress' },
      'implemented',
      { implementedAt: '2027-03-10T12:00:00.001Z' },
      /future/,
    ],
    [
      'an implementedAt not before the approval',
      { status: 'in_progress', approvedAt: '2027-03-05T00:00:00.000Z' },
      'implemented',
      { implementedAt: '2027-03-04T23:59:59.999Z' },
      /before the approval/,
    ],
  ])('needs %s (400)', (_what, from, to, fields, message) => {
    expect(() => plan(from, to, fields)).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(message),
      }),
    );
  });

  it('takes an earlier implementation instant, and the recorded effectiveness review', () => {
    expect(
      plan(
        { status: 'in_progress', approvedAt: '2027-03-05T00:00:00.000Z' },
        'implemented',
        { implementedAt: '2027-03-06T08:00:00+02:00' },
      ),
    ).toMatchObject({ implementedAt: '2027-03-06T06:00:00.000Z' });
    expect(
      plan(
        {
          status: 'evaluated',
          kind: 'corrective_action',
          effectivenessReview: 'No recurrence in 8 weeks',
        },
        'closed',
      ),
    ).toMatchObject({ status: 'closed' });
  });

  it('lets the system, not a person, evaluate an item with a KPI (409)', () => {
    expect(() =>
      plan({ status: 'implemented', kpi }, 'evaluated', { evaluation: 'Yes' }),
    ).toThrow(
      expect.objectContaining({
        name: 'ConflictError',
        message: expect.stringMatching(/evaluated by the system/),
      }),
    );
  });
});

describe('checkImprovementApprover', () => {
  const owned = { owner: ALICE, owningGroup: 'group:default/team-a' };
  const grouped = {
    owner: 'group:default/team-b',
    owningGroup: 'group:default/team-b',
  };

  it.each([
    ['the owner', owned, 'User:default/Alice', [], /owner of an improvement/],
    [
      'a member of the owning group',
      owned,
      DAVE,
      ['group:default/Team-A'],
      /owning group group:default\/team-a/,
    ],
    [
      'a member of the owner group',
      grouped,
      DAVE,
      ['group:default/team-b'],
      /owner group group:default\/team-b/,
    ],
  ])('refuses %s (403)', (_who, ownedBy, approver, groups, message) => {
    expect(() => checkImprovementApprover(ownedBy, approver, groups)).toThrow(
      expect.objectContaining({
        name: 'NotAllowedError',
        message: expect.stringMatching(message),
      }),
    );
  });

  it.each([
    ['someone in other groups', owned, DAVE, ['group:default/team-b']],
    [
      'a member of the owner group of another item',
      grouped,
      ALICE,
      ['group:default/team-a'],
    ],
    [
      'anyone, when the item has no owner yet',
      { owner: null, owningGroup: null },
      ALICE,
      [],
    ],
  ])('lets %s approve', (_who, ownedBy, approver, groups) => {
    expect(() =>
      checkImprovementApprover(ownedBy, approver, groups),
    ).not.toThrow();
  });
});

describe('the windows of a KPI', () => {
  it('takes the baseline over the W days before approval', () => {
    expect(
      improvementBaselineWindow(kpi, new Date('2027-03-01T10:00:00.000Z')),
    ).toEqual({
      from: new Date('2027-02-01T10:00:00.000Z'),
      to: new Date('2027-03-01T10:00:00.000Z'),
    });
  });

  it('measures W days from implementation plus the settling days, only with a KPI', () => {
    expect(
      improvementMeasurementWindow({
        kpi,
        implementedAt: '2027-03-01T10:00:00.000Z',
      }),
    ).toEqual({
      from: new Date('2027-03-08T10:00:00.000Z'),
      to: new Date('2027-04-05T10:00:00.000Z'),
    });
    expect(
      improvementMeasurementWindow({ kpi, implementedAt: null }),
    ).toBeNull();
    expect(
      improvementMeasurementWindow({
        kpi: null,
        implementedAt: '2027-03-01T10:00:00.000Z',
      }),
    ).toBeNull();
  });
});

describe('checkImprovementEvaluable', () => {
  const implementedAt = '2027-03-01T10:00:00.000Z';
  // Settles 7 days, then measures 28: the window is [03-08T10:00, 04-05T10:00).
  const window = {
    from: new Date('2027-03-08T10:00:00.000Z'),
    to: new Date('2027-04-05T10:00:00.000Z'),
  };

  it.each([
    ['the window just over', '2027-04-05T10:00:00.000Z'],
    ['long after the window', '2027-09-01T00:00:00.000Z'],
  ])('gives the window of an implemented item with a KPI: %s', (_, now) => {
    expect(
      checkImprovementEvaluable(
        { status: 'implemented', kpi, implementedAt },
        new Date(now),
      ),
    ).toEqual(window);
  });

  const LATE = '2027-09-01T00:00:00.000Z';
  it.each<[string, ImprovementStatus, ImprovementKpi | null, string, RegExp]>([
    [
      'a proposed item',
      'proposed',
      kpi,
      LATE,
      /is proposed: only an implemented improvement/,
    ],
    [
      'an approved item',
      'approved',
      kpi,
      LATE,
      /is approved: only an implemented improvement/,
    ],
    [
      'an item in progress',
      'in_progress',
      kpi,
      LATE,
      /is in_progress: only an implemented/,
    ],
    [
      'an evaluated item',
      'evaluated',
      kpi,
      LATE,
      /is evaluated: only an implemented improvement/,
    ],
    [
      'a closed item',
      'closed',
      kpi,
      LATE,
      /is closed: only an implemented improvement/,
    ],
    [
      'a rejected item',
      'rejected',
      kpi,
      LATE,
      /is rejected: only an implemented improvement/,
    ],
    [
      'an item without a KPI',
      'implemented',
      null,
      LATE,
      /has no KPI: its owner records the evaluation/,
    ],
    [
      'an item before the end of its window',
      'implemented',
      kpi,
      '2027-04-05T09:59:59.999Z',
      /window ends at 2027-04-05T10:00:00.000Z; the improvement is evaluated then/,
    ],
  ])('refuses %s (409)', (_, status, itemKpi, now, message) => {
    expect(() =>
      checkImprovementEvaluable(
        { status, kpi: itemKpi, implementedAt },
        new Date(now),
      ),
    ).toThrow(
      expect.objectContaining({
        name: 'ConflictError',
        message: expect.stringMatching(message),
      }),
    );
  });
});

describe('isImprovementOverdue', () => {
  it.each([
    ['proposed', '2027-03-09', true],
    ['approved', '2027-03-09', true],
    ['in_progress', '2027-03-09', true],
    // Due today: not overdue until the day is over (UTC).
    ['in_progress', '2027-03-10', false],
    ['in_progress', null, false],
    ['implemented', '2027-01-01', false],
    ['evaluated', '2027-01-01', false],
    ['closed', '2027-01-01', false],
    ['rejected', '2027-01-01', false],
  ] as const)('%s with target date %s: %s', (status, targetDate, overdue) => {
    expect(isImprovementOverdue({ status, targetDate }, NOW)).toBe(overdue);
  });

  it('turns overdue at the end of the target date, UTC', () => {
    const due = { status: 'proposed' as const, targetDate: '2027-03-10' };
    expect(
      isImprovementOverdue(due, new Date('2027-03-10T23:59:59.999Z')),
    ).toBe(false);
    expect(
      isImprovementOverdue(due, new Date('2027-03-11T00:00:00.000Z')),
    ).toBe(true);
  });
});
