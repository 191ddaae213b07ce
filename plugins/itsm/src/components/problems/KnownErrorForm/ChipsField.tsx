import { useState } from 'react';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';

/** Free-text values as chips; press Enter after each. */
export function ChipsField(props: {
  id: string;
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  helperText?: string;
  error?: boolean;
}) {
  const [input, setInput] = useState('');
  return (
    <Autocomplete<string, true, false, true>
      id={props.id}
      multiple
      freeSolo
      options={[]}
      value={props.value}
      inputValue={input}
      onInputChange={(_, text) => setInput(text)}
      onChange={(_, next) =>
        props.onChange([...new Set(next.map(v => v.trim()).filter(Boolean))])
      }
      renderTags={(values, getTagProps) =>
        values.map((value, index) => {
          const { key: _key, ...tagProps } = getTagProps({ index }) as {
            key?: unknown;
          };
          return <Chip key={value} size="small" label={value} {...tagProps} />;
        })
      }
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          helperText={props.helperText}
          error={props.error}
          margin="dense"
          fullWidth
        />
      )}
    />
  );
}
