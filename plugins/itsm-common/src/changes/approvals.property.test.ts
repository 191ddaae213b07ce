import fc from 'fast-check';
import { approvalsNeeded, evaluateApprovals } from './approvals';
import type { Approval, RequiredApproval } from './types';

// Small worlds: 6 users, 4 groups, random memberships, requirements and votes.
const USERS = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'].map(
  u => `user:default/${u}`,
);
const GROUPS = ['g0', 'g1', 'g2', 'g3'].map(g => `group:default/${g}`);

const requirement: fc.Arbitrary<RequiredApproval> = fc.oneof(
  fc.record({
    kind: fc.constant('group' as const),
    group: fc.constantFrom(...GROUPS),
    count: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant('quorum' as const),
    group: fc.constantFrom(...GROUPS),
    quorum: fc.integer({ min: 1, max: 3 }),
    of: fc.constant(5),
  }),
  fc.record({
    kind: fc.constant('ownerGroup' as const),
    group: fc.constantFrom(...GROUPS),
  }),
);

const approval: fc.Arbitrary<Approval> = fc.record({
  approver: fc.constantFrom(...USERS),
  decision: fc.constantFrom(
    'approve' as const,
    'approve' as const,
    'reject' as const,
  ),
  comment: fc.constant(null),
  at: fc
    .integer({ min: 0, max: 10_000 })
    .map(s => new Date(Date.UTC(2026, 4, 1) + s * 1000).toISOString()),
  planRevision: fc.integer({ min: 1, max: 2 }),
});

const world = fc.record({
  membership: fc.array(fc.subarray(GROUPS), {
    minLength: USERS.length,
    maxLength: USERS.length,
  }),
  required: fc.array(requirement, { maxLength: 4 }),
  approvals: fc.array(approval, { maxLength: 12 }),
  planRevision: fc.integer({ min: 1, max: 2 }),
  requester: fc.constantFrom(...USERS),
});

describe('evaluateApprovals properties', () => {
  it('never counts the requester or one person twice, and approved means every requirement is met by distinct eligible people', () => {
    fc.assert(
      fc.property(world, w => {
        const memberships = (user: string) =>
          w.membership[USERS.indexOf(user)] ?? [];
        const result = evaluateApprovals({
          required: w.required,
          approvals: w.approvals,
          planRevision: w.planRevision,
          requester: w.requester,
          memberships,
        });
        const people = result.counted.map(c => c.approver);
        expect(people).not.toContain(w.requester);
        expect(new Set(people).size).toBe(people.length);
        for (const c of result.counted) {
          // counted only for a group they belong to, with an approval on the current revision
          expect(memberships(c.approver)).toContain(
            w.required[c.requirement].group,
          );
          expect(
            w.approvals.some(
              a =>
                a.approver === c.approver &&
                a.planRevision === w.planRevision &&
                a.decision === 'approve',
            ),
          ).toBe(true);
        }
        expect(result.rejectedBy).not.toContain(w.requester);
        const everyRequirementMet = w.required.every(
          (r, i) =>
            result.counted.filter(c => c.requirement === i).length >=
            approvalsNeeded(r),
        );
        expect(result.state !== 'approved' || everyRequirementMet).toBe(true);
        expect(
          result.state === 'rejected' || result.rejectedBy.length === 0,
        ).toBe(true);
        expect(result.state === 'approved').toBe(
          result.rejectedBy.length === 0 && result.outstanding.length === 0,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('approves exactly when a full assignment exists (brute force)', () => {
    fc.assert(
      fc.property(world, w => {
        const memberships = (user: string) =>
          w.membership[USERS.indexOf(user)] ?? [];
        const result = evaluateApprovals({
          required: w.required,
          approvals: w.approvals,
          planRevision: w.planRevision,
          requester: w.requester,
          memberships,
        });
        if (result.state === 'rejected') return;
        // Each eligible first voter goes to one requirement or none: try them all.
        const firstVotes = new Map<string, Approval>();
        [...w.approvals]
          .filter(
            a =>
              a.planRevision === w.planRevision && a.approver !== w.requester,
          )
          .sort((a, b) => a.at.localeCompare(b.at))
          .forEach(a => {
            if (!firstVotes.has(a.approver)) firstVotes.set(a.approver, a);
          });
        const voters = [...firstVotes.values()]
          .filter(a => a.decision === 'approve')
          .map(a => a.approver);
        const need = w.required.map(approvalsNeeded);
        const fits = (v: number): boolean => {
          if (v === voters.length) return need.every(n => n <= 0);
          if (fits(v + 1)) return true;
          return w.required.some((r, i) => {
            if (need[i] <= 0 || !memberships(voters[v]).includes(r.group)) {
              return false;
            }
            need[i]--;
            const ok = fits(v + 1);
            need[i]++;
            return ok;
          });
        };
        expect(result.state === 'approved').toBe(fits(0));
      }),
      { numRuns: 300 },
    );
  });
});
