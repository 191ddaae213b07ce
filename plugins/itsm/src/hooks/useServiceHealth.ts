import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../api';
import { INCIDENTS_CHANNEL } from '../signals';
import { useOnSignal } from './useOnSignal';

/**
 * Loads the service health of one entity; `retry` reloads it, and so does any
 * incident write on the entity.
 */
export function useServiceHealth(entityRef: string) {
  const itsmApi = useApi(itsmApiRef);
  const state = useAsyncRetry(
    () => itsmApi.getServiceHealth({ entityRef }),
    [itsmApi, entityRef],
  );
  useOnSignal(INCIDENTS_CHANNEL, () => state.retry());
  return state;
}
