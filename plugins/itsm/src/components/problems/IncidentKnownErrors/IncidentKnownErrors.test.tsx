import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makeIncident,
  mockItsmApi,
  renderInItsmApp,
} from '../../../__testUtils__/fixtures';
import {
  makeKnownError,
  makeKnownErrorMatch,
} from '../../../__testUtils__/problemFixtures';
import { IncidentPage } from '../../incidents/IncidentPage';

describe('known errors on the incident page', () => {
  it('applies a workaround: records the use, then resolves with the workaround as notes', async () => {
    const incident = makeIncident({
      id: 'INC-7',
      version: 2,
      status: 'in_progress',
      title: 'Checkout times out',
      description: 'connection pool exhausted',
      category: 'database',
    });
    const api = mockItsmApi({
      getIncident: jest.fn(async () => incident),
      getIncidentHistory: jest.fn(async () => ({
        items: [],
        nextCursor: null,
      })),
      matchKnownErrors: jest.fn(async () => ({
        items: [makeKnownErrorMatch()],
      })),
      recordKnownErrorUse: jest.fn(async () =>
        makeKnownError({ appliedCount: 3 }),
      ),
      transitionIncident: jest.fn(async () => ({
        ...incident,
        version: 3,
        status: 'resolved' as const,
      })),
    });
    await renderInItsmApp(<IncidentPage id="INC-7" />, { api });

    const suggestion = await screen.findByRole(
      'article',
      { name: /KE-1: Connection pool exhausted/ },
      { timeout: 3000 },
    );
    expect(api.matchKnownErrors).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      text: 'Checkout times out\nconnection pool exhausted',
      category: 'database',
      signature: 'title:checkout fails',
      limit: 5,
    });
    await userEvent.click(
      within(suggestion).getByRole('button', { name: 'Apply workaround' }),
    );
    await waitFor(() =>
      expect(api.recordKnownErrorUse).toHaveBeenCalledWith({
        id: 'KE-1',
        incidentId: 'INC-7',
        kind: 'applied',
      }),
    );

    const dialog = await screen.findByRole('dialog', {
      name: 'Resolve: INC-7',
    });
    expect(within(dialog).getByLabelText(/Resolution code/)).toHaveValue(
      'workaround',
    );
    expect(within(dialog).getByLabelText(/Resolution notes/)).toHaveValue(
      'Workaround of KE-1:\n\nRestart the **payments-api** pods one by one.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Resolve' }),
    );
    await waitFor(() =>
      expect(api.transitionIncident).toHaveBeenCalledWith({
        id: 'INC-7',
        version: 2,
        transition: {
          to: 'resolved',
          resolutionCode: 'workaround',
          resolutionNotes:
            'Workaround of KE-1:\n\nRestart the **payments-api** pods one by one.',
        },
      }),
    );
  });
});
