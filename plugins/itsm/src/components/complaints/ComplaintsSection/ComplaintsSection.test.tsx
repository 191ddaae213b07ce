import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockSignalApi } from '../../../__testUtils__/fixtures';
import {
  PAYMENTS,
  complaintApi,
  makeComplaint,
  renderAs,
} from '../__testUtils__/complaintFixtures';
import { ComplaintsSection } from './ComplaintsSection';

describe('ComplaintsSection', () => {
  it("lists the service's complaints, unanswered first, linked to their pages", async () => {
    const itsmApi = complaintApi(undefined, {
      listComplaints: jest.fn(async () => ({
        items: [
          makeComplaint({
            id: 'CMP-4',
            title: 'Answered long ago',
            status: 'closed',
          }),
          makeComplaint({
            id: 'CMP-2',
            title: 'Refund never arrived',
            status: 'investigating',
            escalatedAt: '2027-01-16T09:00:00.000Z',
          }),
        ],
        nextCursor: null,
      })),
    });
    await renderAs(<ComplaintsSection entityRef={PAYMENTS} />, {
      api: itsmApi,
    });

    const rows = await screen.findAllByRole('row');
    const texts = rows.map(row => row.textContent ?? '');
    const open = texts.findIndex(t => t.includes('Refund never arrived'));
    const closed = texts.findIndex(t => t.includes('Answered long ago'));
    expect(open).toBeGreaterThan(-1);
    expect(open).toBeLessThan(closed);
    expect(within(rows[open]).getByText('Escalated')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'CMP-2' })).toHaveAttribute(
      'href',
      '/itsm/complaints/CMP-2',
    );
    expect(itsmApi.listComplaints).toHaveBeenCalledWith({
      entityRef: PAYMENTS,
      limit: 200,
    });
  });

  it('lets anyone raise a complaint about the service, asking for what happened', async () => {
    const itsmApi = complaintApi(undefined, {
      listComplaints: jest.fn(async () => ({ items: [], nextCursor: null })),
    });
    await renderAs(<ComplaintsSection entityRef={PAYMENTS} />, {
      api: itsmApi,
      user: 'user:default/guest',
    });
    expect(await screen.findByText('No complaints')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Raise complaint' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Raise complaint',
    });
    // The service is the section's; it is not asked for.
    expect(within(dialog).queryByLabelText('Service')).not.toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText(/Title/),
      'Checkout was down during our sale',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Raise complaint' }),
    );
    expect(
      await within(dialog).findByText('must not be empty'),
    ).toBeInTheDocument();
    expect(itsmApi.createComplaint).not.toHaveBeenCalled();

    await userEvent.type(
      within(dialog).getByLabelText(/What happened/),
      'Two hours of lost orders',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Received through'),
      'email',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Raise complaint' }),
    );
    await waitFor(() =>
      expect(itsmApi.createComplaint).toHaveBeenCalledWith({
        title: 'Checkout was down during our sale',
        description: 'Two hours of lost orders',
        entityRef: PAYMENTS,
        channel: 'email',
      }),
    );
  });

  it('reads the list again when a complaint is raised or moved', async () => {
    const itsmApi = complaintApi();
    const signals = mockSignalApi();
    await renderAs(<ComplaintsSection entityRef={PAYMENTS} />, {
      api: itsmApi,
      signals,
    });
    await screen.findByText('Charged twice for one order');
    signals.publish('itsm:complaints', { id: 'CMP-7', version: 1 });
    await waitFor(() =>
      expect(itsmApi.listComplaints).toHaveBeenCalledTimes(2),
    );
  });
});
