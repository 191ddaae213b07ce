import { useCallback, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { KnownErrorMatch } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';

/**
 * The known errors offered while an incident is reported, and the one whose workaround the
 * reporter chose. Once the incident exists, `record` counts every match on screen as
 * `offered` and the chosen one as `applied` (which links the incident to it).
 */
export function useKnownErrorOffer() {
  const itsmApi = useApi(itsmApiRef);
  const [shown, setShown] = useState<KnownErrorMatch[]>([]);
  const [chosen, setChosen] = useState<KnownErrorMatch>();

  const onMatches = useCallback((matches: KnownErrorMatch[]) => {
    setShown(matches);
  }, []);

  /** Chooses a match's workaround, or un-chooses it when it was chosen. */
  const choose = useCallback((match: KnownErrorMatch) => {
    setChosen(current =>
      current?.knownError.id === match.knownError.id ? undefined : match,
    );
  }, []);

  const reset = useCallback(() => {
    setShown([]);
    setChosen(undefined);
  }, []);

  /**
   * Records the offers and the choice on the new incident. A failure does not undo the
   * report: the failed uses are answered, for the caller to mention.
   */
  const record = useCallback(
    async (incidentId: string): Promise<unknown[]> => {
      const offered = new Map(shown.map(m => [m.knownError.id, m]));
      if (chosen) offered.set(chosen.knownError.id, chosen);
      const results = await Promise.allSettled(
        [...offered.keys()].map(id =>
          itsmApi.recordKnownErrorUse({ id, incidentId, kind: 'offered' }),
        ),
      );
      if (chosen) {
        results.push(
          ...(await Promise.allSettled([
            itsmApi.recordKnownErrorUse({
              id: chosen.knownError.id,
              incidentId,
              kind: 'applied',
            }),
          ])),
        );
      }
      return results
        .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
        .map(r => r.reason);
    },
    [itsmApi, shown, chosen],
  );

  return { shown, chosen, choose, onMatches, reset, record };
}

/** What {@link useKnownErrorOffer} returns. */
export type KnownErrorOffer = ReturnType<typeof useKnownErrorOffer>;
