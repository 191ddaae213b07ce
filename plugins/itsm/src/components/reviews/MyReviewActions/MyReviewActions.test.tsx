import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  OLIVIA,
  makeAction,
  renderAs,
  reviewApi,
} from '../__testUtils__/reviewFixtures';
import { MyReviewActions } from './MyReviewActions';

const TEAM = 'group:default/team-payments';

describe('MyReviewActions', () => {
  it('lists the open actions owned by the caller or their groups, due first, and moves one', async () => {
    const later = makeAction({
      number: 1,
      title: 'Raise pool',
      dueDate: '2027-03-01',
    });
    const overdue = makeAction({
      reviewId: 'REV-2',
      number: 2,
      owner: TEAM,
      title: 'Publish the known error',
      dueDate: '2027-01-10',
      overdue: true,
    });
    const itsmApi = reviewApi(undefined, {
      listReviewActions: jest.fn(async () => ({
        items: [later, overdue],
        nextCursor: null,
      })),
      updateReviewAction: jest.fn(async ({ patch }) => ({
        ...later,
        ...patch,
        version: 2,
      })) as never,
    });
    await renderAs(<MyReviewActions />, { api: itsmApi, groups: [TEAM] });

    const table = await screen.findByRole('table', { name: 'My actions' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Publish the known error');
    expect(within(rows[1]).getByText('Overdue')).toBeInTheDocument();
    expect(
      within(rows[1]).getByRole('link', { name: 'REV-2' }),
    ).toHaveAttribute('href', '/itsm/reviews/REV-2');
    expect(rows[2]).toHaveTextContent('Raise pool');
    expect(itsmApi.listReviewActions).toHaveBeenCalledWith({
      owner: [OLIVIA, TEAM],
      status: ['open', 'in_progress'],
      limit: 100,
      cursor: undefined,
    });

    await userEvent.click(
      within(rows[2]).getByRole('button', {
        name: 'Change status of REV-4/A-1',
      }),
    );
    await userEvent.click(screen.getByRole('menuitem', { name: 'Start' }));
    await waitFor(() =>
      expect(itsmApi.updateReviewAction).toHaveBeenCalledWith({
        reviewId: 'REV-4',
        number: 1,
        version: 1,
        patch: { status: 'in_progress' },
      }),
    );
    await waitFor(() =>
      expect(itsmApi.listReviewActions).toHaveBeenCalledTimes(2),
    );
  });

  it('says so when the caller has no open actions', async () => {
    const itsmApi = reviewApi(undefined, {
      listReviewActions: jest.fn(async () => ({ items: [], nextCursor: null })),
    });
    await renderAs(<MyReviewActions />, { api: itsmApi });
    expect(
      await screen.findByText('No open actions of yours.'),
    ).toBeInTheDocument();
  });
});
