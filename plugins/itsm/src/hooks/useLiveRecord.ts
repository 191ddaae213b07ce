import { useCallback, useEffect, useRef, useState } from 'react';
import type { HistoryEvent, Page } from '@backstage-itsm/plugin-itsm-common';
import { useOnSignal } from './useOnSignal';

/** History pages read per load; beyond this the timeline says it is truncated. */
const MAX_HISTORY_PAGES = 20;

/**
 * One versioned record (incident, change, ...) and its complete history, kept live: a
 * signal on `channel` with a newer version reloads the record, any signal reloads the
 * history. `accept` takes the body a write answered with, so the next write sends its
 * version. `load` and `loadHistory` must be stable for the same record.
 */
export function useLiveRecord<T extends { version: number }>(options: {
  channel: string;
  load: () => Promise<T>;
  loadHistory: (cursor?: string) => Promise<Page<HistoryEvent>>;
}) {
  const { channel, load, loadHistory } = options;
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

  useOnSignal<{ version?: unknown }>(channel, message => {
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
