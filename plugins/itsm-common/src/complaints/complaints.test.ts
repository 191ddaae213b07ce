import {
  COMPLAINT_STATUSES,
  allowedComplaintTransitions,
  complaintCreateSchema,
  complaintPatchSchema,
  complaintTransitionSchema,
  isComplainantMove,
  planComplaintTransition,
  type ComplaintStatus,
} from '.';

const now = new Date('2027-02-03T10:00:00.000Z');
const OWNER = 'group:default/payments-team';

function complaint(
  status: ComplaintStatus,
  overrides: { owner?: string | null; response?: string | null } = {},
) {
  return { status, owner: OWNER, response: null, ...overrides };
}

function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as Error).name;
  }
}

describe('complaint lifecycle', () => {
  it('allows exactly the documented moves', () => {
    const moves = Object.fromEntries(
      COMPLAINT_STATUSES.map(s => [s, allowedComplaintTransitions(s)]),
    );
    expect(moves).toEqual({
      open: ['investigating', 'resolved'],
      investigating: ['resolved'],
      resolved: ['investigating', 'closed'],
      closed: [],
    });
  });

  it('answers 409 for a move the table does not allow and for anything on a closed complaint', () => {
    const table: Array<[ComplaintStatus, ComplaintStatus, string]> = [
      ['open', 'closed', 'ConflictError'],
      ['open', 'open', 'ConflictError'],
      ['investigating', 'open', 'ConflictError'],
      ['investigating', 'closed', 'ConflictError'],
      ['closed', 'investigating', 'ConflictError'],
      ['closed', 'resolved', 'ConflictError'],
      ['resolved', 'closed', 'ok'],
    ];
    const outcomes = table.map(([from, to]) =>
      outcome(() =>
        planComplaintTransition(
          complaint(from, { response: 'Sorry' }),
          to,
          {},
          { now },
        ),
      ),
    );
    expect(outcomes).toEqual(table.map(([, , want]) => want));
  });

  it('needs an owner to investigate, a response to resolve and a reason to re-open', () => {
    expect(() =>
      planComplaintTransition(
        complaint('open', { owner: null }),
        'investigating',
        {},
        { now },
      ),
    ).toThrow(/^owner is required/);
    expect(
      planComplaintTransition(
        complaint('open', { owner: null }),
        'investigating',
        { owner: 'user:default/sofia.rossi' },
        { now },
      ),
    ).toEqual({ status: 'investigating', owner: 'user:default/sofia.rossi' });

    expect(() =>
      planComplaintTransition(
        complaint('investigating'),
        'resolved',
        {},
        { now },
      ),
    ).toThrow(/^response is required/);
    expect(() =>
      planComplaintTransition(
        complaint('investigating'),
        'resolved',
        { response: '   ' },
        { now },
      ),
    ).toThrow(/^response is required/);
    expect(
      planComplaintTransition(
        complaint('investigating'),
        'resolved',
        { response: 'We refunded the fee' },
        { now },
      ),
    ).toEqual({
      status: 'resolved',
      response: 'We refunded the fee',
      resolvedAt: now.toISOString(),
    });
    // A response recorded before (PATCH) is enough.
    expect(
      planComplaintTransition(
        complaint('open', { response: 'Fixed' }),
        'resolved',
        {},
        { now },
      ),
    ).toEqual({ status: 'resolved', resolvedAt: now.toISOString() });

    const resolved = complaint('resolved', { response: 'Fixed' });
    expect(() =>
      planComplaintTransition(resolved, 'investigating', {}, { now }),
    ).toThrow(/^comment is required/);
    expect(
      planComplaintTransition(
        resolved,
        'investigating',
        { comment: 'Still charged twice' },
        { now },
      ),
    ).toEqual({ status: 'investigating', resolvedAt: null });
    expect(planComplaintTransition(resolved, 'closed', {}, { now })).toEqual({
      status: 'closed',
      closedAt: now.toISOString(),
    });
  });

  it('lets the complainant accept or send back a resolved complaint, nothing else', () => {
    const moves = COMPLAINT_STATUSES.flatMap(from =>
      allowedComplaintTransitions(from)
        .filter(to => isComplainantMove(from, to))
        .map(to => `${from}→${to}`),
    );
    expect(moves).toEqual(['resolved→investigating', 'resolved→closed']);
  });
});

describe('complaint schemas', () => {
  it('takes a complaint with a title, a description and a service', () => {
    expect(
      complaintCreateSchema.safeParse({
        title: ' Charged twice ',
        description: 'My card was charged twice',
        entityRef: 'component:default/payments-service',
        channel: 'email',
      }),
    ).toMatchObject({ success: true, data: { title: 'Charged twice' } });
    for (const bad of [
      { description: '  ' },
      { entityRef: 'payments' },
      { channel: 'fax' },
      { owner: 'user:default/me' },
      { status: 'closed' },
    ]) {
      expect(
        complaintCreateSchema.safeParse({
          title: 'x',
          description: 'y',
          entityRef: 'component:default/payments-service',
          ...bad,
        }).success,
      ).toBe(false);
    }
  });

  it('edits only the editable fields and never clears the owner or the response', () => {
    expect(complaintPatchSchema.safeParse({ category: null }).success).toBe(
      true,
    );
    for (const bad of [
      { owner: null },
      { response: '' },
      { status: 'closed' },
      { version: 2 },
      { resolvedAt: '2027-01-01T00:00:00Z' },
      { complainant: 'user:default/x' },
    ]) {
      expect(complaintPatchSchema.safeParse(bad).success).toBe(false);
    }
    expect(
      complaintTransitionSchema.safeParse({ to: 'withdrawn' }).success,
    ).toBe(false);
  });
});
