import {
  REVIEW_LIFECYCLE,
  checkReviewPackFreeze,
  checkReviewSignOff,
  planReviewActionPatch,
  planReviewTransition,
} from './lifecycle';
import {
  DEFAULT_REVIEW_AGENDA,
  defaultReviewTitle,
  isReviewActionOverdue,
  isReviewOverdue,
  nextScheduledReview,
  reviewActionNotice,
  reviewNotice,
} from './schedule';
import {
  reviewActionPatchSchema,
  reviewCreateSchema,
  reviewListQuerySchema,
  reviewTransitionSchema,
} from './schemas';
import { REVIEW_STATUSES, parseReviewActionKey, reviewActionId } from './types';

const NOW = new Date('2027-03-10T12:00:00.000Z');

const review = (overrides: Record<string, unknown> = {}) => ({
  status: 'scheduled' as const,
  packFrozenAt: null as string | null,
  minutes: '',
  attendees: [] as string[],
  signedOffAt: null as string | null,
  ...overrides,
});

function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as Error).name;
  }
}

describe('review lifecycle', () => {
  it('moves scheduled → prepared → held → closed, or cancels before holding', () => {
    const table = Object.fromEntries(
      REVIEW_STATUSES.map(from => [
        from,
        REVIEW_STATUSES.filter(
          to =>
            outcome(() => REVIEW_LIFECYCLE.check(from, to, 'review')) === 'ok',
        ),
      ]),
    );
    expect(table).toEqual({
      scheduled: ['prepared', 'cancelled'],
      prepared: ['held', 'cancelled'],
      held: ['closed'],
      closed: [],
      cancelled: [],
    });
  });

  it('asks each move for what it requires, after the lifecycle (409 before 400)', () => {
    const plan = (r: ReturnType<typeof review>, to: any, fields = {}) =>
      outcome(() => planReviewTransition(r, to, fields, { now: NOW }));
    expect(plan(review(), 'prepared')).toBe('InputError');
    expect(plan(review(), 'held')).toBe('ConflictError');
    expect(plan(review({ packFrozenAt: NOW.toISOString() }), 'prepared')).toBe(
      'ok',
    );
    const prepared = review({ status: 'prepared' });
    expect(plan(prepared, 'held', { minutes: 'Talked' })).toBe('InputError');
    expect(plan(prepared, 'held', { attendees: ['user:default/a'] })).toBe(
      'InputError',
    );
    expect(
      plan(prepared, 'held', {
        minutes: 'Talked',
        attendees: ['user:default/a'],
        heldAt: '2027-03-11T00:00:00.000Z',
      }),
    ).toBe('InputError');
    expect(plan(prepared, 'held', { cancelReason: 'x' })).toBe('InputError');
    const held = review({ status: 'held' });
    expect(plan(held, 'closed')).toBe('InputError');
    expect(plan(review({ status: 'held', signedOffAt: 'x' }), 'closed')).toBe(
      'ok',
    );
    expect(plan(review(), 'cancelled')).toBe('InputError');
    expect(plan(held, 'cancelled', { cancelReason: 'x' })).toBe(
      'ConflictError',
    );
  });

  it('records the held date, the minutes and attendees of the move', () => {
    expect(
      planReviewTransition(
        review({ status: 'prepared', attendees: ['user:default/a'] }),
        'held',
        { minutes: 'We agreed', heldAt: '2027-03-09T09:00:00.000Z' },
        { now: NOW },
      ),
    ).toEqual({
      status: 'held',
      minutes: 'We agreed',
      heldAt: '2027-03-09T09:00:00.000Z',
    });
    expect(
      planReviewTransition(
        review({ status: 'held', signedOffAt: 'x' }),
        'closed',
        {},
        { now: NOW },
      ),
    ).toEqual({ status: 'closed', closedAt: NOW.toISOString() });
  });

  it('freezes the pack until the review is held, and is signed off once, when held', () => {
    expect(outcome(() => checkReviewPackFreeze('scheduled'))).toBe('ok');
    expect(outcome(() => checkReviewPackFreeze('prepared'))).toBe('ok');
    for (const status of ['held', 'closed', 'cancelled'] as const) {
      expect(outcome(() => checkReviewPackFreeze(status))).toBe(
        'ConflictError',
      );
    }
    const signOff = (status: any, signedOffAt: string | null) =>
      outcome(() =>
        checkReviewSignOff({ status, signedOffAt, signedOffBy: 'u' }),
      );
    expect(signOff('held', null)).toBe('ok');
    expect(signOff('held', NOW.toISOString())).toBe('ConflictError');
    expect(signOff('prepared', null)).toBe('ConflictError');
  });
});

