import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type {
  HistoryEvent,
  Incident,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../api';
import { incidentChannel, type IncidentSignal } from '../signals';
import { useOnSignal } from './useOnSignal';

/** History pages read per load; beyond this the timeline says it is truncated. */
const MAX_HISTORY_PAGES = 20;

/**
 * One incident and its complete history, kept live: a signal with a newer version
 * reloads the incident, any signal reloads the history. `accept` takes the body a write
 * answered with, so the next write sends its version.
 */
export function useIncidentRecord(id: string) {
  const itsmApi = useApi(itsmApiRef);
  const [incident, setIncident] = useState<Incident>();
  const [error, setError] = useState<Error>();
  const [history, setHistory] = useState<HistoryEvent[]>();
  const [historyError, setHistoryError] = useState<Error>();
  const [historyTruncated, setHistoryTruncated] = useState(false);
  const current = useRef<Incident>();
  current.current = incident;

  // Answers to an earlier request never overwrite those of a later one.
  const incidentRequest = useRef(0);
  const reload = useCallback(async () => {
    const request = ++incidentRequest.current;
    try {
      const next = await itsmApi.getIncident({ id });
      if (request === incidentRequest.current) {
        setIncident(next);
        setError(undefined);
      }
    } catch (e) {
      if (request === incidentRequest.current) {
        setError(e as Error);
      }
    }
  }, [itsmApi, id]);

  const historyRequest = useRef(0);
  const reloadHistory = useCallback(async () => {
    const request = ++historyRequest.current;
    try {
      const events: HistoryEvent[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await itsmApi.getIncidentHistory({ id, cursor });
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
  }, [itsmApi, id]);

  useEffect(() => {
    setIncident(undefined);
    setError(undefined);
    setHistory(undefined);
    reload();
    reloadHistory();
  }, [reload, reloadHistory]);

  useOnSignal<IncidentSignal>(incidentChannel(id), message => {
    const known = current.current?.version ?? 0;
    if (typeof message.version !== 'number' || message.version > known) {
      reload();
    }
    reloadHistory();
  });

  /** Takes the incident a write answered with, and reloads the history it extended. */
  const accept = useCallback(
    (next: Incident) => {
      incidentRequest.current += 1;
      setIncident(next);
      setError(undefined);
      reloadHistory();
    },
    [reloadHistory],
  );

  return {
    incident,
    error,
    loading: !incident && !error,
    reload,
    accept,
    history,
    historyError,
    historyTruncated,
    reloadHistory,
  };
}

/** What {@link useIncidentRecord} returns. */
export type IncidentRecord = ReturnType<typeof useIncidentRecord>;
