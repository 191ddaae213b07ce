import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  Incident,
  IncidentStatus,
  Page,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, type ListIncidentsOptions } from '../api';

const PAGE_SIZE = 50;

type IncidentListQuery = ListIncidentsOptions;

/**
 * Pages through incidents, newest first: those of one entity, or my queue. The first
 * page loads with the component and again whenever a filter changes (from the first
 * page, without a cursor); further pages on `loadMore()`.
 */
export function useIncidents(options: {
  entityRef?: string;
  queue?: 'mine';
  status?: readonly IncidentStatus[];
  priority?: readonly Priority[];
  /** Only major incidents when true; no filter otherwise. */
  major?: boolean;
  /** Free text, matched by the server; blank means no filter. */
  q?: string;
}) {
  const itsmApi = useApi(itsmApiRef);
  const { entityRef, queue } = options;
  // Primitive keys, so callers may pass fresh arrays on every render.
  const statusKey = options.status?.join(',') ?? '';
  const priorityKey = options.priority?.join(',') ?? '';
  const major = options.major === true;
  const q = options.q?.trim() ?? '';

  const query = useMemo<IncidentListQuery>(
    () => ({
      ...(queue ? { queue } : { entityRef }),
      status: statusKey
        ? (statusKey.split(',') as IncidentStatus[])
        : undefined,
      ...(priorityKey
        ? { priority: priorityKey.split(',').map(Number) as Priority[] }
        : {}),
      ...(major ? { major } : {}),
      ...(q ? { q } : {}),
      limit: PAGE_SIZE,
    }),
    [entityRef, queue, statusKey, priorityKey, major, q],
  );

  const first = useAsyncRetry(
    () => itsmApi.listIncidents(query),
    [itsmApi, query],
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
    // While the first page reloads, the cursor belongs to the previous list.
    if (!nextCursor || first.loading) {
      return;
    }
    const startedFor = generation.current;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await itsmApi.listIncidents({
        ...query,
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
  }, [itsmApi, query, nextCursor, first.loading]);

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
