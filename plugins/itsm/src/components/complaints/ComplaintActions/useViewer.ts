import { identityApiRef, useApiHolder } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/** Who is looking, in lowercase refs; undefined while unknown or without an identity API. */
export interface Viewer {
  userEntityRef: string;
  ownershipEntityRefs: string[];
}

/** The signed-in user and their ownership refs, to word the moves a complainant makes. */
export function useViewer(): Viewer | undefined {
  const identityApi = useApiHolder().get(identityApiRef);
  const { value } = useAsync(async () => {
    if (!identityApi) return undefined;
    const identity = await identityApi.getBackstageIdentity();
    const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
    return {
      userEntityRef: lower(identity.userEntityRef),
      ownershipEntityRefs: identity.ownershipEntityRefs.map(lower),
    };
  }, [identityApi]);
  return value;
}
