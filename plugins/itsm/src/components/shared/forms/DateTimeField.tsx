import TextField from '@material-ui/core/TextField';
import { isoToLocalInput, localInputToIso } from './dates';

/** A `datetime-local` input (browser time zone) holding an ISO instant or `null`. */
export function DateTimeField(props: {
  id: string;
  label: string;
  value: string | null | undefined;
  onChange: (iso: string | null) => void;
  onBlur?: () => void;
  required?: boolean;
  error?: string;
  helperText?: string;
}) {
  return (
    <TextField
      id={props.id}
      type="datetime-local"
      label={props.label}
      required={props.required}
      value={isoToLocalInput(props.value)}
      onChange={e => props.onChange(localInputToIso(e.target.value))}
      onBlur={props.onBlur}
      error={Boolean(props.error)}
      helperText={props.error ?? props.helperText}
      InputLabelProps={{ shrink: true }}
      margin="dense"
      fullWidth
    />
  );
}
