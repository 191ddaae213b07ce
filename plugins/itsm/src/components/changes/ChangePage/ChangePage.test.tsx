import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Change, HistoryEvent } from '@backstage-itsm/plugin-itsm-common';
import {
  makeChange,
  makeIncident,
  mockItsmApi,
  mockSignalApi,
  renderInItsmApp,
  responseError,
} from '../../../__testUtils__/fixtures';
import type { ItsmApi } from '../../../api';
import { ChangePage } from './ChangePage';

const HOUR = 3_600_000;

const history: HistoryEvent[] = [
  {
    version: 1,
    at: '2026-05-01T09:00:00.000Z',
    actor: 'user:default/guest',
    action: 'create',
    changes: { status: [null, 'draft'], plannedStart: [null, null] },
  },
  {
    version: 2,
    at: '2026-05-01T09:05:00.000Z',
    actor: 'user:default/guest',
    action: 'transition',
    changes: { status: ['draft', 'authorization'] },
  },
];

function api(change: Change, overrides: Partial<ItsmApi> = {}) {
  return mockItsmApi({
    getChange: jest.fn(async () => change),
    getChangeHistory: jest.fn(async () => ({
      items: history,
      nextCursor: null,
    })),
    listIncidents: jest.fn(async () => ({ items: [], nextCursor: null })),
    ...overrides,
  });
}

function render(itsmApi: ItsmApi, signals = mockSignalApi()) {
  return renderInItsmApp(<ChangePage id="CHG-3" />, { api: itsmApi, signals });
}

function actions() {
  return within(screen.getByRole('toolbar', { name: 'Change actions' }));
}

const inAuthorization = makeChange({
  id: 'CHG-3',
  version: 4,
  planRevision: 2,
  status: 'authorization',
  risk: 'medium',
  riskReasons: ['payments-api is a tier-1 service'],
  requiredApprovals: [
    { kind: 'ownerGroup', group: 'group:default/payments-team' },
    { kind: 'group', group: 'group:default/change-managers', count: 1 },
  ],
  outstandingApprovals: [
    { kind: 'ownerGroup', group: 'group:default/payments-team', remaining: 1 },
  ],
  approvals: [
    {
      approver: 'user:default/marcus.reed',
      decision: 'approve',
      comment: 'Fine by me',
      at: '2026-05-01T10:00:00.000Z',
      planRevision: 1,
    },
    {
      approver: 'user:default/maria.garcia',
      decision: 'approve',
      comment: null,
      at: '2026-05-01T11:00:00.000Z',
      planRevision: 2,
    },
  ],
  conflicts: [
    {
      kind: 'related_overlap',
      with: 'CHG-9',
      entityRef: 'component:default/payments-api',
      message: 'Change CHG-9 (scheduled) changes component:default/ledger',
    },
  ],
  canDecide: true,
});

