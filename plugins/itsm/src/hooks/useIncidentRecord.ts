import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { itsmApiRef } from '../api';
import { incidentChannel } from '../signals';
import { useLiveRecord } from './useLiveRecord';

/**
 * One incident and its complete history, kept live by its signal channel (see
 * {@link useLiveRecord}).
 */
export function useIncidentRecord(id: string) {
  const itsmApi = useApi(itsmApiRef);
  const load = useCallback(() => itsmApi.getIncident({ id }), [itsmApi, id]);
  const loadHistory = useCallback(
    (cursor?: string) => itsmApi.getIncidentHistory({ id, cursor }),
    [itsmApi, id],
  );
  const { record, ...rest } = useLiveRecord({
    channel: incidentChannel(id),
    load,
    loadHistory,
  });
  return { incident: record, ...rest };
}

/** What {@link useIncidentRecord} returns. */
export type IncidentRecord = ReturnType<typeof useIncidentRecord>;
