import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import type { IncidentPatchRequest } from '@backstage-itsm/plugin-itsm-common';
import { PriorityFields, type PriorityValues } from './PriorityFields';

/** The fields of an incident both the report and the edit dialog ask for. */
export type IncidentCoreValues = Pick<
  IncidentPatchRequest,
  'title' | 'description' | 'impact' | 'urgency'
>;

/**
 * Title, Markdown description, impact and urgency with the expected priority shown live,
 * as grid items of the caller's `Grid container`. Forms whose values hold more fields pass
 * their control cast to these four.
 */
export function IncidentCoreFields(props: {
  control: Control<IncidentCoreValues>;
  errors: FieldErrors<IncidentCoreValues>;
  /** Prefix of the inputs' ids, e.g. `itsm-report`. */
  idPrefix: string;
  titleHint?: string;
  descriptionHint: string;
}) {
  const { control, errors, idPrefix } = props;
  return (
    <>
      <Grid item xs={12}>
        <Controller
          control={control}
          name="title"
          render={({ field }) => (
            <TextField
              {...field}
              id={`${idPrefix}-title`}
              label="Title"
              required
              error={Boolean(errors.title)}
              helperText={errors.title?.message ?? props.titleHint}
              margin="dense"
              fullWidth
            />
          )}
        />
      </Grid>
      <Grid item xs={12}>
        <Controller
          control={control}
          name="description"
          render={({ field }) => (
            <TextField
              {...field}
              id={`${idPrefix}-description`}
              label="Description"
              multiline
              minRows={4}
              error={Boolean(errors.description)}
              helperText={errors.description?.message ?? props.descriptionHint}
              margin="dense"
              fullWidth
            />
          )}
        />
      </Grid>
      <PriorityFields
        control={control as unknown as Control<PriorityValues>}
        errors={errors}
        idPrefix={idPrefix}
      />
    </>
  );
}
