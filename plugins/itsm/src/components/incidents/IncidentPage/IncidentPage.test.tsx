import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HistoryEvent } from '@backstage-itsm/plugin-itsm-common';
import {
  makeClock,
  makeIncident,
  mockItsmApi,
  mockSignalApi,
  renderInItsmApp,
} from '../../../__testUtils__/fixtures';
import { IncidentPage } from './IncidentPage';

const MIN = 60_000;
const HOUR = 60 * MIN;

const history: HistoryEvent[] = [
  {
    version: 1,
    at: '2026-03-02T09:00:00.000Z',
    actor: 'user:default/alice',
    action: 'create',
    changes: {
      title: [null, 'Checkout fails'],
      status: [null, 'new'],
      impact: [null, 1],
      assignee: [null, null],
    },
  },
  {
    version: 2,
    at: '2026-03-02T09:05:00.000Z',
    actor: 'user:default/bob',
    action: 'transition',
    changes: {
      status: ['new', 'in_progress'],
      assignee: [null, 'user:default/bob'],
    },
    comment: 'Looking into the **gateway**',
  },
  {
    version: 2,
    at: '2026-03-02T09:10:00.000Z',
    actor: 'user:default/bob',
    action: 'work_note',
    changes: {},
    comment: 'Paged the DBA',
  },
];

function setup(overrides: Parameters<typeof makeIncident>[0] = {}) {
  const incident = makeIncident({
    id: 'INC-7',
    version: 2,
    title: 'Checkout fails',
    status: 'in_progress',
    priority: 2,
    assignee: 'user:default/bob',
    assignmentGroup: 'group:default/payments-oncall',
    ...overrides,
  });
  const api = mockItsmApi({
    getIncident: jest.fn(async () => incident),
    getIncidentHistory: jest.fn(async () => ({
      items: history,
      nextCursor: null,
    })),
    getImpact: jest.fn(async () => ({
      entityRef: incident.entityRef,
      direction: 'downstream' as const,
      depth: 3,
      items: [],
    })),
  });
  return { incident, api };
}

