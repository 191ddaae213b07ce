import { screen } from '@testing-library/react';
import { mockItsmApi, renderForEntity } from '../../../__testUtils__/fixtures';
import { ProblemCounts } from './ProblemCounts';

const entityRef = 'component:default/payments-api';

describe('ProblemCounts', () => {
  it('shows the counts the server made for the entity', async () => {
    const api = mockItsmApi({
      getProblemCounts: jest.fn(async () => ({
        entityRef,
        openProblems: 3,
        activeKnownErrors: 1,
      })),
    });
    await renderForEntity(<ProblemCounts entityRef={entityRef} />, { api });

    expect(
      await screen.findByRole('group', { name: 'Open problems: 3' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'Active known errors: 1' }),
    ).toBeInTheDocument();
    expect(api.getProblemCounts).toHaveBeenCalledWith({ entityRef });
  });

  it('leaves out a count the caller may not read', async () => {
    const api = mockItsmApi({
      getProblemCounts: jest.fn(async () => ({
        entityRef,
        openProblems: null,
        activeKnownErrors: 2,
      })),
    });
    await renderForEntity(<ProblemCounts entityRef={entityRef} />, { api });

    expect(
      await screen.findByRole('group', { name: 'Active known errors: 2' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('group', { name: /Open problems/ }),
    ).not.toBeInTheDocument();
  });
});
