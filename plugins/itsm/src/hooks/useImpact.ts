import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef, type ImpactDirection } from '../api';

/** The impact analysis of one entity: by default its blast radius three hops deep. */
export function useImpact(options: {
  entityRef: string;
  direction?: ImpactDirection;
  depth?: number;
}) {
  const itsmApi = useApi(itsmApiRef);
  const { entityRef, direction = 'downstream', depth = 3 } = options;
  return useAsyncRetry(
    () => itsmApi.getImpact({ entityRef, direction, depth }),
    [itsmApi, entityRef, direction, depth],
  );
}
