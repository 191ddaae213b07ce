import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../api';

/** Loads the service health of one entity; `retry` reloads it. */
export function useServiceHealth(entityRef: string) {
  const itsmApi = useApi(itsmApiRef);
  return useAsyncRetry(
    () => itsmApi.getServiceHealth({ entityRef }),
    [itsmApi, entityRef],
  );
}
