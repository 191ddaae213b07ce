import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { staleVersion } from '../../../__testUtils__/fixtures';
import {
  DANIEL,
  PAYMENTS_TEAM,
  SOFIA,
  complaintApi,
  makeComplaint,
  renderAs,
} from '../__testUtils__/complaintFixtures';
import { ComplaintPage } from './ComplaintPage';

const resolved = makeComplaint({
  version: 4,
  status: 'resolved',
  response: 'We refunded the **second** charge.',
  resolvedAt: '2027-01-12T09:00:00.000Z',
});

describe('ComplaintPage', () => {
  it('shows the complaint to its owner with the moves and the history', async () => {
    const itsmApi = complaintApi(makeComplaint({ version: 2 }), {
      getComplaintHistory: jest.fn(async () => ({
        items: [
          {
            version: 2,
            at: '2027-01-16T09:00:00.000Z',
            actor: 'plugin:itsm',
            action: 'escalate',
            changes: {
              escalatedAt: [null, '2027-01-16T09:00:00.000Z'] as [
                unknown,
                unknown,
              ],
            },
          },
        ],
        nextCursor: null,
      })),
    });
    await renderAs(<ComplaintPage id="CMP-1" />, {
      api: itsmApi,
      user: SOFIA,
      groups: [PAYMENTS_TEAM],
    });

    expect(
      await screen.findByRole('heading', {
        name: 'Charged twice for one order',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('twice').tagName).toBe('STRONG');
    expect(screen.getByText('No response yet')).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Received through' })).getByText(
        'Portal',
      ),
    ).toBeInTheDocument();
    const toolbar = screen.getByRole('toolbar', { name: 'Complaint actions' });
    expect(
      within(toolbar)
        .getAllByRole('button')
        .map(b => b.textContent),
    ).toEqual(['Start investigation', 'Resolve', 'Edit']);
    expect(await screen.findByText('Escalated')).toBeInTheDocument();
  });

  it('resolves only with a response, sent at the version the page read', async () => {
    const itsmApi = complaintApi(makeComplaint({ version: 3 }));
    await renderAs(<ComplaintPage id="CMP-1" />, {
      api: itsmApi,
      user: SOFIA,
      groups: [PAYMENTS_TEAM],
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Resolve' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Resolve: CMP-1',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Resolve' }),
    );
    expect(
      await within(dialog).findByText(/^response is required/),
    ).toBeInTheDocument();
    expect(itsmApi.transitionComplaint).not.toHaveBeenCalled();

    await userEvent.type(
      within(dialog).getByLabelText(/Response to the complainant/),
      'Refunded on 12 Jan',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Resolve' }),
    );
    await waitFor(() =>
      expect(itsmApi.transitionComplaint).toHaveBeenCalledWith({
        id: 'CMP-1',
        version: 3,
        transition: { to: 'resolved', response: 'Refunded on 12 Jan' },
      }),
    );
    expect(await screen.findByText('version 4', { exact: false })).toBeTruthy();
  });

  it('lets the complainant accept the response or say why it is not enough, nothing else', async () => {
    const itsmApi = complaintApi(resolved);
    await renderAs(<ComplaintPage id="CMP-1" />, {
      api: itsmApi,
      user: DANIEL,
    });

    expect(await screen.findByText('second')).toBeInTheDocument();
    const toolbar = await screen.findByRole('toolbar', {
      name: 'Complaint actions',
    });
    await waitFor(() =>
      expect(
        within(toolbar)
          .getAllByRole('button')
          .map(b => b.textContent),
      ).toEqual(['Not satisfied', 'Accept response']),
    );

    await userEvent.click(
      within(toolbar).getByRole('button', { name: 'Not satisfied' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Not satisfied: CMP-1',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Not satisfied' }),
    );
    expect(
      await within(dialog).findByText(/^comment is required/),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText(/Why is the response not enough/),
      'The refund never arrived',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Not satisfied' }),
    );
    await waitFor(() =>
      expect(itsmApi.transitionComplaint).toHaveBeenCalledWith({
        id: 'CMP-1',
        version: 4,
        transition: {
          to: 'investigating',
          comment: 'The refund never arrived',
        },
      }),
    );
  });

  it('edits the owner and offers Reload when someone else wrote first', async () => {
    const itsmApi = complaintApi(makeComplaint({ version: 2 }));
    itsmApi.updateComplaint.mockRejectedValueOnce(await staleVersion());
    await renderAs(<ComplaintPage id="CMP-1" />, {
      api: itsmApi,
      user: SOFIA,
      groups: [PAYMENTS_TEAM],
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit CMP-1' });
    const owner = within(dialog).getByLabelText('Owner');
    await userEvent.clear(owner);
    await userEvent.type(owner, 'user:default/sofia.rossi');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(itsmApi.updateComplaint).toHaveBeenCalledWith({
        id: 'CMP-1',
        version: 2,
        patch: { owner: SOFIA },
      }),
    );
    expect(
      await within(dialog).findByRole('button', { name: /reload/i }),
    ).toBeInTheDocument();
  });
});