describe('review actions', () => {
  const action = (status: any = 'open') => ({
    status,
    title: 'Add a runbook',
    owner: 'user:default/a',
    dueDate: '2027-03-20',
    note: null,
    recordId: null,
  });

  it('moves open ⇄ in_progress → done | dropped, dropping with a reason', () => {
    expect(
      planReviewActionPatch(action(), { status: 'in_progress' }, { now: NOW }),
    ).toEqual({ status: 'in_progress' });
    expect(
      planReviewActionPatch(
        action('in_progress'),
        { status: 'done' },
        { now: NOW },
      ),
    ).toEqual({ status: 'done', completedAt: NOW.toISOString() });
    expect(
      outcome(() =>
        planReviewActionPatch(action(), { status: 'dropped' }, { now: NOW }),
      ),
    ).toBe('InputError');
    expect(
      outcome(() =>
        planReviewActionPatch(action('done'), { title: 'x' }, { now: NOW }),
      ),
    ).toBe('ConflictError');
    expect(
      planReviewActionPatch(action(), { title: 'Add a runbook' }, { now: NOW }),
    ).toEqual({});
  });

  it('names actions REV-n/A-m', () => {
    expect(reviewActionId('REV-4', 2)).toBe('REV-4/A-2');
    expect(parseReviewActionKey('A-2')).toBe(2);
    expect(parseReviewActionKey('A-0')).toBeUndefined();
    expect(parseReviewActionKey('2')).toBeUndefined();
  });

  it('is due soon three days before its due date and overdue the day after', () => {
    const at = (iso: string) => new Date(iso);
    const open = { status: 'open' as const, dueDate: '2027-03-20' };
    expect(reviewActionNotice(open, at('2027-03-16T23:59:59.000Z'))).toBe(
      undefined,
    );
    expect(reviewActionNotice(open, at('2027-03-17T00:00:00.000Z'))).toBe(
      'due_soon',
    );
    expect(reviewActionNotice(open, at('2027-03-20T23:59:59.000Z'))).toBe(
      'due_soon',
    );
    expect(reviewActionNotice(open, at('2027-03-21T00:00:00.000Z'))).toBe(
      'overdue',
    );
    expect(isReviewActionOverdue(open, at('2027-03-21T00:00:00.000Z'))).toBe(
      true,
    );
    expect(
      reviewActionNotice(
        { ...open, status: 'done' },
        at('2027-03-25T00:00:00Z'),
      ),
    ).toBe(undefined);
  });
});

describe('review scheduling', () => {
  it('schedules the next review one cadence after the last one, for the period since', () => {
    expect(
      nextScheduledReview({
        reviewCadence: 'quarterly',
        lastReviewedAt: '2027-01-15T10:00:00.000Z',
        effectiveFrom: '2026-06-01T00:00:00.000Z',
      }),
    ).toEqual({
      scheduledFor: new Date('2027-04-15T10:00:00.000Z'),
      period: {
        from: new Date('2027-01-15T10:00:00.000Z'),
        to: new Date('2027-04-15T10:00:00.000Z'),
      },
    });
    expect(
      nextScheduledReview({
        reviewCadence: 'monthly',
        lastReviewedAt: null,
        effectiveFrom: '2027-01-31T00:00:00.000Z',
      }).scheduledFor,
    ).toEqual(new Date('2027-02-28T00:00:00.000Z'));
  });

  it('announces a review two weeks ahead and flags it overdue once its date passes unheld', () => {
    const due = {
      status: 'scheduled' as const,
      scheduledFor: '2027-03-20T09:00:00.000Z',
    };
    expect(reviewNotice(due, new Date('2027-03-06T08:59:59.000Z'))).toBe(
      undefined,
    );
    expect(reviewNotice(due, new Date('2027-03-06T09:00:00.000Z'))).toBe('due');
    expect(reviewNotice(due, new Date('2027-03-20T09:00:01.000Z'))).toBe(
      'overdue',
    );
    expect(isReviewOverdue(due, new Date('2027-03-21T00:00:00.000Z'))).toBe(
      true,
    );
    expect(
      isReviewOverdue(
        { ...due, status: 'held' },
        new Date('2027-03-21T00:00:00.000Z'),
      ),
    ).toBe(false);
  });

  it('starts from the default agenda and a title naming the service and period', () => {
    expect(DEFAULT_REVIEW_AGENDA.length).toBeGreaterThan(5);
    expect(
      defaultReviewTitle('component:default/payments-service', {
        from: '2027-01-01T00:00:00.000Z',
        to: '2027-04-01T00:00:00.000Z',
      }),
    ).toBe('Service review of payments-service, 2027-01-01 to 2027-04-01');
  });
});

describe('review schemas', () => {
  it('refuses unknown fields, bad refs and periods that end before they start', () => {
    const ok = {
      entityRef: 'component:default/payments',
      scheduledFor: '2027-04-01T09:00:00.000Z',
    };
    expect(reviewCreateSchema.safeParse(ok).success).toBe(true);
    for (const bad of [
      { ...ok, status: 'held' },
      { ...ok, entityRef: 'payments' },
      {
        ...ok,
        period: {
          from: '2027-04-01T00:00:00.000Z',
          to: '2027-01-01T00:00:00.000Z',
        },
      },
    ]) {
      expect(reviewCreateSchema.safeParse(bad).success).toBe(false);
    }
    expect(reviewTransitionSchema.safeParse({ to: 'done' }).success).toBe(
      false,
    );
    expect(
      reviewActionPatchSchema.safeParse({ recordId: 'nope' }).success,
    ).toBe(false);
  });

  it('reads the overdue flag of a query, parsed or not', () => {
    expect(reviewListQuerySchema.parse({ overdue: 'true' }).overdue).toBe(true);
    expect(reviewListQuerySchema.parse({ overdue: false }).overdue).toBe(false);
    expect(reviewListQuerySchema.safeParse({ overdue: 'yes' }).success).toBe(
      false,
    );
  });
});
