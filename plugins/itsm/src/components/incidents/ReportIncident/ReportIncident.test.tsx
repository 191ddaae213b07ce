import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  makeChange,
  makeIncident,
  mockItsmApi,
  renderForEntity,
  responseError,
} from '../../../__testUtils__/fixtures';
import { ReportIncidentButton } from './ReportIncidentButton';

const entityRef = 'component:default/payments-api';

async function openDialog() {
  await userEvent.click(
    screen.getByRole('button', { name: 'Report incident' }),
  );
  return screen.findByRole('dialog', { name: 'Report incident' });
}

describe('ReportIncidentButton', () => {
  it('derives the expected priority live from impact and urgency', async () => {
    await renderForEntity(<ReportIncidentButton entityRef={entityRef} />, {
      api: mockItsmApi(),
    });
    const dialog = await openDialog();

    const priority = within(dialog).getByRole('status', {
      name: 'Expected priority',
    });
    expect(within(dialog).getByLabelText('Service')).toHaveValue(entityRef);
    expect(within(dialog).getByLabelText('Service')).toHaveAttribute(
      'readonly',
    );
    expect(priority).toHaveTextContent('P5 Planning');

    await userEvent.selectOptions(within(dialog).getByLabelText('Impact'), '1');
    expect(priority).toHaveTextContent('P3 Moderate');
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Urgency'),
      '1',
    );
    expect(priority).toHaveTextContent('P1 Critical');
    expect(
      within(dialog).getByRole('option', {
        name: 'High — many users or a whole service',
      }),
    ).toBeInTheDocument();
  });

  it('posts the incident and links to its page', async () => {
    const created = makeIncident({ id: 'INC-43', title: 'Refunds fail' });
    const api = mockItsmApi({ createIncident: jest.fn(async () => created) });
    const onCreated = jest.fn();
    await renderForEntity(
      <ReportIncidentButton entityRef={entityRef} onCreated={onCreated} />,
      { api },
    );
    const dialog = await openDialog();

    await userEvent.type(
      within(dialog).getByLabelText(/Title/),
      'Refunds fail',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Description'),
      'All refunds return **500**',
    );
    await userEvent.selectOptions(within(dialog).getByLabelText('Impact'), '2');
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Urgency'),
      '1',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Also affected'),
      'component:default/refunds-worker{enter}',
    );
    await within(dialog).findByRole('option', { name: 'Data' });
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Category'),
      'data',
    );
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Subcategory'),
      'corruption',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Report incident' }),
    );

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.createIncident).toHaveBeenCalledWith({
      title: 'Refunds fail',
      description: 'All refunds return **500**',
      entityRef,
      impact: 2,
      urgency: 1,
      affectedEntityRefs: ['component:default/refunds-worker'],
      category: 'data',
      subcategory: 'corruption',
    });
    expect(onCreated).toHaveBeenCalledWith(created);
    expect(screen.getByRole('link', { name: 'INC-43' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-43',
    );
  });

  it('asks for a title before posting', async () => {
    const api = mockItsmApi();
    await renderForEntity(<ReportIncidentButton entityRef={entityRef} />, {
      api,
    });
    const dialog = await openDialog();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Report incident' }),
    );

    expect(await within(dialog).findByText('Required')).toBeInTheDocument();
    expect(api.createIncident).not.toHaveBeenCalled();
  });

  it('shows a server error inline and keeps the dialog open', async () => {
    const error = await responseError({
      status: 400,
      statusText: 'Bad Request',
      name: 'InputError',
      message: 'request/body/category must NOT have more than 100 characters',
    });
    const api = mockItsmApi({
      createIncident: jest.fn(async () => {
        throw error;
      }),
    });
    await renderForEntity(<ReportIncidentButton entityRef={entityRef} />, {
      api,
    });
    const dialog = await openDialog();

    await userEvent.type(within(dialog).getByLabelText(/Title/), 'Slow');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Report incident' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'request/body/category must NOT have more than 100 characters',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('names the change that caused it, picked among recent changes on the services', async () => {
    const created = makeIncident({ id: 'INC-44', causedByChangeId: 'CHG-5' });
    const api = mockItsmApi({
      listChanges: jest.fn(async () => ({
        items: [
          makeChange({
            id: 'CHG-5',
            title: 'Upgrade Postgres',
            status: 'closed',
            entityRefs: ['component:default/refunds-worker'],
          }),
        ],
        nextCursor: null,
      })),
      createIncident: jest.fn(async () => created),
    });
    await renderForEntity(<ReportIncidentButton entityRef={entityRef} />, {
      api,
    });
    const dialog = await openDialog();

    await userEvent.type(
      within(dialog).getByLabelText(/Title/),
      'Refunds fail',
    );
    await userEvent.type(
      within(dialog).getByLabelText('Also affected'),
      'component:default/refunds-worker{enter}',
    );
    await userEvent.click(within(dialog).getByLabelText('Caused by change'));
    await userEvent.click(
      await screen.findByRole('option', { name: /CHG-5 — Upgrade Postgres/ }),
    );
    expect(api.listChanges).toHaveBeenLastCalledWith({
      q: undefined,
      entityRef: [entityRef, 'component:default/refunds-worker'],
      status: ['implementing', 'review', 'closed'],
      limit: 10,
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Report incident' }),
    );

    await waitFor(() =>
      expect(api.createIncident).toHaveBeenCalledWith({
        title: 'Refunds fail',
        description: '',
        entityRef,
        impact: 3,
        urgency: 3,
        affectedEntityRefs: ['component:default/refunds-worker'],
        causedByChangeId: 'CHG-5',
      }),
    );
  });
});

