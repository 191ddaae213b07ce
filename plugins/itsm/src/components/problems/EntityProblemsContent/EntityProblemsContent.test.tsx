import { screen, within } from '@testing-library/react';
import { mockItsmApi, renderForEntity } from '../../../__testUtils__/fixtures';
import {
  makeKnownError,
  makeProblem,
} from '../../../__testUtils__/problemFixtures';
import { EntityProblemsContent } from './EntityProblemsContent';

describe('EntityProblemsContent', () => {
  it("lists the entity's problems, open ones first, and its active known errors", async () => {
    const itsmApi = mockItsmApi({
      listProblems: jest.fn(async () => ({
        items: [
          makeProblem({
            id: 'PRB-9',
            title: 'Old closed one',
            status: 'closed',
          }),
          makeProblem({
            id: 'PRB-3',
            title: 'Pool exhaustion',
            status: 'investigating',
          }),
        ],
        nextCursor: null,
      })),
      listKnownErrors: jest.fn(async () => ({
        items: [makeKnownError({ id: 'KE-4', title: 'Pool too small' })],
        nextCursor: null,
      })),
    });
    await renderForEntity(<EntityProblemsContent />, { api: itsmApi });

    const rows = await screen.findAllByRole('row');
    const titles = rows.map(row => row.textContent);
    const open = titles.findIndex(t => t?.includes('Pool exhaustion'));
    const closed = titles.findIndex(t => t?.includes('Old closed one'));
    expect(open).toBeGreaterThan(-1);
    expect(open).toBeLessThan(closed);
    expect(screen.getByRole('link', { name: 'PRB-3' })).toHaveAttribute(
      'href',
      '/itsm/problems/PRB-3',
    );
    expect(screen.getByText('Pool too small')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'KE-4' })).toHaveAttribute(
      'href',
      '/itsm/known-errors/KE-4',
    );
    expect(itsmApi.listProblems).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      limit: 200,
    });
    expect(itsmApi.listKnownErrors).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      status: ['active'],
      limit: 200,
    });
    expect(
      within(screen.getAllByRole('table')[1]).getByText('5 / 2'),
    ).toBeInTheDocument();
  });
});
