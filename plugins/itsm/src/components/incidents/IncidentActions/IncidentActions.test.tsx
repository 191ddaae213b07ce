import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Incident } from '@backstage-itsm/plugin-itsm-common';
import {
  makeChange,
  makeIncident,
  mockItsmApi,
  renderInItsmApp,
  responseError,
  staleVersion,
} from '../../../__testUtils__/fixtures';
import type { ItsmApi } from '../../../api';
import { IncidentActions } from './IncidentActions';

function render(incident: Incident, api: ItsmApi) {
  const onChange = jest.fn();
  const onReload = jest.fn();
  const result = renderInItsmApp(
    <IncidentActions
      incident={incident}
      onChange={onChange}
      onReload={onReload}
    />,
    { api },
  );
  return { onChange, onReload, result };
}

function buttonNames() {
  return within(screen.getByRole('toolbar', { name: 'Incident actions' }))
    .getAllByRole('button')
    .map(b => b.textContent);
}

describe('IncidentActions', () => {
  it('offers one button per move the lifecycle allows, plus Edit', async () => {
    const api = mockItsmApi();
    await render(makeIncident({ status: 'new' }), api).result;
    expect(buttonNames()).toEqual([
      'Start work',
      'Resolve',
      'Cancel incident',
      'Edit',
    ]);
  });

  it('offers Reopen and Close on a resolved incident, and nothing on a closed one', async () => {
    const api = mockItsmApi();
    const { result } = render(makeIncident({ status: 'resolved' }), api);
    await result;
    expect(buttonNames()).toEqual(['Reopen', 'Close', 'Edit']);

    (await result).unmount();
    await render(makeIncident({ status: 'closed' }), api).result;
    expect(
      within(
        screen.getByRole('toolbar', { name: 'Incident actions' }),
      ).queryAllByRole('button'),
    ).toHaveLength(0);
  });

  it('blocks closing a major incident until its review is recorded', async () => {
    const api = mockItsmApi();
    await render(
      makeIncident({
        status: 'resolved',
        major: true,
        postIncidentReview: null,
      }),
      api,
    ).result;
    expect(screen.getByRole('button', { name: 'Close' })).toBeDisabled();
  });

  it('asks for the on-hold reason and sends it with If-Match', async () => {
    const incident = makeIncident({
      id: 'INC-7',
      version: 4,
      status: 'in_progress',
    });
    const moved = { ...incident, version: 5, status: 'on_hold' as const };
    const api = mockItsmApi({ transitionIncident: jest.fn(async () => moved) });
    const { onChange, result } = render(incident, api);
    await result;

    await userEvent.click(screen.getByRole('button', { name: 'Put on hold' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Put on hold: INC-7',
    });
    expect(
      within(dialog).queryByLabelText(/Resolution/),
    ).not.toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Put on hold' }),
    );
    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    expect(api.transitionIncident).not.toHaveBeenCalled();

    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Reason/),
      'awaiting_supplier',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Put on hold' }),
    );

    await waitFor(() => expect(onChange).toHaveBeenCalledWith(moved));
    expect(api.transitionIncident).toHaveBeenCalledWith({
      id: 'INC-7',
      version: 4,
      transition: { to: 'on_hold', onHoldReason: 'awaiting_supplier' },
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('asks for the problem an incident waits for, and sends it', async () => {
    const incident = makeIncident({
      id: 'INC-7',
      version: 4,
      status: 'in_progress',
    });
    const moved = { ...incident, version: 5, status: 'on_hold' as const };
    const api = mockItsmApi({ transitionIncident: jest.fn(async () => moved) });
    const { onChange, result } = render(incident, api);
    await result;

    await userEvent.click(screen.getByRole('button', { name: 'Put on hold' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Put on hold: INC-7',
    });
    expect(within(dialog).queryByLabelText(/Problem/)).not.toBeInTheDocument();
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Reason/),
      'awaiting_problem',
    );
    const submit = within(dialog).getByRole('button', { name: 'Put on hold' });
    await userEvent.click(submit);
    expect(
      await within(dialog).findByText(
        /Name the problem this incident waits for/,
      ),
    ).toBeInTheDocument();
    expect(api.transitionIncident).not.toHaveBeenCalled();

    await userEvent.type(within(dialog).getByLabelText(/Problem/), 'PRB-3');
    await userEvent.click(submit);
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(moved));
    expect(api.transitionIncident).toHaveBeenCalledWith({
      id: 'INC-7',
      version: 4,
      transition: {
        to: 'on_hold',
        onHoldReason: 'awaiting_problem',
        problemId: 'PRB-3',
      },
    });
  });

  it('asks for a resolution code and notes to resolve', async () => {
    const incident = makeIncident({ id: 'INC-7', version: 2, status: 'new' });
    const api = mockItsmApi({
      transitionIncident: jest.fn(async () => ({
        ...incident,
        version: 3,
        status: 'resolved' as const,
      })),
    });
    await render(incident, api).result;

    await userEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Resolve: INC-7',
    });
    expect(within(dialog).queryByLabelText(/Reason/)).not.toBeInTheDocument();
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/Resolution code/),
      'change_rolled_back',
    );
    expect(
      within(dialog).getByRole('option', { name: 'Change rolled back' }),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText(/Resolution notes/),
      'Rolled back CHG-12',
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
          resolutionCode: 'change_rolled_back',
          resolutionNotes: 'Rolled back CHG-12',
        },
      }),
    );
  });

  it('asks why an incident is cancelled', async () => {
    const incident = makeIncident({ id: 'INC-7', version: 1, status: 'new' });
    const api = mockItsmApi({
      transitionIncident: jest.fn(async () => incident),
    });
    await render(incident, api).result;

    await userEvent.click(
      screen.getByRole('button', { name: 'Cancel incident' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText(/Why is it cancelled/),
      'Duplicate of INC-6',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel incident' }),
    );

    await waitFor(() =>
      expect(api.transitionIncident).toHaveBeenCalledWith({
        id: 'INC-7',
        version: 1,
        transition: { to: 'cancelled', comment: 'Duplicate of INC-6' },
      }),
    );
  });

  it('starts work without asking for anything', async () => {
    const incident = makeIncident({ id: 'INC-7', version: 1, status: 'new' });
    const api = mockItsmApi({
      transitionIncident: jest.fn(async () => incident),
    });
    await render(incident, api).result;

    await userEvent.click(screen.getByRole('button', { name: 'Start work' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryAllByRole('textbox')).toHaveLength(0);
    expect(within(dialog).queryAllByRole('combobox')).toHaveLength(0);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start work' }),
    );

    await waitFor(() =>
      expect(api.transitionIncident).toHaveBeenCalledWith({
        id: 'INC-7',
        version: 1,
        transition: { to: 'in_progress' },
      }),
    );
  });

  it('says someone else changed the incident on a 412, and reloads on request', async () => {
    const error = await staleVersion();
    const incident = makeIncident({ id: 'INC-7', version: 1, status: 'new' });
    const api = mockItsmApi({
      transitionIncident: jest.fn(async () => {
        throw error;
      }),
    });
    const { onReload, onChange, result } = render(incident, api);
    await result;

    await userEvent.click(screen.getByRole('button', { name: 'Start work' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Start work' }),
    );

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Someone else changed this incident — reload',
    );
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Reload' }),
    );
    expect(onReload).toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('shows the server words of an illegal move (409)', async () => {
    const error = await responseError({
      status: 409,
      statusText: 'Conflict',
      name: 'ConflictError',
      message: 'The incident is closed and cannot change',
    });
    const incident = makeIncident({ status: 'resolved' });
    const api = mockItsmApi({
      transitionIncident: jest.fn(async () => {
        throw error;
      }),
    });
    await render(incident, api).result;

    await userEvent.click(screen.getByRole('button', { name: 'Reopen' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reopen' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The incident is closed and cannot change',
    );
  });

  it('edits only what changed, with the version it was opened at', async () => {
    const incident = makeIncident({
      id: 'INC-7',
      version: 3,
      status: 'in_progress',
      impact: 2,
      urgency: 2,
      priority: 3,
    });
    const api = mockItsmApi({
      patchIncident: jest.fn(async () => ({ ...incident, version: 4 })),
    });
    const { onChange, result } = render(incident, api);
    await result;

    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit INC-7' });
    await userEvent.selectOptions(within(dialog).getByLabelText('Impact'), '1');
    expect(
      within(dialog).getByRole('status', { name: 'Expected priority' }),
    ).toHaveTextContent('P2 High');
    await userEvent.type(
      within(dialog).getByLabelText('Assignee'),
      'user:default/carol',
    );
    await within(dialog).findByRole('option', { name: 'Infrastructure' });
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Category'),
      'infrastructure',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Subcategory'),
      'network',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(api.patchIncident).toHaveBeenCalledWith({
        id: 'INC-7',
        version: 3,
        patch: {
          impact: 1,
          assignee: 'user:default/carol',
          category: 'infrastructure',
          subcategory: 'network',
        },
      }),
    );
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith({ ...incident, version: 4 }),
    );
  });

  it('rejects an assignee that is not an entity ref before sending', async () => {
    const incident = makeIncident({ status: 'in_progress' });
    const api = mockItsmApi();
    await render(incident, api).result;

    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Assignee'), 'carol');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      await within(dialog).findByText(/must be a full entity ref/),
    ).toBeInTheDocument();
    expect(api.patchIncident).not.toHaveBeenCalled();
  });

  describe('caused by change', () => {
    const HOUR = 3_600_000;
    const withCause = makeIncident({
      id: 'INC-7',
      version: 3,
      status: 'in_progress',
      entityRef: 'component:default/payments-api',
      affectedEntityRefs: ['component:default/refunds-worker'],
    });
    const older = makeChange({
      id: 'CHG-4',
      title: 'Rotate TLS certificates',
      status: 'closed',
      actualStart: new Date(Date.now() - 50 * HOUR).toISOString(),
      actualEnd: new Date(Date.now() - 48 * HOUR).toISOString(),
    });
    const recent = makeChange({
      id: 'CHG-5',
      title: 'Upgrade Postgres',
      status: 'review',
      entityRefs: ['component:default/refunds-worker'],
      actualStart: new Date(Date.now() - 3 * HOUR).toISOString(),
      actualEnd: new Date(Date.now() - 2 * HOUR).toISOString(),
    });

    async function openEdit(incident: Incident, api: ItsmApi) {
      await render(incident, api).result;
      await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
      return screen.findByRole('dialog', { name: `Edit ${incident.id}` });
    }

    it('suggests recently implemented changes on the incident entities and sends the pick', async () => {
      const api = mockItsmApi({
        // The server lists newest created first; the picker puts the latest work first.
        listChanges: jest.fn(async () => ({
          items: [older, recent],
          nextCursor: null,
        })),
        patchIncident: jest.fn(async () => ({ ...withCause, version: 4 })),
      });
      const dialog = await openEdit(withCause, api);

      await userEvent.click(within(dialog).getByLabelText('Caused by change'));
      const listbox = await screen.findByRole('listbox');
      const options = within(listbox).getAllByRole('option');
      expect(options.map(o => o.textContent)).toEqual([
        expect.stringMatching(
          /^CHG-5 — Upgrade Postgres.*Review · refunds-worker/,
        ),
        expect.stringMatching(/^CHG-4 — Rotate TLS certificates.*Closed/),
      ]);
      expect(api.listChanges).toHaveBeenCalledWith({
        q: undefined,
        entityRef: [
          'component:default/payments-api',
          'component:default/refunds-worker',
        ],
        status: ['implementing', 'review', 'closed'],
        limit: 10,
      });

      await userEvent.click(options[0]);
      expect(within(dialog).getByLabelText('Caused by change')).toHaveValue(
        'CHG-5',
      );
      expect(within(dialog).getByText('Upgrade Postgres')).toBeInTheDocument();
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Save' }),
      );
      await waitFor(() =>
        expect(api.patchIncident).toHaveBeenCalledWith({
          id: 'INC-7',
          version: 3,
          patch: { causedByChangeId: 'CHG-5' },
        }),
      );
    });

    it('searches by a word on the entities first, then elsewhere', async () => {
      const elsewhere = makeChange({
        id: 'CHG-9',
        title: 'Upgrade Postgres on the ledger',
        status: 'closed',
        entityRefs: ['component:default/ledger'],
      });
      const api = mockItsmApi({
        listChanges: jest.fn(async options => ({
          items: options?.entityRef ? [recent] : [elsewhere, recent],
          nextCursor: null,
        })),
      });
      const dialog = await openEdit(withCause, api);

      await userEvent.type(
        within(dialog).getByLabelText('Caused by change'),
        'postgres',
      );
      await waitFor(() =>
        expect(api.listChanges).toHaveBeenCalledWith({
          q: 'postgres',
          status: ['implementing', 'review', 'closed'],
          limit: 10,
        }),
      );
      expect(api.listChanges).toHaveBeenCalledWith(
        expect.objectContaining({
          q: 'postgres',
          entityRef: [
            'component:default/payments-api',
            'component:default/refunds-worker',
          ],
        }),
      );
      await waitFor(() =>
        expect(
          within(screen.getByRole('listbox'))
            .getAllByRole('option')
            .map(o => o.textContent?.slice(0, 5)),
        ).toEqual(['CHG-5', 'CHG-9']),
      );
    });

    it('takes a typed id, and shows the server words when it does not exist', async () => {
      const error = await responseError({
        status: 400,
        statusText: 'Bad Request',
        name: 'InputError',
        message: 'Change CHG-99 does not exist',
      });
      const api = mockItsmApi({
        listChanges: jest.fn(async () => ({ items: [], nextCursor: null })),
        patchIncident: jest.fn(async () => {
          throw error;
        }),
      });
      const dialog = await openEdit(withCause, api);

      const input = within(dialog).getByLabelText('Caused by change');
      await userEvent.type(input, 'refunds');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Save' }),
      );
      expect(
        await within(dialog).findByText('must be a change id like CHG-42'),
      ).toBeInTheDocument();
      expect(api.patchIncident).not.toHaveBeenCalled();

      await userEvent.clear(input);
      await userEvent.type(input, 'chg-99');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Save' }),
      );
      await waitFor(() =>
        expect(api.patchIncident).toHaveBeenCalledWith({
          id: 'INC-7',
          version: 3,
          patch: { causedByChangeId: 'CHG-99' },
        }),
      );
      expect(await within(dialog).findByRole('alert')).toHaveTextContent(
        'Change CHG-99 does not exist',
      );
    });

    const caused = { ...withCause, causedByChangeId: 'CHG-5' };
    function causedApi() {
      return mockItsmApi({
        listChanges: jest.fn(async () => ({
          items: [recent],
          nextCursor: null,
        })),
        patchIncident: jest.fn(async () => ({ ...caused, version: 4 })),
      });
    }

    it('sends nothing about the change when it was left as it was', async () => {
      const api = causedApi();
      const dialog = await openEdit(caused, api);
      expect(within(dialog).getByLabelText('Caused by change')).toHaveValue(
        'CHG-5',
      );
      await within(dialog).findByRole('option', { name: 'Data' });
      await userEvent.selectOptions(
        within(dialog).getByLabelText('Category'),
        'data',
      );
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Save' }),
      );
      await waitFor(() =>
        expect(api.patchIncident).toHaveBeenCalledWith({
          id: 'INC-7',
          version: 3,
          patch: { category: 'data' },
        }),
      );
    });

    it('sends null when cleared', async () => {
      const api = causedApi();
      const dialog = await openEdit(caused, api);
      const picker = within(dialog).getByLabelText('Caused by change');
      await userEvent.click(picker);
      await userEvent.click(
        within(
          picker.closest<HTMLElement>('.MuiAutocomplete-root')!,
        ).getByTitle('Clear'),
      );
      expect(picker).toHaveValue('');
      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Save' }),
      );
      await waitFor(() =>
        expect(api.patchIncident).toHaveBeenCalledWith({
          id: 'INC-7',
          version: 3,
          patch: { causedByChangeId: null },
        }),
      );
    });
  });
});

