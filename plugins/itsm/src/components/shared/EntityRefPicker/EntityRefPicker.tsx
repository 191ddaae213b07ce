import { useState } from 'react';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  useEntityRefSuggestions,
  type EntityRefSuggestion,
} from './useEntityRefSuggestions';

interface CommonProps {
  label: string;
  /** Catalog kinds offered as suggestions, e.g. `['User']`. */
  kinds: readonly string[];
  helperText?: string;
  error?: boolean;
  disabled?: boolean;
  id?: string;
}

function renderSuggestion(
  option: string,
  titles: Map<string, string | undefined>,
) {
  const title = titles.get(option);
  return (
    <span>
      {option}
      {title && (
        <Typography variant="caption" color="textSecondary" component="span">
          {' '}
          — {title}
        </Typography>
      )}
    </span>
  );
}

function titlesOf(suggestions: EntityRefSuggestion[]) {
  return new Map(suggestions.map(s => [s.entityRef, s.title]));
}

/** One entity ref, typed in full (`user:default/alice`) or picked from the catalog. */
export function EntityRefPicker(
  props: CommonProps & {
    value: string | null;
    onChange: (value: string | null) => void;
    onBlur?: () => void;
  },
) {
  const { value, onChange } = props;
  const suggestions = useEntityRefSuggestions(props.kinds, value ?? '');
  const titles = titlesOf(suggestions);
  return (
    <Autocomplete<string, false, false, true>
      id={props.id}
      freeSolo
      disabled={props.disabled}
      options={suggestions.map(s => s.entityRef)}
      filterOptions={options => options}
      value={value}
      inputValue={value ?? ''}
      onInputChange={(_, text) => onChange(text.trim() ? text.trim() : null)}
      onChange={(_, next) => onChange(next ? next.trim() : null)}
      renderOption={option => renderSuggestion(option, titles)}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          helperText={props.helperText}
          error={props.error}
          onBlur={props.onBlur}
          margin="dense"
          fullWidth
        />
      )}
    />
  );
}

/** Several entity refs as chips; press Enter after typing a ref to add it. */
export function EntityRefsPicker(
  props: CommonProps & {
    value: string[];
    onChange: (value: string[]) => void;
    onBlur?: () => void;
  },
) {
  const [input, setInput] = useState('');
  const suggestions = useEntityRefSuggestions(props.kinds, input);
  const titles = titlesOf(suggestions);
  return (
    <Autocomplete<string, true, false, true>
      id={props.id}
      multiple
      freeSolo
      disabled={props.disabled}
      options={suggestions.map(s => s.entityRef)}
      filterOptions={options => options}
      value={props.value}
      inputValue={input}
      onInputChange={(_, text) => setInput(text)}
      onChange={(_, next) =>
        props.onChange([
          ...new Set(next.map(ref => ref.trim()).filter(Boolean)),
        ])
      }
      renderOption={option => renderSuggestion(option, titles)}
      renderTags={(refs, getTagProps) =>
        refs.map((ref, index) => {
          // React wants `key` passed on its own, not spread.
          const { key: _key, ...tagProps } = getTagProps({ index }) as {
            key?: unknown;
          };
          return <Chip key={ref} size="small" label={ref} {...tagProps} />;
        })
      }
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          helperText={props.helperText}
          error={props.error}
          onBlur={props.onBlur}
          margin="dense"
          fullWidth
        />
      )}
    />
  );
}
