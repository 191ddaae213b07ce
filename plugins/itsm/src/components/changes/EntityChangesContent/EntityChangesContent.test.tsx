import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makeAssessment,
  makeChange,
  mockItsmApi,
  mockSignalApi,
  renderForEntity,
} from '../../../__testUtils__/fixtures';
import type { ItsmApi } from '../../../api';
import { EntityChangesContent } from './EntityChangesContent';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

function api(overrides: Partial<ItsmApi> = {}) {
  return mockItsmApi({
    listChanges: jest.fn(async ({ status } = {}) => ({
      items: status?.includes('closed')
        ? [
            makeChange({
              id: 'CHG-1',
              title: 'Old',
              status: 'closed',
              updatedAt: at(-48),
            }),
            makeChange({
              id: 'CHG-2',
              title: 'Recent',
              status: 'closed',
              updatedAt: at(-2),
            }),
          ]
        : [
            makeChange({
              id: 'CHG-10',
              title: 'Next week',
              status: 'scheduled',
              plannedStart: at(170),
              plannedEnd: at(171),
            }),
            makeChange({
              id: 'CHG-11',
              title: 'Unplanned',
              status: 'draft',
              plannedStart: null,
              plannedEnd: null,
            }),
            makeChange({
              id: 'CHG-12',
              title: 'Tomorrow',
              status: 'authorization',
              plannedStart: at(20),
              plannedEnd: at(21),
              conflicts: [
                {
                  kind: 'overlap',
                  with: 'CHG-10',
                  message:
                    'Change CHG-10 (scheduled) also changes payments-api',
                },
                {
                  kind: 'freeze',
                  window: 'Year-end freeze',
                  message:
                    'The planned window falls in the freeze window "Year-end freeze"',
                },
              ],
            }),
          ],
      nextCursor: null,
    })),
    getChangeStats: jest.fn(async () => ({
      entityRef: 'component:default/payments-api',
      total: 5,
      failed: 1,
      causedIncidents: 1,
      failureRate: 0.2,
    })),
    ...overrides,
  });
}

function idsInOrder() {
  return screen
    .getAllByRole('link', { name: /^CHG-\d+$/ })
    .map(link => link.textContent);
}

describe('EntityChangesContent', () => {
  it('orders open changes soonest first, then recently finished ones', async () => {
    const itsmApi = api();
    await renderForEntity(<EntityChangesContent />, { api: itsmApi });

    await waitFor(() =>
      expect(idsInOrder()).toEqual([
        'CHG-12',
        'CHG-10',
        'CHG-11',
        'CHG-2',
        'CHG-1',
      ]),
    );
    expect(itsmApi.listChanges).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRef: 'component:default/payments-api',
        status: [
          'draft',
          'assessment',
          'authorization',
          'scheduled',
          'implementing',
          'review',
        ],
      }),
    );
  });

  it('shows conflicts, window and the change-failure figures', async () => {
    await renderForEntity(<EntityChangesContent />, { api: api() });
    expect(
      await screen.findByLabelText(/^2 conflicts: Change CHG-10 \(scheduled\)/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Change failure rate (90 days)' }),
    ).toHaveTextContent('20%');
    expect(screen.getByRole('group', { name: 'Failed' })).toHaveTextContent(
      '1 of 5',
    );
    expect(
      screen.getByRole('group', { name: 'Caused incidents' }),
    ).toHaveTextContent('1');
    expect(screen.getByText('Not planned')).toBeInTheDocument();
  });

  it('opens "Request a change" with the entity prefilled', async () => {
    const itsmApi = api({
      assessChange: jest.fn(async () => makeAssessment()),
    });
    await renderForEntity(<EntityChangesContent />, { api: itsmApi });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Request a change' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Request a change',
    });
    expect(
      within(dialog).getByText('component:default/payments-api'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Submit for approval' }),
    ).toBeEnabled();
  });

  it('reloads when any change is written (the broadcast signal names no entity)', async () => {
    const itsmApi = api();
    const signals = mockSignalApi();
    await renderForEntity(<EntityChangesContent />, { api: itsmApi, signals });
    await screen.findByRole('link', { name: 'CHG-12' });
    expect(itsmApi.listChanges).toHaveBeenCalledTimes(2);

    signals.publish('itsm:changes', { id: 'CHG-13', version: 1 });
    await waitFor(() => expect(itsmApi.listChanges).toHaveBeenCalledTimes(4));
  });
});
