import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { mockItsmApi, renderInItsmApp } from '../../../__testUtils__/fixtures';
import {
  makeKnownError,
  makeKnownErrorMatch,
} from '../../../__testUtils__/problemFixtures';
import { KnownErrorSuggestions } from './KnownErrorSuggestions';
import { MATCH_DEBOUNCE_MS } from './useKnownErrorMatches';

function Harness(props: { onApply: jest.Mock }) {
  const [text, setText] = useState('');
  return (
    <>
      <input
        aria-label="Description"
        value={text}
        onChange={e => setText(e.target.value)}
      />
      <KnownErrorSuggestions
        entityRef="component:default/payments-api"
        text={text}
        onApply={props.onApply}
      />
    </>
  );
}

describe('KnownErrorSuggestions', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('asks once typing settles and offers the matches with why and their workaround', async () => {
    jest.useFakeTimers();
    const itsmApi = mockItsmApi({
      matchKnownErrors: jest.fn(async () => ({
        items: [
          makeKnownErrorMatch(),
          makeKnownErrorMatch({
            knownError: makeKnownError({
              id: 'KE-2',
              title: 'Database failover',
              workaround: 'Point the service at the replica',
            }),
            reasons: ['category database'],
            matchedEntityRef: 'resource:default/payments-db',
            upstream: true,
          }),
        ],
      })),
    });
    const onApply = jest.fn();
    await renderInItsmApp(<Harness onApply={onApply} />, { api: itsmApi });

    const input = screen.getByLabelText('Description');
    for (const text of ['c', 'co', 'con', 'connection pool']) {
      fireEvent.change(input, { target: { value: text } });
      await act(() => jest.advanceTimersByTimeAsync(100));
    }
    expect(itsmApi.matchKnownErrors).not.toHaveBeenCalled();
    await act(() => jest.advanceTimersByTimeAsync(MATCH_DEBOUNCE_MS));

    expect(itsmApi.matchKnownErrors).toHaveBeenCalledTimes(1);
    expect(itsmApi.matchKnownErrors).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      text: 'connection pool',
      limit: 5,
    });
    const first = await screen.findByRole('article', {
      name: 'KE-1: Connection pool exhausted under load',
    });
    expect(first).toHaveTextContent('text "connection pool"');
    expect(first).toHaveTextContent('Restart the payments-api pods');
    const upstream = screen.getByRole('article', {
      name: 'KE-2: Database failover',
    });
    expect(upstream).toHaveTextContent('via upstream payments-db');

    fireEvent.click(
      screen.getAllByRole('button', { name: 'Apply workaround' })[1],
    );
    expect(onApply).toHaveBeenCalledWith(
      expect.objectContaining({
        knownError: expect.objectContaining({ id: 'KE-2' }),
      }),
    );
  });

  it('asks nothing while the text is too short and there is no category', async () => {
    const itsmApi = mockItsmApi();
    await renderInItsmApp(
      <KnownErrorSuggestions
        entityRef="component:default/payments-api"
        text="ab"
        onApply={jest.fn()}
      />,
      { api: itsmApi },
    );
    await new Promise(resolve => setTimeout(resolve, MATCH_DEBOUNCE_MS + 100));
    expect(itsmApi.matchKnownErrors).not.toHaveBeenCalled();
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});
