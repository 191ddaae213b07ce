import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useParams } from 'react-router-dom';
import {
  RISK_QUESTIONNAIRE,
  type ChangeTemplate,
} from '@backstage-itsm/plugin-itsm-common';
import {
  makeAssessment,
  makeChange,
  mockItsmApi,
  renderForEntity,
} from '../../../__testUtils__/fixtures';
import type { ItsmApi } from '../../../api';
import { RequestChangeButton } from './RequestChangeButton';

const entityRef = 'component:default/payments-api';

function ChangeShown() {
  return <p>Change page {useParams().id}</p>;
}

function render(api: ItsmApi) {
  return renderForEntity(
    <Routes>
      <Route path="/" element={<RequestChangeButton entityRef={entityRef} />} />
      <Route path="/itsm/changes/:id" element={<ChangeShown />} />
    </Routes>,
    { api },
  );
}

async function openForm() {
  await userEvent.click(
    await screen.findByRole('button', { name: 'Request a change' }),
  );
  return screen.findByRole('dialog', { name: 'Request a change' });
}

/** Picks, for the first `count` questions, the answer with the given index. */
async function answerAll(
  dialog: HTMLElement,
  index: number,
  count = RISK_QUESTIONNAIRE.length,
) {
  for (const question of RISK_QUESTIONNAIRE.slice(0, count)) {
    const group = within(dialog).getByRole('radiogroup', {
      name: question.text,
    });
    await userEvent.click(
      within(group).getByRole('radio', { name: question.answers[index].text }),
    );
  }
}

/** `datetime-local` inputs take their value in one go. */
function setWindow(dialog: HTMLElement, start: string, end: string) {
  fireEvent.change(within(dialog).getByLabelText(/Planned start/), {
    target: { value: start },
  });
  fireEvent.change(within(dialog).getByLabelText(/Planned end/), {
    target: { value: end },
  });
}

/** Fills a text field in one change (typing key by key re-renders the form each time). */
function fill(dialog: HTMLElement, label: RegExp, value: string) {
  fireEvent.change(within(dialog).getByLabelText(label), {
    target: { value },
  });
}

function fillPlans(dialog: HTMLElement) {
  fill(dialog, /Title/, 'Upgrade Postgres to 16');
  fill(dialog, /Implementation plan/, 'Run pg_upgrade');
  fill(dialog, /Backout plan/, 'Restore the snapshot');
  fill(dialog, /Test plan/, 'Smoke');
}

