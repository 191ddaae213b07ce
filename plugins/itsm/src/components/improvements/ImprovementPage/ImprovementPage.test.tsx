import { screen, waitFor, within } from '@testing-library/react';
import type { HistoryEvent } from '@backstage-itsm/plugin-itsm-common';
import userEvent from '@testing-library/user-event';
import { responseError } from '../../../__testUtils__/fixtures';
import {
  PRIYA,
  evaluatedImprovement,
  improvementApi,
  makeImprovement,
  renderImprovements,
} from '../__testUtils__/improvementFixtures';
import { formatDay } from '../record/improvementKind';
import { ImprovementPage } from './ImprovementPage';

/** Types `text` at once (a paste): per-key typing re-renders the whole form each time. */
async function fill(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

const DAY = 86_400_000;

describe('ImprovementPage', () => {
  it('shows the KPI, the frozen baseline, the measurement, the goal, the verdict and the chart', async () => {
    const api = improvementApi(evaluatedImprovement());
    await renderImprovements(<ImprovementPage id="IMP-1" />, { api });

    expect(
      await screen.findByRole('heading', {
        name: 'Page the on-call DBA on slow queries',
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('improvement-kpi')).toHaveTextContent(
      'Breach count on payments-api, 28-day windows, decrease by 50%',
    );
    expect(screen.getByTestId('improvement-baseline')).toHaveTextContent(
      '12 breaches18 Dec 2026 – 15 Jan 2027, n = 12',
    );
    expect(screen.getByTestId('improvement-measured')).toHaveTextContent(
      '4 breaches8 Feb – 8 Mar 2027, n = 4',
    );
    expect(screen.getByRole('group', { name: 'Goal' })).toHaveTextContent(
      'Goalat most 6 breaches50% below the baseline',
    );
    expect(screen.getByTestId('improvement-verdict')).toHaveTextContent(
      'Achieved',
    );
    expect(screen.getByTestId('improvement-chart')).toHaveAccessibleName(
      'Before 12 breaches (n 12); after 4 breaches (n 4); goal 6 breaches.',
    );
    // The priority with its inputs, and the source linked.
    expect(
      screen.getByRole('group', { name: 'Priority score' }),
    ).toHaveTextContent('4Cost of delay 8 (benefit 4 + urgency 4) / effort 2');
    expect(screen.getByRole('group', { name: 'Source' })).toHaveTextContent(
      'SLA breach BRE-3',
    );
    // Evaluated with a KPI: only closing is offered.
    expect(
      screen.getByTestId('improvement-transition-closed'),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('improvement-measure-now'),
    ).not.toBeInTheDocument();
  });

  it('shows the goal the frozen baseline sets before the measurement, and the history in words', async () => {
    const approved = evaluatedImprovement({
      status: 'approved',
      version: 2,
      measured: null,
      goal: null,
      verdict: null,
      startedAt: null,
      implementedAt: null,
      evaluatedAt: null,
    });
    const approval: HistoryEvent = {
      version: 2,
      at: '2027-01-15T10:00:00.000Z',
      actor: PRIYA,
      action: 'transition',
      changes: {
        status: ['proposed', 'approved'],
        baseline: [null, approved.baseline],
      },
    };
    const api = improvementApi(approved, {
      getImprovementHistory: jest.fn(async () => ({
        items: [approval],
        nextCursor: null,
      })),
    });
    await renderImprovements(<ImprovementPage id="IMP-1" />, { api });

    expect(
      await screen.findByRole('group', { name: 'Goal' }),
    ).toHaveTextContent('Goalat most 6 breaches50% below the baseline');
    expect(screen.getByTestId('improvement-chart')).toHaveAccessibleName(
      'Before 12 breaches (n 12); after not measured yet; goal 6 breaches.',
    );
    expect(screen.getByTestId('improvement-chart-goal')).toHaveTextContent(
      '6 breaches',
    );
    expect(
      await screen.findByText(
        'baseline: — → 12 breaches, 18 Dec 2026 – 15 Jan 2027, n = 12',
      ),
    ).toBeInTheDocument();
  });

  it('says a rejected item was never measured, and when it was rejected', async () => {
    const api = improvementApi(
      makeImprovement({
        status: 'rejected',
        version: 2,
        rejectedAt: new Date(Date.now() - 2 * DAY).toISOString(),
        rejectionReason: 'A bigger change replaces it',
      }),
    );
    await renderImprovements(<ImprovementPage id="IMP-1" />, { api });
    expect(await screen.findByTestId('improvement-baseline')).toHaveTextContent(
      'Not frozen: rejected before approval',
    );
    expect(screen.getByTestId('improvement-measured')).toHaveTextContent(
      'Not measured: rejected',
    );
    expect(screen.getByRole('group', { name: 'Rejected' })).toHaveTextContent(
      '2d ago',
    );
    // Nothing to chart.
    expect(screen.queryByTestId('improvement-chart')).not.toBeInTheDocument();
  });

  it('says an inconclusive verdict had too few events', async () => {
    const api = improvementApi(
      evaluatedImprovement({
        verdict: 'inconclusive',
        goal: 1.5,
        baseline: { ...evaluatedImprovement().baseline!, value: 3, n: 3 },
        measured: { ...evaluatedImprovement().measured!, value: 0, n: 0 },
      }),
    );
    await renderImprovements(<ImprovementPage id="IMP-1" />, { api });
    expect(await screen.findByTestId('improvement-verdict')).toHaveTextContent(
      'Inconclusive: too few events',
    );
  });

  it('offers approve and reject on a proposed item, and shows the separation-of-duties refusal', async () => {
    const refusal = await responseError({
      status: 403,
      statusText: 'Forbidden',
      name: 'NotAllowedError',
      message:
        'The owner of an improvement cannot approve it: someone else must',
    });
    const api = improvementApi(makeImprovement(), {
      transitionImprovement: jest.fn(async () => {
        throw refusal;
      }),
    });
    await renderImprovements(<ImprovementPage id="IMP-1" />, { api });

    // Before approval the baseline is not frozen yet; it will be the window before approval.
    expect(await screen.findByTestId('improvement-baseline')).toHaveTextContent(
      'On approval: the 28 days before',
    );
    expect(
      screen.getByTestId('improvement-transition-rejected'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByTestId('improvement-transition-approved'),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Approve: IMP-1',
    });
    expect(dialog).toHaveTextContent('Its KPI baseline is frozen now.');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    expect(
      await within(dialog).findByText(
        'The owner of an improvement cannot approve it: someone else must',
      ),
    ).toBeInTheDocument();
    expect(api.transitionImprovement).toHaveBeenCalledWith({
      id: 'IMP-1',
      version: 1,
      transition: { to: 'approved' },
    });
  });

  it('asks why before rejecting, and takes the rejected item', async () => {
    const api = improvementApi();
    await renderImprovements(<ImprovementPage id="IMP-1" />, { api });
    await userEvent.click(
      await screen.findByTestId('improvement-transition-rejected'),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Reject: IMP-1' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );
    expect(
      await within(dialog).findByText(
        'reason is required to reject an improvement',
      ),
    ).toBeInTheDocument();
    expect(api.transitionImprovement).not.toHaveBeenCalled();

    await fill(
      within(dialog).getByLabelText(/Reason/),
      'A bigger change replaces it',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );
    await waitFor(() =>
      expect(api.transitionImprovement).toHaveBeenCalledWith({
        id: 'IMP-1',
        version: 1,
        transition: { to: 'rejected', reason: 'A bigger change replaces it' },
      }),
    );
    expect(
      await within(screen.getByTestId('improvement-status')).findByText(
        'Rejected',
      ),
    ).toBeInTheDocument();
  });

  it('offers "Measure now" once the measurement window is over, and shows a refusal', async () => {
    const implemented = makeImprovement({
      status: 'implemented',
      version: 4,
      approvedBy: PRIYA,
      approvedAt: new Date(Date.now() - 80 * DAY).toISOString(),
      implementedAt: new Date(Date.now() - 40 * DAY).toISOString(),
      baseline: evaluatedImprovement().baseline,
    });
    const conflict = await responseError({
      status: 409,
      statusText: 'Conflict',
      name: 'ConflictError',
      message: 'The measurement window of IMP-1 is not over yet',
    });
    const api = improvementApi(implemented, {
      evaluateImprovement: jest.fn(async () => {
        throw conflict;
      }),
    });
    await renderImprovements(<ImprovementPage id="IMP-1" />, { api });

    await userEvent.click(await screen.findByTestId('improvement-measure-now'));
    expect(api.evaluateImprovement).toHaveBeenCalledWith({
      id: 'IMP-1',
      version: 4,
    });
    expect(
      await screen.findByText(
        /The measurement window of IMP-1 is not over yet/,
      ),
    ).toBeInTheDocument();
    // With a KPI the system evaluates it: the manual move is blocked.
    expect(
      screen.getByTestId('improvement-transition-evaluated'),
    ).toBeDisabled();
  });

  it('says when the system will measure an item whose window is still running', async () => {
    const implementedAt = new Date(Date.now() - 2 * DAY);
    const api = improvementApi(
      makeImprovement({
        status: 'implemented',
        approvedAt: new Date(Date.now() - 30 * DAY).toISOString(),
        implementedAt: implementedAt.toISOString(),
      }),
    );
    await renderImprovements(<ImprovementPage id="IMP-1" />, { api });
    const end = formatDay(new Date(implementedAt.getTime() + 35 * DAY));
    expect(
      await screen.findByText(new RegExp(`once it is over, on ${end}`)),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('improvement-measure-now'),
    ).not.toBeInTheDocument();
  });

  it('shows the corrective-action record and blocks implementing it without a root cause', async () => {
    const api = improvementApi(
      makeImprovement({
        kind: 'corrective_action',
        status: 'in_progress',
        nonconformity: 'P1 incidents were not escalated within 15 minutes',
        correction: 'Escalated the open ones by hand',
      }),
    );
    await renderImprovements(<ImprovementPage id="IMP-1" />, { api });
    expect(
      await screen.findByText(
        'P1 incidents were not escalated within 15 minutes',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Not recorded: required to implement'),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('improvement-transition-implemented'),
    ).toBeDisabled();
  });

  it('edits an approved item without its KPI, sending only what changed', async () => {
    const approved = evaluatedImprovement({
      status: 'approved',
      version: 2,
      measured: null,
      goal: null,
      verdict: null,
      implementedAt: null,
      evaluatedAt: null,
    });
    const api = improvementApi(approved);
    await renderImprovements(<ImprovementPage id="IMP-1" />, { api });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit IMP-1' });
    expect(
      within(dialog).getByText(
        'The KPI is fixed once approved: its baseline was frozen for it.',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).queryByLabelText('KPI')).toBeNull();
    await userEvent.selectOptions(
      within(dialog).getByLabelText('Urgency'),
      '5',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.updateImprovement).toHaveBeenCalledWith({
        id: 'IMP-1',
        version: 2,
        patch: { urgency: 5 },
      }),
    );
  });
});
