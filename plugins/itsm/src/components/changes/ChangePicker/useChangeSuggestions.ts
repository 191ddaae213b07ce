import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import type { Change, ChangeStatus } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';

/** Changes that have been (or are being) implemented: the ones that can cause an incident. */
export const IMPLEMENTED_STATUSES: readonly ChangeStatus[] = [
  'implementing',
  'review',
  'closed',
];

const SUGGESTION_LIMIT = 10;

const CHANGE_ID = /^CHG-\d+$/i;

/** `chg-12 ` → `CHG-12`; anything else as typed (trimmed), or null when empty. */
export function normalizeChangeId(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return CHANGE_ID.test(trimmed) ? trimmed.toUpperCase() : trimmed;
}

/** When the work happened: the end of the implementation, else its start, else the last edit. */
function implementedAt(change: Change): number {
  return Date.parse(change.actualEnd ?? change.actualStart ?? change.updatedAt);
}

function newestImplementedFirst(changes: Change[]): Change[] {
  return [...changes].sort((a, b) => implementedAt(b) - implementedAt(a));
}

/**
 * Implemented changes a user may mean while typing: those on `entityRefs` first, most
 * recently implemented first; once a word is typed, also matching changes elsewhere. An
 * empty term or a typed id (`CHG-n`) offers the recent changes on the entities.
 */
export function useChangeSuggestions(
  entityRefs: readonly string[],
  term: string,
): { suggestions: Change[]; loading: boolean } {
  const itsmApi = useApi(itsmApiRef);
  const [debounced, setDebounced] = useState(term);
  useDebounce(() => setDebounced(term), 250, [term]);
  const refsKey = [...new Set(entityRefs.filter(Boolean))].join('\n');

  const { value, loading } = useAsync(async () => {
    const text = debounced.trim();
    const q = text && !CHANGE_ID.test(text) ? text : undefined;
    const refs = refsKey ? refsKey.split('\n') : [];
    const [onEntities, elsewhere] = await Promise.all([
      refs.length
        ? itsmApi.listChanges({
            q,
            entityRef: refs,
            status: IMPLEMENTED_STATUSES,
            limit: SUGGESTION_LIMIT,
          })
        : undefined,
      q
        ? itsmApi.listChanges({
            q,
            status: IMPLEMENTED_STATUSES,
            limit: SUGGESTION_LIMIT,
          })
        : undefined,
    ]);
    const first = newestImplementedFirst(onEntities?.items ?? []);
    const seen = new Set(first.map(c => c.id));
    return [
      ...first,
      ...newestImplementedFirst(
        (elsewhere?.items ?? []).filter(c => !seen.has(c.id)),
      ),
    ];
  }, [itsmApi, refsKey, debounced]);
  return { suggestions: value ?? [], loading };
}
