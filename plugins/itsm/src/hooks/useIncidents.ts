import { useCallback, useMemo } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type {
  IncidentStatus,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';
import { usePagedList } from './usePagedList';
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

  const fetchPage = useCallback(
    (cursor?: string) =>
      itsmApi.listIncidents(cursor ? { ...query, cursor } : query),
    [itsmApi, query],
  );
  const { items, ...rest } = usePagedList(fetchPage);
  return { incidents: items, ...rest };
}
