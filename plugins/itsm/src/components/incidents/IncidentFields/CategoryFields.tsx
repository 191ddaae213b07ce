import { useController, type Control, type FieldErrors } from 'react-hook-form';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import Grid, { type GridSize } from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import type { IncidentPatchRequest } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';

/** The category and subcategory of an incident, in the report and the edit dialog. */
export type IncidentCategoryValues = Pick<
  IncidentPatchRequest,
  'category' | 'subcategory'
>;

/** A taxonomy id in words: `resource-exhaustion` → `Resource exhaustion`. */
export function categoryLabel(id: string): string {
  const words = id.replace(/[-_]+/g, ' ');
  return words.charAt(0).toLocaleUpperCase('en-US') + words.slice(1);
}

/**
 * Two pickers from the portal's taxonomy (`GET /incidents/categories`): the category, then a
 * subcategory of it. Choosing another category clears a subcategory it does not have. A
 * category from before the taxonomy stays shown (and kept) until another is chosen.
 */
export function CategoryFields(props: {
  /** Forms whose values hold more fields pass their control cast to this. */
  control: Control<IncidentCategoryValues>;
  errors: FieldErrors<IncidentCategoryValues>;
  /** Prefix of the inputs' ids, e.g. `itsm-report`. */
  idPrefix: string;
  /** Grid width of each picker from `sm` up; defaults to 6. */
  sm?: GridSize;
}) {
  const { control, errors, idPrefix } = props;
  const itsmApi = useApi(itsmApiRef);
  const taxonomy = useAsync(() => itsmApi.getIncidentCategories(), [itsmApi]);
  const category = useController({ control, name: 'category' }).field;
  const subcategory = useController({ control, name: 'subcategory' }).field;

  const items = taxonomy.value?.items ?? [];
  const current = category.value ?? null;
  const currentSub = subcategory.value ?? null;
  const known = items.find(c => c.id === current);
  const subcategories = known?.subcategories ?? [];
  const unlisted = (value: string | null, listed: readonly string[]) =>
    value !== null && !listed.includes(value) ? value : undefined;
  const legacy = unlisted(
    current,
    items.map(c => c.id),
  );
  const legacySub = unlisted(currentSub, subcategories);
  const note = taxonomy.value ? ' (not in the taxonomy)' : '';

  const chooseCategory = (value: string) => {
    const next = value || null;
    category.onChange(next);
    const subs = items.find(c => c.id === next)?.subcategories ?? [];
    if (currentSub !== null && !subs.includes(currentSub)) {
      subcategory.onChange(null);
    }
  };

  return (
    <>
      <Grid item xs={12} sm={props.sm ?? 6}>
        <TextField
          id={`${idPrefix}-category`}
          select
          label="Category"
          value={current ?? ''}
          onChange={e => chooseCategory(e.target.value)}
          onBlur={category.onBlur}
          error={Boolean(errors.category || taxonomy.error)}
          helperText={
            errors.category?.message ??
            (taxonomy.error
              ? `Categories could not be loaded: ${taxonomy.error.message}`
              : undefined)
          }
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          margin="dense"
          fullWidth
        >
          <option value="">None</option>
          {legacy !== undefined && (
            <option value={legacy}>{`${legacy}${note}`}</option>
          )}
          {items.map(c => (
            <option key={c.id} value={c.id}>
              {categoryLabel(c.id)}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={props.sm ?? 6}>
        <TextField
          id={`${idPrefix}-subcategory`}
          select
          label="Subcategory"
          value={currentSub ?? ''}
          onChange={e => subcategory.onChange(e.target.value || null)}
          onBlur={subcategory.onBlur}
          disabled={subcategories.length === 0 && legacySub === undefined}
          error={Boolean(errors.subcategory)}
          helperText={
            errors.subcategory?.message ??
            (known && subcategories.length === 0
              ? 'This category has no subcategories'
              : undefined)
          }
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          margin="dense"
          fullWidth
        >
          <option value="">None</option>
          {legacySub !== undefined && (
            <option value={legacySub}>{`${legacySub}${note}`}</option>
          )}
          {subcategories.map(s => (
            <option key={s} value={s}>
              {categoryLabel(s)}
            </option>
          ))}
        </TextField>
      </Grid>
    </>
  );
}
