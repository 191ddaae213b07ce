import { screen } from '@testing-library/react';
import { mockItsmApi, renderForEntity } from '../../../__testUtils__/fixtures';
import {
  makeKnownError,
  makeProblem,
} from '../../../__testUtils__/problemFixtures';
import { ProblemCounts } from './ProblemCounts';

const entityRef = 'component:default/payments-api';

describe('ProblemCounts', () => {
  it('counts open problems and active known errors, 200+ at the cap', async () => {
    const api = mockItsmApi({
      listProblems: jest.fn(async () => ({
        items: Array.from({ length: 200 }, (_, i) =>
          makeProblem({ id: `PRB-${i + 1}` }),
        ),
        nextCursor: 'more',
      })),
      listKnownErrors: jest.fn(async () => ({
        items: [makeKnownError()],
        nextCursor: null,
      })),
    });
    await renderForEntity(<ProblemCounts entityRef={entityRef} />, { api });

    expect(
      await screen.findByRole('group', { name: 'Open problems: 200+' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Active known errors: 1' }),
    ).toBeInTheDocument();
    expect(api.listProblems).toHaveBeenCalledWith({
      entityRef,
      status: ['candidate', 'new', 'investigating', 'known_error'],
      limit: 200,
    });
    expect(api.listKnownErrors).toHaveBeenCalledWith({
      entityRef,
      status: ['active'],
      limit: 200,
    });
  });
});
