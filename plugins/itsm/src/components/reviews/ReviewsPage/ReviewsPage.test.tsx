import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CLARA,
  OLIVIA,
  makeAction,
  makeReview,
  renderAs,
  reviewApi,
} from '../__testUtils__/reviewFixtures';
import { ReviewsListPage } from './ReviewsPage';
import { groupByOwner } from './ActionsByOwner';

describe('ReviewsListPage', () => {
  it('lists the reviews still to be held, overdue first, with the overdue flag', async () => {
    const dueLater = makeReview({
      id: 'REV-7',
      title: 'Acme web, monthly',
      entityRef: 'component:default/acme-web',
      scheduledFor: '2027-02-01T10:00:00.000Z',
    });
    const overdue = makeReview({
      id: 'REV-4',
      overdue: true,
      scheduledFor: '2027-01-15T10:00:00.000Z',
    });
    const itsmApi = reviewApi(overdue, {
      listReviews: jest.fn(async () => ({
        items: [dueLater, overdue],
        nextCursor: null,
      })),
    });
    await renderAs(<ReviewsListPage />, { api: itsmApi });

    expect(
      await screen.findByRole('heading', { name: 'Service reviews' }),
    ).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: 'REV-4' });
    expect(link).toHaveAttribute('href', '/itsm/reviews/REV-4');
    const rows = screen.getAllByRole('row');
    const overdueRow = rows.findIndex(r => r.textContent?.includes('REV-4'));
    const laterRow = rows.findIndex(r => r.textContent?.includes('REV-7'));
    expect(overdueRow).toBeLessThan(laterRow);
    expect(within(rows[overdueRow]).getByText('Overdue')).toBeInTheDocument();
    expect(within(rows[laterRow]).queryByText('Overdue')).toBeNull();
    expect(itsmApi.listReviews).toHaveBeenCalledWith({
      status: ['scheduled', 'prepared'],
      limit: 100,
    });

    await userEvent.click(screen.getByLabelText('Overdue only'));
    await waitFor(() =>
      expect(itsmApi.listReviews).toHaveBeenLastCalledWith({
        status: ['scheduled', 'prepared'],
        overdue: true,
        limit: 100,
      }),
    );
  });

  it('groups the open actions of all reviews by owner, the owner with overdue actions first', async () => {
    const itsmApi = reviewApi(undefined, {
      listReviewActions: jest.fn(async () => ({
        items: [
          makeAction({ number: 1, owner: OLIVIA, title: 'Raise pool' }),
          makeAction({
            number: 2,
            owner: CLARA,
            title: 'Confirm the sale dates',
            overdue: true,
            dueDate: '2027-01-20',
          }),
          makeAction({
            reviewId: 'REV-2',
            number: 1,
            owner: OLIVIA,
            title: 'Publish the known error',
            dueDate: '2027-01-25',
          }),
        ],
        nextCursor: null,
      })),
    });
    await renderAs(<ReviewsListPage />, { api: itsmApi });

    await userEvent.click(
      await screen.findByRole('tab', { name: 'Open actions by owner' }),
    );
    const clara = await screen.findByRole('table', {
      name: `Actions of ${CLARA}`,
    });
    const olivia = screen.getByRole('table', { name: `Actions of ${OLIVIA}` });
    expect(
      clara.compareDocumentPosition(olivia) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(within(clara).getByText('Overdue')).toBeInTheDocument();
    const oliviaRows = within(olivia).getAllByRole('row');
    // Due first within an owner.
    expect(oliviaRows[1]).toHaveTextContent('Publish the known error');
    expect(
      within(oliviaRows[1]).getByRole('link', { name: 'REV-2' }),
    ).toBeInTheDocument();
    expect(oliviaRows[2]).toHaveTextContent('Raise pool');
    expect(screen.getByText('1 open, 1 overdue')).toBeInTheDocument();
    expect(itsmApi.listReviewActions).toHaveBeenCalledWith({
      status: ['open', 'in_progress'],
      limit: 200,
      cursor: undefined,
    });
  });

  it('counts overdue actions per owner', () => {
    const groups = groupByOwner([
      makeAction({ owner: OLIVIA }),
      makeAction({ owner: CLARA, overdue: true }),
    ]);
    expect(groups.map(g => [g.owner, g.actions.length, g.overdue])).toEqual([
      [CLARA, 1, 1],
      [OLIVIA, 1, 0],
    ]);
  });
});
