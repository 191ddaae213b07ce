import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  makeChange,
  makeIncident,
  mockItsmApi,
  renderInItsmApp,
} from '../../__testUtils__/fixtures';
import { ItsmPage } from './ItsmPage';

function api() {
  return mockItsmApi({
    listIncidents: jest.fn(async () => ({
      items: [makeIncident({ id: 'INC-3', title: 'Mine to fix' })],
      nextCursor: null,
    })),
    getIncident: jest.fn(async () =>
      makeIncident({ id: 'INC-7', title: 'Checkout fails' }),
    ),
    getIncidentHistory: jest.fn(async () => ({ items: [], nextCursor: null })),
    getChange: jest.fn(async () =>
      makeChange({ id: 'CHG-3', title: 'Rotate certificates' }),
    ),
    getChangeHistory: jest.fn(async () => ({ items: [], nextCursor: null })),
    listChanges: jest.fn(async () => ({
      items: [makeChange({ id: 'CHG-4', title: 'Upgrade Postgres' })],
      nextCursor: null,
    })),
    getApprovalQueue: jest.fn(async () => ({
      items: [makeChange({ id: 'CHG-5', title: 'Waiting for me' })],
    })),
    getChangeCalendar: jest.fn(async ({ from, to }) => ({
      from,
      to,
      changes: [],
      freezeWindows: [],
    })),
  });
}

// A legacy app mounts the page at /itsm.
const app = (
  <Routes>
    <Route path="/itsm/*" element={<ItsmPage />} />
  </Routes>
);

describe('ItsmPage', () => {
  it('shows my queue at /itsm/queue', async () => {
    await renderInItsmApp(app, { api: api(), path: '/itsm/queue' });
    expect(await screen.findByText('Mine to fix')).toBeInTheDocument();
    expect(screen.getByText('My queue')).toBeInTheDocument();
  });

  it('opens my queue at /itsm', async () => {
    await renderInItsmApp(app, { api: api(), path: '/itsm' });
    expect(await screen.findByText('Mine to fix')).toBeInTheDocument();
  });

  it('shows an incident at /itsm/incidents/:id', async () => {
    const itsmApi = api();
    await renderInItsmApp(app, { api: itsmApi, path: '/itsm/incidents/INC-7' });
    expect(
      await screen.findByRole('heading', { name: 'Checkout fails' }),
    ).toBeInTheDocument();
    expect(itsmApi.getIncident).toHaveBeenCalledWith({ id: 'INC-7' });
  });

  it('shows a change at /itsm/changes/:id', async () => {
    const itsmApi = api();
    await renderInItsmApp(app, { api: itsmApi, path: '/itsm/changes/CHG-3' });
    expect(
      await screen.findByRole('heading', { name: 'Rotate certificates' }),
    ).toBeInTheDocument();
    expect(itsmApi.getChange).toHaveBeenCalledWith({ id: 'CHG-3' });
  });

  it('offers "Request a change" at /itsm/changes/new', async () => {
    await renderInItsmApp(app, {
      api: api(),
      path: '/itsm/changes/new?entityRef=component:default/payments-api',
    });
    expect(
      await screen.findByRole('heading', { name: 'Request a change' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('component:default/payments-api'),
    ).toBeInTheDocument();
  });

  it('shows my approvals at /itsm/approvals', async () => {
    await renderInItsmApp(app, { api: api(), path: '/itsm/approvals' });
    expect(await screen.findByText('Waiting for me')).toBeInTheDocument();
  });

  it('shows the change calendar at /itsm/change-calendar', async () => {
    const itsmApi = api();
    await renderInItsmApp(app, {
      api: itsmApi,
      path: '/itsm/change-calendar?view=week&date=2026-05-04',
    });
    expect(
      await screen.findByRole('grid', { name: 'Change calendar' }),
    ).toBeInTheDocument();
    expect(itsmApi.getChangeCalendar).toHaveBeenCalled();
  });

  it('lists all changes at /itsm/changes, filtered on the server', async () => {
    const itsmApi = api();
    await renderInItsmApp(app, { api: itsmApi, path: '/itsm/changes' });
    expect(await screen.findByText('Upgrade Postgres')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'CHG-4' })).toHaveAttribute(
      'href',
      '/itsm/changes/CHG-4',
    );
    expect(screen.getByText('All changes, newest first')).toBeInTheDocument();

    await userEvent.type(screen.getByRole('searchbox'), 'postgres');
    await waitFor(() =>
      expect(itsmApi.listChanges).toHaveBeenLastCalledWith({
        q: 'postgres',
        limit: 50,
      }),
    );
  });
});
