import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import Select from '@material-ui/core/Select';

/** A multi-select filter; none selected and all selected both mean "any". */
export function MultiFilter<T extends string | number>(props: {
  id: string;
  label: string;
  anyText: string;
  options: readonly T[];
  format: (value: T) => string;
  value: T[];
  onChange: (value: T[]) => void;
}) {
  const { options, format } = props;
  return (
    <FormControl size="small" variant="outlined" style={{ minWidth: 160 }}>
      <InputLabel id={`${props.id}-label`} shrink>
        {props.label}
      </InputLabel>
      <Select
        labelId={`${props.id}-label`}
        id={props.id}
        input={<OutlinedInput notched label={props.label} />}
        multiple
        displayEmpty
        value={props.value}
        onChange={event => {
          const picked = event.target.value as T[];
          props.onChange(options.filter(option => picked.includes(option)));
        }}
        renderValue={selected => {
          const values = selected as T[];
          return values.length === 0 || values.length === options.length
            ? props.anyText
            : values.map(format).join(', ');
        }}
      >
        {options.map(option => (
          <MenuItem key={option} value={option} dense>
            <Checkbox
              size="small"
              color="primary"
              checked={props.value.includes(option)}
            />
            <ListItemText primary={format(option)} />
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** `[]` when every option is picked: the same as no filter, and a shorter query. */
export function orAny<T>(picked: T[], options: readonly T[]): T[] {
  return picked.length === options.length ? [] : picked;
}
