import {
  Controller,
  useWatch,
  type Control,
  type FieldErrors,
} from 'react-hook-form';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import type { IncidentPatchRequest } from '@backstage-itsm/plugin-itsm-common';
import { ExpectedPriority } from './ExpectedPriority';
import { impactOptions, urgencyOptions } from './forms';
import { LevelSelect } from './LevelSelect';

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
  const [impact, urgency] = useWatch({ control, name: ['impact', 'urgency'] });
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
      <Grid item xs={12} sm={4}>
        <Controller
          control={control}
          name="impact"
          render={({ field }) => (
            <LevelSelect
              id={`${idPrefix}-impact`}
              label="Impact"
              value={field.value}
              options={impactOptions}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.impact?.message}
            />
          )}
        />
      </Grid>
      <Grid item xs={12} sm={4}>
        <Controller
          control={control}
          name="urgency"
          render={({ field }) => (
            <LevelSelect
              id={`${idPrefix}-urgency`}
              label="Urgency"
              value={field.value}
              options={urgencyOptions}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.urgency?.message}
            />
          )}
        />
      </Grid>
      <Grid item xs={12} sm={4}>
        <ExpectedPriority impact={impact} urgency={urgency} />
      </Grid>
    </>
  );
}
