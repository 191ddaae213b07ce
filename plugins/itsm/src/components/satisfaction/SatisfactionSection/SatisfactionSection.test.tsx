import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockItsmApi, renderForEntity } from '../../../__testUtils__/fixtures';
import {
  ENTITY,
  makeFigures,
  makeOverview,
  makeSurvey,
} from '../__testUtils__/satisfactionFixtures';
import { SatisfactionSection } from './SatisfactionSection';

describe('SatisfactionSection', () => {
  it('shows the scores with their counts, the trend, comments and campaigns', async () => {
    const api = mockItsmApi({
      getSatisfaction: jest.fn(async () =>
        makeOverview({ figures: makeFigures({ tooFew: true, ratings: 3 }) }),
      ),
      listSurveys: jest.fn(async () => ({
        items: [makeSurvey()],
        nextCursor: null,
      })),
    });
    await renderForEntity(<SatisfactionSection entityRef={ENTITY} />, { api });
    expect(
      await screen.findByRole('group', { name: 'CSAT: 75%' }),
    ).toHaveTextContent('rated 4–5 of n = 3');
    expect(screen.getByRole('group', { name: 'NPS: +20' })).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Response rate: 60%' }),
    ).toHaveTextContent('12 of 20 invited');
    expect(
      screen.getByText(/Too few responses \(fewer than 5\)/),
    ).toBeInTheDocument();
    const trend = screen.getByRole('table', { name: 'Satisfaction per month' });
    expect(within(trend).getByText('2027-01')).toBeInTheDocument();
    expect(within(trend).getByText('71.4%')).toBeInTheDocument();
    expect(
      screen.getByText('“Nobody told us it was being worked on”'),
    ).toBeInTheDocument();
    const campaigns = screen.getByRole('table', { name: 'Campaigns' });
    expect(within(campaigns).getByText('3 of 8')).toBeInTheDocument();
    expect(api.getSatisfaction).toHaveBeenCalledWith({ entityRef: ENTITY });
  });

  it('creates and opens a campaign from the dialog, and closes one', async () => {
    const draft = makeSurvey({ id: 'SUR-2', status: 'draft', version: 1 });
    const api = mockItsmApi({
      getSatisfaction: jest.fn(async () => makeOverview()),
      listSurveys: jest.fn(async () => ({
        items: [makeSurvey({ version: 2 })],
        nextCursor: null,
      })),
      listSurveyTemplates: jest.fn(async () => ({
        items: [],
        nextCursor: null,
      })),
      createSurvey: jest.fn(async () => draft),
      transitionSurvey: jest.fn(async () => ({
        ...draft,
        status: 'open' as const,
      })),
    });
    await renderForEntity(<SatisfactionSection entityRef={ENTITY} />, { api });
    await userEvent.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'New campaign' });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Title/ }),
      'Payments Q2',
    );
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: /Anonymous/ }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create and open' }),
    );
    expect(api.createSurvey).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Payments Q2',
        entityRef: ENTITY,
        templateId: 'service-satisfaction',
        anonymous: true,
        audience: { slaCustomers: true, consumerOwners: true, extra: [] },
      }),
    );
    expect(api.transitionSurvey).toHaveBeenCalledWith({
      id: 'SUR-2',
      version: 1,
      transition: { to: 'open' },
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Close SUR-1' }),
    );
    expect(api.transitionSurvey).toHaveBeenLastCalledWith({
      id: 'SUR-1',
      version: 2,
      transition: { to: 'closed' },
    });
  });
});