describe('ReportIncidentButton: category pickers', () => {
  const categories = {
    items: [
      { id: 'availability', subcategories: ['outage', 'degradation'] },
      { id: 'performance', subcategories: ['resource-exhaustion'] },
      { id: 'uncategorised', subcategories: [] },
    ],
  };

  it('offers the subcategories of the chosen category only, and clears one that no longer fits', async () => {
    const created = makeIncident({ id: 'INC-45' });
    const api = mockItsmApi({
      getIncidentCategories: jest.fn(async () => categories),
      createIncident: jest.fn(async () => created),
    });
    await renderForEntity(<ReportIncidentButton entityRef={entityRef} />, {
      api,
    });
    const dialog = await openDialog();
    const category = within(dialog).getByLabelText('Category');
    const subcategory = within(dialog).getByLabelText('Subcategory');

    await within(dialog).findByRole('option', { name: 'Availability' });
    expect(
      within(category)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['None', 'Availability', 'Performance', 'Uncategorised']);
    expect(subcategory).toBeDisabled();

    await userEvent.selectOptions(category, 'availability');
    expect(subcategory).toBeEnabled();
    expect(
      within(subcategory)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['None', 'Outage', 'Degradation']);
    await userEvent.selectOptions(subcategory, 'outage');
    expect(subcategory).toHaveValue('outage');

    // Another category: the subcategory it does not have is cleared.
    await userEvent.selectOptions(category, 'performance');
    expect(subcategory).toHaveValue('');
    expect(
      within(subcategory)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['None', 'Resource exhaustion']);
    await userEvent.selectOptions(subcategory, 'resource-exhaustion');

    await userEvent.type(within(dialog).getByLabelText(/Title/), 'Slow');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Report incident' }),
    );
    await waitFor(() =>
      expect(api.createIncident).toHaveBeenCalledWith(
        expect.objectContaining({
          category: 'performance',
          subcategory: 'resource-exhaustion',
        }),
      ),
    );
  });

  it('shows the message naming the field when the server refuses the category', async () => {
    const error = await responseError({
      status: 400,
      statusText: 'Bad Request',
      name: 'InputError',
      message: "subcategory: 'outage' is not a subcategory of 'performance'",
    });
    const api = mockItsmApi({
      getIncidentCategories: jest.fn(async () => categories),
      createIncident: jest.fn(async () => {
        throw error;
      }),
    });
    await renderForEntity(<ReportIncidentButton entityRef={entityRef} />, {
      api,
    });
    const dialog = await openDialog();
    await within(dialog).findByRole('option', { name: 'Availability' });
    await userEvent.type(within(dialog).getByLabelText(/Title/), 'Slow');
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Category'),
      'availability',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Report incident' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /^.*subcategory: 'outage' is not a subcategory of 'performance'/,
    );
  });
});
