import type { HistoryEvent } from '@backstage-itsm/plugin-itsm-common';
import { actionLabel, changeLines, formatFieldValue } from './practiceHistory';
import { formatRiskAnswers } from './changes/record/changeKind';

function event(action: string, changes: HistoryEvent['changes']): HistoryEvent {
  return {
    version: 1,
    at: '2026-11-01T10:00:00.000Z',
    actor: 'user:default/priya.sharma',
    action,
    changes,
  };
}

const texts = (e: HistoryEvent) => changeLines(e).map(line => line.text);

describe('change history in words', () => {
  it('reads the risk answers as short questions with their answers, in questionnaire order', () => {
    expect(
      formatRiskAnswers({
        outage: 'degraded',
        tested: 'yes',
        backout: 'slower',
        implementers: 'one_person',
        failed_before: 'never_done',
        data_change: 'no',
      }),
    ).toBe(
      'tested: Yes; outage expected: Degraded service only; backout in 15 minutes: Yes, but it takes longer; implementers: One person; failed before: It has never been done here; data or schema change: No',
    );
    // Unknown questions or answers read as they are; no answers read as nothing.
    expect(formatRiskAnswers({ tested: 'maybe', extra: 'x' })).toBe(
      'tested: maybe; extra: x',
    );
    expect(formatRiskAnswers({})).toBe('—');
  });

  it('reads a created change without JSON: answers, reasons, conflicts and requirements in words', () => {
    const lines = texts(
      event('create', {
        status: [null, 'draft'],
        riskAnswers: [null, { tested: 'partially', outage: 'no' }],
        riskReasons: [
          null,
          [
            'Risk questionnaire score 15 of 24 is high (12 or more)',
            '4 tier-1 services depend on payments-db',
          ],
        ],
        conflicts: [
          null,
          [
            {
              kind: 'overlap',
              with: 'CHG-14',
              entityRef: 'component:default/risk-case-manager',
              message:
                'Change CHG-14 (implementing) also changes component:default/risk-case-manager in an overlapping window',
            },
            {
              kind: 'freeze',
              window: 'Payments peak',
              message: 'The window overlaps the freeze "Payments peak"',
            },
          ],
        ],
        requiredApprovals: [null, []],
        templateId: [null, null],
      }),
    );
    expect(lines).toEqual([
      'status: Draft',
      'risk answers: tested: Partially; outage expected: No',
      'risk reasons: Risk questionnaire score 15 of 24 is high (12 or more); 4 tier-1 services depend on payments-db',
      'conflicts: Change CHG-14 (implementing) also changes component:default/risk-case-manager in an overlapping window; The window overlaps the freeze "Payments peak"',
    ]);
    expect(lines.join('\n')).not.toMatch(/[{}"]kind/);
  });

  it('reads the required approvals like the Approvals card', () => {
    expect(
      texts(
        event('transition', {
          status: ['assessment', 'authorization'],
          requiredApprovals: [
            [],
            [
              {
                kind: 'group',
                group: 'group:default/change-managers',
                count: 1,
              },
              { kind: 'quorum', group: 'group:default/cab', quorum: 3, of: 6 },
              { kind: 'ownerGroup', group: 'group:default/payments-team' },
            ],
          ],
        }),
      ),
    ).toEqual([
      'status: Assessment → Authorization',
      'required approvals: — → 1 approval from change-managers; Quorum of cab: 3 of 6; 1 approval from owner group payments-team',
    ]);
  });

  it('reads a vote as one sentence with its plan revision', () => {
    const approve = event('approval', {
      decision: [null, 'approve'],
      planRevision: [null, 1],
    });
    expect(actionLabel(approve.action)).toBe('Decision');
    expect(texts(approve)).toEqual(['Approved on plan revision 1']);
    expect(
      texts(
        event('approval', {
          decision: [null, 'reject'],
          planRevision: [null, 2],
        }),
      ),
    ).toEqual(['Rejected on plan revision 2']);
  });

  it('reads a post-implementation review as its summary', () => {
    expect(
      texts(
        event('transition', {
          status: ['review', 'closed'],
          review: [
            null,
            {
              summary: 'Backed out; re-planned with logical replication.',
              objectivesMet: false,
              incidentIds: ['INC-99'],
            },
          ],
        }),
      ),
    ).toEqual([
      'status: Review → Closed',
      'post-implementation review: — → Backed out; re-planned with logical replication.',
    ]);
  });

  it('keeps the incident formats', () => {
    expect(formatFieldValue('priority', 1)).toMatch(/^P1/);
    expect(formatFieldValue('entityRefs', ['a', 'b'])).toBe('a, b');
    expect(
      texts(event('update', { assignee: [null, 'user:default/bob'] })),
    ).toEqual(['assignee: — → user:default/bob']);
  });
});
