import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makeIncident,
  mockItsmApi,
  renderForEntity,
} from '../../../__testUtils__/fixtures';
import {
  makeKnownError,
  makeKnownErrorMatch,
} from '../../../__testUtils__/problemFixtures';
import { ReportIncidentButton } from '../../incidents/ReportIncident';

const entityRef = 'component:default/payments-api';

describe('known errors offered while an incident is reported', () => {
  it('shows matches under the description, records them as offered and the chosen one as applied, then shows its workaround', async () => {
    const created = makeIncident({ id: 'INC-44', title: 'Pool exhausted' });
    const api = mockItsmApi({
      createIncident: jest.fn(async () => created),
      matchKnownErrors: jest.fn(async () => ({
        items: [
          makeKnownErrorMatch(),
          makeKnownErrorMatch({
            knownError: makeKnownError({ id: 'KE-2', title: 'Slow disk' }),
            reasons: ['text "timeout"'],
          }),
        ],
      })),
      recordKnownErrorUse: jest.fn(async () => makeKnownError()),
    });
    await renderForEntity(<ReportIncidentButton entityRef={entityRef} />, {
      api,
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Report incident' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Report incident',
    });
    await userEvent.type(
      within(dialog).getByLabelText(/Title/),
      'Pool exhausted',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Description'),
      'connection pool timeout',
    );

    const suggestion = await within(dialog).findByRole(
      'article',
      { name: /KE-1/ },
      { timeout: 3000 },
    );
    expect(api.matchKnownErrors).toHaveBeenLastCalledWith(
      expect.objectContaining({
        entityRef,
        text: 'Pool exhausted\nconnection pool timeout',
      }),
    );
    await userEvent.click(
      within(suggestion).getByRole('button', { name: 'Apply workaround' }),
    );
    expect(
      within(suggestion).getByRole('button', { name: 'Workaround chosen' }),
    ).toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Report incident' }),
    );

    await waitFor(() =>
      expect(api.recordKnownErrorUse).toHaveBeenCalledWith({
        id: 'KE-1',
        incidentId: 'INC-44',
        kind: 'applied',
      }),
    );
    expect(api.recordKnownErrorUse).toHaveBeenCalledWith({
      id: 'KE-1',
      incidentId: 'INC-44',
      kind: 'offered',
    });
    expect(api.recordKnownErrorUse).toHaveBeenCalledWith({
      id: 'KE-2',
      incidentId: 'INC-44',
      kind: 'offered',
    });
    expect(api.recordKnownErrorUse).toHaveBeenCalledTimes(3);
    const workaround = await screen.findByLabelText('Workaround to apply');
    expect(workaround).toHaveTextContent('Restart the payments-api pods');
  });
});
