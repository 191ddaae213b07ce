import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import type { Level } from '@backstage-itsm/plugin-itsm-common';
import {
  EntityRefPicker,
  EntityRefsPicker,
} from '../../shared/EntityRefPicker';
import { PriorityFields, type PriorityValues } from '../../shared/forms';

/** What the raise and edit dialogs of a problem hold. */
export interface ProblemFieldValues {
  title: string;
  statement: string;
  entityRefs: string[];
  impact: Level;
  urgency: Level;
  category: string;
  owner: string | null;
  assignmentGroup: string | null;
  /** `YYYY-MM-DD` or empty. */
  targetDate: string;
}

const SERVICE_KINDS = ['Component', 'Resource', 'System', 'API'];

/**
 * Title, Markdown statement, entities, impact and urgency with the expected priority,
 * category, owner, assignment group and target date, as grid items of the caller's grid.
 */
export function ProblemFields(props: {
  control: Control<ProblemFieldValues>;
  errors: FieldErrors<ProblemFieldValues>;
  idPrefix: string;
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
              helperText={
                errors.title?.message ?? 'The underlying cause, in one line'
              }
              margin="dense"
              fullWidth
            />
          )}
        />
      </Grid>
      <Grid item xs={12}>
        <Controller
          control={control}
          name="statement"
          render={({ field }) => (
            <TextField
              {...field}
              id={`${idPrefix}-statement`}
              label="Problem statement"
              multiline
              minRows={3}
              error={Boolean(errors.statement)}
              helperText={
                errors.statement?.message ??
                'Markdown: what recurs, where, since when, the impact'
              }
              margin="dense"
              fullWidth
            />
          )}
        />
      </Grid>
      <Grid item xs={12}>
        <Controller
          control={control}
          name="entityRefs"
          render={({ field }) => (
            <EntityRefsPicker
              id={`${idPrefix}-entities`}
              label="Entities"
              kinds={SERVICE_KINDS}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={Boolean(errors.entityRefs)}
              helperText={
                errors.entityRefs
                  ? 'At least one full entity ref like component:default/payments'
                  : 'The services it affects; press Enter after each'
              }
            />
          )}
        />
      </Grid>
      <PriorityFields
        control={control as unknown as Control<PriorityValues>}
        errors={errors}
        idPrefix={idPrefix}
      />
      <Grid item xs={12} sm={6}>
        <Controller
          control={control}
          name="owner"
          render={({ field }) => (
            <EntityRefPicker
              id={`${idPrefix}-owner`}
              label="Owner"
              kinds={['User']}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={Boolean(errors.owner)}
              helperText={errors.owner?.message ?? 'user:default/…'}
            />
          )}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <Controller
          control={control}
          name="assignmentGroup"
          render={({ field }) => (
            <EntityRefPicker
              id={`${idPrefix}-group`}
              label="Assignment group"
              kinds={['Group']}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={Boolean(errors.assignmentGroup)}
              helperText={errors.assignmentGroup?.message}
            />
          )}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <Controller
          control={control}
          name="category"
          render={({ field }) => (
            <TextField
              {...field}
              id={`${idPrefix}-category`}
              label="Category"
              error={Boolean(errors.category)}
              helperText={errors.category?.message ?? 'e.g. database'}
              margin="dense"
              fullWidth
            />
          )}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <Controller
          control={control}
          name="targetDate"
          render={({ field }) => (
            <TextField
              {...field}
              id={`${idPrefix}-target-date`}
              label="Target date"
              type="date"
              InputLabelProps={{ shrink: true }}
              error={Boolean(errors.targetDate)}
              helperText={errors.targetDate?.message}
              margin="dense"
              fullWidth
            />
          )}
        />
      </Grid>
    </>
  );
}
