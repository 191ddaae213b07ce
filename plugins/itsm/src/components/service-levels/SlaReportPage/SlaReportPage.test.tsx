import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makeReport,
  mockItsmApi,
  renderInItsmApp,
} from '../../../__testUtils__/fixtures';
import { ItsmPage } from '../../ItsmPage';

const query =
  'entityRef=component%3Adefault%2Fpayments-api&from=2026-11-01T00%3A00%3A00.000Z&to=2026-12-01T00%3A00%3A00.000Z';

describe('SlaReportPage', () => {
  it('prints the report of the service and period in its address', async () => {
    const api = mockItsmApi({
      getSlaReport: jest.fn(async () => makeReport()),
    });
    const print = jest.spyOn(window, 'print').mockImplementation(() => {});
    await renderInItsmApp(<ItsmPage />, {
      api,
      path: `/sla-report?${query}`,
    });

    expect(
      await screen.findByRole('heading', { name: 'Service level report' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Payments API service levels'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/2026-11-01 to 2026-11-30 · SLA-1 revision 2/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Customers: group:default\/retail-banking/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('sla-attainment-chart')).toBeInTheDocument();
    expect(api.getSlaReport).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });

    await userEvent.click(screen.getByRole('button', { name: 'Print' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    print.mockRestore();
  });

  it('says what it needs when the address lacks the period', async () => {
    const api = mockItsmApi();
    await renderInItsmApp(<ItsmPage />, {
      api,
      path: '/sla-report?entityRef=component%3Adefault%2Fx',
    });
    expect(await screen.findByText(/Which report\?/)).toBeInTheDocument();
    expect(api.getSlaReport).not.toHaveBeenCalled();
  });
});
