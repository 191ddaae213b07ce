import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { HistoryEvent } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../api';
import { useOnSignal } from '../hooks/useOnSignal';
import {
  recordMethods,
  type RecordKind,
  type VersionedRecord,
} from './RecordKind';

/** History pages read per load; beyond this the timeline says it is truncated. */
const MAX_HISTORY_PAGES = 20;

/**
 * One record and its complete history, kept live: a signal on the kind's channel with a
 * newer version reloads the record, any signal reloads the history. A late answer never
 * overwrites a newer one. `accept` takes the body a write answered with, so the next write
 * sends its version.
 */
export function useRecord<T extends VersionedRecord>(
  kind: RecordKind<T, any, any>,
  id: string,
) {
  const itsmApi = useApi(itsmApiRef);
  // The kind is a module constant; its methods are stable for the same record.
  const methods = recordMethods(kind);
  const load = useCallback(
    () => methods.get(itsmApi, id),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [itsmApi, id, kind],
  );
  const loadHistory = useCallback(
    (cursor?: string) => methods.history(itsmApi, { id, cursor }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [itsmApi, id, kind],
  );

  const [record, setRecord] = useState<T>();
  const [error, setError] = useState<Error>();
  const [history, setHistory] = useState<HistoryEvent[]>();
  const [historyError, setHistoryError] = useState<Error>();
  const [historyTruncated, setHistoryTruncated] = useState(false);
  const current = useRef<T>();
  current.current = record;

  // Answers to an earlier request never overwrite those of a later one.
  const recordRequest = useRef(0);
  const reload = useCallback(async () => {
    const request = ++recordRequest.current;
    try {
      const next = await load();
      if (request === recordRequest.current) {
        setRecord(next);
        setError(undefined);
      }
    } catch (e) {
      if (request === recordRequest.current) {
        setError(e as Error);
      }
    }
  }, [load]);

  const historyRequest = useRef(0);
  const reloadHistory = useCallback(async () => {
    const request = ++historyRequest.current;
    try {
      const events: HistoryEvent[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await loadHistory(cursor);
        events.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor && pages < MAX_HISTORY_PAGES);
      if (request === historyRequest.current) {
        setHistory(events);
        setHistoryTruncated(Boolean(cursor));
        setHistoryError(undefined);
      }
    } catch (e) {
      if (request === historyRequest.current) {
        setHistoryError(e as Error);
      }
    }
  }, [loadHistory]);

  useEffect(() => {
    setRecord(undefined);
    setError(undefined);
    setHistory(undefined);
    reload();
    reloadHistory();
  }, [reload, reloadHistory]);

  // A kind without a channel refreshes on reload only.
  useOnSignal<{ version?: unknown }>(kind.channel?.(id), message => {
    const known = current.current?.version ?? 0;
    if (typeof message.version !== 'number' || message.version > known) {
      reload();
    }
    reloadHistory();
  });

  /** Takes the record a write answered with, and reloads the history it extended. */
  const accept = useCallback(
    (next: T) => {
      recordRequest.current += 1;
      setRecord(next);
      setError(undefined);
      reloadHistory();
    },
    [reloadHistory],
  );

  return {
    record,
    error,
    loading: !record && !error,
    reload,
    accept,
    history,
    historyError,
    historyTruncated,
    reloadHistory,
  };
}

/** What {@link useRecord} returns. */
export type LiveRecord<T extends VersionedRecord> = ReturnType<
  typeof useRecord<T>
>;
