import { screen, within } from '@testing-library/react';
import type { SlaBreach } from '@backstage-itsm/plugin-itsm-common';
import { mockItsmApi, renderForEntity } from '../../../__testUtils__/fixtures';
import { BreachesSection } from '../../service-levels/EntitySlaContent/BreachesSection';
import { SatisfactionSection } from '../../satisfaction/SatisfactionSection';
import {
  ENTITY,
  makeOverview,
} from '../../satisfaction/__testUtils__/satisfactionFixtures';

function breach(overrides: Partial<SlaBreach>): SlaBreach {
  return {
    id: 'BRE-3',
    version: 1,
    slaId: 'SLA-1',
    slaRevision: 1,
    entityRef: 'component:default/payments-api',
    recordId: 'INC-7',
    clock: 'resolution',
    priority: 1,
    targetMs: 4 * 3_600_000,
    calendarId: '24x7',
    breachedAt: '2027-01-12T10:00:00.000Z',
    detectedAt: '2027-01-12T10:01:00.000Z',
    cause: null,
    action: null,
    improvementId: null,
    waiver: null,
    createdAt: '2027-01-12T10:00:00.000Z',
    updatedAt: '2027-01-12T10:00:00.000Z',
    ...overrides,
  };
}

describe('Raise improvement from a source record', () => {
  it('raises one from a breach row, or links the item the breach already has', async () => {
    const api = mockItsmApi({
      listBreaches: jest.fn(async () => ({
        items: [breach({}), breach({ id: 'BRE-4', improvementId: 'IMP-2' })],
        nextCursor: null,
      })),
    });
    await renderForEntity(
      <BreachesSection entityRef="component:default/payments-api" />,
      { api },
    );

    const raise = await screen.findByRole('button', {
      name: 'Raise improvement from BRE-3',
    });
    expect(raise).toHaveAttribute(
      'href',
      '/itsm/improvements/new?source=sla_breach&sourceId=BRE-3',
    );
    const rows = screen.getAllByRole('row');
    const linked = rows.find(row => row.textContent?.includes('BRE-4'))!;
    expect(within(linked).getByRole('link', { name: 'IMP-2' })).toHaveAttribute(
      'href',
      '/itsm/improvements/IMP-2',
    );
    expect(
      within(linked).queryByTestId('raise-improvement'),
    ).not.toBeInTheDocument();
  });

  it('renders nothing where the improvements page is not mounted', async () => {
    const api = mockItsmApi({
      listBreaches: jest.fn(async () => ({
        items: [breach({})],
        nextCursor: null,
      })),
    });
    await renderForEntity(
      <BreachesSection entityRef="component:default/payments-api" />,
      { api, withItsmPage: false },
    );
    expect(await screen.findByText('BRE-3')).toBeInTheDocument();
    expect(screen.queryByTestId('raise-improvement')).not.toBeInTheDocument();
  });

  it('raises one from a satisfaction comment, named by its rated incident and when it was given', async () => {
    const api = mockItsmApi({
      getSatisfaction: jest.fn(async () => makeOverview()),
      listSurveys: jest.fn(async () => ({ items: [], nextCursor: null })),
    });
    await renderForEntity(<SatisfactionSection entityRef={ENTITY} />, { api });
    const raise = await screen.findByRole('button', {
      name: 'Raise improvement from INC-7/2027-01-20T10:00:00.000Z',
    });
    expect(raise).toHaveAttribute(
      'href',
      `/itsm/improvements/new?source=customer_feedback&sourceId=${encodeURIComponent(
        'INC-7/2027-01-20T10:00:00.000Z',
      )}`,
    );
  });
});
