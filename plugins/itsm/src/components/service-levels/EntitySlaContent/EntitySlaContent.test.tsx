import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { identityApiRef } from '@backstage/core-plugin-api';
import {
  makeBreach,
  makeCalendar,
  makeClock,
  makeIncident,
  makeReport,
  makeSla,
  makeSupportingAgreement,
  mockIdentityApi,
  mockItsmApi,
  renderForEntity,
} from '../../../__testUtils__/fixtures';
import { EntitySlaContent } from './EntitySlaContent';

const page = <T,>(items: T[]) => ({ items, nextCursor: null });

function apiWithSla(overrides = {}) {
  return mockItsmApi({
    listSlas: jest.fn(async () => page([makeSla()])),
    listCalendars: jest.fn(async () => ({ items: [makeCalendar()] })),
    getSlaReport: jest.fn(async () => makeReport()),
    getSlaRevisions: jest.fn(async () => ({
      items: [
        {
          revision: 1,
          title: 'Payments API (first terms)',
          calendarId: '24x7',
          customerGroups: [],
          targets: {
            incidents: { p1: { resolution: { duration: '8h' } } },
            availabilityPercent: 99.5,
          },
          workloadLimits: {},
          exceptions: '',
          reviewCadence: 'annual' as const,
          effectiveFrom: '2026-06-01T00:00:00.000Z',
          effectiveTo: '2026-10-01T00:00:00.000Z',
          createdAt: '2026-06-01T09:00:00.000Z',
          createdBy: 'user:default/olivia',
        },
      ],
    })),
    listIncidents: jest.fn(async () =>
      page([
        makeIncident({
          id: 'INC-9',
          title: 'Refunds slow',
          sla: {
            response: makeClock({ state: 'met', percent: 20 }),
            resolution: makeClock({ percent: 82, remainingMs: 3_600_000 }),
          },
        }),
        makeIncident({ id: 'INC-10', title: 'Calm one' }),
      ]),
    ),
    listBreaches: jest.fn(async () => page([makeBreach()])),
    listSupportingAgreements: jest.fn(async () =>
      page([
        makeSupportingAgreement(),
        makeSupportingAgreement({
          id: 'UC-2',
          kind: 'uc',
          title: 'Card network',
          internalGroup: null,
          supplier: 'Acme Payments',
          contractRef: 'C-77',
        }),
      ]),
    ),
    getSlaAlignment: jest.fn(async () => ({
      slaId: 'SLA-1',
      agreements: [
        {
          id: 'OLA-1',
          kind: 'ola' as const,
          title: 'Database support',
          aligned: true,
        },
        {
          id: 'UC-2',
          kind: 'uc' as const,
          title: 'Card network',
          aligned: false,
        },
      ],
      findings: [
        {
          agreementId: 'UC-2',
          field: 'targets.incidents.p1.resolution',
          slaField: 'targets.incidents.p1.resolution',
          message: 'UC-2 P1 resolution 6h is looser than the SLA target 4h',
        },
      ],
    })),
    ...overrides,
  });
}

