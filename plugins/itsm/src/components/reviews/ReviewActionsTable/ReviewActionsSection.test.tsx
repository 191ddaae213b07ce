import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockSignalApi, staleVersion } from '../../../__testUtils__/fixtures';
import {
  OLIVIA,
  makeAction,
  makeReview,
  renderAs,
  reviewApi,
} from '../__testUtils__/reviewFixtures';
import { ReviewActionsSection } from './ReviewActionsSection';

const held = makeReview({ status: 'held' });

describe('ReviewActionsSection', () => {
  it("lists the review's actions with owner, due date, the overdue flag and the record they are tracked in", async () => {
    const itsmApi = reviewApi(held, {
      listActionsOfReview: jest.fn(async () => ({
        items: [
          makeAction({ number: 1, overdue: true, dueDate: '2027-01-20' }),
          makeAction({
            number: 2,
            id: 'REV-4/A-2',
            title: 'Publish the known error',
            status: 'done',
            recordId: 'PRB-3',
          }),
        ],
      })),
    });
    await renderAs(<ReviewActionsSection review={held} />, { api: itsmApi });

    const table = await screen.findByRole('table', {
      name: 'Actions of REV-4',
    });
    const [, first, second] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent('A-1');
    expect(first).toHaveTextContent('Raise the connection pool size');
    expect(within(first).getByText('Overdue')).toBeInTheDocument();
    expect(within(first).getByText('2027-01-20')).toBeInTheDocument();
    expect(within(first).getByText('Open')).toBeInTheDocument();
    expect(within(second).queryByText('Overdue')).not.toBeInTheDocument();
    expect(within(second).getByText('Done')).toBeInTheDocument();
    expect(within(second).getByRole('link', { name: 'PRB-3' })).toHaveAttribute(
      'href',
      '/itsm/problems/PRB-3',
    );
    // A done action has no moves left.
    expect(
      within(second).queryByRole('button', { name: /Change status/ }),
    ).not.toBeInTheDocument();
    expect(itsmApi.listActionsOfReview).toHaveBeenCalledWith({ id: 'REV-4' });
  });

  it('records an action with owner and due date', async () => {
    const itsmApi = reviewApi(held, {
      createReviewAction: jest.fn(async ({ action }) =>
        makeAction({ ...action, number: 3 }),
      ) as never,
    });
    await renderAs(<ReviewActionsSection review={held} />, { api: itsmApi });
    expect(
      await screen.findByText('No actions recorded at this review yet.'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Add action' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Add action to REV-4',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add action' }),
    );
    // The -common schema names what is missing before anything is sent.
    expect(itsmApi.createReviewAction).not.toHaveBeenCalled();
    expect(within(dialog).getByText('What is to be done?')).toBeInTheDocument();
    expect(within(dialog).getByText('Who owns it?')).toBeInTheDocument();
    expect(within(dialog).getByText('By when?')).toBeInTheDocument();

    await userEvent.type(within(dialog).getByLabelText(/Action/), 'Raise pool');
    await userEvent.type(within(dialog).getByLabelText('Owner'), OLIVIA);
    await userEvent.type(
      within(dialog).getByLabelText(/Due date/),
      '2027-03-01',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Add action' }),
    );

    await waitFor(() =>
      expect(itsmApi.createReviewAction).toHaveBeenCalledWith({
        reviewId: 'REV-4',
        action: { title: 'Raise pool', owner: OLIVIA, dueDate: '2027-03-01' },
      }),
    );
    await waitFor(() =>
      expect(itsmApi.listActionsOfReview).toHaveBeenCalledTimes(2),
    );
  });

  it("moves an action at the action's own version, and asks why before dropping one", async () => {
    const action = makeAction({ version: 4 });
    const itsmApi = reviewApi(held, {
      listActionsOfReview: jest.fn(async () => ({ items: [action] })),
      updateReviewAction: jest.fn(async ({ patch }) => ({
        ...action,
        ...patch,
        version: 5,
      })) as never,
    });
    await renderAs(<ReviewActionsSection review={held} />, { api: itsmApi });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Change status of REV-4/A-1' }),
    );
    await userEvent.click(screen.getByRole('menuitem', { name: 'Mark done' }));
    await waitFor(() =>
      expect(itsmApi.updateReviewAction).toHaveBeenCalledWith({
        reviewId: 'REV-4',
        number: 1,
        version: 4,
        patch: { status: 'done' },
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Change status of REV-4/A-1' }),
    );
    await userEvent.click(screen.getByRole('menuitem', { name: 'Drop…' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Drop REV-4/A-1',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Drop action' }),
    );
    expect(
      within(dialog).getByText('Say why the action is dropped'),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText(/Why is it dropped/),
      'Superseded',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Drop action' }),
    );
    await waitFor(() =>
      expect(itsmApi.updateReviewAction).toHaveBeenLastCalledWith({
        reviewId: 'REV-4',
        number: 1,
        version: 4,
        patch: { status: 'dropped', note: 'Superseded' },
      }),
    );
  });

  it('says when someone else moved the action first, with "Reload"', async () => {
    const itsmApi = reviewApi(held, {
      listActionsOfReview: jest.fn(async () => ({ items: [makeAction()] })),
      updateReviewAction: jest.fn(async () => {
        throw await staleVersion();
      }),
    });
    await renderAs(<ReviewActionsSection review={held} />, { api: itsmApi });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Change status of REV-4/A-1' }),
    );
    await userEvent.click(screen.getByRole('menuitem', { name: 'Start' }));
    expect(
      await screen.findByText(/Someone else changed this action/),
    ).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Reload' }),
    );
    await waitFor(() =>
      expect(itsmApi.listActionsOfReview).toHaveBeenCalledTimes(2),
    );
  });

  it('reloads when the review announces a change, and offers no "Add action" once closed', async () => {
    const closed = makeReview({ status: 'closed' });
    const signals = mockSignalApi();
    const itsmApi = reviewApi(closed, {
      listActionsOfReview: jest.fn(async () => ({ items: [makeAction()] })),
    });
    await renderAs(<ReviewActionsSection review={closed} />, {
      api: itsmApi,
      signals,
    });
    expect(
      await screen.findByRole('table', { name: 'Actions of REV-4' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add action' }),
    ).not.toBeInTheDocument();
    // Actions are tracked after the review closed.
    expect(
      screen.getByRole('button', { name: 'Change status of REV-4/A-1' }),
    ).toBeInTheDocument();

    signals.publish('itsm:review:REV-4', { id: 'REV-4', version: 9 });
    await waitFor(() =>
      expect(itsmApi.listActionsOfReview).toHaveBeenCalledTimes(2),
    );
  });
});
