import TextField from '@material-ui/core/TextField';
import { humanizeCode } from '../format';

/** A required choice of one code, shown as words; empty is `undefined`. */
export function CodeSelect(props: {
  id: string;
  label: string;
  codes: readonly string[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  error?: string;
}) {
  return (
    <TextField
      id={props.id}
      select
      required
      label={props.label}
      value={props.value ?? ''}
      onChange={e => props.onChange(e.target.value || undefined)}
      error={Boolean(props.error)}
      helperText={props.error}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      margin="dense"
      fullWidth
    >
      <option value="">Choose…</option>
      {props.codes.map(code => (
        <option key={code} value={code}>
          {humanizeCode(code)}
        </option>
      ))}
    </TextField>
  );
}
