import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { Page } from '@backstage-itsm/plugin-itsm-common';

/**
 * Pages through a server list. The first page loads with the component and again whenever
 * `fetchPage` changes (a new query: memoise it on the filters), without a cursor; further pages
 * on `loadMore()`. A page that arrives after the query changed is dropped.
 */
export function usePagedList<T>(
  fetchPage: (cursor?: string) => Promise<Page<T>>,
) {
  const first = useAsyncRetry(() => fetchPage(), [fetchPage]);

  const [more, setMore] = useState<Page<T>[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error>();
  // A page that arrives after the filters changed belongs to the old list.
  const generation = useRef(first.value);
  useEffect(() => {
    generation.current = first.value;
    // Keep the same array when there is nothing to drop, so the table keeps its rows.
    setMore(pages => (pages.length ? [] : pages));
    setMoreError(undefined);
  }, [first.value]);

  const lastPage = more.length ? more[more.length - 1] : first.value;
  const nextCursor = lastPage?.nextCursor ?? null;

  const loadMore = useCallback(async () => {
    // While the first page reloads, the cursor belongs to the previous list.
    if (!nextCursor || first.loading) {
      return;
    }
    const startedFor = generation.current;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await fetchPage(nextCursor);
      if (generation.current === startedFor) {
        setMore(pages => [...pages, page]);
      }
    } catch (e) {
      setMoreError(e as Error);
    } finally {
      setLoadingMore(false);
    }
  }, [fetchPage, nextCursor, first.loading]);

  const items = useMemo(
    () =>
      first.value ? [first.value, ...more].flatMap(page => page.items) : [],
    [first.value, more],
  );

  return {
    items,
    loading: first.loading,
    error: first.error ?? moreError,
    retry: first.retry,
    hasMore: nextCursor !== null,
    loadingMore,
    loadMore,
  };
}
