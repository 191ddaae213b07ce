import { screen, within } from '@testing-library/react';
import {
  makeClock,
  makeIncident,
  mockItsmApi,
  renderInItsmApp,
} from '../../../__testUtils__/fixtures';
import { MyQueuePage } from './MyQueuePage';

const MIN = 60_000;
const HOUR = 60 * MIN;
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('MyQueuePage', () => {
  it('asks for my open incidents and sorts them by SLA time left', async () => {
    const api = mockItsmApi({
      listIncidents: jest.fn(async () => ({
        items: [
          makeIncident({
            id: 'INC-1',
            title: 'Plenty of time',
            sla: {
              response: null,
              resolution: makeClock({ dueAt: inMs(5 * HOUR) }),
            },
          }),
          makeIncident({
            id: 'INC-2',
            title: 'Already breached',
            sla: {
              response: null,
              resolution: makeClock({
                state: 'breached',
                remainingMs: -20 * MIN,
                breachedAt: inMs(-20 * MIN),
              }),
            },
          }),
          makeIncident({
            id: 'INC-3',
            title: 'No target',
            sla: { response: null, resolution: null },
          }),
          makeIncident({
            id: 'INC-4',
            title: 'Due soon',
            sla: {
              response: null,
              resolution: makeClock({ dueAt: inMs(30 * MIN) }),
            },
          }),
          makeIncident({
            id: 'INC-5',
            title: 'On hold',
            status: 'on_hold',
            sla: {
              response: null,
              resolution: makeClock({
                state: 'paused',
                dueAt: null,
                remainingMs: 2 * HOUR,
              }),
            },
          }),
        ],
        nextCursor: null,
      })),
    });
    await renderInItsmApp(<MyQueuePage />, { api });

    expect(await screen.findByText('Due soon')).toBeInTheDocument();
    expect(api.listIncidents).toHaveBeenCalledWith({
      queue: 'mine',
      status: ['new', 'in_progress', 'on_hold'],
      limit: 50,
    });
    const ids = screen
      .getAllByRole('row')
      .slice(1)
      .map(row => within(row).getAllByRole('cell')[0].textContent);
    expect(ids).toEqual(['INC-2', 'INC-4', 'INC-5', 'INC-1', 'INC-3']);
  });

  it('links each incident to its page and shows its service', async () => {
    const api = mockItsmApi({
      listIncidents: jest.fn(async () => ({
        items: [makeIncident({ id: 'INC-8', title: 'Refunds stuck' })],
        nextCursor: null,
      })),
    });
    await renderInItsmApp(<MyQueuePage />, { api });

    expect(await screen.findByRole('link', { name: 'INC-8' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-8',
    );
    const row = screen.getByText('Refunds stuck').closest('tr')!;
    expect(
      within(row).getByRole('link', { name: /payments-api/ }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
  });

  it('says when the queue is empty', async () => {
    const api = mockItsmApi({
      listIncidents: jest.fn(async () => ({ items: [], nextCursor: null })),
    });
    await renderInItsmApp(<MyQueuePage />, { api });
    expect(await screen.findByText('Your queue is empty')).toBeInTheDocument();
  });
});
