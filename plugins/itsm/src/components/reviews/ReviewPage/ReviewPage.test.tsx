import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { responseError, staleVersion } from '../../../__testUtils__/fixtures';
import {
  CLARA,
  HASH,
  makeReview,
  renderAs,
  reviewApi,
} from '../__testUtils__/reviewFixtures';
import { ReviewPage } from './ReviewPage';

const frozen = {
  packFrozenAt: '2027-01-10T09:00:00.000Z',
  packHash: HASH,
  packGeneratorVersion: '1',
};

describe('ReviewPage', () => {
  it('saves agenda notes, minutes and decisions as a PATCH at the version the form was opened at', async () => {
    const review = makeReview({ version: 6, status: 'prepared', ...frozen });
    const itsmApi = reviewApi(review);
    await renderAs(<ReviewPage id="REV-4" />, { api: itsmApi });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit minutes' }),
    );
    const form = screen.getByRole('form', { name: 'Meeting record' });
    await userEvent.type(
      within(form).getByLabelText('Minutes'),
      'Pool too small.',
    );
    await userEvent.type(
      within(form).getByLabelText('Notes on item 1'),
      'P1 missed',
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Add decision' }),
    );
    await userEvent.type(
      within(form).getByLabelText('Decision 1'),
      'Raise the pool',
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Save minutes' }),
    );

    await waitFor(() =>
      expect(itsmApi.updateReview).toHaveBeenCalledWith({
        id: 'REV-4',
        version: 6,
        patch: {
          agenda: [
            {
              title: 'Service performance against the SLA targets',
              notes: 'P1 missed',
            },
            { title: 'Actions from the last review' },
          ],
          minutes: 'Pool too small.',
          decisions: [{ text: 'Raise the pool' }],
        },
      }),
    );
    const minutes = await screen.findByRole('region', { name: 'Minutes' });
    expect(within(minutes).getByText('Pool too small.')).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Decisions' })).getByText(
        'Raise the pool',
      ),
    ).toBeInTheDocument();
  });

  it('offers to reload when someone else changed the review since the form opened', async () => {
    const review = makeReview({ version: 6 });
    const itsmApi = reviewApi(review, {
      updateReview: jest.fn(async () => {
        throw await staleVersion();
      }),
    });
    await renderAs(<ReviewPage id="REV-4" />, { api: itsmApi });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit minutes' }),
    );
    await userEvent.type(screen.getByLabelText('Minutes'), 'We met');
    await userEvent.click(screen.getByRole('button', { name: 'Save minutes' }));

    expect(
      await screen.findByText(/Someone else changed this review/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
  });

  it('marks a prepared review held with when it took place, its attendees and minutes', async () => {
    const review = makeReview({
      version: 7,
      status: 'prepared',
      ...frozen,
      attendees: ['user:default/olivia'],
      minutes: 'We went through the pack.',
    });
    const itsmApi = reviewApi(review);
    await renderAs(<ReviewPage id="REV-4" />, { api: itsmApi });

    const toolbar = await screen.findByRole('toolbar', {
      name: 'Review actions',
    });
    await userEvent.click(
      within(toolbar).getByRole('button', { name: 'Mark held' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Mark held: REV-4',
    });
    expect(within(dialog).getByLabelText(/Minutes/)).toHaveValue(
      'We went through the pack.',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Mark held' }),
    );

    await waitFor(() => expect(itsmApi.transitionReview).toHaveBeenCalled());
    const call = (itsmApi.transitionReview as jest.Mock).mock.calls[0][0];
    expect(call).toMatchObject({ id: 'REV-4', version: 7 });
    expect(call.transition.to).toBe('held');
    expect(Date.parse(call.transition.heldAt)).toBeLessThanOrEqual(Date.now());
    // Nothing else changed, so only the time is sent.
    expect(Object.keys(call.transition).sort()).toEqual(['heldAt', 'to']);
  });

  it('asks for minutes before a review can be marked held', async () => {
    const review = makeReview({
      status: 'prepared',
      ...frozen,
      attendees: ['user:default/olivia'],
    });
    const itsmApi = reviewApi(review);
    await renderAs(<ReviewPage id="REV-4" />, { api: itsmApi });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Mark held' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Mark held: REV-4',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Mark held' }),
    );
    expect(
      await within(dialog).findByText(
        'minutes are required to record a review as held',
      ),
    ).toBeInTheDocument();
    expect(itsmApi.transitionReview).not.toHaveBeenCalled();
  });

  it('lets anyone press "Sign off" on a held review and says plainly when only a customer may', async () => {
    const review = makeReview({
      status: 'held',
      ...frozen,
      heldAt: '2027-01-15T10:00:00.000Z',
    });
    const itsmApi = reviewApi(review, {
      signOffReview: jest.fn(async () => {
        throw await responseError({
          status: 403,
          statusText: 'Forbidden',
          name: 'NotAllowedError',
          message:
            'Only a member of the customer groups of SLA-2 (group:default/retail) may sign the review off',
        });
      }),
    });
    await renderAs(<ReviewPage id="REV-4" />, { api: itsmApi });

    // Closing waits for the sign-off.
    expect(await screen.findByRole('button', { name: 'Close' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Sign off' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Sign off REV-4',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Sign off' }),
    );

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      "You cannot sign this review off: only a member of the SLA's customer groups can.",
    );
    expect(alert).toHaveTextContent(
      'Only a member of the customer groups of SLA-2 (group:default/retail) may sign the review off',
    );
    expect(itsmApi.signOffReview).toHaveBeenCalledWith({ id: 'REV-4' });
  });

  it("records the customer's sign-off and then offers to close", async () => {
    const review = makeReview({
      version: 8,
      status: 'held',
      ...frozen,
      heldAt: '2027-01-15T10:00:00.000Z',
    });
    const signed = {
      ...review,
      version: 9,
      signedOffBy: CLARA,
      signedOffAt: '2027-01-16T09:00:00.000Z',
      signOffComment: 'Agreed',
    };
    const itsmApi = reviewApi(review, {
      signOffReview: jest.fn(async () => signed),
    });
    await renderAs(<ReviewPage id="REV-4" />, { api: itsmApi, user: CLARA });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Sign off' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Sign off REV-4',
    });
    await userEvent.type(within(dialog).getByLabelText('Comment'), 'Agreed');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Sign off' }),
    );

    expect(itsmApi.signOffReview).toHaveBeenCalledWith({
      id: 'REV-4',
      comment: 'Agreed',
    });
    expect(await screen.findByText(/Signed off by/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Close' })).toBeEnabled();
    expect(
      screen.queryByRole('button', { name: 'Sign off' }),
    ).not.toBeInTheDocument();
  });

  it('shows the frozen pack once held without offering to freeze it again, and links to the print page', async () => {
    const review = makeReview({
      status: 'held',
      ...frozen,
      heldAt: '2027-01-15T10:00:00.000Z',
    });
    await renderAs(<ReviewPage id="REV-4" />, { api: reviewApi(review) });

    expect(await screen.findByLabelText('Pack hash')).toHaveTextContent(HASH);
    expect(
      screen.queryByRole('button', { name: /Freeze/ }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Print pack' })).toHaveAttribute(
      'href',
      '/itsm/reviews/REV-4/pack',
    );
  });
});
