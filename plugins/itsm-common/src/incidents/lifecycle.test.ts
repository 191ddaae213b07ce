import { ConflictError, InputError } from '@backstage/errors';
import { INCIDENT_TRANSITIONS, checkIncidentTransition } from './lifecycle';
import { INCIDENT_STATUSES, IncidentStatus } from './types';

const resolveFields = {
  resolutionCode: 'fixed' as const,
  resolutionNotes: 'Restarted the pool',
};

describe('checkIncidentTransition', () => {
  const allowed: Array<[IncidentStatus, IncidentStatus]> = [
    ['new', 'in_progress'],
    ['new', 'resolved'],
    ['new', 'cancelled'],
    ['in_progress', 'on_hold'],
    ['in_progress', 'resolved'],
    ['in_progress', 'cancelled'],
    ['on_hold', 'in_progress'],
    ['on_hold', 'resolved'],
    ['on_hold', 'cancelled'],
    ['resolved', 'in_progress'],
    ['resolved', 'closed'],
  ];

  it('lists exactly the moves of DESIGN §3', () => {
    const listed = INCIDENT_STATUSES.flatMap(from =>
      INCIDENT_TRANSITIONS[from].map(to => [from, to]),
    );
    expect(listed.sort()).toEqual([...allowed].sort());
  });

  it.each(
    INCIDENT_STATUSES.flatMap(from =>
      INCIDENT_STATUSES.map(
        to =>
          [from, to, allowed.some(([a, b]) => a === from && b === to)] as const,
      ),
    ),
  )('%s → %s allowed: %s', (from, to, isAllowed) => {
    const fields = {
      ...resolveFields,
      onHoldReason: 'awaiting_caller' as const,
    };
    let error: unknown;
    try {
      checkIncidentTransition({ status: from, major: false }, to, fields);
    } catch (e) {
      error = e;
    }
    expect(error === undefined).toBe(isAllowed);
    expect(error === undefined || error instanceof ConflictError).toBe(true);
  });

  it.each([
    ['on_hold without a reason', 'in_progress', 'on_hold', {}, /onHoldReason/],
    [
      'resolved without a code',
      'in_progress',
      'resolved',
      { resolutionNotes: 'x' },
      /resolutionCode/,
    ],
    [
      'resolved without notes',
      'in_progress',
      'resolved',
      { resolutionCode: 'fixed' },
      /resolutionNotes/,
    ],
    [
      'resolved with blank notes',
      'new',
      'resolved',
      { resolutionCode: 'fixed', resolutionNotes: '  ' },
      /resolutionNotes/,
    ],
  ] as const)(
    'asks for the fields of %s',
    (_name, from, to, fields, message) => {
      const move = () =>
        checkIncidentTransition({ status: from, major: false }, to, fields);
      expect(move).toThrow(InputError);
      expect(move).toThrow(message);
    },
  );

  it('answers 409 before 400: an illegal move missing fields is a conflict', () => {
    expect(() =>
      checkIncidentTransition({ status: 'new', major: false }, 'on_hold', {}),
    ).toThrow(ConflictError);
  });

  it('needs a post-incident review to close a major incident', () => {
    expect(() =>
      checkIncidentTransition(
        { status: 'resolved', major: true },
        'closed',
        {},
      ),
    ).toThrow(/postIncidentReview/);
    expect(() =>
      checkIncidentTransition(
        { status: 'resolved', major: true, hasPostIncidentReview: true },
        'closed',
        {},
      ),
    ).not.toThrow();
  });
});
