import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import type { ImprovementDraft } from '@backstage-itsm/plugin-itsm-common';
import {
  PAYMENTS,
  improvementApi,
  renderImprovements,
} from '../__testUtils__/improvementFixtures';
import { ImprovementsPage } from '../ImprovementsPage';

/** Types `text` at once (a paste): per-key typing re-renders the whole form each time. */
async function fill(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

const draft: ImprovementDraft = {
  kind: 'improvement',
  type: 'process',
  title: 'Stop the P1 resolution breaches on payments-api',
  description: 'BRE-3: the P1 resolution target was missed by 2h.',
  source: 'sla_breach',
  sourceId: 'BRE-3',
  entityRefs: [PAYMENTS],
  owner: null,
  nonconformity: null,
  kpi: {
    kpi: 'breach_count',
    category: null,
    priority: 1,
    signature: null,
    windowDays: 28,
    settleDays: 7,
    direction: 'decrease',
    target: { kind: 'relative', percent: 50 },
  },
  benefit: 4,
  effort: 3,
  urgency: 5,
};

function renderAt(path: string, api: ReturnType<typeof improvementApi>) {
  return renderImprovements(
    <Routes>
      <Route path="/itsm/improvements/*" element={<ImprovementsPage />} />
    </Routes>,
    { api, path },
  );
}

const score = () => screen.getByRole('group', { name: 'Priority score' });

describe('NewImprovementPage', () => {
  it('pre-fills the form from the source draft, scores it live and raises the item', async () => {
    const api = improvementApi(undefined, {
      getImprovementDraft: jest.fn(async () => draft),
    });
    await renderAt(
      '/itsm/improvements/new?source=sla_breach&sourceId=BRE-3',
      api,
    );

    const form = await screen.findByTestId('improvement-form');
    expect(api.getImprovementDraft).toHaveBeenCalledWith({
      source: 'sla_breach',
      sourceId: 'BRE-3',
    });
    expect(screen.getByText(/^From SLA breach/)).toHaveTextContent(
      'From SLA breach BRE-3',
    );
    expect(within(form).getByLabelText(/Title/)).toHaveValue(
      'Stop the P1 resolution breaches on payments-api',
    );
    expect(within(form).getByLabelText('Source record')).toHaveValue('BRE-3');
    expect(within(form).getByText(PAYMENTS)).toBeInTheDocument();
    expect(within(form).getByLabelText('KPI')).toHaveValue('breach_count');
    expect(within(form).getByLabelText('Priority')).toHaveValue('1');
    // (4 + 5) / 3 = 3
    expect(score()).toHaveTextContent(
      '3Cost of delay 9 (benefit 4 + urgency 5) / effort 3',
    );
    await userEvent.selectOptions(within(form).getByLabelText('Effort'), '1');
    expect(score()).toHaveTextContent(
      '9Cost of delay 9 (benefit 4 + urgency 5) / effort 1',
    );

    await userEvent.click(screen.getByTestId('improvement-submit'));
    await waitFor(() =>
      expect(api.createImprovement).toHaveBeenCalledWith({
        kind: 'improvement',
        type: 'process',
        title: 'Stop the P1 resolution breaches on payments-api',
        description: 'BRE-3: the P1 resolution target was missed by 2h.',
        source: 'sla_breach',
        sourceId: 'BRE-3',
        entityRefs: [PAYMENTS],
        benefit: 4,
        effort: 1,
        urgency: 5,
        targetDate: null,
        kpi: {
          kpi: 'breach_count',
          priority: 1,
          windowDays: 28,
          settleDays: 7,
          direction: 'decrease',
          target: { kind: 'relative', percent: 50 },
        },
      }),
    );
    // The new item's page opens.
    expect(
      await screen.findByRole('heading', {
        name: 'Page the on-call DBA on slow queries',
      }),
    ).toBeInTheDocument();
    expect(api.getImprovement).toHaveBeenCalledWith({ id: 'IMP-9' });
  });

  it('asks for the corrective-action record of a corrective action, and validates before sending', async () => {
    const api = improvementApi();
    await renderAt(
      `/itsm/improvements/new?entityRef=${encodeURIComponent(PAYMENTS)}`,
      api,
    );
    const form = await screen.findByTestId('improvement-form');
    expect(within(form).queryByLabelText(/Nonconformity/)).toBeNull();

    await userEvent.click(screen.getByTestId('improvement-submit'));
    expect(await within(form).findAllByText('Required')).not.toHaveLength(0);
    expect(api.createImprovement).not.toHaveBeenCalled();

    await userEvent.selectOptions(
      within(form).getByLabelText('Kind'),
      'corrective_action',
    );
    await fill(
      within(form).getByLabelText(/Title/),
      'Escalate P1 incidents within 15 minutes',
    );
    await fill(
      within(form).getByLabelText(/Description/),
      'Audit finding 2027-02',
    );
    await userEvent.selectOptions(
      within(form).getByLabelText('Source'),
      'audit_finding',
    );
    // An audit finding names no record.
    expect(within(form).queryByLabelText('Source record')).toBeNull();
    await fill(
      within(form).getByLabelText(/Nonconformity/),
      'Three P1 incidents waited over an hour',
    );
    await fill(
      within(form).getByLabelText(/Root cause/),
      'The escalation rule was off',
    );
    // A KPI of its own choosing, with the filter that KPI takes.
    await userEvent.click(
      within(form).getByLabelText('Measure the effect with a KPI'),
    );
    await userEvent.selectOptions(within(form).getByLabelText('KPI'), 'mttr');
    await fill(within(form).getByLabelText('Incident category'), 'database');
    await userEvent.clear(within(form).getByLabelText('Window (days)'));
    await userEvent.click(screen.getByTestId('improvement-submit'));
    expect(await within(form).findByText('Enter a number')).toBeInTheDocument();
    await fill(within(form).getByLabelText('Window (days)'), '56');
    await userEvent.click(screen.getByTestId('improvement-submit'));

    await waitFor(() =>
      expect(api.createImprovement).toHaveBeenCalledWith(
        expect.objectContaining({
          kind: 'corrective_action',
          source: 'audit_finding',
          sourceId: null,
          entityRefs: [PAYMENTS],
          nonconformity: 'Three P1 incidents waited over an hour',
          correction: null,
          rootCause: 'The escalation rule was off',
          kpi: {
            kpi: 'mttr',
            category: 'database',
            windowDays: 56,
            settleDays: 7,
            direction: 'decrease',
            target: { kind: 'relative', percent: 30 },
          },
        }),
      ),
    );
  });

  it('still offers the form when the draft cannot be read', async () => {
    const api = improvementApi(undefined, {
      getImprovementDraft: jest.fn(async () => {
        throw new Error('No breach BRE-404');
      }),
    });
    await renderAt(
      '/itsm/improvements/new?source=sla_breach&sourceId=BRE-404',
      api,
    );
    expect(
      await screen.findByText(
        'Could not pre-fill from BRE-404: No breach BRE-404',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Source record')).toHaveValue('BRE-404');
  });
});
