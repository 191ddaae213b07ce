import TextField from '@material-ui/core/TextField';
import type { Level } from '@backstage-itsm/plugin-itsm-common';
import { toLevel } from './forms';

/** A native select of impact or urgency levels, shown as words. */
export function LevelSelect(props: {
  id: string;
  label: string;
  value: Level | undefined;
  options: { value: Level; label: string }[];
  onChange: (level: Level) => void;
  onBlur?: () => void;
  error?: string;
  helperText?: string;
}) {
  return (
    <TextField
      id={props.id}
      select
      label={props.label}
      value={props.value ?? ''}
      onChange={e => props.onChange(toLevel(e.target.value))}
      onBlur={props.onBlur}
      error={Boolean(props.error)}
      helperText={props.error ?? props.helperText}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      margin="dense"
      fullWidth
    >
      {props.options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}
