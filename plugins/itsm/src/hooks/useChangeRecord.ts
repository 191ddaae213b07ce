import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { changeSignalChannel } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../api';
import { useLiveRecord } from './useLiveRecord';

/**
 * One change and its complete history, kept live by its signal channel (see
 * {@link useLiveRecord}).
 */
export function useChangeRecord(id: string) {
  const itsmApi = useApi(itsmApiRef);
  const load = useCallback(() => itsmApi.getChange({ id }), [itsmApi, id]);
  const loadHistory = useCallback(
    (cursor?: string) => itsmApi.getChangeHistory({ id, cursor }),
    [itsmApi, id],
  );
  const { record, ...rest } = useLiveRecord({
    channel: changeSignalChannel(id),
    load,
    loadHistory,
  });
  return { change: record, ...rest };
}

/** What {@link useChangeRecord} returns. */
export type ChangeRecord = ReturnType<typeof useChangeRecord>;
