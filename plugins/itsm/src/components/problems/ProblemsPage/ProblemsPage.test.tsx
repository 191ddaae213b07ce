import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockItsmApi, renderInItsmApp } from '../../../__testUtils__/fixtures';
import {
  makeCandidate,
  makeIncidentTrend,
  makeProblem,
} from '../../../__testUtils__/problemFixtures';
import { ProblemsListPage } from './ProblemsPage';

function api() {
  const candidate = makeCandidate({ id: 'PRB-2', version: 3 });
  return mockItsmApi({
    listProblems: jest.fn(async () => ({
      items: [candidate],
      nextCursor: null,
    })),
    transitionProblem: jest.fn(async ({ transition }) =>
      makeProblem({ id: 'PRB-2', version: 4, status: transition.to }),
    ),
  });
}

describe('ProblemsListPage', () => {
  it('lists candidates with what detection saw', async () => {
    const itsmApi = api();
    await renderInItsmApp(<ProblemsListPage />, { api: itsmApi });

    const card = await screen.findByRole('article', {
      name: /PRB-2: Recurring database incidents/,
    });
    expect(within(card).getByText('recurrence')).toBeInTheDocument();
    expect(within(card).getByText('category:database')).toBeInTheDocument();
    expect(within(card).getByText('7 days')).toBeInTheDocument();
    expect(within(card).getByText('4')).toBeInTheDocument();
    expect(itsmApi.listProblems).toHaveBeenCalledWith({
      status: ['candidate'],
      limit: 200,
    });
  });

  it('accepts a candidate as a new problem at the version it was read', async () => {
    const itsmApi = api();
    await renderInItsmApp(<ProblemsListPage />, { api: itsmApi });

    const card = await screen.findByRole('article', { name: /PRB-2/ });
    await userEvent.click(within(card).getByRole('button', { name: 'Accept' }));

    await waitFor(() =>
      expect(itsmApi.transitionProblem).toHaveBeenCalledWith({
        id: 'PRB-2',
        version: 3,
        transition: { to: 'new' },
      }),
    );
    // The inbox is read again.
    await waitFor(() => expect(itsmApi.listProblems).toHaveBeenCalledTimes(2));
  });

  it('dismisses a candidate only with a reason', async () => {
    const itsmApi = api();
    await renderInItsmApp(<ProblemsListPage />, { api: itsmApi });

    const card = await screen.findByRole('article', { name: /PRB-2/ });
    await userEvent.click(
      within(card).getByRole('button', { name: 'Dismiss' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Dismiss: PRB-2',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Dismiss' }),
    );
    expect(
      await within(dialog).findByText(/cancelReason is required/),
    ).toBeInTheDocument();
    expect(itsmApi.transitionProblem).not.toHaveBeenCalled();

    await userEvent.type(
      within(dialog).getByLabelText(/Why is it dismissed/),
      'Planned load test',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Dismiss' }),
    );
    await waitFor(() =>
      expect(itsmApi.transitionProblem).toHaveBeenCalledWith({
        id: 'PRB-2',
        version: 3,
        transition: { to: 'cancelled', cancelReason: 'Planned load test' },
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('shows the entity × week trend and downloads it as CSV', async () => {
    const itsmApi = api();
    itsmApi.getIncidentTrends.mockResolvedValue(makeIncidentTrend());
    itsmApi.getIncidentTrendsCsv.mockResolvedValue(
      new Blob(['entity,2026-10-19\n'], { type: 'text/csv' }),
    );
    const createObjectURL = jest.fn(() => 'blob:trend');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    // jsdom cannot follow the download link.
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await renderInItsmApp(<ProblemsListPage />, { api: itsmApi });

    await userEvent.click(screen.getByRole('tab', { name: 'Trends' }));
    const table = await screen.findByRole('table', {
      name: 'Incidents per entity and week',
    });
    const hottest = within(table).getByTitle(
      'component:default/payments-api, week of 2026-10-26: 6',
    );
    expect(hottest).toHaveTextContent('6');
    expect(hottest.style.backgroundColor).not.toBe('');
    expect(
      within(table).getByTitle(
        'component:default/payments-api, week of 2026-11-02: 2',
      ).style.backgroundColor,
    ).not.toBe(hottest.style.backgroundColor);
    expect(itsmApi.getIncidentTrends).toHaveBeenCalledWith({
      groupBy: 'entity',
      interval: 'week',
    });

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() =>
      expect(revokeObjectURL).toHaveBeenCalledWith('blob:trend'),
    );
    expect(itsmApi.getIncidentTrendsCsv).toHaveBeenCalledWith({
      groupBy: 'entity',
      interval: 'week',
    });
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });
});
