import { useLocation } from 'react-router-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { improvementScore } from '@backstage-itsm/plugin-itsm-common';
import type { ItsmApi } from '../../../api';
import {
  evaluatedImprovement,
  improvementApi,
  makeImprovement,
  renderImprovements,
} from '../__testUtils__/improvementFixtures';
import { ImprovementsListPage } from './ImprovementsPage';

const OPEN_AND_DONE = [
  'proposed',
  'approved',
  'in_progress',
  'implemented',
  'evaluated',
  'closed',
];

const items = [
  makeImprovement({
    id: 'IMP-1',
    title: 'Low score',
    priority: improvementScore({ benefit: 1, effort: 5, urgency: 1 }),
  }),
  makeImprovement({
    id: 'IMP-2',
    title: 'High score',
    priority: improvementScore({ benefit: 5, effort: 1, urgency: 5 }),
    overdue: true,
  }),
  makeImprovement({ id: 'IMP-3', title: 'Under way', status: 'in_progress' }),
  evaluatedImprovement({ id: 'IMP-4', title: 'Fewer breaches' }),
  makeImprovement({
    id: 'IMP-5',
    title: 'Not now',
    status: 'rejected',
    rejectionReason: 'Later',
  }),
];

function lastQuery(api: jest.Mocked<ItsmApi>) {
  const calls = api.listImprovements.mock.calls;
  return calls[calls.length - 1][0];
}

async function pick(selectName: RegExp, options: string[]) {
  await userEvent.click(screen.getByRole('button', { name: selectName }));
  const listbox = await screen.findByRole('listbox');
  for (const option of options) {
    await userEvent.click(
      within(listbox).getByRole('option', { name: option }),
    );
  }
  await userEvent.keyboard('{Escape}');
  await waitFor(() =>
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument(),
  );
}

/** The address the page keeps its view and filters in. */
function Address() {
  const location = useLocation();
  return <output data-testid="address">{location.search}</output>;
}

const address = () =>
  new URLSearchParams(screen.getByTestId('address').textContent ?? '');

function renderList(path?: string) {
  const api = improvementApi(undefined, {
    listImprovements: jest.fn(async () => ({ items, nextCursor: null })),
  });
  return {
    api,
    rendered: renderImprovements(
      <>
        <ImprovementsListPage />
        <Address />
      </>,
      { api, path },
    ),
  };
}

