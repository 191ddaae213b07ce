import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { identityApiRef } from '@backstage/core-plugin-api';
import { TestApiProvider, mockApis } from '@backstage/test-utils';
import type { Change } from '@backstage-itsm/plugin-itsm-common';
import {
  makeChange,
  mockItsmApi,
  renderInItsmApp,
} from '../../../__testUtils__/fixtures';
import type { ItsmApi } from '../../../api';
import { ApprovalsPage } from './ApprovalsPage';

const waiting = makeChange({
  id: 'CHG-5',
  title: 'Upgrade Postgres',
  status: 'authorization',
  risk: 'medium',
  requester: 'user:default/guest',
  requiredApprovals: [
    { kind: 'ownerGroup', group: 'group:default/payments-team' },
    { kind: 'group', group: 'group:default/change-managers', count: 1 },
  ],
  outstandingApprovals: [
    { kind: 'ownerGroup', group: 'group:default/payments-team', remaining: 1 },
    {
      kind: 'group',
      group: 'group:default/change-managers',
      count: 1,
      remaining: 1,
    },
  ],
  canDecide: true,
});

function render(api: ItsmApi) {
  return renderInItsmApp(
    <TestApiProvider
      apis={[
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: 'user:default/marcus.reed',
            ownershipEntityRefs: [
              'user:default/marcus.reed',
              'group:default/change-managers',
              'group:default/cab',
            ],
          }),
        ],
      ]}
    >
      <ApprovalsPage />
    </TestApiProvider>,
    { api },
  );
}

describe('ApprovalsPage', () => {
  it('lists what waits for my decision and the requirement my vote would fill', async () => {
    const api = mockItsmApi({
      getApprovalQueue: jest.fn(async () => ({ items: [waiting] })),
    });
    await render(api);

    const link = await screen.findByRole('link', { name: 'CHG-5' });
    expect(link).toHaveAttribute('href', '/itsm/changes/CHG-5');
    expect(screen.getByText('Upgrade Postgres')).toBeInTheDocument();
    expect(screen.getByText('Medium risk')).toBeInTheDocument();
    const part = screen.getByLabelText('Your part in CHG-5');
    expect(part).toHaveTextContent('change-managers: 1 more approval');
    expect(part).not.toHaveTextContent('payments-team');
  });

  it('approves inline with a comment, confirms, and reloads the queue', async () => {
    let queue: Change[] = [waiting];
    const api = mockItsmApi({
      getApprovalQueue: jest.fn(async () => ({ items: queue })),
      decideChange: jest.fn(async () => {
        queue = [];
        return { ...waiting, status: 'scheduled' as const };
      }),
    });
    await render(api);

    const form = await screen.findByRole('group', { name: 'Decide on CHG-5' });
    await userEvent.type(within(form).getByLabelText('Comment'), 'Looks safe');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Approve' }),
    );

    expect(api.decideChange).toHaveBeenCalledWith({
      id: 'CHG-5',
      decision: 'approve',
      comment: 'Looks safe',
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Your decision on CHG-5 is recorded; it is now scheduled.',
    );
    await waitFor(() =>
      expect(
        screen.getByText('Nothing waits for your decision'),
      ).toBeInTheDocument(),
    );
  });

  it('rejects inline', async () => {
    const api = mockItsmApi({
      getApprovalQueue: jest.fn(async () => ({ items: [waiting] })),
      decideChange: jest.fn(async () => ({
        ...waiting,
        status: 'rejected' as const,
      })),
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Reject' }),
    );
    expect(api.decideChange).toHaveBeenCalledWith({
      id: 'CHG-5',
      decision: 'reject',
    });
  });
});
