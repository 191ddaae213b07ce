import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import type { IncidentPatchRequest } from '@backstage-itsm/plugin-itsm-common';
import { ChangePicker } from '../../changes/ChangePicker';

/** The field of an incident's cause, in the report and the edit dialog. */
export type IncidentCauseValues = Pick<
  IncidentPatchRequest,
  'causedByChangeId'
>;

interface FieldProps {
  /** Forms whose values hold more fields pass their control cast to these. */
  control: Control<IncidentCauseValues>;
  errors: FieldErrors<IncidentCauseValues>;
  /** Prefix of the input's id, e.g. `itsm-report`. */
  idPrefix: string;
  hint?: string;
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
