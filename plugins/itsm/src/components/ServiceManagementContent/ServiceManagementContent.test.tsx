import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import {
  makeHealth,
  makeIncident,
  mockItsmApi,
  notFound,
  paymentsApi,
  renderForEntity,
} from '../../__testUtils__/fixtures';
import { ServiceManagementContent } from './ServiceManagementContent';

const annotated: Entity = {
  ...paymentsApi,
  metadata: {
    ...paymentsApi.metadata,
    annotations: { 'itsm/tier': '1', 'itsm/service-hours': 'business-eu' },
  },
};

describe('ServiceManagementContent', () => {
  it('shows the service health next to the open incidents', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth({ status: 'degraded' })),
      listIncidents: jest.fn(async () => ({
        items: [
          makeIncident({ id: 'INC-9', title: 'Refunds stuck', priority: 2 }),
        ],
        nextCursor: null,
      })),
    });
    await renderForEntity(<ServiceManagementContent />, {
      api,
      entity: annotated,
    });

    expect(await screen.findByText('Refunds stuck')).toBeInTheDocument();
    expect(await screen.findByText('Degraded')).toBeInTheDocument();
    expect(screen.getByText('P2 High')).toBeInTheDocument();
    expect(api.listIncidents).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      status: ['new', 'in_progress', 'on_hold'],
      limit: 50,
    });
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('hints at the SLA annotations without blocking the content', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth()),
      listIncidents: jest.fn(async () => ({ items: [], nextCursor: null })),
    });
    await renderForEntity(<ServiceManagementContent />, { api });

    expect(screen.getByRole('note')).toHaveTextContent('itsm/tier');
    expect(screen.getByRole('note')).toHaveTextContent('itsm/service-hours');
    expect(await screen.findByText('No open incidents')).toBeInTheDocument();
    expect(await screen.findByText('Operational')).toBeInTheDocument();
  });

  it('includes closed incidents on request and loads further pages', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth()),
      listIncidents: jest.fn(async options => {
        if (options?.cursor === 'page-2') {
          return {
            items: [makeIncident({ id: 'INC-1', title: 'Older outage' })],
            nextCursor: null,
          };
        }
        return options?.status?.length
          ? { items: [], nextCursor: null }
          : {
              items: [
                makeIncident({
                  id: 'INC-2',
                  title: 'Fixed last week',
                  status: 'closed',
                }),
              ],
              nextCursor: 'page-2',
            };
      }),
    });
    await renderForEntity(<ServiceManagementContent />, {
      api,
      entity: annotated,
    });
    expect(await screen.findByText('No open incidents')).toBeInTheDocument();

    await userEvent.click(
      screen.getByLabelText('Include resolved, closed and cancelled'),
    );
    expect(await screen.findByText('Fixed last week')).toBeInTheDocument();
    expect(api.listIncidents).toHaveBeenLastCalledWith({
      entityRef: 'component:default/payments-api',
      status: undefined,
      limit: 50,
    });

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Older outage')).toBeInTheDocument();
    expect(screen.getByText('Fixed last week')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Load more' }),
    ).not.toBeInTheDocument();
  });

  it('shows a failed incident list in a ResponseErrorPanel', async () => {
    const error = await notFound('The itsm backend is not installed');
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth()),
      listIncidents: jest.fn(async () => {
        throw error;
      }),
    });
    await renderForEntity(<ServiceManagementContent />, { api });

    expect(
      await screen.findByText(/Could not load incidents/),
    ).toBeInTheDocument();
  });
});