describe('Request a change', () => {
  it('previews risk, reasons, approvals, conflicts and a freeze before submission', async () => {
    const api = mockItsmApi({
      assessChange: jest.fn(async () =>
        makeAssessment({
          risk: 'high',
          score: 14,
          riskReasons: ['Risk questionnaire score 14 of 24 is high'],
          requiredApprovals: [
            {
              kind: 'quorum',
              group: 'group:default/cab',
              quorum: 2,
              of: 4,
            },
            { kind: 'ownerGroup', group: 'group:default/payments-team' },
          ],
          conflicts: [
            {
              kind: 'overlap',
              with: 'CHG-9',
              entityRef,
              message: `Change CHG-9 (scheduled) also changes ${entityRef} in an overlapping window`,
            },
          ],
          blockedByFreeze: true,
        }),
      ),
    });
    await render(api);
    const dialog = await openForm();
    const preview = within(dialog).getByTestId('itsm-change-preview');

    // The server scores complete questionnaires only: nothing is asked before.
    setWindow(dialog, '2026-05-04T10:00', '2026-05-04T12:00');
    await answerAll(dialog, 2, RISK_QUESTIONNAIRE.length - 1);
    expect(
      within(preview).getByText(/answer every risk question/),
    ).toBeInTheDocument();
    await new Promise(resolve => setTimeout(resolve, 600));
    expect(api.assessChange).not.toHaveBeenCalled();
    await answerAll(dialog, 2);

    await waitFor(() =>
      expect(api.assessChange).toHaveBeenLastCalledWith({
        type: 'normal',
        entityRefs: [entityRef],
        plannedStart: new Date('2026-05-04T10:00').toISOString(),
        plannedEnd: new Date('2026-05-04T12:00').toISOString(),
        riskAnswers: Object.fromEntries(
          RISK_QUESTIONNAIRE.map(q => [q.id, q.answers[2].id]),
        ),
      }),
    );
    expect(await within(preview).findByText('High risk')).toBeInTheDocument();
    expect(
      within(preview).getByText('Risk questionnaire score 14 of 24 is high'),
    ).toBeInTheDocument();
    expect(
      within(preview).getByText('Quorum of cab: 2 of 4'),
    ).toBeInTheDocument();
    expect(
      within(preview).getByText('1 approval from owner group payments-team'),
    ).toBeInTheDocument();
    expect(within(preview).getByRole('link', { name: 'CHG-9' })).toBeVisible();
    expect(within(preview).getByRole('alert')).toHaveTextContent(
      'A freeze window blocks scheduling this change',
    );
    expect(api.createChange).not.toHaveBeenCalled();
  });

  it('submits a normal change in one go: creates the draft, then assessment and authorization', async () => {
    const draft = makeChange({ id: 'CHG-5', version: 1, status: 'draft' });
    const api = mockItsmApi({
      assessChange: jest.fn(async () => makeAssessment()),
      createChange: jest.fn(async () => draft),
      transitionChange: jest.fn(async ({ version, transition }) => ({
        ...draft,
        version: version + 1,
        status: transition.to,
      })),
    });
    await render(api);
    const dialog = await openForm();

    // Without plans, window and answers the submission is refused in the form.
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Submit for approval' }),
    );
    expect(
      await within(dialog).findAllByText('Answer this question to submit'),
    ).toHaveLength(RISK_QUESTIONNAIRE.length);
    expect(api.createChange).not.toHaveBeenCalled();

    fillPlans(dialog);
    setWindow(dialog, '2026-05-04T10:00', '2026-05-04T12:00');
    await answerAll(dialog, 0);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Submit for approval' }),
    );

    expect(await screen.findByText('Change page CHG-5')).toBeInTheDocument();
    expect(api.createChange).toHaveBeenCalledWith({
      type: 'normal',
      title: 'Upgrade Postgres to 16',
      justification: '',
      entityRefs: [entityRef],
      plannedStart: new Date('2026-05-04T10:00').toISOString(),
      plannedEnd: new Date('2026-05-04T12:00').toISOString(),
      implementationPlan: 'Run pg_upgrade',
      backoutPlan: 'Restore the snapshot',
      testPlan: 'Smoke',
      riskAnswers: Object.fromEntries(
        RISK_QUESTIONNAIRE.map(q => [q.id, q.answers[0].id]),
      ),
    });
    expect(api.transitionChange.mock.calls.map(([call]) => call)).toEqual([
      { id: 'CHG-5', version: 1, transition: { to: 'assessment' } },
      { id: 'CHG-5', version: 2, transition: { to: 'authorization' } },
    ]);
  });

  it('saves a draft without moving it', async () => {
    const api = mockItsmApi({
      assessChange: jest.fn(async () => makeAssessment()),
      createChange: jest.fn(async () => makeChange({ id: 'CHG-6' })),
    });
    await render(api);
    const dialog = await openForm();
    fill(dialog, /Title/, 'Later');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save draft' }),
    );
    expect(await screen.findByText('Change page CHG-6')).toBeInTheDocument();
    expect(api.createChange).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'normal', title: 'Later' }),
    );
    expect(api.transitionChange).not.toHaveBeenCalled();
  });

  it('says where a submitted change got to when a move fails', async () => {
    const draft = makeChange({ id: 'CHG-7', status: 'draft' });
    const api = mockItsmApi({
      assessChange: jest.fn(async () => makeAssessment()),
      createChange: jest.fn(async () => draft),
      transitionChange: jest.fn(async () => {
        throw new Error('A freeze window blocks scheduling');
      }),
    });
    await render(api);
    const dialog = await openForm();
    fillPlans(dialog);
    setWindow(dialog, '2026-05-04T10:00', '2026-05-04T12:00');
    await answerAll(dialog, 0);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Submit for approval' }),
    );
    const alert = await within(dialog).findByText(/could not move on/);
    expect(alert).toHaveTextContent('A freeze window blocks scheduling');
    expect(within(dialog).getByRole('link', { name: 'CHG-7' })).toBeVisible();
  });

  it('builds a standard change from a template usable on the entity and schedules it', async () => {
    const template: ChangeTemplate = {
      id: 'STD-2',
      version: 3,
      title: 'Rotate TLS certificates',
      description: '',
      owner: 'group:default/platform-team',
      entityRefs: [],
      implementationPlan: 'cert-manager renew',
      backoutPlan: 'Reapply the old secret',
      testPlan: 'curl -v',
      durationMinutes: 30,
      active: true,
      createdBy: 'user:default/priya.sharma',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const draft = makeChange({ id: 'CHG-8', type: 'standard', version: 1 });
    const api = mockItsmApi({
      assessChange: jest.fn(async () =>
        makeAssessment({ requiredApprovals: [] }),
      ),
      listChangeTemplates: jest.fn(async () => ({
        items: [template],
        nextCursor: null,
      })),
      createChange: jest.fn(async () => draft),
      transitionChange: jest.fn(async () => ({
        ...draft,
        version: 2,
        status: 'scheduled' as const,
      })),
    });
    await render(api);
    const dialog = await openForm();

    await userEvent.selectOptions(
      within(dialog).getByLabelText('Type'),
      'standard',
    );
    await waitFor(() =>
      expect(api.listChangeTemplates).toHaveBeenCalledWith({
        entityRef,
        active: true,
        limit: 200,
      }),
    );
    fireEvent.change(within(dialog).getByLabelText(/Planned start/), {
      target: { value: '2026-05-04T10:00' },
    });
    await userEvent.selectOptions(
      await within(dialog).findByLabelText(/Standard change template/),
      'STD-2',
    );
    expect(within(dialog).getByLabelText(/Title/)).toHaveValue(
      'Rotate TLS certificates',
    );
    expect(within(dialog).getByLabelText(/Backout plan/)).toHaveValue(
      'Reapply the old secret',
    );
    // The template's plans are the change's: shown, not editable.
    expect(within(dialog).getByLabelText(/Backout plan/)).toHaveAttribute(
      'readonly',
    );
    expect(
      within(dialog).getByText(
        'From template STD-2: a standard change follows it',
        { selector: '#itsm-change-backoutPlan-helper-text' },
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).queryByRole('group', { name: 'Risk questionnaire' }),
    ).not.toBeInTheDocument();
    expect(
      await within(dialog).findByText(
        'None: the standard change template is pre-approved.',
      ),
    ).toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Submit and schedule' }),
    );
    expect(await screen.findByText('Change page CHG-8')).toBeInTheDocument();
    expect(api.createChange).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'standard',
        templateId: 'STD-2',
        plannedEnd: new Date(
          Date.parse(new Date('2026-05-04T10:00').toISOString()) + 30 * 60_000,
        ).toISOString(),
        riskAnswers: {},
      }),
    );
    expect(api.transitionChange).toHaveBeenCalledWith({
      id: 'CHG-8',
      version: 1,
      transition: { to: 'scheduled' },
    });
  });
});