describe('IncidentActions: editing the category', () => {
  async function openEdit(incident: Incident, api: ItsmApi) {
    await render(incident, api).result;
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', {
      name: `Edit ${incident.id}`,
    });
    await within(dialog).findByRole('option', { name: 'Availability' });
    return dialog;
  }

  it('changes the category and clears a subcategory the new one does not have', async () => {
    const incident = makeIncident({
      id: 'INC-7',
      version: 3,
      status: 'in_progress',
      category: 'availability',
      subcategory: 'outage',
    });
    const api = mockItsmApi({
      patchIncident: jest.fn(async () => ({ ...incident, version: 4 })),
    });
    const dialog = await openEdit(incident, api);
    const subcategory = within(dialog).getByLabelText('Subcategory');
    expect(within(dialog).getByLabelText('Category')).toHaveValue(
      'availability',
    );
    expect(subcategory).toHaveValue('outage');

    await userEvent.selectOptions(
      within(dialog).getByLabelText('Category'),
      'performance',
    );
    expect(subcategory).toHaveValue('');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.patchIncident).toHaveBeenCalledWith({
        id: 'INC-7',
        version: 3,
        patch: { category: 'performance', subcategory: null },
      }),
    );
  });

  it('keeps a category from before the taxonomy unless another is chosen', async () => {
    const incident = makeIncident({
      id: 'INC-8',
      version: 2,
      status: 'in_progress',
      category: 'database',
    });
    const api = mockItsmApi({
      patchIncident: jest.fn(async () => ({ ...incident, version: 3 })),
    });
    const dialog = await openEdit(incident, api);
    const category = within(dialog).getByLabelText('Category');
    expect(category).toHaveValue('database');
    expect(
      within(dialog).getByRole('option', {
        name: 'database (not in the taxonomy)',
      }),
    ).toBeInTheDocument();

    await userEvent.clear(within(dialog).getByLabelText(/Title/));
    await userEvent.type(within(dialog).getByLabelText(/Title/), 'Renamed');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.patchIncident).toHaveBeenCalledWith({
        id: 'INC-8',
        version: 2,
        patch: { title: 'Renamed' },
      }),
    );
  });
});
