import { useState } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';

/** A catalog entity offered while typing an entity ref. */
export interface EntityRefSuggestion {
  entityRef: string;
  title?: string;
}

/**
 * Catalog entities of `kinds` whose name or title matches what was typed. Without a
 * catalog API in the app the list stays empty and refs are typed in full.
 */
export function useEntityRefSuggestions(
  kinds: readonly string[],
  term: string,
): EntityRefSuggestion[] {
  const catalogApi = useApiHolder().get(catalogApiRef);
  const [debounced, setDebounced] = useState(term);
  useDebounce(() => setDebounced(term), 250, [term]);
  const kindKey = kinds.join(',');

  const { value } = useAsync(async () => {
    const text = debounced.trim();
    if (!catalogApi || text.length < 2 || text.includes(':')) {
      return [];
    }
    const response = await catalogApi.queryEntities({
      filter: { kind: kindKey.split(',') },
      fullTextFilter: {
        term: text,
        fields: ['metadata.name', 'metadata.title'],
      },
      limit: 20,
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return response.items.map(entity => ({
      entityRef: stringifyEntityRef(entity),
      title: entity.metadata.title,
    }));
  }, [catalogApi, kindKey, debounced]);
  return value ?? [];
}
