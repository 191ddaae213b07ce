import { screen } from '@testing-library/react';
import type { ServiceStatus } from '@backstage-itsm/plugin-itsm-common';
import {
  makeHealth,
  mockItsmApi,
  mockSignalApi,
  notFound,
  renderForEntity,
} from '../../__testUtils__/fixtures';
import { ServiceHealthCard } from './ServiceHealthCard';

describe('ServiceHealthCard', () => {
  it.each<[ServiceStatus, string]>([
    ['operational', 'Operational'],
    ['degraded', 'Degraded'],
    ['major_outage', 'Major outage'],
  ])('shows the %s status as "%s"', async (status, words) => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth({ status })),
    });
    await renderForEntity(<ServiceHealthCard />, { api });

    expect(await screen.findByText(words)).toBeInTheDocument();
    expect(screen.getByText('Service health')).toBeInTheDocument();
  });

  it('asks for the health of the entity in its canonical ref', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth()),
    });
    await renderForEntity(<ServiceHealthCard />, { api });

    await screen.findByText('Operational');
    expect(api.getServiceHealth).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
    });
  });

  it('shows open incidents by priority, the major incident and SLA risk', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () =>
        makeHealth({
          status: 'major_outage',
          openIncidents: {
            total: 6,
            byPriority: { 1: 1, 2: 2, 3: 0, 4: 3, 5: 0 },
          },
          activeMajorIncident: {
            id: 'INC-42',
            title: 'Card payments down',
            priority: 1,
            createdAt: new Date(Date.now() - 35 * 60_000).toISOString(),
          },
          clocksAtRisk: 2,
          clocksBreached: 1,
        }),
      ),
    });
    await renderForEntity(<ServiceHealthCard />, { api });

    expect(await screen.findByText('Open incidents: 6')).toBeInTheDocument();
    expect(screen.getByLabelText('P1 Critical: 1 open')).toHaveTextContent(
      'P11',
    );
    expect(screen.getByLabelText('P2 High: 2 open')).toBeInTheDocument();
    expect(screen.getByLabelText('P3 Moderate: 0 open')).toBeInTheDocument();
    expect(screen.getByLabelText('P4 Low: 3 open')).toBeInTheDocument();
    expect(screen.getByLabelText('P5 Planning: 0 open')).toBeInTheDocument();
    expect(screen.getByText('INC-42')).toBeInTheDocument();
    expect(screen.getByText('Card payments down')).toBeInTheDocument();
    expect(screen.getByText(/raised 35m ago/)).toBeInTheDocument();
    expect(screen.getByLabelText('SLA clocks at risk: 2')).toBeInTheDocument();
    expect(screen.getByLabelText('SLA clocks breached: 1')).toBeInTheDocument();
  });

  it('says nothing about a major incident when there is none', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth()),
    });
    await renderForEntity(<ServiceHealthCard />, { api });

    await screen.findByText('Operational');
    expect(screen.queryByText('Active major incident')).not.toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderForEntity(<ServiceHealthCard />, { api: mockItsmApi() });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the server error in a ResponseErrorPanel', async () => {
    const error = await notFound(
      'Unknown entity component:default/payments-api',
    );
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => {
        throw error;
      }),
    });
    await renderForEntity(<ServiceHealthCard />, { api });

    expect(
      await screen.findAllByText(
        /Unknown entity component:default\/payments-api/,
      ),
    ).not.toHaveLength(0);
    expect(screen.getByText('404: NotFoundError')).toBeInTheDocument();
    expect(screen.queryByText('Operational')).not.toBeInTheDocument();
  });

  it('refreshes when any incident is written (the broadcast signal names no entity)', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest
        .fn()
        .mockResolvedValueOnce(makeHealth())
        .mockResolvedValueOnce(makeHealth({ status: 'degraded' })),
    });
    const signals = mockSignalApi();
    await renderForEntity(<ServiceHealthCard />, { api, signals });
    expect(await screen.findByText('Operational')).toBeInTheDocument();

    expect(api.getServiceHealth).toHaveBeenCalledTimes(1);

    signals.publish('itsm:incidents', { id: 'INC-2', version: 3 });
    expect(await screen.findByText('Degraded')).toBeInTheDocument();
    expect(api.getServiceHealth).toHaveBeenCalledTimes(2);
  });

  it('shows SLA attainment this month, availability against target and an overdue review, linking to the SLA tab', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () =>
        makeHealth({
          sla: {
            id: 'SLA-1',
            title: 'Payments API service levels',
            attainmentPercent: 92.31,
            met: 12,
            breached: 1,
            availabilityPercent: 99.42,
            availabilityTargetPercent: 99.9,
            nextReviewAt: '2026-10-01T00:00:00.000Z',
            reviewOverdue: true,
          },
        }),
      ),
    });
    await renderForEntity(<ServiceHealthCard />, { api });

    const block = await screen.findByRole('group', { name: 'SLA this month' });
    expect(block).toHaveTextContent('92.31%');
    expect(block).toHaveTextContent('12 met, 1 breached');
    expect(
      screen.getByLabelText('Availability: 99.42% of 99.9% target'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Next SLA review')).toHaveTextContent(
      /Oct.*2026 \(overdue\)/,
    );
    expect(
      screen.getByRole('link', { name: 'SLA-1: Payments API service levels' }),
    ).toHaveAttribute('href', '/catalog/default/component/Payments-API/sla');
  });

  it("shows the service's open problems beside its open and overdue improvements", async () => {
    const entityRef = 'component:default/payments-api';
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth()),
      getProblemCounts: jest.fn(async () => ({
        entityRef,
        openProblems: 2,
        activeKnownErrors: 0,
      })),
      getImprovementCounts: jest.fn(async () => ({
        entityRef,
        open: 5,
        overdue: 2,
      })),
    });
    await renderForEntity(<ServiceHealthCard />, { api });

    expect(
      await screen.findByRole('group', { name: 'Open improvements: 5' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Overdue improvements: 2' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Open problems: 2' }),
    ).toBeInTheDocument();
    expect(api.getImprovementCounts).toHaveBeenCalledWith({ entityRef });
  });

  it('shows no SLA block for a service without an SLA', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth({ sla: null })),
    });
    await renderForEntity(<ServiceHealthCard />, { api });
    await screen.findByText('Operational');
    expect(screen.queryByText(/SLA this month/)).not.toBeInTheDocument();
  });
});
