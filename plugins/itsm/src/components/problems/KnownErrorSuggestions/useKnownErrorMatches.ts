import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import type { KnownErrorMatch } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, type MatchKnownErrorsOptions } from '../../../api';

/** Typing pauses this long before the known errors are asked again. */
export const MATCH_DEBOUNCE_MS = 400;

const NONE: KnownErrorMatch[] = [];

/** Text shorter than this (and no category or signature) asks nothing. */
const MIN_TEXT = 3;

/** The question a form's values ask, or `''` when they say too little yet. */
function questionOf(options: MatchKnownErrorsOptions): string {
  // The route reads at most 5,000 characters; the start of a long description is enough.
  const text = (options.text?.trim() ?? '').slice(0, 5000);
  if (
    !options.entityRef ||
    (text.length < MIN_TEXT && !options.category && !options.signature)
  ) {
    return '';
  }
  return JSON.stringify({
    entityRef: options.entityRef,
    text,
    ...(options.category ? { category: options.category } : {}),
    ...(options.signature ? { signature: options.signature } : {}),
    limit: options.limit ?? 5,
  });
}

/**
 * The active known errors of the entity and its upstream dependencies that match what the
 * form holds, asked again a moment after the input settles. The last matches stay while the
 * next answer is on its way.
 */
export function useKnownErrorMatches(options: MatchKnownErrorsOptions) {
  const itsmApi = useApi(itsmApiRef);
  const key = questionOf(options);
  const [settled, setSettled] = useState(key);
  useDebounce(() => setSettled(key), MATCH_DEBOUNCE_MS, [key]);
  const state = useAsync(
    async () =>
      settled
        ? (
            await itsmApi.matchKnownErrors(
              JSON.parse(settled) as MatchKnownErrorsOptions,
            )
          ).items
        : NONE,
    [itsmApi, settled],
  );
  const [shown, setShown] = useState<KnownErrorMatch[]>(NONE);
  useEffect(() => {
    if (state.value) setShown(state.value);
  }, [state.value]);
  return {
    // The same array while nothing changes, so callers may depend on it.
    matches: settled ? shown : NONE,
    loading: state.loading || key !== settled,
    error: state.error,
  };
}
