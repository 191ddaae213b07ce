import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import type { ItsmApi } from '../../api';
import { itsmApiRef } from '../../api';
import { mockItsmApi, notFound } from '../../__testUtils__/fixtures';
import { improvementsRouteRef, rootRouteRef } from '../../routes';
import { ImprovementCounts } from './ImprovementCounts';

const entityRef = 'component:default/payments-api';

function counts(open: number | null, overdue: number | null) {
  return mockItsmApi({
    getImprovementCounts: jest.fn(async () => ({ entityRef, open, overdue })),
  });
}

/** Renders the counts of `ref` with the routes the app mounts. */
function render(
  api: ItsmApi,
  mountedRoutes: Record<string, any> = {
    '/itsm': rootRouteRef,
    '/itsm/improvements': improvementsRouteRef,
  },
  ref = entityRef,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[itsmApiRef, api]]}>
      <ImprovementCounts entityRef={ref} />
    </TestApiProvider>,
    { mountedRoutes },
  );
}

describe('ImprovementCounts', () => {
  it('shows open and overdue items, linking to the register filtered by the service', async () => {
    const api = mockItsmApi({
      getImprovementCounts: jest.fn(async () => ({
        entityRef,
        open: 4,
        overdue: 1,
      })),
    });
    await render(api, undefined, 'Component:default/Payments-API');

    const open = await screen.findByRole('group', {
      name: 'Open improvements: 4',
    });
    expect(within(open).getByText('Open improvements')).toBeInTheDocument();
    expect(
      within(open).getByRole('link', {
        name: 'Open improvements of this service in the register',
      }),
    ).toHaveAttribute(
      'href',
      '/itsm/improvements?entityRef=component%3Adefault%2Fpayments-api',
    );
    const overdue = screen.getByRole('group', {
      name: 'Overdue improvements: 1',
    });
    expect(within(overdue).getByText('Overdue')).toBeInTheDocument();
    expect(
      within(overdue).getByRole('link', {
        name: 'Overdue improvements of this service in the register',
      }),
    ).toHaveAttribute(
      'href',
      '/itsm/improvements?entityRef=component%3Adefault%2Fpayments-api&overdue=true',
    );
    expect(api.getImprovementCounts).toHaveBeenCalledWith({
      entityRef: 'Component:default/Payments-API',
    });
  });

  it('leaves out the overdue count when none is overdue', async () => {
    await render(counts(2, 0));

    expect(
      await screen.findByRole('group', { name: 'Open improvements: 2' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Overdue')).not.toBeInTheDocument();
  });

  it('shows zero open items, still linking to the register', async () => {
    await render(counts(0, 0));

    const open = await screen.findByRole('group', {
      name: 'Open improvements: 0',
    });
    expect(within(open).getByRole('link')).toHaveTextContent('0');
  });

  it('links under the ITSM page where the register has no page of its own', async () => {
    await render(counts(3, 2), { '/itsm': rootRouteRef });

    const overdue = await screen.findByRole('group', {
      name: 'Overdue improvements: 2',
    });
    expect(within(overdue).getByRole('link')).toHaveAttribute(
      'href',
      '/itsm/improvements?entityRef=component%3Adefault%2Fpayments-api&overdue=true',
    );
  });

  it('shows the numbers without links where no ITSM page is mounted', async () => {
    await render(counts(3, 2), {});

    const open = await screen.findByRole('group', {
      name: 'Open improvements: 3',
    });
    expect(within(open).getByText('3')).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Overdue improvements: 2' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows a placeholder while the counts load', async () => {
    await render(mockItsmApi());

    expect(
      screen.getByRole('group', { name: 'Open improvements: …' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows nothing to a caller who may not read improvement items', async () => {
    const api = counts(null, null);
    const { container } = await render(api);

    await waitFor(() => expect(api.getImprovementCounts).toHaveBeenCalled());
    await waitFor(() =>
      expect(
        screen.queryByRole('group', { name: /Open improvements/ }),
      ).not.toBeInTheDocument(),
    );
    expect(container.textContent).toBe('');
  });

  it('shows nothing when the counts cannot be had', async () => {
    const error = await notFound('Not found: /improvement-counts');
    const api = mockItsmApi({
      getImprovementCounts: jest.fn(async () => {
        throw error;
      }),
    });
    const { container } = await render(api);

    await waitFor(() =>
      expect(
        screen.queryByRole('group', { name: /Open improvements/ }),
      ).not.toBeInTheDocument(),
    );
    expect(container.textContent).toBe('');
  });
});
