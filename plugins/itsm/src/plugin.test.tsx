import { screen } from '@testing-library/react';
import {
  makeHealth,
  mockItsmApi,
  renderForEntity,
} from './__testUtils__/fixtures';
import { itsmApiRef } from './api';
import { EntityServiceHealthCard, itsmPlugin } from './plugin';

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
});
