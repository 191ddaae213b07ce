import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  makeChange,
  mockItsmApi,
  renderInItsmApp,
} from '../../../__testUtils__/fixtures';
import type { ItsmApi } from '../../../api';
import { ChangeCalendarPage } from './ChangeCalendarPage';

// Local instants: the calendar lays days out in the browser's time zone.
const local = (y: number, m: number, d: number, h = 0) =>
  new Date(y, m - 1, d, h).toISOString();

const conflicting = makeChange({
  id: 'CHG-21',
  title: 'Rotate DB credentials',
  status: 'scheduled',
  plannedStart: local(2026, 5, 12, 22),
  plannedEnd: local(2026, 5, 13, 2),
  conflicts: [
    {
      kind: 'overlap',
      with: 'CHG-22',
      entityRef: 'component:default/payments-api',
      message:
        'Change CHG-22 (scheduled) also changes component:default/payments-api in an overlapping window',
    },
  ],
});
const calm = makeChange({
  id: 'CHG-23',
  title: 'Bump nginx',
  status: 'implementing',
  plannedStart: local(2026, 5, 4, 10),
  plannedEnd: local(2026, 5, 4, 11),
});

function api(overrides: Partial<ItsmApi> = {}) {
  return mockItsmApi({
    getChangeCalendar: jest.fn(async ({ from, to }) => ({
      from,
      to,
      changes: [conflicting, calm],
      freezeWindows: [
        {
          name: 'Quarter-end freeze',
          start: local(2026, 5, 28),
          end: local(2026, 6, 2),
          entityRefs: [],
        },
      ],
    })),
    ...overrides,
  });
}

function render(itsmApi: ItsmApi, path: string) {
  return renderInItsmApp(
    <Routes>
      <Route path="/itsm/change-calendar" element={<ChangeCalendarPage />} />
    </Routes>,
    { api: itsmApi, path },
  );
}

const cell = (y: number, m: number, d: number) =>
  document.querySelector(
    `[data-date="${y}-${String(m).padStart(2, '0')}-${String(d).padStart(
      2,
      '0',
    )}"]`,
  ) as HTMLElement;

describe('ChangeCalendarPage', () => {
  it('shows a month from Monday to Sunday and asks for exactly its range', async () => {
    const itsmApi = api();
    await render(itsmApi, '/itsm/change-calendar?date=2026-05-04');

    expect(await screen.findByText('May 2026')).toBeInTheDocument();
    // May 2026 starts on a Friday: the grid starts Monday 27 April and ends Sunday 31 May.
    expect(itsmApi.getChangeCalendar).toHaveBeenCalledWith({
      from: local(2026, 4, 27),
      to: local(2026, 6, 1),
      owner: undefined,
      system: undefined,
      entityRef: undefined,
    });
    expect(screen.getAllByRole('gridcell')).toHaveLength(35);
  });

  it('places a change on every day its window touches, and outlines a conflicting one', async () => {
    await render(api(), '/itsm/change-calendar?date=2026-05-04');
    await waitFor(() =>
      expect(
        within(cell(2026, 5, 4)).getByText('CHG-23 Bump nginx'),
      ).toBeInTheDocument(),
    );
    expect(
      within(cell(2026, 5, 5)).queryByText(/CHG-23/),
    ).not.toBeInTheDocument();

    for (const day of [12, 13]) {
      const chip = within(cell(2026, 5, day)).getByRole('link', {
        name: /^CHG-21 Rotate DB credentials/,
      });
      expect(chip).toHaveAttribute('href', '/itsm/changes/CHG-21');
      expect(chip).toHaveAttribute('data-conflict', 'true');
      expect(chip).toHaveAccessibleName(
        /conflicts: Change CHG-22 \(scheduled\)/,
      );
    }
    expect(
      within(cell(2026, 5, 14)).queryByText(/CHG-21/),
    ).not.toBeInTheDocument();
    expect(
      within(cell(2026, 5, 4)).getByRole('link', { name: 'CHG-23 Bump nginx' }),
    ).not.toHaveAttribute('data-conflict');

    await userEvent.hover(
      within(cell(2026, 5, 12)).getByRole('link', { name: /CHG-21/ }),
    );
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Change CHG-22 (scheduled) also changes',
    );
  });

  it('shades the days of a freeze window with its name', async () => {
    await render(api(), '/itsm/change-calendar?date=2026-05-04');
    await waitFor(() =>
      expect(
        within(cell(2026, 5, 28)).getByText('❄ Quarter-end freeze'),
      ).toBeInTheDocument(),
    );
    expect(
      within(cell(2026, 5, 31)).getByText('❄ Quarter-end freeze'),
    ).toBeInTheDocument();
    expect(
      within(cell(2026, 5, 27)).queryByText(/Quarter-end freeze/),
    ).not.toBeInTheDocument();
  });

  it('switches to a week and moves by week', async () => {
    const itsmApi = api();
    await render(itsmApi, '/itsm/change-calendar?date=2026-05-13');
    await userEvent.click(await screen.findByRole('button', { name: 'Week' }));

    expect(await screen.findByText(/^Week of/)).toBeInTheDocument();
    expect(screen.getAllByRole('gridcell')).toHaveLength(7);
    await waitFor(() =>
      expect(itsmApi.getChangeCalendar).toHaveBeenLastCalledWith(
        expect.objectContaining({
          from: local(2026, 5, 11),
          to: local(2026, 5, 18),
        }),
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(itsmApi.getChangeCalendar).toHaveBeenLastCalledWith(
        expect.objectContaining({
          from: local(2026, 5, 18),
          to: local(2026, 5, 25),
        }),
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() =>
      expect(itsmApi.getChangeCalendar).toHaveBeenLastCalledWith(
        expect.objectContaining({
          from: local(2026, 5, 4),
          to: local(2026, 5, 11),
        }),
      ),
    );
  });

  it('filters by owner, system and entity once a whole ref is given', async () => {
    const itsmApi = api();
    await render(
      itsmApi,
      '/itsm/change-calendar?date=2026-05-04&owner=group:default/platform-team&system=system:default/payments&entityRef=component:default/pay',
    );
    await waitFor(() =>
      expect(itsmApi.getChangeCalendar).toHaveBeenCalledWith(
        expect.objectContaining({
          owner: ['group:default/platform-team'],
          system: ['system:default/payments'],
          entityRef: ['component:default/pay'],
        }),
      ),
    );
    expect(screen.getByLabelText('Owner')).toHaveValue(
      'group:default/platform-team',
    );
  });
});
