import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeReviewPack } from '../pack/__testUtils__/reviewPack';
import {
  HASH,
  PAYMENTS,
  makeReview,
  renderAs,
  reviewApi,
} from '../__testUtils__/reviewFixtures';
import {
  EntityServiceReviewContent,
  currentReviewOf,
} from './EntityServiceReviewContent';

describe('EntityServiceReviewContent', () => {
  it('shows the next review with its date, status and overdue flag, the earlier reviews with their frozen packs, satisfaction and complaints', async () => {
    const next = makeReview({ overdue: true });
    const earlier = makeReview({
      id: 'REV-2',
      title: 'Service review of payments, Q3',
      status: 'closed',
      scheduledFor: '2026-10-10T10:00:00.000Z',
      packFrozenAt: '2026-10-09T10:00:00.000Z',
      packHash: HASH,
      packGeneratorVersion: '1',
    });
    const itsmApi = reviewApi(next, {
      listReviews: jest.fn(async () => ({
        items: [next, earlier],
        nextCursor: null,
      })),
    });
    await renderAs(<EntityServiceReviewContent />, { api: itsmApi });

    const region = await screen.findByRole('region', { name: 'Next review' });
    expect(
      await within(region).findByRole('heading', { name: next.title }),
    ).toBeInTheDocument();
    const status = within(region).getByTestId('itsm-review-status');
    expect(within(status).getByText('Scheduled')).toBeInTheDocument();
    expect(within(status).getByText('Overdue')).toBeInTheDocument();
    expect(
      within(
        within(region).getByRole('group', { name: 'Scheduled for' }),
      ).getByText(new Date(next.scheduledFor).toLocaleString()),
    ).toBeInTheDocument();
    expect(itsmApi.listReviews).toHaveBeenCalledWith({
      entityRef: PAYMENTS,
      limit: 100,
    });

    // The earlier review links to its page and its printable pack.
    expect(screen.getByRole('link', { name: 'REV-2' })).toHaveAttribute(
      'href',
      '/itsm/reviews/REV-2',
    );
    expect(
      screen.getByRole('link', { name: 'Print pack of REV-2' }),
    ).toHaveAttribute('href', '/itsm/reviews/REV-2/pack');
    expect(screen.getByText(HASH.slice(0, 12))).toBeInTheDocument();
    // Satisfaction with its comments and complaints about the service follow.
    expect(
      await screen.findByText(/Nobody told us it was being worked on/),
    ).toBeInTheDocument();
    expect(itsmApi.getSatisfaction).toHaveBeenCalledWith({
      entityRef: PAYMENTS,
    });
    expect(itsmApi.listComplaints).toHaveBeenCalledWith({
      entityRef: PAYMENTS,
      limit: 200,
    });
  });

  it('previews the pack before freezing, and "Freeze pack" freezes it at the version read and shows its hash', async () => {
    const review = makeReview({ version: 3 });
    const frozen = {
      ...review,
      version: 4,
      packFrozenAt: '2027-01-10T09:00:00.000Z',
      packHash: HASH,
      packGeneratorVersion: '1',
    };
    const pack = makeReviewPack();
    const itsmApi = reviewApi(review, {
      getReviewPack: jest.fn(async () => ({ frozen: null, live: pack })),
      freezeReviewPack: jest.fn(async () => frozen),
    });
    await renderAs(<EntityServiceReviewContent />, { api: itsmApi });

    expect(await screen.findByText(/Not frozen yet/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show preview' }));
    const preview = await screen.findByTestId('itsm-review-pack');
    expect(
      within(preview).getByRole('heading', { name: 'SLA attainment' }),
    ).toBeInTheDocument();
    // Preparing waits for the frozen pack.
    expect(
      screen.getByRole('button', { name: 'Mark prepared' }),
    ).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Freeze pack' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Freeze the pack: REV-4',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Freeze' }),
    );

    await waitFor(() =>
      expect(itsmApi.freezeReviewPack).toHaveBeenCalledWith({
        id: 'REV-4',
        version: 3,
      }),
    );
    expect(await screen.findByLabelText('Pack hash')).toHaveTextContent(HASH);
    expect(screen.getByText(/by generator version 1/)).toBeInTheDocument();
    // Once the dialog has gone, preparing is open and freezing again is offered.
    expect(
      await screen.findByRole('button', { name: 'Mark prepared' }),
    ).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Freeze again' })).toBeEnabled();
  });

  it('shows what changed in the live data since the pack was frozen', async () => {
    const review = makeReview({
      status: 'prepared',
      packFrozenAt: '2027-01-10T09:00:00.000Z',
      packHash: HASH,
      packGeneratorVersion: '1',
    });
    const pack = makeReviewPack();
    const itsmApi = reviewApi(review, {
      getReviewPack: jest.fn(async () => ({
        frozen: {
          pack,
          hash: HASH,
          generatorVersion: '1',
          frozenAt: '2027-01-10T09:00:00.000Z',
        },
        live: pack,
        drift: {
          changed: true,
          sections: [
            {
              section: 'incidents' as const,
              title: 'Incidents and major incidents',
              changes: [{ path: 'Total', frozen: 12, live: 13 }],
            },
          ],
        },
      })),
    });
    await renderAs(<EntityServiceReviewContent />, { api: itsmApi });

    expect(
      await screen.findByText(
        /Changed in the live data since freezing: Incidents and major incidents/,
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show pack' }));
    expect(
      await screen.findByRole('heading', {
        name: 'Incidents and major incidents (changed since frozen)',
      }),
    ).toBeInTheDocument();
  });

  it('offers to schedule a review when none is open', async () => {
    const closed = makeReview({ status: 'closed' });
    const itsmApi = reviewApi(closed);
    await renderAs(<EntityServiceReviewContent />, { api: itsmApi });

    expect(await screen.findByText('No review scheduled')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Schedule review' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'REV-4' })).toBeInTheDocument();
  });

  it('takes the open review due first as the current one', () => {
    const later = makeReview({
      id: 'REV-9',
      scheduledFor: '2027-06-01T00:00:00Z',
    });
    const held = makeReview({
      id: 'REV-5',
      status: 'held',
      scheduledFor: '2027-01-01T00:00:00Z',
    });
    const closed = makeReview({
      id: 'REV-1',
      status: 'closed',
      scheduledFor: '2026-01-01T00:00:00Z',
    });
    expect(currentReviewOf([later, held, closed])?.id).toBe('REV-5');
    expect(currentReviewOf([closed])).toBeUndefined();
  });
});
