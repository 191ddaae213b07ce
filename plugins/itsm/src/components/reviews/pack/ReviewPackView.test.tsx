import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import {
  REVIEW_PACK_SECTIONS,
  diffReviewPack,
} from '@backstage-itsm/plugin-itsm-common';
import { makeReviewPack } from './__testUtils__/reviewPack';
import { ReviewPackView, driftValueText } from './ReviewPackView';

const section = (title: string | RegExp) =>
  screen.getByRole('region', { name: title });

describe('ReviewPackView', () => {
  it('renders every section in order with its figures, n and whether targets were met', async () => {
    await renderInTestApp(<ReviewPackView pack={makeReviewPack()} />);

    expect(
      screen.getAllByRole('heading', { level: 2 }).map(h => h.textContent),
    ).toEqual(REVIEW_PACK_SECTIONS.map(s => s.title));

    const sla = section('SLA attainment');
    expect(
      within(sla).getByText('n = 10: 9 met, 1 breached, 1 waived'),
    ).toBeInTheDocument();
    const targets = within(sla).getByRole('table', {
      name: 'Attainment per target',
    });
    expect(within(targets).getByText('P1 Critical resolution')).toBeVisible();
    expect(within(targets).getByText('4h')).toBeVisible();

    const availability = section('Availability');
    expect(within(availability).getAllByText('99.87%')).toHaveLength(2);
    expect(within(availability).getByText('not met')).toBeInTheDocument();
    expect(within(availability).getByText('1h')).toBeInTheDocument();

    const workload = within(section('Workload against limits')).getAllByRole(
      'row',
    );
    expect(workload[1]).toHaveTextContent('Incidents6050not met');
    expect(workload[2]).toHaveTextContent('Changes4––');

    const breaches = section('Breaches and their causes');
    expect(
      within(breaches).getByText('2 breaches in the period, 1 of them waived.'),
    ).toBeInTheDocument();
    expect(within(breaches).getByText('No cause recorded')).toBeVisible();
    expect(within(breaches).getByText('Automate the failover')).toBeVisible();

    const incidents = section('Incidents and major incidents');
    expect(
      within(incidents).getByText(
        '58 of them resolved within the period (cancelled ones not counted)',
      ),
    ).toBeInTheDocument();
    const major = within(incidents).getByRole('article', {
      name: 'INC-3 Checkout down',
    });
    expect(within(major).getByText('database')).toBeInTheDocument();
    expect(within(major).getByText('A full disk')).toBeInTheDocument();
    expect(
      within(major).getByText(/Post-incident review \(problem PRB-1\)/),
    ).toBeInTheDocument();
    // The cap is visible: 1 of the 53 major incidents is in this pack.
    expect(within(incidents).getByText('Showing 1 of 53.')).toBeVisible();

    const problems = section('Problems and known errors');
    expect(within(problems).getByText('Failover is slow')).toBeVisible();
    expect(
      within(problems).getByText('Pool exhausted under load'),
    ).toBeVisible();

    const changes = section('Changes');
    expect(changes).toHaveTextContent(
      'n = 4: 3 successful, target 90%, not met',
    );
    expect(within(changes).getByText('Upgrade the driver')).toBeVisible();

    const satisfaction = section('Customer satisfaction');
    expect(satisfaction).toHaveTextContent('CSAT83.33%n = 6, target 80%, met');
    expect(
      within(satisfaction).getByText('6 responses of 9 invited'),
    ).toBeInTheDocument();
    expect(
      within(satisfaction).getByText('Took a day to answer'),
    ).toBeInTheDocument();
    expect(
      within(satisfaction).getByText(
        'Showing the 1 newest comments; the period has more.',
      ),
    ).toBeInTheDocument();

    const complaints = section('Complaints');
    expect(
      within(complaints).getByText('investigating (escalated)'),
    ).toBeInTheDocument();

    const alignment = section('Supporting agreements');
    expect(
      within(alignment).getByText(
        "OLA-1 P1 response target is looser than SLA-2's",
      ),
    ).toBeInTheDocument();

    const actions = section('Open actions of earlier reviews');
    expect(within(actions).getByText('Add a read replica')).toBeVisible();
    expect(within(actions).getByText('in progress')).toBeVisible();
    expect(document.querySelector('[data-changed]')).toBeNull();
  });

  it('marks the sections whose live data changed since freezing and says what changed', async () => {
    const frozen = makeReviewPack();
    const live = makeReviewPack();
    live.header.generatedAt = '2026-11-20T00:00:00.000Z';
    live.sections.incidents.byStatus[3].count = 4;
    live.sections.actions.items = { total: 0, items: [] };
    const drift = diffReviewPack(frozen, live);

    await renderInTestApp(<ReviewPackView pack={frozen} drift={drift} />);

    expect(
      screen.getByText(
        'The live data differs from the frozen pack in 2 parts: Incidents and major incidents, Open actions of earlier reviews.',
      ),
    ).toBeInTheDocument();
    const incidents = section(
      'Incidents and major incidents (changed since frozen)',
    );
    expect(incidents).toHaveAttribute('data-changed', 'true');
    const note = within(incidents).getByRole('note', {
      name: 'Changed since frozen: Incidents and major incidents',
    });
    expect(note).toHaveTextContent('By status › resolved › Count: 3 → 4');
    expect(
      within(
        section('Open actions of earlier reviews (changed since frozen)'),
      ).getByText(
        'Items › Items › REV-1/A-1: REV-1/A-1 Add a read replica → –',
      ),
    ).toBeInTheDocument();
    expect(section('SLA attainment')).not.toHaveAttribute('data-changed');
    expect(screen.getAllByRole('note')).toHaveLength(2);
  });

  it('says so when the live data has not changed, and when a part is not measured', async () => {
    const pack = makeReviewPack();
    pack.sections.satisfaction = {
      ...pack.sections.satisfaction,
      available: false,
      figures: null,
    };
    pack.sections.complaints.available = false;
    pack.sections.alignment = {
      version: 1,
      slaId: null,
      agreements: [],
      findings: [],
    };
    await renderInTestApp(
      <ReviewPackView
        pack={pack}
        drift={diffReviewPack(pack, structuredClone(pack))}
      />,
    );
    expect(
      screen.getByText(
        'The live data is still as it was when the pack was frozen.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Customer satisfaction is not measured for this service.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Complaints are not recorded for this service.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The service has no SLA, so nothing underpins it.'),
    ).toBeInTheDocument();
  });

  it.each([
    [null, '–'],
    [true, 'yes'],
    [42.5, '42.5'],
    [{ id: 'INC-3', title: 'Checkout down' }, 'INC-3 Checkout down'],
    [{ cause: null, count: 1 }, '{"cause":null,"count":1}'],
  ])('reads the drift value %p as %p', (value, text) => {
    expect(driftValueText(value)).toBe(text);
  });
});