describe('EntitySlaContent', () => {
  it('explains what an SLA is and offers "Define SLA" when there is none', async () => {
    const api = mockItsmApi({
      listSlas: jest.fn(async () => page([])),
      listCalendars: jest.fn(async () => ({ items: [makeCalendar()] })),
    });
    await renderForEntity(<EntitySlaContent />, { api });

    expect(
      await screen.findByText('No SLA for this service yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/records what this service promises/),
    ).toBeInTheDocument();
    expect(api.listSlas).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      limit: 50,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Define SLA' }));
    expect(
      await screen.findByRole('dialog', { name: 'Define an SLA' }),
    ).toBeInTheDocument();
  });

  it('shows the agreement in force, its targets with attainment, clocks at risk, breaches and supporting agreements', async () => {
    const api = apiWithSla();
    await renderForEntity(<EntitySlaContent />, {
      api,
      apis: [[identityApiRef, mockIdentityApi()]],
    });

    expect(
      await screen.findByText('SLA-1: Payments API service levels'),
    ).toBeInTheDocument();
    expect(screen.getByText('Revision 2 in force')).toBeInTheDocument();
    expect(
      await screen.findByText(
        /Mon–Fri 08:00–18:00 \(Europe\/Berlin\), 1 holiday/,
      ),
    ).toBeInTheDocument();
    const review = screen.getByRole('group', { name: 'Review' });
    expect(review).toHaveTextContent(/Reviewed quarterly; next review/);
    expect(screen.getByText('5 days')).toBeInTheDocument(); // markdown exceptions

    const targets = screen.getByRole('table', {
      name: 'Targets and attainment',
    });
    await waitFor(() =>
      expect(targets).toHaveTextContent('75% (3 met, 1 breached)'),
    );
    expect(targets).toHaveTextContent('99.42% of agreed service time');
    expect(api.getSlaReport).toHaveBeenCalledWith(
      expect.objectContaining({ entityRef: 'component:default/payments-api' }),
    );

    expect(await screen.findByText('Refunds slow')).toBeInTheDocument();
    expect(screen.queryByText('Calm one')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'INC-9' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-9',
    );

    const breaches = await screen.findByRole('table', { name: 'Breaches' });
    expect(within(breaches).getByText('BRE-1')).toBeInTheDocument();
    expect(
      within(breaches).getByRole('link', { name: 'INC-7' }),
    ).toBeInTheDocument();

    expect(await screen.findByText('Aligned with SLA-1')).toBeInTheDocument();
    expect(
      screen.getByText(
        'UC-2 P1 resolution 6h is looser than the SLA target 4h',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/1 target looser than the SLA/),
    ).toBeInTheDocument();
    expect(api.listSupportingAgreements).toHaveBeenCalledWith({
      slaId: 'SLA-1',
      limit: 200,
    });
  });

  it("shows a revision's terms when it is selected", async () => {
    const api = apiWithSla();
    await renderForEntity(<EntitySlaContent />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Show revision 1' }),
    );
    const terms = screen.getByRole('region', {
      name: 'Terms of revision 1',
    });
    expect(terms).toHaveTextContent('Payments API (first terms)');
    expect(terms).toHaveTextContent('P1 resolution 8h');
    expect(terms).toHaveTextContent('availability 99.5%');
  });

  it('renders the report with figures and chart, and downloads the CSV through the API', async () => {
    const createObjectURL = jest.fn(() => 'blob:report');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const blob = new Blob(['target,met\n'], { type: 'text/csv' });
    const api = apiWithSla({ getSlaReportCsv: jest.fn(async () => blob) });
    await renderForEntity(<EntitySlaContent />, { api });

    const chart = await screen.findByTestId('sla-attainment-chart');
    expect(chart).toHaveAttribute(
      'aria-label',
      expect.stringContaining('2026-11: 92.3% attainment (12 met, 1 breached)'),
    );
    expect(screen.getByTestId('sla-target-line')).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Attainment per target' }),
    ).toHaveTextContent('P1 Critical response');
    expect(
      screen.getByRole('group', { name: 'Availability' }),
    ).toHaveTextContent('99.42%target 99.9%');
    expect(screen.getByRole('link', { name: 'Print' })).toHaveAttribute(
      'href',
      expect.stringMatching(
        /^\/itsm\/sla-report\?entityRef=component%3Adefault%2Fpayments-api&from=/,
      ),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    // This month in the SLA calendar's zone (Europe/Berlin): local midnights, 22:00 or
    // 23:00 UTC the day before.
    expect(api.getSlaReportCsv).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      from: expect.stringMatching(/T2[23]:00:00.000Z$/),
      to: expect.stringMatching(/T2[23]:00:00.000Z$/),
    });
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:report');
    click.mockRestore();
  });

  it('asks for the report of the picked period', async () => {
    const api = apiWithSla();
    await renderForEntity(<EntitySlaContent />, { api });
    await screen.findByTestId('sla-attainment-chart');

    fireEvent.change(screen.getByLabelText('Period'), {
      target: { value: 'custom' },
    });
    // Dates are days of the SLA calendar's zone.
    fireEvent.change(screen.getByLabelText('From (Europe/Berlin)'), {
      target: { value: '2026-09-01' },
    });
    fireEvent.change(screen.getByLabelText('To, inclusive (Europe/Berlin)'), {
      target: { value: '2026-09-30' },
    });
    await waitFor(() =>
      expect(api.getSlaReport).toHaveBeenCalledWith({
        entityRef: 'component:default/payments-api',
        from: '2026-08-31T22:00:00.000Z',
        to: '2026-09-30T22:00:00.000Z',
      }),
    );
  });

  it('records a waiver with the signed-in user as approver, with If-Match', async () => {
    const api = apiWithSla({
      patchBreach: jest.fn(async () =>
        makeBreach({
          version: 2,
          waiver: {
            reason: 'Customer-side outage',
            approver: 'user:default/olivia',
            at: '2026-11-27T10:00:00.000Z',
          },
        }),
      ),
    });
    await renderForEntity(<EntitySlaContent />, {
      api,
      apis: [[identityApiRef, mockIdentityApi('user:default/olivia')]],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit BRE-1' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText('Cause'),
      'Database failover',
    );
    await userEvent.click(within(dialog).getByRole('checkbox'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('A waiver needs a reason'),
    ).toBeInTheDocument();
    expect(api.patchBreach).not.toHaveBeenCalled();

    await userEvent.type(
      within(dialog).getByLabelText(/Waiver reason/),
      'Customer-side outage',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.patchBreach).toHaveBeenCalledWith({
        id: 'BRE-1',
        version: 1,
        patch: {
          cause: 'Database failover',
          waiver: {
            reason: 'Customer-side outage',
            approver: 'user:default/olivia',
          },
        },
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('withdraws a waiver', async () => {
    const waived = makeBreach({
      version: 4,
      waiver: {
        reason: 'Planned',
        approver: 'user:default/olivia',
        at: '2026-11-20T00:00:00.000Z',
      },
    });
    const api = apiWithSla({
      listBreaches: jest.fn(async () => page([waived])),
      patchBreach: jest.fn(async () => makeBreach({ version: 5 })),
    });
    await renderForEntity(<EntitySlaContent />, {
      api,
      apis: [[identityApiRef, mockIdentityApi()]],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit BRE-1' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('checkbox'));
    expect(
      within(dialog).getByText(/Saving withdraws the waiver/),
    ).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.patchBreach).toHaveBeenCalledWith({
        id: 'BRE-1',
        version: 4,
        patch: { waiver: null },
      }),
    );
  });
});
