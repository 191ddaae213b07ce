import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  ReviewPackResponse,
  diffReviewPack,
} from '@backstage-itsm/plugin-itsm-common';
import {
  mockItsmApi,
  renderInItsmApp,
  responseError,
} from '../../../__testUtils__/fixtures';
import { makeReviewPack } from './__testUtils__/reviewPack';
import { ReviewPackPrintPage } from './ReviewPackPrintPage';

const HASH = 'a3f1'.repeat(16);

function frozenResponse(): ReviewPackResponse {
  return {
    frozen: {
      pack: makeReviewPack(),
      hash: HASH,
      generatorVersion: '1',
      frozenAt: '2026-11-02T09:30:00.000Z',
    },
  };
}

const onRoute = (
  <Routes>
    <Route path="reviews/:id/pack" element={<ReviewPackPrintPage />} />
  </Routes>
);

describe('ReviewPackPrintPage', () => {
  it('prints the frozen pack of the review in its address with its hash and generator version', async () => {
    const api = mockItsmApi({
      getReviewPack: jest.fn(async () => frozenResponse()),
    });
    const print = jest.spyOn(window, 'print').mockImplementation(() => {});
    await renderInItsmApp(onRoute, { api, path: '/reviews/REV-4/pack' });

    expect(
      await screen.findByRole('heading', { name: 'Service review pack' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Payments')).toBeInTheDocument();
    expect(
      screen.getByText(
        'component:default/payments · REV-4 · period 2026-10-01 to 2026-10-31 · SLA-2 revision 3',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Customers: group:default/retail')).toBeVisible();
    expect(
      screen.getByText(/Frozen 2026-11-02 09:30 UTC by generator version 1/),
    ).toHaveTextContent(`content hash (SHA-256) ${HASH}`);
    // Only the stored pack is read: nothing is generated to print a frozen pack.
    expect(api.getReviewPack).toHaveBeenCalledTimes(1);
    expect(api.getReviewPack).toHaveBeenCalledWith({
      id: 'REV-4',
      live: false,
    });
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(11);
    expect(document.querySelector('[data-changed]')).toBeNull();

    // Paper rules: the Backstage chrome and the button stay off the printout.
    const css = document.querySelector(
      'style[data-review-pack-print]',
    )?.textContent;
    expect(css).toContain('@media print');
    expect(css).toContain('[class*="BackstageSidebar"]');
    expect(screen.getByRole('button', { name: 'Print' })).toHaveAttribute(
      'data-review-pack-no-print',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Print' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    print.mockRestore();
  });

  it('prints the pack generated now as a draft before the review froze one', async () => {
    const api = mockItsmApi({
      getReviewPack: jest.fn(async ({ live }) =>
        live === false
          ? { frozen: null }
          : { frozen: null, live: makeReviewPack() },
      ),
    });
    await renderInItsmApp(<ReviewPackPrintPage reviewId="REV-5" />, { api });

    expect(
      await screen.findByText(
        'Draft: generated 2026-11-02 09:00 UTC from live records by generator version 1; not frozen yet.',
      ),
    ).toBeInTheDocument();
    expect(api.getReviewPack.mock.calls).toEqual([
      [{ id: 'REV-5', live: false }],
      [{ id: 'REV-5' }],
    ]);
  });

  it('marks what changed since freezing when asked to', async () => {
    const live = makeReviewPack();
    live.sections.changes.closed = 5;
    const response = frozenResponse();
    const api = mockItsmApi({
      getReviewPack: jest.fn(async () => ({
        ...response,
        live,
        drift: diffReviewPack(response.frozen!.pack, live),
      })),
    });
    await renderInItsmApp(<ReviewPackPrintPage reviewId="REV-4" withDrift />, {
      api,
    });

    const changes = await screen.findByRole('region', {
      name: 'Changes (changed since frozen)',
    });
    expect(within(changes).getByRole('note')).toHaveTextContent(
      'Closed: 4 → 5',
    );
    // The frozen figures are printed; the note says what the live data holds now.
    expect(changes).toHaveTextContent('n = 4: 3 successful');
    expect(api.getReviewPack).toHaveBeenCalledWith({ id: 'REV-4', live: true });
  });

  it('says why when the pack cannot be read', async () => {
    const api = mockItsmApi({
      getReviewPack: jest.fn(async () => {
        throw await responseError({
          status: 404,
          statusText: 'Not Found',
          name: 'NotFoundError',
          message: 'Review REV-99 not found',
        });
      }),
    });
    await renderInItsmApp(<ReviewPackPrintPage reviewId="REV-99" />, { api });
    expect(
      await screen.findByText(/Could not load the pack/),
    ).toBeInTheDocument();
    expect(screen.getByText('Review REV-99 not found')).toBeInTheDocument();
  });

  it('asks which review without an id', async () => {
    const api = mockItsmApi({ getReviewPack: jest.fn() });
    await renderInItsmApp(<ReviewPackPrintPage />, { api });
    expect(await screen.findByText(/Which review\?/)).toBeInTheDocument();
    expect(api.getReviewPack).not.toHaveBeenCalled();
  });
});