describe('IncidentPage', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows the header: id, title, priority, status, people and service', async () => {
    const { api } = setup({ major: true });
    await renderInItsmApp(<IncidentPage id="INC-7" />, { api });

    const heading = await screen.findByRole('heading', {
      name: 'Checkout fails',
    });
    const header = within(heading.closest('header')!);
    expect(header.getByText(/INC-7 · version 2/)).toBeInTheDocument();
    expect(header.getByText('P2 High')).toBeInTheDocument();
    expect(header.getByText('In progress')).toBeInTheDocument();
    expect(header.getByText('Major incident')).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Assignee' })).getByRole(
        'link',
        { name: /bob/ },
      ),
    ).toHaveAttribute('href', '/catalog/default/user/bob');
    expect(
      within(screen.getByRole('group', { name: 'Service' })).getByRole('link'),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    expect(
      within(screen.getByRole('group', { name: 'Assignment group' })).getByText(
        /payments-oncall/,
      ),
    ).toBeInTheDocument();
    expect(api.getIncident).toHaveBeenCalledWith({ id: 'INC-7' });
  });

  it('counts the SLA clocks down every second from their due instant', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-02T12:00:00.000Z') });
    const { api } = setup({
      sla: {
        response: makeClock({ state: 'met' }),
        resolution: makeClock({
          dueAt: '2026-03-02T14:10:05.000Z',
          remainingMs: 2 * HOUR + 10 * MIN + 5_000,
          percent: 40,
        }),
      },
    });
    await renderInItsmApp(<IncidentPage id="INC-7" />, { api });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });

    const resolution = await screen.findByRole('group', {
      name: 'Resolution SLA',
    });
    expect(resolution).toHaveTextContent('2h 10m 05s left');
    expect(
      screen.getByRole('group', { name: 'Response SLA' }),
    ).toHaveTextContent('met');

    await act(async () => {
      await jest.advanceTimersByTimeAsync(3_000);
    });
    expect(resolution).toHaveTextContent('2h 10m 02s left');
  });

  it('shows a paused clock as static text', async () => {
    const { api } = setup({
      status: 'on_hold',
      onHoldReason: 'awaiting_caller',
      sla: {
        response: makeClock({ state: 'met' }),
        resolution: makeClock({
          state: 'paused',
          dueAt: null,
          remainingMs: 3 * HOUR,
        }),
      },
    });
    await renderInItsmApp(<IncidentPage id="INC-7" />, { api });

    expect(
      await screen.findByRole('group', { name: 'Resolution SLA' }),
    ).toHaveTextContent('paused, 3h left');
    expect(screen.getByText('Awaiting caller')).toBeInTheDocument();
  });

  it('renders the full history, oldest first, with its changes and comments', async () => {
    const { api } = setup();
    await renderInItsmApp(<IncidentPage id="INC-7" />, { api });

    const timeline = await screen.findByRole('list', { name: 'History' });
    const events = within(timeline).getAllByRole('group');
    expect(events).toHaveLength(3);
    expect(events[0]).toHaveTextContent('Created');
    expect(events[0]).toHaveTextContent('title: Checkout fails');
    expect(events[0]).toHaveTextContent('status: New');
    expect(events[0]).toHaveTextContent('impact: High');
    expect(events[0]).not.toHaveTextContent('assignee');
    expect(events[1]).toHaveTextContent('Status changed');
    expect(events[1]).toHaveTextContent('status: New → In progress');
    expect(events[1]).toHaveTextContent('assignee: — → user:default/bob');
    expect(within(events[1]).getByText('gateway').tagName).toBe('STRONG');
    expect(
      within(events[1]).getByRole('link', { name: /bob/ }),
    ).toBeInTheDocument();
    expect(events[2]).toHaveTextContent('Work note');
    expect(events[2]).toHaveTextContent('Paged the DBA');
  });

  it('adds a work note and reloads the history', async () => {
    const { api } = setup();
    api.addWorkNote.mockResolvedValue(history[2]);
    await renderInItsmApp(<IncidentPage id="INC-7" />, { api });

    await userEvent.type(
      await screen.findByLabelText('Work note'),
      'Rolled back the gateway',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Add work note' }),
    );

    await waitFor(() =>
      expect(api.addWorkNote).toHaveBeenCalledWith({
        id: 'INC-7',
        text: 'Rolled back the gateway',
      }),
    );
    await waitFor(() =>
      expect(api.getIncidentHistory).toHaveBeenCalledTimes(2),
    );
    expect(screen.getByLabelText('Work note')).toHaveValue('');
  });

  it('reloads when a signal carries a newer version, and only the history otherwise', async () => {
    const { api, incident } = setup();
    const signals = mockSignalApi();
    await renderInItsmApp(<IncidentPage id="INC-7" />, { api, signals });
    await screen.findByRole('heading', { name: 'Checkout fails' });
    await waitFor(() =>
      expect(api.getIncidentHistory).toHaveBeenCalledTimes(1),
    );

    signals.publish('itsm:incident:INC-7', { id: 'INC-7', version: 2 });
    await waitFor(() =>
      expect(api.getIncidentHistory).toHaveBeenCalledTimes(2),
    );
    expect(api.getIncident).toHaveBeenCalledTimes(1);

    api.getIncident.mockResolvedValue({
      ...incident,
      version: 3,
      title: 'Checkout fails for Visa cards',
    });
    signals.publish('itsm:incident:INC-7', { id: 'INC-7', version: 3 });
    expect(
      await screen.findByRole('heading', {
        name: 'Checkout fails for Visa cards',
      }),
    ).toBeInTheDocument();
    expect(api.getIncident).toHaveBeenCalledTimes(2);
  });

  it('lists the recorded impacted services and the blast radius with distance', async () => {
    const { api } = setup({
      impactedServices: ['component:default/checkout-web'],
    });
    api.getImpact.mockResolvedValue({
      entityRef: 'component:default/payments-api',
      direction: 'downstream',
      depth: 3,
      items: [
        {
          entityRef: 'system:default/storefront',
          kind: 'System',
          name: 'storefront',
          tier: 1,
          distance: 2,
          via: 'component:default/checkout-web',
        },
        {
          entityRef: 'component:default/checkout-web',
          kind: 'Component',
          name: 'checkout-web',
          distance: 1,
          via: 'component:default/payments-api',
        },
      ],
    });
    await renderInItsmApp(<IncidentPage id="INC-7" />, { api });

    const recorded = await screen.findByRole('region', {
      name: 'Recorded impact',
    });
    expect(within(recorded).getByRole('link')).toHaveTextContent(
      'checkout-web',
    );
    const radius = await screen.findByRole('list', { name: 'Blast radius' });
    const items = within(radius).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('checkout-web');
    expect(items[0]).toHaveTextContent('1 hop');
    expect(items[1]).toHaveTextContent('storefront');
    expect(items[1]).toHaveTextContent('2 hops');
    expect(items[1]).toHaveTextContent('Tier 1');
    expect(items[1]).toHaveTextContent('via checkout-web');
    expect(items[0]).not.toHaveTextContent('via');
    expect(api.getImpact).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      direction: 'downstream',
      depth: 3,
    });
  });

  it('after a 412, reloads the incident and saves against the new version', async () => {
    const { api, incident } = setup();
    const { staleVersion } = await import('../../../__testUtils__/fixtures');
    const stale = await staleVersion();
    api.patchIncident
      .mockRejectedValueOnce(stale)
      .mockResolvedValueOnce({ ...incident, version: 4, urgency: 1 });
    await renderInItsmApp(<IncidentPage id="INC-7" />, { api });

    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    let dialog = await screen.findByRole('dialog', { name: 'Edit INC-7' });
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Urgency'),
      '1',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Someone else changed this incident — reload',
    );
    expect(api.patchIncident).toHaveBeenLastCalledWith({
      id: 'INC-7',
      version: 2,
      patch: { urgency: 1 },
    });

    api.getIncident.mockResolvedValue({
      ...incident,
      version: 3,
      assignee: 'user:default/carol',
    });
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Reload' }),
    );
    await waitFor(() =>
      expect(screen.getByText(/INC-7 · version 3/)).toBeInTheDocument(),
    );

    dialog = screen.getByRole('dialog', { name: 'Edit INC-7' });
    expect(within(dialog).getByLabelText('Assignee')).toHaveValue(
      'user:default/carol',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Urgency'),
      '1',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.patchIncident).toHaveBeenLastCalledWith({
        id: 'INC-7',
        version: 3,
        patch: { urgency: 1 },
      }),
    );
    await waitFor(() =>
      expect(screen.getByText(/INC-7 · version 4/)).toBeInTheDocument(),
    );
  });

  it('links the change that caused the incident', async () => {
    const { api } = setup({ causedByChangeId: 'CHG-4' });
    await renderInItsmApp(<IncidentPage id="INC-7" />, { api });

    expect(await screen.findByRole('link', { name: 'CHG-4' })).toHaveAttribute(
      'href',
      '/itsm/changes/CHG-4',
    );
  });

  it('says when the incident cannot be loaded', async () => {
    const { notFound } = await import('../../../__testUtils__/fixtures');
    const error = await notFound('No incident INC-404');
    const api = mockItsmApi({
      getIncident: jest.fn(async () => {
        throw error;
      }),
      getIncidentHistory: jest.fn(async () => {
        throw error;
      }),
    });
    await renderInItsmApp(<IncidentPage id="INC-404" />, { api });

    expect(
      await screen.findByText(/Could not load INC-404/),
    ).toBeInTheDocument();
  });
});

describe('IncidentPage: classification', () => {
  it('shows the category and the subcategory', async () => {
    const { api } = setup({ category: 'availability', subcategory: 'outage' });
    await renderInItsmApp(<IncidentPage id="INC-7" />, { api });
    await screen.findByRole('heading', { name: 'Checkout fails' });
    expect(screen.getByText('Category')).toBeInTheDocument();
    expect(screen.getByText('availability')).toBeInTheDocument();
    expect(screen.getByText('Subcategory')).toBeInTheDocument();
    expect(screen.getByText('outage')).toBeInTheDocument();
  });
});
