import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makeCalendar,
  makeSla,
  mockItsmApi,
  renderForEntity,
  responseError,
} from '../../../__testUtils__/fixtures';
import { AgreementEditorDialog } from './AgreementEditorDialog';

const entityRef = 'component:default/payments-api';

async function openEditor(
  options: {
    api?: ReturnType<typeof mockItsmApi>;
    existing?: ReturnType<typeof makeSla>;
    kind?: 'sla' | 'ola' | 'uc';
  } = {},
) {
  const api =
    options.api ??
    mockItsmApi({
      listCalendars: jest.fn(async () => ({ items: [makeCalendar()] })),
    });
  const onSaved = jest.fn();
  await renderForEntity(
    <AgreementEditorDialog
      open
      kind={options.kind ?? 'sla'}
      entityRef={entityRef}
      existing={options.existing}
      slaIds={['SLA-1']}
      onClose={jest.fn()}
      onSaved={onSaved}
    />,
    { api },
  );
  const dialog = await screen.findByRole('dialog');
  // The calendars have loaded when the office-hours option is there.
  await within(dialog).findAllByRole('option', { name: 'Office hours' });
  return { api, onSaved, dialog };
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

const DAY = 24 * 60 * 60 * 1000;
/** The UTC day `days` from today, as the date field takes it. */
const dayFromToday = (days: number) =>
  new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe('AgreementEditorDialog', () => {
  it('names the field of a bad duration and does not send anything', async () => {
    const { api, dialog } = await openEditor();
    type(/^Title/, 'Payments');
    type(/^Availability %/, '99.9');
    type('P1 response', '15 minutes');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save SLA' }),
    );

    const field = screen.getByLabelText('P1 response');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText(/must be a duration > 0 like '30m', '4h'/),
    ).toBeInTheDocument();
    expect(screen.getByText(/One field needs a fix/)).toBeInTheDocument();
    expect(api.createSla).not.toHaveBeenCalled();

    // Checked live after the first save: fixing it clears the message.
    type('P1 response', '15m');
    await waitFor(() =>
      expect(screen.getByLabelText('P1 response')).not.toHaveAttribute(
        'aria-invalid',
        'true',
      ),
    );
  });

  it('says a response target must not be longer than the resolution target', async () => {
    const { api, dialog } = await openEditor();
    type(/^Title/, 'Payments');
    type(/^Availability %/, '99.9');
    type('P2 response', '8h');
    type('P2 resolution', '4h');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save SLA' }),
    );

    expect(
      await screen.findByText(
        'P2 response must not be longer than P2 resolution',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('P2 response')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(api.createSla).not.toHaveBeenCalled();
  });

  it('asks for the title and the availability of an SLA', async () => {
    const { dialog } = await openEditor();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save SLA' }),
    );
    expect(
      screen.getByText('Required: every SLA agrees an availability'),
    ).toBeInTheDocument();
    type(/^Availability %/, '150');
    await waitFor(() =>
      expect(screen.getByLabelText(/^Availability %/)).toHaveAttribute(
        'aria-invalid',
        'true',
      ),
    );
    expect(screen.getByLabelText(/^Title/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByText('Required')).toBeInTheDocument();
  });

  it('creates the SLA with the typed terms', async () => {
    const api = mockItsmApi({
      listCalendars: jest.fn(async () => ({ items: [makeCalendar()] })),
      createSla: jest.fn(async () => makeSla({ id: 'SLA-4' })),
    });
    const { onSaved, dialog } = await openEditor({ api });
    type(/^Title/, 'Payments');
    fireEvent.change(screen.getByLabelText('Service hours (calendar)'), {
      target: { value: 'office-hours' },
    });
    type('P1 response', '15m');
    fireEvent.change(screen.getByLabelText('P1 response calendar'), {
      target: { value: '24x7' },
    });
    type('P1 resolution', '4h');
    type(/^Availability %/, '99.9');
    type(/^Incidents per month/, '40');
    const later = dayFromToday(4);
    type('In force from (UTC)', later);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save SLA' }),
    );

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.createSla).toHaveBeenCalledWith({
      entityRef,
      title: 'Payments',
      customerGroups: [],
      calendarId: 'office-hours',
      targets: {
        incidents: {
          p1: {
            response: { duration: '15m', calendarId: '24x7' },
            resolution: { duration: '4h' },
          },
        },
        availabilityPercent: 99.9,
      },
      workloadLimits: { incidentsPerMonth: 40 },
      exceptions: '',
      reviewCadence: 'quarterly',
      effectiveFrom: `${later}T00:00:00.000Z`,
    });
  });

  it('agrees terms for today from the server clock and refuses a past day', async () => {
    const api = mockItsmApi({
      listCalendars: jest.fn(async () => ({ items: [makeCalendar()] })),
      createSla: jest.fn(async () => makeSla({ id: 'SLA-4' })),
    });
    const { onSaved, dialog } = await openEditor({ api });
    type(/^Title/, 'Payments');
    type(/^Availability %/, '99.9');
    expect(screen.getByLabelText('In force from (UTC)')).toHaveValue(
      dayFromToday(0),
    );
    type('In force from (UTC)', dayFromToday(-1));
    const save = within(dialog).getByRole('button', { name: 'Save SLA' });
    await userEvent.click(save);
    expect(
      screen.getByText('Terms cannot be backdated: pick today or a later day'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('In force from (UTC)')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(api.createSla).not.toHaveBeenCalled();

    type('In force from (UTC)', dayFromToday(0));
    await userEvent.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.createSla).toHaveBeenCalledTimes(1);
    expect((api.createSla as jest.Mock).mock.calls[0][0]).not.toHaveProperty(
      'effectiveFrom',
    );
  });

  it('sends only the changed terms of an existing SLA with its version, as revision n+1', async () => {
    const sla = makeSla();
    const api = mockItsmApi({
      listCalendars: jest.fn(async () => ({ items: [makeCalendar()] })),
      patchSla: jest.fn(async () => makeSla({ version: 4, revision: 3 })),
    });
    const { onSaved, dialog } = await openEditor({ api, existing: sla });
    expect(
      within(dialog).getByText(/Saving new terms creates revision 3/),
    ).toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save new terms' }),
    );
    expect(within(dialog).getByText(/Nothing changed/)).toBeInTheDocument();
    expect(api.patchSla).not.toHaveBeenCalled();

    type('P2 resolution', '6h');
    const later = dayFromToday(35);
    type('In force from (UTC)', later);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save new terms' }),
    );
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.patchSla).toHaveBeenCalledWith({
      id: 'SLA-1',
      version: 3,
      patch: {
        targets: {
          ...sla.targets,
          incidents: {
            ...sla.targets.incidents,
            p2: {
              response: { duration: '1h' },
              resolution: { duration: '6h' },
            },
          },
        },
        effectiveFrom: `${later}T00:00:00.000Z`,
      },
    });

    // New terms from today: no effectiveFrom, the server starts them at its now.
    type('In force from (UTC)', dayFromToday(0));
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save new terms' }),
    );
    await waitFor(() => expect(api.patchSla).toHaveBeenCalledTimes(2));
    expect((api.patchSla as jest.Mock).mock.calls[1][0].patch).toEqual({
      targets: expect.any(Object),
    });
  });

  it('puts a server 400 at the field it names and shows a 403 plainly', async () => {
    const badCalendar = await responseError({
      status: 400,
      statusText: 'Bad Request',
      name: 'InputError',
      message:
        "targets.incidents.p1.resolution.calendarId: unknown calendar 'gone'",
    });
    const denied = await responseError({
      status: 403,
      statusText: 'Forbidden',
      name: 'NotAllowedError',
      message: 'You do not own component:default/payments-api',
    });
    const api = mockItsmApi({
      listCalendars: jest.fn(async () => ({ items: [makeCalendar()] })),
      createSla: jest
        .fn()
        .mockRejectedValueOnce(badCalendar)
        .mockRejectedValueOnce(denied),
    });
    const { dialog } = await openEditor({ api });
    type(/^Title/, 'Payments');
    type(/^Availability %/, '99');
    const save = within(dialog).getByRole('button', { name: 'Save SLA' });
    await userEvent.click(save);
    expect(
      await screen.findByText(
        "P1 resolution calendar: unknown calendar 'gone'",
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('P1 resolution calendar')).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    await userEvent.click(save);
    expect(
      await screen.findByText(/Not allowed: only the owners of/),
    ).toHaveTextContent('You do not own component:default/payments-api');
  });

  it('requires the supplier of an underpinning contract', async () => {
    const api = mockItsmApi({
      listCalendars: jest.fn(async () => ({ items: [makeCalendar()] })),
      createSupportingAgreement: jest.fn(async () => ({} as any)),
    });
    const { dialog } = await openEditor({ api, kind: 'uc' });
    type(/^Title/, 'Card network');
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'Save underpinning contract',
      }),
    );
    expect(
      screen.getByText('supplier is required for an underpinning contract'),
    ).toBeInTheDocument();
    type(/^Supplier/, 'Acme');
    type('P1 resolution', '2h');
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'Save underpinning contract',
      }),
    );
    await waitFor(() =>
      expect(api.createSupportingAgreement).toHaveBeenCalledWith(
        expect.objectContaining({
          kind: 'uc',
          supplier: 'Acme',
          internalGroup: null,
          slaIds: ['SLA-1'],
          targets: { incidents: { p1: { resolution: { duration: '2h' } } } },
        }),
      ),
    );
  });
});
