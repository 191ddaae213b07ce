import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
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
});
