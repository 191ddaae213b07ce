import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  Incident,
  IncidentStatus,
  Page,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../api';

const PAGE_SIZE = 50;

/**
 * Pages through incidents, newest first: those of one entity, or my queue. The first
 * page loads with the component, further pages on `loadMore()`.
 */
export function useIncidents(options: {
  entityRef?: string;
  queue?: 'mine';
  status?: readonly IncidentStatus[];
}) {
  const itsmApi = useApi(itsmApiRef);
  const { entityRef, queue } = options;
  const statusKey = options.status?.join(',') ?? '';

  const first = useAsyncRetry(
    () =>
      itsmApi.listIncidents({
        ...(queue ? { queue } : { entityRef }),
        status: statusKey
          ? (statusKey.split(',') as IncidentStatus[])
          : undefined,
        limit: PAGE_SIZE,
      }),
    [itsmApi, entityRef, queue, statusKey],
  );

  const [more, setMore] = useState<Page<Incident>[]>([]);
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
    if (!nextCursor) {
      return;
    }
    const startedFor = generation.current;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await itsmApi.listIncidents({
        ...(queue ? { queue } : { entityRef }),
        status: statusKey
          ? (statusKey.split(',') as IncidentStatus[])
          : undefined,
        limit: PAGE_SIZE,
        cursor: nextCursor,
      });
      if (generation.current === startedFor) {
        setMore(pages => [...pages, page]);
      }
    } catch (e) {
      setMoreError(e as Error);
    } finally {
      setLoadingMore(false);
    }
  }, [itsmApi, entityRef, queue, statusKey, nextCursor]);

  const incidents = useMemo(
    () =>
      first.value ? [first.value, ...more].flatMap(page => page.items) : [],
    [first.value, more],
  );

  return {
    incidents,
    loading: first.loading,
    error: first.error ?? moreError,
    retry: first.retry,
    hasMore: nextCursor !== null,
    loadingMore,
    loadMore,
  };
}
