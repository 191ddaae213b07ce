import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  incidentPatchSchema,
  type Incident,
  type IncidentPatchRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { EntityRefPicker } from '../../shared/EntityRefPicker';
import { formErrorMap } from '../../shared/forms';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { isoToLocalInput, localInputToIso } from '../../shared/forms';

const responseSchema = incidentPatchSchema.pick({
  incidentManager: true,
  outageStart: true,
  outageEnd: true,
});

type ResponseValues = Pick<
  IncidentPatchRequest,
  'incidentManager' | 'outageStart' | 'outageEnd'
>;

function valuesOf(incident: Incident): ResponseValues {
  return {
    incidentManager: incident.incidentManager,
    outageStart: incident.outageStart,
    outageEnd: incident.outageEnd,
  };
}

/**
 * Who runs the major incident, and when the outage started and ended (availability is
 * computed from these). Saves only what changed, against the version it was edited from.
 */
export function ResponseForm(props: {
  incident: Incident;
  disabled?: boolean;
  onChange: (incident: Incident) => void;
  onReload: () => void;
}) {
  const { incident, onChange, onReload } = props;
  const itsmApi = useApi(itsmApiRef);
  const [serverError, setServerError] = useState<unknown>();
  const [base, setBase] = useState(incident);
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isDirty, isSubmitting },
  } = useForm<ResponseValues>({
    resolver: zodResolver(responseSchema, { error: formErrorMap }),
    defaultValues: valuesOf(incident),
  });

  // Follow live updates until the user starts editing; then the edit keeps its base.
  useEffect(() => {
    if (!isDirty) {
      setBase(incident);
      reset(valuesOf(incident));
    }
  }, [incident, isDirty, reset]);

  const submit = handleSubmit(async values => {
    setServerError(undefined);
    const before = valuesOf(base);
    const patch: IncidentPatchRequest = {};
    for (const field of [
      'incidentManager',
      'outageStart',
      'outageEnd',
    ] as const) {
      if (values[field] !== undefined && values[field] !== before[field]) {
        patch[field] = values[field];
      }
    }
    if (Object.keys(patch).length === 0) {
      return;
    }
    try {
      const next = await itsmApi.patchIncident({
        id: base.id,
        version: base.version,
        patch,
      });
      reset(valuesOf(next));
      setBase(next);
      onChange(next);
    } catch (e) {
      setServerError(e);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Major incident response">
      <Grid container spacing={1}>
        <Grid item xs={12}>
          <Controller
            control={control}
            name="incidentManager"
            render={({ field }) => (
              <EntityRefPicker
                id="itsm-incident-manager"
                label="Incident manager"
                kinds={['User']}
                disabled={props.disabled}
                value={field.value ?? null}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={Boolean(errors.incidentManager)}
                helperText={errors.incidentManager?.message}
              />
            )}
          />
        </Grid>
        {(['outageStart', 'outageEnd'] as const).map(name => (
          <Grid item xs={12} sm={6} key={name}>
            <Controller
              control={control}
              name={name}
              render={({ field }) => (
                <TextField
                  id={`itsm-${name}`}
                  label={name === 'outageStart' ? 'Outage start' : 'Outage end'}
                  type="datetime-local"
                  disabled={props.disabled}
                  value={isoToLocalInput(field.value)}
                  onChange={e =>
                    field.onChange(localInputToIso(e.target.value))
                  }
                  onBlur={field.onBlur}
                  error={Boolean(errors[name])}
                  helperText={errors[name]?.message ?? 'Your local time'}
                  InputLabelProps={{ shrink: true }}
                  margin="dense"
                  fullWidth
                />
              )}
            />
          </Grid>
        ))}
      </Grid>
      {serverError !== undefined && (
        <WriteErrorAlert
          error={serverError}
          onReload={() => {
            setServerError(undefined);
            reset(valuesOf(incident));
            onReload();
          }}
        />
      )}
      <Box display="flex" justifyContent="flex-end" mt={1}>
        <Button
          type="submit"
          variant="outlined"
          color="primary"
          disabled={props.disabled || !isDirty || isSubmitting}
        >
          Save response
        </Button>
      </Box>
    </form>
  );
}
