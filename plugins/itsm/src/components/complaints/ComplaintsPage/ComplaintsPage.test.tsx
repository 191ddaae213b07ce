import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DANIEL,
  SOFIA,
  PAYMENTS_TEAM,
  complaintApi,
  makeComplaint,
  renderAs,
} from '../__testUtils__/complaintFixtures';
import { ComplaintsListPage } from './ComplaintsPage';

describe('ComplaintsListPage', () => {
  it('lists the complaints the user may see, newest first, with their services', async () => {
    const itsmApi = complaintApi(
      makeComplaint({ id: 'CMP-3', title: 'Slow refunds' }),
    );
    await renderAs(<ComplaintsListPage />, { api: itsmApi });

    expect(
      await screen.findByRole('heading', { name: 'Complaints', level: 1 }),
    ).toBeInTheDocument();
    const row = (await screen.findByText('Slow refunds')).closest('tr')!;
    expect(within(row).getByRole('link', { name: 'CMP-3' })).toHaveAttribute(
      'href',
      '/itsm/complaints/CMP-3',
    );
    expect(within(row).getByText('payments-service')).toBeInTheDocument();
    expect(itsmApi.listComplaints).toHaveBeenCalledWith({ limit: 50 });
  });

  it('filters on the server: owned by me or my groups, raised by me', async () => {
    const itsmApi = complaintApi();
    await renderAs(<ComplaintsListPage />, {
      api: itsmApi,
      user: SOFIA,
      groups: [PAYMENTS_TEAM],
    });
    await screen.findByText('Charged twice for one order');

    const whose = screen.getByLabelText('Whose');
    await waitFor(() => expect(whose).toBeEnabled());
    await userEvent.selectOptions(whose, 'owned');
    await waitFor(() =>
      expect(itsmApi.listComplaints).toHaveBeenLastCalledWith({
        owner: [SOFIA, PAYMENTS_TEAM],
        limit: 50,
      }),
    );
    await userEvent.selectOptions(whose, 'raised');
    await waitFor(() =>
      expect(itsmApi.listComplaints).toHaveBeenLastCalledWith({
        complainant: [SOFIA],
        limit: 50,
      }),
    );
  });

  it('raises a complaint about a service the user names', async () => {
    const itsmApi = complaintApi();
    await renderAs(<ComplaintsListPage />, { api: itsmApi, user: DANIEL });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Raise complaint' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Raise complaint',
    });
    await userEvent.type(within(dialog).getByLabelText(/Title/), 'Slow');
    await userEvent.type(
      within(dialog).getByLabelText(/What happened/),
      'Refunds take weeks',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Raise complaint' }),
    );
    expect(
      await within(dialog).findByText(/must be a full entity ref/),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText('Service'),
      'component:default/payments-service',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Raise complaint' }),
    );
    await waitFor(() =>
      expect(itsmApi.createComplaint).toHaveBeenCalledWith({
        title: 'Slow',
        description: 'Refunds take weeks',
        entityRef: 'component:default/payments-service',
        channel: 'portal',
      }),
    );
  });
});
