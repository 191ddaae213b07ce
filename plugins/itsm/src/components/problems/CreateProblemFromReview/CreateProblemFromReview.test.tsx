import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Change, Incident } from '@backstage-itsm/plugin-itsm-common';
import {
  makeIncident,
  mockItsmApi,
  renderInItsmApp,
} from '../../../__testUtils__/fixtures';
import { makeProblem } from '../../../__testUtils__/problemFixtures';
import { PostIncidentReviewForm } from '../../incidents/MajorIncidentPanel/PostIncidentReviewForm';
import { ChangeReview } from '../../changes/ChangePage/ChangePlan';

describe('Create problem from this review', () => {
  it('raises a problem from a post-incident review, linked to the incident, and names it in the review', async () => {
    const incident: Incident = makeIncident({
      id: 'INC-9',
      version: 4,
      title: 'Card payments fail',
      entityRef: 'component:default/payments',
      affectedEntityRefs: ['resource:default/payments-db'],
      impact: 1,
      urgency: 2,
      major: true,
      postIncidentReview: {
        summary: 'A bad deploy exhausted the pool',
        rootCause: 'Pool of 10',
      },
    });
    const reviewed = { ...incident, version: 5 };
    const api = mockItsmApi({
      createProblem: jest.fn(async () => makeProblem({ id: 'PRB-4' })),
      patchIncident: jest.fn(async () => reviewed),
    });
    const onChange = jest.fn();
    renderInItsmApp(
      <PostIncidentReviewForm
        incident={incident}
        onChange={onChange}
        onReload={jest.fn()}
      />,
      { api },
    );

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Create problem from this review',
      }),
    );
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(reviewed));
    expect(api.createProblem).toHaveBeenCalledWith({
      title: 'Problem behind INC-9: Card payments fail',
      statement: 'A bad deploy exhausted the pool\n\nPool of 10',
      entityRefs: [
        'component:default/payments',
        'resource:default/payments-db',
      ],
      impact: 1,
      urgency: 2,
      origin: 'major_incident',
      incidentIds: ['INC-9'],
      linkReason: 'Created from the post-incident review',
    });
    expect(api.patchIncident).toHaveBeenCalledWith({
      id: 'INC-9',
      version: 4,
      patch: {
        postIncidentReview: {
          summary: 'A bad deploy exhausted the pool',
          rootCause: 'Pool of 10',
          problemId: 'PRB-4',
        },
      },
    });
    expect(
      await screen.findByText(/from this review and linked it/),
    ).toBeInTheDocument();
  });

  it('raises a problem from a change review and links the change to it', async () => {
    const change = {
      id: 'CHG-3',
      title: 'Resize the pool',
      entityRefs: ['component:default/payments'],
      review: { summary: 'Backed out', lessonsLearned: 'Test at peak load' },
    } as unknown as Change;
    const api = mockItsmApi({
      createProblem: jest.fn(async () => makeProblem({ id: 'PRB-5' })),
      addLink: jest.fn(async () => ({} as any)),
    });
    const onProblemCreated = jest.fn();
    renderInItsmApp(
      <ChangeReview change={change} onProblemCreated={onProblemCreated} />,
      { api },
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Create problem from this review',
      }),
    );
    await waitFor(() => expect(onProblemCreated).toHaveBeenCalledWith('PRB-5'));
    expect(api.createProblem).toHaveBeenCalledWith(
      expect.objectContaining({
        origin: 'change_review',
        statement: 'Backed out\n\nTest at peak load',
        entityRefs: ['component:default/payments'],
      }),
    );
    expect(api.addLink).toHaveBeenCalledWith({
      collection: 'changes',
      id: 'CHG-3',
      link: {
        to: 'PRB-5',
        relation: 'relates_to',
        note: 'Created from the post-implementation review',
      },
    });
  });
});
