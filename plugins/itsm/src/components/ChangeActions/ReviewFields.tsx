import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { TransitionValues } from './transitionForm';

/** The post-implementation review (PIR) fields of the close dialog. */
export function ReviewFields(props: {
  control: Control<TransitionValues>;
  errors: FieldErrors<TransitionValues>;
  /** Emergency, failed and backed-out changes cannot close without it. */
  required: boolean;
}) {
  const { control, errors, required } = props;
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
    </>
  );
}
