import { screen } from '@testing-library/react';
import {
  PAYMENTS,
  evaluatedImprovement,
  improvementApi,
  makeImprovement,
  renderImprovements,
} from '../__testUtils__/improvementFixtures';
import { ImprovementsSection } from './ImprovementsSection';

describe('ImprovementsSection', () => {
  it("lists the service's items, open ones first, with Raise pre-filled with the service", async () => {
    const api = improvementApi(undefined, {
      listImprovements: jest.fn(async () => ({
        items: [
          evaluatedImprovement({ id: 'IMP-4', title: 'Fewer breaches' }),
          makeImprovement({ id: 'IMP-7', title: 'Add a read replica' }),
        ],
        nextCursor: null,
      })),
    });
    await renderImprovements(<ImprovementsSection entityRef={PAYMENTS} />, {
      api,
    });

    const rows = await screen.findAllByRole('row');
    const texts = rows.map(row => row.textContent ?? '');
    const open = texts.findIndex(t => t.includes('Add a read replica'));
    const done = texts.findIndex(t => t.includes('Fewer breaches'));
    expect(open).toBeGreaterThan(-1);
    expect(open).toBeLessThan(done);
    expect(rows[done]).toHaveTextContent('Achieved');
    expect(api.listImprovements).toHaveBeenCalledWith({
      entityRef: PAYMENTS,
      sort: 'score',
      order: 'desc',
      limit: 200,
    });
    expect(screen.getByTestId('raise-improvement')).toHaveAttribute(
      'href',
      `/itsm/improvements/new?entityRef=${encodeURIComponent(PAYMENTS)}`,
    );
  });
});
