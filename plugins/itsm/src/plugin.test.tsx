import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import {
  makeHealth,
  makeIncident,
  mockItsmApi,
  renderForEntity,
  renderInItsmApp,
} from './__testUtils__/fixtures';
import { itsmApiRef } from './api';
import { EntityServiceHealthCard, ItsmPage, itsmPlugin } from './plugin';

describe('itsmPlugin (legacy frontend system)', () => {
  it('registers the ITSM client under its API ref', () => {
    expect(itsmPlugin.getId()).toBe('itsm');
    const apiIds = [...itsmPlugin.getApis()].map(factory => factory.api.id);
    expect(apiIds).toEqual([itsmApiRef.id]);
  });

  it('provides a lazy service health card', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () => makeHealth({ status: 'degraded' })),
    });
    await renderForEntity(<EntityServiceHealthCard />, { api });
    expect(await screen.findByText('Degraded')).toBeInTheDocument();
  });

  it('provides the ITSM page to mount at /itsm', async () => {
    const api = mockItsmApi({
      getIncident: jest.fn(async () =>
        makeIncident({ id: 'INC-7', title: 'Checkout fails' }),
      ),
      getIncidentHistory: jest.fn(async () => ({
        items: [],
        nextCursor: null,
      })),
    });
    await renderInItsmApp(
      <Routes>
        <Route path="/itsm/*" element={<ItsmPage />} />
      </Routes>,
      { api, path: '/itsm/incidents/INC-7' },
    );
    expect(
      await screen.findByRole('heading', { name: 'Checkout fails' }),
    ).toBeInTheDocument();
  });
});
