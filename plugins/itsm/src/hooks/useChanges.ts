import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  Change,
  ChangeStatus,
  ChangeType,
  Page,
  RiskLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, type ListChangesOptions } from '../api';

const PAGE_SIZE = 50;

/**
 * Pages through all changes, newest first, filtered on the server. The first page loads
 * with the component and again whenever a filter changes (without a cursor); further
 * pages on `loadMore()`. Empty filters mean "any".
 */
export function useChanges(options: {
  status?: readonly ChangeStatus[];
  type?: readonly ChangeType[];
  risk?: readonly RiskLevel[];
  /** Free text, matched by the server; blank means no filter. */
  q?: string;
}) {
  const itsmApi = useApi(itsmApiRef);
  // Primitive keys, so callers may pass fresh arrays on every render.
  const statusKey = options.status?.join(',') ?? '';
  const typeKey = options.type?.join(',') ?? '';
  const riskKey = options.risk?.join(',') ?? '';
  const q = options.q?.trim() ?? '';

  const query = useMemo<ListChangesOptions>(
    () => ({
      ...(statusKey ? { status: statusKey.split(',') as ChangeStatus[] } : {}),
      ...(typeKey ? { type: typeKey.split(',') as ChangeType[] } : {}),
      ...(riskKey ? { risk: riskKey.split(',') as RiskLevel[] } : {}),
      ...(q ? { q } : {}),
      limit: PAGE_SIZE,
    }),
    [statusKey, typeKey, riskKey, q],
  );

  const first = useAsyncRetry(
    () => itsmApi.listChanges(query),
    [itsmApi, query],
  );

  const [more, setMore] = useState<Page<Change>[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error>();
  // A page that arrives after the filters changed belongs to the old list.
  const generation = useRef(first.value);
  useEffect(() => {
    generation.current = first.value;
    setMore(pages => (pages.length ? [] : pages));
    setMoreError(undefined);
  }, [first.value]);

  const lastPage = more.length ? more[more.length - 1] : first.value;
  const nextCursor = lastPage?.nextCursor ?? null;

  const loadMore = useCallback(async () => {
    if (!nextCursor || first.loading) {
      return;
    }
    const startedFor = generation.current;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await itsmApi.listChanges({ ...query, cursor: nextCursor });
      if (generation.current === startedFor) {
        setMore(pages => [...pages, page]);
      }
    } catch (e) {
      setMoreError(e as Error);
    } finally {
      setLoadingMore(false);
    }
  }, [itsmApi, query, nextCursor, first.loading]);

  const changes = useMemo(
    () =>
      first.value ? [first.value, ...more].flatMap(page => page.items) : [],
    [first.value, more],
  );

  return {
    changes,
    loading: first.loading,
    error: first.error ?? moreError,
    retry: first.retry,
    hasMore: nextCursor !== null,
    loadingMore,
    loadMore,
  };
}
