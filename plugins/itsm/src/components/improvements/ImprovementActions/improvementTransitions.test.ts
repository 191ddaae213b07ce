import { makeImprovement } from '../__testUtils__/improvementFixtures';
import {
  improvementTransitionErrors,
  offeredImprovementTransitions,
  toTransitionRequest,
} from './improvementTransitions';

const blank = {
  comment: '',
  reason: '',
  implementedAt: null,
  evaluation: '',
  effectivenessReview: '',
};

describe('improvement moves', () => {
  it('offers the lifecycle moves, blocking those the item is not ready for', () => {
    expect(
      offeredImprovementTransitions(makeImprovement()).map(m => m.label),
    ).toEqual(['Approve', 'Reject']);
    const implemented = makeImprovement({ status: 'implemented' });
    expect(offeredImprovementTransitions(implemented)).toEqual([
      {
        to: 'evaluated',
        label: 'Record evaluation',
        blockedBecause: 'The system measures the KPI once its window is over',
      },
    ]);
    expect(
      offeredImprovementTransitions({ ...implemented, kpi: null })[0]
        .blockedBecause,
    ).toBeUndefined();
  });

  it('asks a closing corrective action for its effectiveness review', () => {
    const item = makeImprovement({
      kind: 'corrective_action',
      status: 'evaluated',
    });
    expect(improvementTransitionErrors(item, 'closed', blank)).toEqual({
      effectivenessReview:
        'effectivenessReview is required to close a corrective action: did it prevent recurrence?',
    });
    expect(
      toTransitionRequest(item, 'closed', {
        ...blank,
        effectivenessReview: 'No recurrence in 8 weeks',
        reason: 'not asked for here',
      }),
    ).toEqual({
      to: 'closed',
      effectivenessReview: 'No recurrence in 8 weeks',
    });
  });

  it('refuses an implementation date in the future before sending it', () => {
    const item = makeImprovement({
      status: 'in_progress',
      approvedAt: '2027-01-15T10:00:00.000Z',
    });
    const now = new Date('2027-02-01T00:00:00.000Z');
    expect(
      improvementTransitionErrors(
        item,
        'implemented',
        { ...blank, implementedAt: '2027-02-02T00:00:00.000Z' },
        now,
      ),
    ).toEqual({ implementedAt: 'implementedAt must not be in the future' });
    expect(
      improvementTransitionErrors(
        item,
        'implemented',
        { ...blank, implementedAt: '2027-01-20T00:00:00.000Z' },
        now,
      ),
    ).toEqual({});
  });
});
