import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import TextField from '@material-ui/core/TextField';
import type { IncidentPatchRequest } from '@backstage-itsm/plugin-itsm-common';
import { ChangePicker } from '../../changes/ChangePicker';
import { emptyToNull } from '../../shared/forms';

/** The fields of an incident's category and cause, in the report and the edit dialog. */
export type IncidentCauseValues = Pick<
  IncidentPatchRequest,
  'category' | 'causedByChangeId'
>;

interface FieldProps {
  /** Forms whose values hold more fields pass their control cast to these. */
  control: Control<IncidentCauseValues>;
  errors: FieldErrors<IncidentCauseValues>;
  /** Prefix of the input's id, e.g. `itsm-report`. */
  idPrefix: string;
  hint?: string;
}

/** The free-text category; empty is `null`. */
export function CategoryField(props: FieldProps) {
  const { errors } = props;
  return (
    <Controller
      control={props.control}
      name="category"
      render={({ field }) => (
        <TextField
          id={`${props.idPrefix}-category`}
          label="Category"
          value={field.value ?? ''}
          onChange={e => field.onChange(emptyToNull(e.target.value))}
          onBlur={field.onBlur}
          error={Boolean(errors.category)}
          helperText={errors.category?.message ?? props.hint}
          margin="dense"
          fullWidth
        />
      )}
    />
  );
}

/** The change that caused the incident, suggested from changes on `entityRefs`. */
export function CausedByChangeField(
  props: FieldProps & { entityRefs: string[] },
) {
  const { errors } = props;
  return (
    <Controller
      control={props.control}
      name="causedByChangeId"
      render={({ field }) => (
        <ChangePicker
          id={`${props.idPrefix}-caused-by-change`}
          label="Caused by change"
          entityRefs={props.entityRefs}
          value={field.value ?? null}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={Boolean(errors.causedByChangeId)}
          helperText={errors.causedByChangeId?.message ?? props.hint}
        />
      )}
    />
  );
}
