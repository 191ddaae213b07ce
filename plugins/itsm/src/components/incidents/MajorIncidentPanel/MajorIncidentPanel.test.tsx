import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  HistoryEvent,
  Incident,
} from '@backstage-itsm/plugin-itsm-common';
import {
  makeIncident,
  mockItsmApi,
  renderInItsmApp,
} from '../../../__testUtils__/fixtures';
import type { ItsmApi } from '../../../api';
import { MajorIncidentPanel } from './MajorIncidentPanel';
import { isoToLocalInput } from '../../shared/forms';

const updates: HistoryEvent[] = [
  {
    version: 3,
    at: '2026-03-02T09:30:00.000Z',
    actor: 'user:default/alice',
    action: 'status_update',
    changes: {},
    comment: 'Card payments failing; rollback in progress',
  },
  {
    version: 3,
    at: '2026-03-02T09:35:00.000Z',
    actor: 'user:default/bob',
    action: 'work_note',
    changes: {},
    comment: 'internal only',
  },
];

function render(incident: Incident, api: ItsmApi) {
  const callbacks = {
    onChange: jest.fn(),
    onReload: jest.fn(),
    onHistoryChanged: jest.fn(),
  };
  const result = renderInItsmApp(
    <MajorIncidentPanel incident={incident} history={updates} {...callbacks} />,
    { api },
  );
  return { ...callbacks, result };
}

describe('MajorIncidentPanel', () => {
  const major = makeIncident({
    id: 'INC-9',
    version: 3,
    major: true,
    status: 'in_progress',
    incidentManager: 'user:default/alice',
    outageStart: '2026-03-02T09:00:00.000Z',
  });

  it('shows the status updates timeline without work notes, and posts an update', async () => {
    const api = mockItsmApi({
      addStatusUpdate: jest.fn(async () => updates[0]),
    });
    const { onHistoryChanged, result } = render(major, api);
    await result;

    const timeline = screen.getByRole('list', { name: 'Status updates' });
    expect(timeline).toHaveTextContent(
      'Card payments failing; rollback in progress',
    );
    expect(timeline).not.toHaveTextContent('internal only');

    await userEvent.type(
      screen.getByLabelText('Status update'),
      'Payments recovering',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Post update' }));

    await waitFor(() =>
      expect(api.addStatusUpdate).toHaveBeenCalledWith({
        id: 'INC-9',
        text: 'Payments recovering',
      }),
    );
    expect(onHistoryChanged).toHaveBeenCalled();
  });

  it('shows the incident manager and outage window, and saves an outage end', async () => {
    const saved = {
      ...major,
      version: 4,
      outageEnd: '2026-03-02T10:15:00.000Z',
    };
    const api = mockItsmApi({ patchIncident: jest.fn(async () => saved) });
    const { onChange, result } = render(major, api);
    await result;

    expect(screen.getByLabelText('Incident manager')).toHaveValue(
      'user:default/alice',
    );
    expect(screen.getByLabelText('Outage start')).toHaveValue(
      isoToLocalInput('2026-03-02T09:00:00.000Z'),
    );
    fireEvent.change(screen.getByLabelText('Outage end'), {
      target: { value: isoToLocalInput('2026-03-02T10:15:00.000Z') },
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Save response' }),
    );

    await waitFor(() =>
      expect(api.patchIncident).toHaveBeenCalledWith({
        id: 'INC-9',
        version: 3,
        patch: { outageEnd: '2026-03-02T10:15:00.000Z' },
      }),
    );
    expect(onChange).toHaveBeenCalledWith(saved);
  });

  it('asks for the post-incident review and saves it with If-Match', async () => {
    const api = mockItsmApi({
      patchIncident: jest.fn(async () => ({ ...major, version: 4 })),
    });
    await render(major, api).result;

    const form = screen.getByRole('form', { name: 'Post-incident review' });
    expect(form).toHaveTextContent(
      'Required before this major incident can be closed',
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Save review' }),
    );
    expect(await within(form).findByText('Required')).toBeInTheDocument();
    expect(api.patchIncident).not.toHaveBeenCalled();

    await userEvent.type(
      within(form).getByLabelText(/Summary/),
      'Expired certificate on the gateway',
    );
    await userEvent.type(within(form).getByLabelText('Problem'), 'PRB-3');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Save review' }),
    );

    await waitFor(() =>
      expect(api.patchIncident).toHaveBeenCalledWith({
        id: 'INC-9',
        version: 3,
        patch: {
          postIncidentReview: {
            summary: 'Expired certificate on the gateway',
            problemId: 'PRB-3',
          },
        },
      }),
    );
  });

  it('shows a recorded review', async () => {
    await render(
      {
        ...major,
        postIncidentReview: {
          summary: 'Expired certificate',
          lessonsLearned: 'Alert on expiry',
        },
      },
      mockItsmApi(),
    ).result;

    const review = screen.getByRole('region', { name: 'Post-incident review' });
    expect(review).toHaveTextContent('Expired certificate');
    expect(review).toHaveTextContent('Alert on expiry');
    expect(screen.getByRole('button', { name: 'Edit review' })).toBeEnabled();
  });
});
