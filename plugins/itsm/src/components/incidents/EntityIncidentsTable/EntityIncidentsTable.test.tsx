import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Incident, Page } from '@backstage-itsm/plugin-itsm-common';
import type { ItsmApi, ListIncidentsOptions } from '../../../api';
import {
  makeIncident,
  mockItsmApi,
  mockSignalApi,
  renderForEntity,
} from '../../../__testUtils__/fixtures';
import { EntityIncidentsTable } from './EntityIncidentsTable';

const entityRef = 'component:default/payments-api';
const OPEN = ['new', 'in_progress', 'on_hold'];

/** The filters this table sends besides those `ListIncidentsOptions` declares. */
type Query = ListIncidentsOptions & {
  priority?: number[];
  major?: boolean;
  q?: string;
};

function listing(
  respond: (query: Query) => Page<Incident> = () => ({
    items: [],
    nextCursor: null,
  }),
) {
  return jest.fn(async (options?: ListIncidentsOptions) =>
    respond((options ?? {}) as Query),
  );
}

function lastQuery(api: jest.Mocked<ItsmApi>): Query {
  const calls = api.listIncidents.mock.calls;
  return (calls[calls.length - 1][0] ?? {}) as Query;
}

async function pick(selectLabel: string, options: string[]) {
  await userEvent.click(screen.getByRole('button', { name: selectLabel }));
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

describe('EntityIncidentsTable', () => {
  it('asks for the open incidents of the entity by default', async () => {
    const api = mockItsmApi({ listIncidents: listing() });
    await renderForEntity(<EntityIncidentsTable />, { api });

    expect(await screen.findByText('No open incidents')).toBeInTheDocument();
    expect(api.listIncidents).toHaveBeenCalledTimes(1);
    const query = lastQuery(api);
    expect(query).toEqual({ entityRef, status: OPEN, limit: 50 });
    // No empty filters on the wire.
    expect(Object.keys(query).sort()).toEqual(['entityRef', 'limit', 'status']);
    expect(
      screen.getByRole('button', { name: 'Report incident' }),
    ).toBeInTheDocument();
  });

  it('sends the chosen statuses, and none when all are chosen', async () => {
    const api = mockItsmApi({ listIncidents: listing() });
    await renderForEntity(<EntityIncidentsTable />, { api });
    await screen.findByText('No open incidents');

    await pick('Status Open', ['New', 'On hold', 'Resolved']);
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        entityRef,
        status: ['in_progress', 'resolved'],
        limit: 50,
      }),
    );
    expect(
      await screen.findByText('No incidents match these filters'),
    ).toBeInTheDocument();

    await pick('Status In progress, Resolved', [
      'New',
      'On hold',
      'Closed',
      'Cancelled',
    ]);
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        entityRef,
        status: undefined,
        limit: 50,
      }),
    );
    expect(
      screen.getByRole('button', { name: 'Status All statuses' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('No incidents yet')).toBeInTheDocument();
  }, 15_000);

  it('adds and removes the final statuses with the switch', async () => {
    const api = mockItsmApi({ listIncidents: listing() });
    await renderForEntity(<EntityIncidentsTable />, { api });
    await screen.findByText('No open incidents');
    const includeClosed = screen.getByLabelText(
      'Include resolved, closed and cancelled',
    );

    await userEvent.click(includeClosed);
    await waitFor(() => expect(lastQuery(api).status).toBeUndefined());
    await userEvent.click(includeClosed);
    await waitFor(() => expect(lastQuery(api).status).toEqual(OPEN));

    await pick('Status Open', ['New', 'On hold']);
    await waitFor(() => expect(lastQuery(api).status).toEqual(['in_progress']));
    await userEvent.click(includeClosed);
    await waitFor(() =>
      expect(lastQuery(api).status).toEqual([
        'in_progress',
        'resolved',
        'closed',
        'cancelled',
      ]),
    );
    await userEvent.click(includeClosed);
    await waitFor(() => expect(lastQuery(api).status).toEqual(['in_progress']));
  }, 15_000);

  it('sends the chosen priorities', async () => {
    const api = mockItsmApi({ listIncidents: listing() });
    await renderForEntity(<EntityIncidentsTable />, { api });
    await screen.findByText('No open incidents');

    await pick('Priority All priorities', ['P1 Critical', 'P2 High']);
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        entityRef,
        status: OPEN,
        priority: [1, 2],
        limit: 50,
      }),
    );
    expect(
      screen.getByRole('button', { name: 'Priority P1, P2' }),
    ).toBeInTheDocument();

    await pick('Priority P1, P2', ['P1 Critical']);
    await waitFor(() => expect(lastQuery(api).priority).toEqual([2]));
  }, 15_000);

  it('sends major=true while "Major only" is ticked', async () => {
    const api = mockItsmApi({ listIncidents: listing() });
    await renderForEntity(<EntityIncidentsTable />, { api });
    await screen.findByText('No open incidents');

    await userEvent.click(screen.getByLabelText('Major only'));
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        entityRef,
        status: OPEN,
        major: true,
        limit: 50,
      }),
    );

    await userEvent.click(screen.getByLabelText('Major only'));
    await waitFor(() => expect(api.listIncidents).toHaveBeenCalledTimes(3));
    expect(lastQuery(api)).not.toHaveProperty('major');
  });

  it('sends the search text as q once typing pauses', async () => {
    const api = mockItsmApi({ listIncidents: listing() });
    await renderForEntity(<EntityIncidentsTable />, { api });
    await screen.findByText('No open incidents');

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search' }),
      '  db down ',
    );
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({
        entityRef,
        status: OPEN,
        q: 'db down',
        limit: 50,
      }),
    );
    // One request for the whole phrase, not one per keystroke.
    expect(api.listIncidents).toHaveBeenCalledTimes(2);

    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await waitFor(() => expect(api.listIncidents).toHaveBeenCalledTimes(3));
    expect(lastQuery(api)).not.toHaveProperty('q');
  });

  it('reloads from the first page when a filter changes, and keeps paging', async () => {
    const api = mockItsmApi({
      listIncidents: listing(query => {
        if (query.major) {
          return query.cursor === 'major-2'
            ? {
                items: [makeIncident({ id: 'INC-5', title: 'Older outage' })],
                nextCursor: null,
              }
            : {
                items: [makeIncident({ id: 'INC-9', title: 'Checkout down' })],
                nextCursor: 'major-2',
              };
        }
        return query.cursor === 'page-2'
          ? {
              items: [makeIncident({ id: 'INC-2', title: 'Slow refunds' })],
              nextCursor: null,
            }
          : {
              items: [makeIncident({ id: 'INC-3', title: 'Flaky webhook' })],
              nextCursor: 'page-2',
            };
      }),
    });
    await renderForEntity(<EntityIncidentsTable />, { api });
    expect(await screen.findByText('Flaky webhook')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Slow refunds')).toBeInTheDocument();
    expect(lastQuery(api)).toEqual({
      entityRef,
      status: OPEN,
      limit: 50,
      cursor: 'page-2',
    });

    await userEvent.click(screen.getByLabelText('Major only'));
    expect(await screen.findByText('Checkout down')).toBeInTheDocument();
    expect(lastQuery(api)).toEqual({
      entityRef,
      status: OPEN,
      major: true,
      limit: 50,
    });
    expect(screen.queryByText('Flaky webhook')).not.toBeInTheDocument();
    expect(screen.queryByText('Slow refunds')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Older outage')).toBeInTheDocument();
    expect(lastQuery(api)).toEqual({
      entityRef,
      status: OPEN,
      major: true,
      limit: 50,
      cursor: 'major-2',
    });
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
  });

  it('reloads with the current filters when the entity changes elsewhere', async () => {
    const signals = mockSignalApi();
    const api = mockItsmApi({ listIncidents: listing() });
    await renderForEntity(<EntityIncidentsTable />, { api, signals });
    await screen.findByText('No open incidents');
    await userEvent.click(screen.getByLabelText('Major only'));
    await waitFor(() => expect(api.listIncidents).toHaveBeenCalledTimes(2));

    signals.publish('itsm:incidents', { id: 'INC-1', version: 2 });
    await waitFor(() => expect(api.listIncidents).toHaveBeenCalledTimes(3));
    expect(lastQuery(api)).toEqual({
      entityRef,
      status: OPEN,
      major: true,
      limit: 50,
    });
  });
});
