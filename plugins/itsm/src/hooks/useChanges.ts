import { useCallback, useMemo } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type {
  ChangeStatus,
  ChangeType,
  RiskLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { usePagedList } from './usePagedList';
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

  const fetchPage = useCallback(
    (cursor?: string) =>
      itsmApi.listChanges(cursor ? { ...query, cursor } : query),
    [itsmApi, query],
  );
  const { items, ...rest } = usePagedList(fetchPage);
  return { changes: items, ...rest };
}
