import { screen, within } from '@testing-library/react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import {
  makeClock,
  makeIncident,
  mountedRoutes,
} from '../../../__testUtils__/fixtures';
import { IncidentsTable, compareSlaTimeLeft } from './IncidentsTable';

const MIN = 60_000;

function render(element: JSX.Element) {
  return renderInTestApp(element, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('IncidentsTable', () => {
  it('shows id, title, priority label, status, SLA, assignee and age', async () => {
    await render(
      <IncidentsTable
        incidents={[
          makeIncident({
            id: 'INC-7',
            title: 'Card payments time out',
            priority: 1,
            status: 'in_progress',
            assignee: 'user:default/bob',
            createdAt: new Date(Date.now() - 3 * 60 * MIN).toISOString(),
            sla: {
              response: makeClock({ state: 'met' }),
              resolution: makeClock({
                remainingMs: 130 * MIN,
                percent: 60,
              }),
            },
          }),
        ]}
      />,
    );

    const row = screen.getByText('INC-7').closest('tr')!;
    expect(within(row).getByText('Card payments time out')).toBeInTheDocument();
    expect(within(row).getByText('P1 Critical')).toBeInTheDocument();
    expect(within(row).getByText('In progress')).toBeInTheDocument();
    expect(within(row).getByText('2h 10m left')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: /bob/ })).toHaveAttribute(
      'href',
      '/catalog/default/user/bob',
    );
    expect(within(row).getByText('3h ago')).toBeInTheDocument();
  });

  it('says when the resolution SLA is at risk, breached or met', async () => {
    await render(
      <IncidentsTable
        incidents={[
          makeIncident({
            id: 'INC-1',
            sla: {
              response: null,
              resolution: makeClock({ remainingMs: 45 * MIN, percent: 90 }),
            },
          }),
          makeIncident({
            id: 'INC-2',
            priority: 2,
            assignmentGroup: 'group:default/payments-oncall',
            sla: {
              response: null,
              resolution: makeClock({
                state: 'breached',
                remainingMs: -35 * MIN,
                percent: 107,
                breachedAt: new Date(Date.now() - 35 * MIN).toISOString(),
              }),
            },
          }),
          makeIncident({
            id: 'INC-3',
            priority: 5,
            status: 'resolved',
            sla: { response: null, resolution: makeClock({ state: 'met' }) },
          }),
        ]}
      />,
    );

    const rowOf = (id: string) => screen.getByText(id).closest('tr')!;
    expect(within(rowOf('INC-1')).getByText('45m left')).toBeInTheDocument();
    expect(
      within(rowOf('INC-1')).getByLabelText('Status warning'),
    ).toBeInTheDocument();
    expect(
      within(rowOf('INC-2')).getByLabelText('Status error'),
    ).toBeInTheDocument();
    expect(
      within(rowOf('INC-3')).getByLabelText('Status ok'),
    ).toBeInTheDocument();
    expect(
      within(rowOf('INC-2')).getByText('breached 35m ago'),
    ).toBeInTheDocument();
    expect(within(rowOf('INC-2')).getByText('P2 High')).toBeInTheDocument();
    expect(
      within(rowOf('INC-2')).getByRole('link', { name: /payments-oncall/ }),
    ).toBeInTheDocument();
    expect(within(rowOf('INC-3')).getByText('met')).toBeInTheDocument();
    expect(within(rowOf('INC-3')).getByText('P5 Planning')).toBeInTheDocument();
    expect(within(rowOf('INC-3')).getByText('Unassigned')).toBeInTheDocument();
  });

  it('shows the empty content when there are no incidents', async () => {
    await render(
      <IncidentsTable incidents={[]} emptyContent={<p>Nothing here</p>} />,
    );
    expect(screen.getByText('Nothing here')).toBeInTheDocument();
  });

  it('links the id to the incident page when the ITSM page is mounted', async () => {
    await renderInTestApp(
      <IncidentsTable incidents={[makeIncident({ id: 'INC-7' })]} />,
      { mountedRoutes },
    );
    expect(screen.getByRole('link', { name: 'INC-7' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-7',
    );
  });
});

describe('compareSlaTimeLeft', () => {
  it('puts breached first, then the least time left, then no target', () => {
    const withClock = (
      id: string,
      clock: ReturnType<typeof makeClock> | null,
    ) => makeIncident({ id, sla: { response: null, resolution: clock } });
    const sorted = [
      withClock('none', null),
      withClock('met', makeClock({ state: 'met' })),
      withClock(
        'later',
        makeClock({ dueAt: new Date(Date.now() + 5 * 60 * MIN).toISOString() }),
      ),
      withClock(
        'breached',
        makeClock({
          state: 'breached',
          breachedAt: new Date(Date.now() - 10 * MIN).toISOString(),
        }),
      ),
      withClock(
        'soon',
        makeClock({ dueAt: new Date(Date.now() + 5 * MIN).toISOString() }),
      ),
    ].sort(compareSlaTimeLeft);
    expect(sorted.map(i => i.id).slice(0, 3)).toEqual([
      'breached',
      'soon',
      'later',
    ]);
    expect(
      sorted
        .map(i => i.id)
        .slice(3)
        .sort(),
    ).toEqual(['met', 'none']);
  });
});