describe('ChangePage', () => {
  it('shows plan, risk, who still has to decide, votes by plan revision, conflicts and history', async () => {
    await render(api(inAuthorization));

    expect(
      await screen.findByRole('heading', { name: 'Upgrade Postgres' }),
    ).toBeInTheDocument();
    const status = within(screen.getByTestId('itsm-change-status'));
    expect(status.getByText('Authorization')).toBeInTheDocument();
    expect(status.getByText('Medium risk')).toBeInTheDocument();
    expect(status.getByText('Normal change')).toBeInTheDocument();
    expect(
      screen.getByText('payments-api is a tier-1 service'),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('list', { name: 'Who still has to decide' }),
      ).getByText('owner group payments-team: 1 more approval'),
    ).toBeInTheDocument();
    const votes = screen.getByRole('table', { name: 'Votes' });
    const rows = within(votes).getAllByRole('row');
    // Newest first; the vote on revision 1 no longer counts.
    expect(rows[1]).not.toHaveTextContent('No longer counts');
    expect(rows[2]).toHaveTextContent('Fine by me');
    expect(rows[2]).toHaveTextContent('No longer counts');
    expect(screen.getByRole('link', { name: 'CHG-9' })).toHaveAttribute(
      'href',
      '/itsm/changes/CHG-9',
    );
    expect(
      screen.getByRole('region', { name: 'Backout plan' }),
    ).toHaveTextContent('Restore the snapshot');
    expect(
      await screen.findByText('status: Draft → Authorization'),
    ).toBeInTheDocument();
    // Scheduling is the deciding vote's business, not a button.
    expect(
      actions().queryByRole('button', { name: 'Schedule' }),
    ).not.toBeInTheDocument();
    expect(
      actions().getByRole('button', { name: 'Cancel change' }),
    ).toBeInTheDocument();
  });

  it('posts an approval with the comment and shows the change after the vote', async () => {
    const scheduled = {
      ...inAuthorization,
      version: 5,
      status: 'scheduled' as const,
      canDecide: false,
    };
    const itsmApi = api(inAuthorization, {
      decideChange: jest.fn(async () => scheduled),
    });
    await render(itsmApi);

    const form = await screen.findByRole('group', { name: 'Decide on CHG-3' });
    await userEvent.type(within(form).getByLabelText('Comment'), 'Go');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Approve' }),
    );

    expect(itsmApi.decideChange).toHaveBeenCalledWith({
      id: 'CHG-3',
      decision: 'approve',
      comment: 'Go',
    });
    expect(await screen.findByText('Scheduled')).toBeInTheDocument();
    expect(
      screen.queryByRole('group', { name: 'Decide on CHG-3' }),
    ).not.toBeInTheDocument();
  });

  it('shows the server words when a vote is refused', async () => {
    const itsmApi = api(inAuthorization, {
      decideChange: jest.fn(async () => {
        throw await responseError({
          status: 403,
          statusText: 'Forbidden',
          name: 'NotAllowedError',
          message: 'The requester cannot approve their own change',
        });
      }),
    });
    await render(itsmApi);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Reject' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The requester cannot approve their own change',
    );
  });

  it('starts the implementation with the actual start and If-Match', async () => {
    const scheduled = makeChange({
      id: 'CHG-3',
      version: 6,
      status: 'scheduled',
    });
    const itsmApi = api(scheduled, {
      transitionChange: jest.fn(async () => ({
        ...scheduled,
        version: 7,
        status: 'implementing' as const,
      })),
    });
    await render(itsmApi);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Start implementation' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Actual start/), {
      target: { value: '2026-05-04T10:05' },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start implementation' }),
    );
    await waitFor(() =>
      expect(itsmApi.transitionChange).toHaveBeenCalledWith({
        id: 'CHG-3',
        version: 6,
        transition: {
          to: 'implementing',
          actualStart: new Date('2026-05-04T10:05').toISOString(),
        },
      }),
    );
    expect(await screen.findByText('Implementing')).toBeInTheDocument();
  });

  it('asks for the outcome and actual window to finish, and flags work outside the window', async () => {
    const start = Date.now() - 5 * HOUR;
    const implementing = makeChange({
      id: 'CHG-3',
      version: 7,
      status: 'implementing',
      plannedStart: new Date(start).toISOString(),
      plannedEnd: new Date(start + HOUR).toISOString(),
      actualStart: new Date(start + 10 * 60_000).toISOString(),
    });
    const itsmApi = api(implementing, {
      transitionChange: jest.fn(async () => ({
        ...implementing,
        version: 8,
        status: 'review' as const,
      })),
    });
    await render(itsmApi);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Work outside the approved window',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Finish implementation' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Finish implementation' }),
    );
    expect(
      await within(dialog).findByText('outcome is required to enter review'),
    ).toBeInTheDocument();
    expect(itsmApi.transitionChange).not.toHaveBeenCalled();

    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Outcome/),
      'successful_with_issues',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Finish implementation' }),
    );
    await waitFor(() => expect(itsmApi.transitionChange).toHaveBeenCalled());
    const [{ transition }] = itsmApi.transitionChange.mock.calls[0];
    expect(transition).toMatchObject({
      to: 'review',
      outcome: 'successful_with_issues',
      actualStart: implementing.actualStart,
    });
    expect(Date.parse(transition.actualEnd!)).toBeGreaterThan(
      Date.parse(implementing.actualStart!),
    );
  });

  it('requires the review to close an emergency change, and sends it', async () => {
    const review = makeChange({
      id: 'CHG-3',
      version: 8,
      type: 'emergency',
      status: 'review',
      outcome: 'successful',
      actualStart: '2026-05-04T10:05:00.000Z',
      actualEnd: '2026-05-04T10:50:00.000Z',
    });
    const itsmApi = api(review, {
      transitionChange: jest.fn(async () => ({
        ...review,
        version: 9,
        status: 'closed' as const,
      })),
    });
    await render(itsmApi);
    await userEvent.click(await screen.findByRole('button', { name: 'Close' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    expect(
      await within(dialog).findByText(
        /review \(post-implementation review\) is required/,
      ),
    ).toBeInTheDocument();

    fireEvent.change(within(dialog).getByLabelText(/Review summary/), {
      target: { value: 'Hotfix held; no customer impact' },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() =>
      expect(itsmApi.transitionChange).toHaveBeenCalledWith({
        id: 'CHG-3',
        version: 8,
        transition: {
          to: 'closed',
          review: {
            summary: 'Hotfix held; no customer impact',
            objectivesMet: true,
          },
        },
      }),
    );
  });

  it('edits the plan with If-Match and offers a reload after a 412', async () => {
    const draft = makeChange({ id: 'CHG-3', version: 2, status: 'draft' });
    const itsmApi = api(draft, {
      patchChange: jest.fn(async () => {
        throw await responseError({
          status: 412,
          statusText: 'Precondition Failed',
          name: 'PreconditionFailedError',
          message: 'stale',
        });
      }),
    });
    await render(itsmApi);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit CHG-3' });
    fireEvent.change(within(dialog).getByLabelText(/Backout plan/), {
      target: { value: 'Fail over to the replica' },
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(itsmApi.patchChange).toHaveBeenCalledWith({
      id: 'CHG-3',
      version: 2,
      patch: { backoutPlan: 'Fail over to the replica' },
    });
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this change');
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Reload' }),
    );
    await waitFor(() => expect(itsmApi.getChange).toHaveBeenCalledTimes(2));
  });

  it('lists the incidents the change caused and reloads on its signal', async () => {
    const closed = makeChange({ id: 'CHG-3', version: 9, status: 'closed' });
    const itsmApi = api(closed, {
      listIncidents: jest.fn(async () => ({
        items: [makeIncident({ id: 'INC-12', title: 'Refunds fail' })],
        nextCursor: null,
      })),
    });
    const signals = mockSignalApi();
    await render(itsmApi, signals);

    expect(await screen.findByRole('link', { name: 'INC-12' })).toBeVisible();
    expect(itsmApi.listIncidents).toHaveBeenCalledWith({
      causedByChangeId: 'CHG-3',
      limit: 200,
    });
    expect(actions().queryAllByRole('button')).toHaveLength(0);

    signals.publish('itsm:change:CHG-3', { id: 'CHG-3', version: 10 });
    await waitFor(() => expect(itsmApi.getChange).toHaveBeenCalledTimes(2));
  });

  it('lists the incidents the review names as links', async () => {
    const closed = makeChange({
      id: 'CHG-3',
      version: 9,
      status: 'closed',
      review: {
        summary: 'Rolled back after the refunds outage',
        objectivesMet: false,
        incidentIds: ['INC-12', 'INC-14'],
      },
    });
    await render(api(closed));

    const card = within(
      await screen.findByRole('region', { name: 'Incidents reviewed' }),
    );
    expect(card.getByRole('link', { name: 'INC-12' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-12',
    );
    expect(card.getByRole('link', { name: 'INC-14' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-14',
    );
  });

  it('offers the incidents the change caused to the review, all named by default', async () => {
    const review = makeChange({
      id: 'CHG-3',
      version: 8,
      status: 'review',
      outcome: 'failed',
      actualStart: '2026-05-04T10:05:00.000Z',
      actualEnd: '2026-05-04T10:50:00.000Z',
    });
    const itsmApi = api(review, {
      listIncidents: jest.fn(async () => ({
        items: [
          makeIncident({ id: 'INC-12', title: 'Refunds fail' }),
          makeIncident({ id: 'INC-14', title: 'Payouts late' }),
          makeIncident({ id: 'INC-15', title: 'Slow checkout' }),
        ],
        nextCursor: null,
      })),
      transitionChange: jest.fn(async () => ({
        ...review,
        version: 9,
        status: 'closed' as const,
      })),
    });
    await render(itsmApi);
    await userEvent.click(await screen.findByRole('button', { name: 'Close' }));
    const dialog = await screen.findByRole('dialog');

    const incidents = within(
      within(dialog).getByRole('group', {
        name: 'Incidents caused by this change',
      }),
    );
    const refunds = await incidents.findByRole('checkbox', {
      name: 'INC-12: Refunds fail',
    });
    await waitFor(() => expect(refunds).toBeChecked());
    expect(
      incidents.getByRole('checkbox', { name: 'INC-14: Payouts late' }),
    ).toBeChecked();
    await userEvent.click(
      incidents.getByRole('checkbox', { name: 'INC-15: Slow checkout' }),
    );

    fireEvent.change(within(dialog).getByLabelText(/Review summary/), {
      target: { value: 'Backed out; two incidents' },
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() =>
      expect(itsmApi.transitionChange).toHaveBeenCalledWith({
        id: 'CHG-3',
        version: 8,
        transition: {
          to: 'closed',
          review: {
            summary: 'Backed out; two incidents',
            objectivesMet: true,
            incidentIds: ['INC-12', 'INC-14'],
          },
        },
      }),
    );
  });

  it('keeps the incidents an earlier review named, unticking the others', async () => {
    const review = makeChange({
      id: 'CHG-3',
      version: 8,
      status: 'review',
      outcome: 'successful',
      review: { summary: 'Draft', incidentIds: ['INC-9'] },
    });
    const itsmApi = api(review, {
      listIncidents: jest.fn(async () => ({
        items: [makeIncident({ id: 'INC-12', title: 'Refunds fail' })],
        nextCursor: null,
      })),
    });
    await render(itsmApi);
    await userEvent.click(await screen.findByRole('button', { name: 'Close' }));
    const dialog = await screen.findByRole('dialog');

    expect(
      await within(dialog).findByRole('checkbox', {
        name: 'INC-12: Refunds fail',
      }),
    ).not.toBeChecked();
    expect(
      within(dialog).getByRole('checkbox', { name: 'INC-9' }),
    ).toBeChecked();
  });
});
