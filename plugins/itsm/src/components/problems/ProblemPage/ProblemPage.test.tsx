import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Problem } from '@backstage-itsm/plugin-itsm-common';
import {
  mockItsmApi,
  renderInItsmApp,
  staleVersion,
} from '../../../__testUtils__/fixtures';
import {
  makeEffectiveness,
  makeProblem,
  makeProblemIncident,
} from '../../../__testUtils__/problemFixtures';
import { ProblemPage } from './ProblemPage';

function api(problem: Problem) {
  return mockItsmApi({
    getProblem: jest.fn(async () => problem),
    getProblemHistory: jest.fn(async () => ({ items: [], nextCursor: null })),
    listProblemIncidents: jest.fn(async () => ({
      items: [makeProblemIncident()],
    })),
    updateProblem: jest.fn(async ({ patch }) => ({
      ...problem,
      ...patch,
      version: problem.version + 1,
    })) as never,
  });
}

const investigating = makeProblem({
  id: 'PRB-1',
  version: 5,
  status: 'investigating',
  owner: 'user:default/olivia',
  incidentCount: 1,
});

describe('ProblemPage', () => {
  it('shows the problem, its statement and the incidents it caused', async () => {
    await renderInItsmApp(<ProblemPage id="PRB-1" />, {
      api: api(investigating),
    });

    expect(
      await screen.findByRole('heading', {
        name: 'Payments API connection pool exhausted',
      }),
    ).toBeInTheDocument();
    const toolbar = screen.getByRole('toolbar', { name: 'Problem actions' });
    expect(
      within(toolbar).getByRole('button', { name: 'Record as known error' }),
    ).toBeInTheDocument();
    expect(
      within(toolbar).getByRole('button', { name: 'Cancel problem' }),
    ).toBeInTheDocument();
    const incidents = await screen.findByRole('list', {
      name: 'Linked incidents',
    });
    expect(
      within(incidents).getByRole('link', { name: 'INC-7' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-7');
    expect(
      within(incidents).getByText(/Linked by olivia: Same pool errors/),
    ).toBeInTheDocument();
  });

  it('saves the five whys and contributing factors as a PATCH at the version the form was opened at', async () => {
    const itsmApi = api(investigating);
    await renderInItsmApp(<ProblemPage id="PRB-1" />, { api: itsmApi });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit analysis' }),
    );
    const form = screen.getByRole('form', { name: 'Root-cause analysis' });
    await userEvent.selectOptions(
      within(form).getByLabelText('Method'),
      'five_whys',
    );
    await userEvent.type(
      within(form).getByLabelText('Why 1'),
      'Checkout times out',
    );
    await userEvent.type(
      within(form).getByLabelText('Why 2'),
      'The pool is empty',
    );
    await userEvent.click(within(form).getByLabelText('Technology'));
    await userEvent.type(
      within(form).getByLabelText('Workaround'),
      'Restart the pods',
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Save analysis' }),
    );

    await waitFor(() =>
      expect(itsmApi.updateProblem).toHaveBeenCalledWith({
        id: 'PRB-1',
        version: 5,
        patch: {
          rcaMethod: 'five_whys',
          rcaNotes: [
            { label: 'Why 1', text: 'Checkout times out' },
            { label: 'Why 2', text: 'The pool is empty' },
          ],
          contributingFactors: ['technology'],
          workaround: 'Restart the pods',
        },
      }),
    );
    // The page shows what the server answered, in the method's own shape.
    const whys = await screen.findByRole('list', { name: 'Five whys' });
    expect(within(whys).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('version 6', { exact: false })).toBeInTheDocument();
  });

  it('offers Reload when the analysis was saved against a stale version', async () => {
    const itsmApi = api(investigating);
    itsmApi.updateProblem.mockRejectedValue(await staleVersion());
    await renderInItsmApp(<ProblemPage id="PRB-1" />, { api: itsmApi });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit analysis' }),
    );
    const form = screen.getByRole('form', { name: 'Root-cause analysis' });
    await userEvent.type(within(form).getByLabelText('Root cause'), 'Pool');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Save analysis' }),
    );
    expect(
      await within(form).findByRole('button', { name: /reload/i }),
    ).toBeInTheDocument();
  });

  it('shows the effectiveness of a resolved problem', async () => {
    const itsmApi = api(
      makeProblem({
        status: 'resolved',
        closureCode: 'fixed',
        rootCause: 'Pool too small',
        resolvedAt: '2026-10-31T00:00:00.000Z',
      }),
    );
    itsmApi.getProblemEffectiveness.mockResolvedValue(
      makeEffectiveness({ partial: true }),
    );
    await renderInItsmApp(<ProblemPage id="PRB-1" />, { api: itsmApi });

    expect(
      await screen.findByRole('group', { name: 'Before: 8 incidents' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'After: 2 incidents' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Fewer incidents after the fix (−75%)'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Partial: the window after/)).toBeInTheDocument();
    expect(screen.getAllByText('30 days before')).toHaveLength(1);
    expect(itsmApi.getProblemEffectiveness).toHaveBeenCalledWith({
      id: 'PRB-1',
    });
  });

  it('does not ask for the effectiveness of an open problem', async () => {
    const itsmApi = api(investigating);
    await renderInItsmApp(<ProblemPage id="PRB-1" />, { api: itsmApi });
    await screen.findByRole('heading', {
      name: 'Payments API connection pool exhausted',
    });
    expect(itsmApi.getProblemEffectiveness).not.toHaveBeenCalled();
  });

  it('lists known errors and fix changes from the links, whichever way they were made', async () => {
    const itsmApi = api(investigating);
    itsmApi.listLinks.mockResolvedValue({
      items: [
        {
          id: 'L1',
          from: 'KE-3',
          to: 'PRB-1',
          relation: 'relates_to',
          direction: 'incoming',
          createdAt: '2026-11-03T09:00:00.000Z',
          createdBy: 'user:default/olivia',
        },
        {
          id: 'L2',
          from: 'CHG-8',
          to: 'PRB-1',
          relation: 'fixes',
          direction: 'incoming',
          createdAt: '2026-11-04T09:00:00.000Z',
          createdBy: 'user:default/olivia',
        },
      ],
      nextCursor: null,
    });
    itsmApi.getKnownError.mockResolvedValue({
      ...(
        await import('../../../__testUtils__/problemFixtures')
      ).makeKnownError({ id: 'KE-3', title: 'Pool too small' }),
    });
    itsmApi.getChange.mockResolvedValue(
      (await import('../../../__testUtils__/fixtures')).makeChange({
        id: 'CHG-8',
        title: 'Raise the pool size',
      }),
    );
    await renderInItsmApp(<ProblemPage id="PRB-1" />, { api: itsmApi });

    const knownErrors = await screen.findByRole('list', {
      name: 'Known errors of the problem',
    });
    expect(
      await within(knownErrors).findByText('Pool too small'),
    ).toBeInTheDocument();
    const fixes = screen.getByRole('list', { name: 'Fix changes' });
    expect(
      await within(fixes).findByText('Raise the pool size'),
    ).toBeInTheDocument();
  });
});