describe('ImprovementsListPage', () => {
  it('shows the register as a board by status, cards by score, rejected items hidden', async () => {
    const { api, rendered } = renderList();
    await rendered;
    const board = await screen.findByTestId('improvement-board');
    expect(lastQuery(api)).toEqual({
      status: OPEN_AND_DONE,
      sort: 'score',
      order: 'desc',
      limit: 200,
    });

    const proposed = within(board).getByRole('region', { name: 'Proposed' });
    const cards = within(proposed).getAllByRole('article');
    expect(cards.map(card => card.dataset.testid)).toEqual([
      'improvement-card-IMP-2',
      'improvement-card-IMP-1',
    ]);
    expect(
      within(proposed).getByRole('heading', { name: 'Proposed' }),
    ).toBeInTheDocument();
    expect(proposed).toHaveTextContent(/^Proposed 2/);
    const high = screen.getByTestId('improvement-card-IMP-2');
    expect(high).toHaveTextContent('Score 10');
    expect(within(high).getByText('Overdue')).toBeInTheDocument();
    expect(within(high).getByRole('link', { name: 'IMP-2' })).toHaveAttribute(
      'href',
      '/itsm/improvements/IMP-2',
    );
    expect(
      within(board).getByRole('region', { name: 'In progress' }),
    ).toHaveTextContent('Under way');
    expect(
      within(screen.getByTestId('improvement-card-IMP-4')).getByText(
        'Achieved',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('improvement-card-IMP-5')).toBeNull();

    await userEvent.click(screen.getByLabelText('Show rejected'));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        sort: 'score',
        order: 'desc',
        limit: 200,
      }),
    );
    expect(
      await within(board).findByRole('region', { name: 'Rejected' }),
    ).toHaveTextContent('Not now');
    expect(screen.getByTestId('raise-improvement')).toHaveAttribute(
      'href',
      '/itsm/improvements/new',
    );
  });

  it('filters by source and verdict on the server, and exports the same filters', async () => {
    const { api, rendered } = renderList();
    await rendered;
    await screen.findByTestId('improvement-board');
    await pick(/^Source/, ['SLA breach', 'Complaint']);
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        source: ['sla_breach', 'complaint'],
      }),
    );
    await pick(/^Verdict/, ['Not measured']);
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        source: ['sla_breach', 'complaint'],
        verdict: ['none'],
        status: OPEN_AND_DONE,
        sort: 'score',
        order: 'desc',
        limit: 200,
      }),
    );

    const { createObjectURL, revokeObjectURL } = URL;
    const revoke = jest.fn();
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:register'),
      revokeObjectURL: revoke,
    });
    const saved: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function save(this: HTMLAnchorElement) {
        saved.push(this.download);
      });
    api.getImprovementsCsv.mockResolvedValue(new Blob(['id\n']));
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:register'));
    expect(saved).toEqual([
      expect.stringMatching(/^improvements-\d{4}-\d{2}-\d{2}\.csv$/),
    ]);
    click.mockRestore();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    expect(api.getImprovementsCsv).toHaveBeenCalledWith({
      source: ['sla_breach', 'complaint'],
      verdict: ['none'],
      status: OPEN_AND_DONE,
      sort: 'score',
      order: 'desc',
    });
  });

  it('lists the register as a table sorted by target date on the server', async () => {
    const { api, rendered } = renderList();
    await rendered;
    await screen.findByTestId('improvement-board');
    await userEvent.click(screen.getByRole('tab', { name: 'Table' }));
    expect(await screen.findByText('Improvement register')).toBeInTheDocument();
    expect(lastQuery(api)).toMatchObject({ sort: 'score', limit: 50 });
    await userEvent.selectOptions(
      screen.getByLabelText('Sort by'),
      'targetDate',
    );
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        status: OPEN_AND_DONE,
        sort: 'targetDate',
        order: 'asc',
        limit: 50,
      }),
    );
    expect(screen.getByRole('link', { name: 'IMP-4' })).toBeInTheDocument();
  });

  it("lands filtered from the health card's link: a service's overdue items", async () => {
    const ref = 'component:default/payments-api';
    const { api, rendered } = renderList(
      `/itsm/improvements?entityRef=${encodeURIComponent(ref)}&overdue=true`,
    );
    await rendered;
    await screen.findByTestId('improvement-board');
    expect(api.listImprovements).toHaveBeenCalledTimes(1);
    expect(lastQuery(api)).toEqual({
      entityRef: ref,
      status: OPEN_AND_DONE,
      overdue: true,
      sort: 'score',
      order: 'desc',
      limit: 200,
    });
    expect(screen.getByLabelText('Overdue only')).toBeChecked();
    expect(screen.getByLabelText('Service')).toHaveValue(ref);
    expect(screen.getByTestId('raise-improvement')).toHaveAttribute(
      'href',
      `/itsm/improvements/new?entityRef=${encodeURIComponent(ref)}`,
    );
  });

  it('reads the view, sort and every filter from its address', async () => {
    const { api, rendered } = renderList(
      '/itsm/improvements?owner=user:default/olivia&source=complaint&source=sla_breach' +
        '&verdict=none&kind=corrective_action&rejected=true&view=table&sort=created' +
        '&source=bogus',
    );
    await rendered;
    expect(await screen.findByText('Improvement register')).toBeInTheDocument();
    expect(lastQuery(api)).toEqual({
      owner: ['user:default/olivia'],
      source: ['sla_breach', 'complaint'],
      verdict: ['none'],
      kind: ['corrective_action'],
      sort: 'created',
      order: 'desc',
      limit: 50,
    });
    expect(screen.getByLabelText('Show rejected')).toBeChecked();
    expect(screen.getByLabelText('Sort by')).toHaveValue('created');
  });

  it('writes the filters it is given to its address', async () => {
    const { api, rendered } = renderList();
    await rendered;
    await screen.findByTestId('improvement-board');
    expect(address().toString()).toBe('');

    await pick(/^Source/, ['SLA breach', 'Complaint']);
    await userEvent.click(screen.getByLabelText('Overdue only'));
    await userEvent.click(screen.getByRole('tab', { name: 'Table' }));
    await userEvent.selectOptions(
      screen.getByLabelText('Sort by'),
      'targetDate',
    );
    await userEvent.type(
      screen.getByLabelText('Service'),
      'component:default/payments-api',
    );
    await waitFor(() =>
      expect(address().get('entityRef')).toBe('component:default/payments-api'),
    );
    expect(address().getAll('source')).toEqual(['sla_breach', 'complaint']);
    expect(address().get('overdue')).toBe('true');
    expect(address().get('view')).toBe('table');
    expect(address().get('sort')).toBe('targetDate');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        entityRef: 'component:default/payments-api',
        source: ['sla_breach', 'complaint'],
        status: OPEN_AND_DONE,
        overdue: true,
        sort: 'targetDate',
        order: 'asc',
        limit: 50,
      }),
    );

    // Back to the defaults: nothing left in the address.
    await userEvent.click(screen.getByLabelText('Overdue only'));
    await userEvent.click(screen.getByRole('tab', { name: 'Board' }));
    await userEvent.clear(screen.getByLabelText('Service'));
    await pick(/^Source/, ['SLA breach', 'Complaint']);
    await waitFor(() => expect(address().get('entityRef')).toBeNull());
    expect([...address().keys()]).toEqual(['sort']);
  });
});
