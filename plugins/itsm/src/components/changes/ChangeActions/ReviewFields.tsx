import { useEffect, useRef } from 'react';
import {
  Controller,
  useController,
  type Control,
  type FieldErrors,
} from 'react-hook-form';
import { useApi } from '@backstage/core-plugin-api';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import type { Change } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import type { TransitionValues } from './transitionForm';

/**
 * The incidents the review names: those recorded as caused by the change (all ticked by
 * default, unless the change already has a review naming its own) and any the review
 * named before.
 */
function ReviewIncidents(props: {
  change: Change;
  control: Control<TransitionValues>;
}) {
  const { change, control } = props;
  const itsmApi = useApi(itsmApiRef);
  const { field } = useController({ control, name: 'incidentIds' });
  const { value, loading, error } = useAsync(
    () => itsmApi.listIncidents({ causedByChangeId: change.id, limit: 200 }),
    [itsmApi, change.id],
  );
  const linked = value?.items;

  // Once the linked incidents are known, a first review names them all.
  const defaulted = useRef(false);
  const { onChange } = field;
  useEffect(() => {
    if (!linked || defaulted.current) return;
    defaulted.current = true;
    if (change.review?.incidentIds === undefined) {
      onChange(linked.map(incident => incident.id));
    }
  }, [linked, change.review?.incidentIds, onChange]);

  const titles = new Map(linked?.map(i => [i.id, i.title]));
  const options = [
    ...new Set([
      ...(linked ?? []).map(i => i.id),
      ...(change.review?.incidentIds ?? []),
    ]),
  ];
  const selected = new Set(field.value);
  const toggle = (id: string, checked: boolean) =>
    field.onChange(
      checked
        ? [...field.value.filter(x => x !== id), id]
        : field.value.filter(x => x !== id),
    );

  return (
    <FormControl component="fieldset" margin="dense" fullWidth>
      <FormLabel component="legend">Incidents caused by this change</FormLabel>
      {loading && (
        <Typography variant="caption" color="textSecondary">
          Loading the linked incidents…
        </Typography>
      )}
      {error && (
        <Typography variant="caption" color="error">
          Could not load the linked incidents: {error.message}
        </Typography>
      )}
      {!loading && !error && options.length === 0 && (
        <Typography variant="caption" color="textSecondary">
          No incident is recorded as caused by this change.
        </Typography>
      )}
      <FormGroup>
        {options.map(id => (
          <FormControlLabel
            key={id}
            control={
              <Checkbox
                checked={selected.has(id)}
                onChange={(_, checked) => toggle(id, checked)}
              />
            }
            label={titles.get(id) ? `${id}: ${titles.get(id)}` : id}
          />
        ))}
      </FormGroup>
    </FormControl>
  );
}

/** The post-implementation review (PIR) fields of the close dialog. */
export function ReviewFields(props: {
  change: Change;
  control: Control<TransitionValues>;
  errors: FieldErrors<TransitionValues>;
  /** Emergency, failed and backed-out changes cannot close without it. */
  required: boolean;
}) {
  const { change, control, errors, required } = props;
  return (
    <>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Post-implementation review{required ? '' : ' (optional)'}
      </Typography>
      <Controller
        control={control}
        name="summary"
        render={({ field }) => (
          <TextField
            {...field}
            id="itsm-change-review-summary"
            label="Review summary"
            required={required}
            multiline
            minRows={3}
            error={Boolean(errors.summary)}
            helperText={
              errors.summary?.message ??
              'Markdown: what happened, against the plan and the justification'
            }
            margin="dense"
            fullWidth
          />
        )}
      />
      <Controller
        control={control}
        name="objectivesMet"
        render={({ field }) => (
          <FormControlLabel
            control={
              <Checkbox
                checked={field.value}
                onChange={(_, checked) => field.onChange(checked)}
              />
            }
            label="The change achieved its objectives"
          />
        )}
      />
      <Controller
        control={control}
        name="lessonsLearned"
        render={({ field }) => (
          <TextField
            {...field}
            id="itsm-change-review-lessons"
            label="Lessons learned"
            multiline
            minRows={2}
            margin="dense"
            fullWidth
          />
        )}
      />
      <ReviewIncidents change={change} control={control} />
    </>
  );
}
