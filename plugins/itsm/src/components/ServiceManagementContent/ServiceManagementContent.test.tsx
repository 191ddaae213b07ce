import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import {
  makeHealth,
  makeIncident,
  mockItsmApi,
  mockSignalApi,
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

  it('links incident ids to their pages', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth()),
      listIncidents: jest.fn(async () => ({
        items: [makeIncident({ id: 'INC-9', title: 'Refunds stuck' })],
        nextCursor: null,
      })),
    });
    await renderForEntity(<ServiceManagementContent />, { api });

    expect(await screen.findByRole('link', { name: 'INC-9' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-9',
    );
  });

  it('shows incident ids as text when the app has not mounted the ITSM page', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth()),
      listIncidents: jest.fn(async () => ({
        items: [makeIncident({ id: 'INC-9', title: 'Refunds stuck' })],
        nextCursor: null,
      })),
    });
    await renderForEntity(<ServiceManagementContent />, {
      api,
      withItsmPage: false,
    });

    expect(await screen.findByText('INC-9')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'INC-9' }),
    ).not.toBeInTheDocument();
  });

  it('shows the blast radius three hops deep, with distance and tier', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth()),
      listIncidents: jest.fn(async () => ({ items: [], nextCursor: null })),
      getImpact: jest.fn(async () => ({
        entityRef: 'component:default/payments-api',
        direction: 'downstream' as const,
        depth: 3,
        items: [
          {
            entityRef: 'component:default/checkout-web',
            kind: 'Component',
            name: 'checkout-web',
            tier: 1 as const,
            distance: 1,
            via: 'component:default/payments-api',
          },
        ],
      })),
    });
    await renderForEntity(<ServiceManagementContent />, { api });

    const list = await screen.findByRole('list', { name: 'Blast radius' });
    expect(within(list).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-web',
    );
    expect(list).toHaveTextContent('1 hop');
    expect(list).toHaveTextContent('Tier 1');
    expect(api.getImpact).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      direction: 'downstream',
      depth: 3,
    });
  });

  it('reports an incident on the entity and refreshes the list', async () => {
    const created = makeIncident({ id: 'INC-10', title: 'Payouts delayed' });
    let raised = false;
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth()),
      listIncidents: jest.fn(async () => ({
        items: raised ? [created] : [],
        nextCursor: null,
      })),
      createIncident: jest.fn(async () => {
        raised = true;
        return created;
      }),
    });
    await renderForEntity(<ServiceManagementContent />, {
      api,
      entity: annotated,
    });
    expect(await screen.findByText('No open incidents')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Report incident' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText(/Title/),
      'Payouts delayed',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Report incident' }),
    );

    await waitFor(() =>
      expect(api.createIncident).toHaveBeenCalledWith({
        title: 'Payouts delayed',
        description: '',
        entityRef: 'component:default/payments-api',
        impact: 3,
        urgency: 3,
      }),
    );
    await waitFor(() => expect(api.listIncidents).toHaveBeenCalledTimes(2));
    expect(
      await screen.findByRole('cell', { name: 'Payouts delayed' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Reported INC-10: Payouts delayed',
    );
  }, 15_000); // typing into a dialog over the whole tab is slow in jsdom

  it('reloads the incidents when one of the entity is written elsewhere', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth()),
      listIncidents: jest
        .fn()
        .mockResolvedValueOnce({ items: [], nextCursor: null })
        .mockResolvedValue({
          items: [
            makeIncident({ id: 'INC-11', title: 'Raised by Alertmanager' }),
          ],
          nextCursor: null,
        }),
    });
    const signals = mockSignalApi();
    await renderForEntity(<ServiceManagementContent />, {
      api,
      signals,
      entity: annotated,
    });
    expect(await screen.findByText('No open incidents')).toBeInTheDocument();

    signals.publish('itsm:incidents', { id: 'INC-11', version: 1 });

    expect(
      await screen.findByRole('cell', { name: 'Raised by Alertmanager' }),
    ).toBeInTheDocument();
  });
});
