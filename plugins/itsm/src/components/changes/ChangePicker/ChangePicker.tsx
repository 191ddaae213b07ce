import { useEffect, useState } from 'react';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import type { Change } from '@backstage-itsm/plugin-itsm-common';
import {
  formatChangeStatus,
  formatRelativeTime,
  shortRef,
} from '../../shared/format';
import {
  normalizeChangeId,
  useChangeSuggestions,
} from './useChangeSuggestions';

function describe(change: Change): string {
  const when = change.actualEnd ?? change.actualStart;
  return [
    formatChangeStatus(change.status),
    change.entityRefs.map(shortRef).join(', '),
    when ? `implemented ${formatRelativeTime(when)}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Props of {@link ChangePicker}. */
export interface ChangePickerProps {
  label: string;
  /** The incident's entities (primary and affected): their changes are offered first. */
  entityRefs: readonly string[];
  /** A change id (`CHG-n`), or what is being typed, or null for none. */
  value: string | null;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  helperText?: string;
  error?: boolean;
  id?: string;
}

/**
 * One change: picked from the recently implemented changes on the given entities (or
 * found by a word of its title elsewhere), or typed as `CHG-n`; cleared with the × button.
 */
export function ChangePicker(props: ChangePickerProps) {
  const { value, onChange } = props;
  const [input, setInput] = useState(value ?? '');
  // Follow a value set from outside (a form reset), keeping what is being typed otherwise.
  useEffect(() => {
    setInput(current =>
      normalizeChangeId(current) === value ? current : value ?? '',
    );
  }, [value]);
  const { suggestions, loading } = useChangeSuggestions(
    props.entityRefs,
    input,
  );
  const byId = new Map(suggestions.map(c => [c.id, c]));
  const picked = value ? byId.get(value) : undefined;

  return (
    <Autocomplete<string, false, false, true>
      id={props.id}
      freeSolo
      options={suggestions.map(c => c.id)}
      filterOptions={options => options}
      loading={loading}
      value={value}
      inputValue={input}
      onInputChange={(_, text) => {
        setInput(text);
        onChange(normalizeChangeId(text));
      }}
      onChange={(_, next) => onChange(next ? normalizeChangeId(next) : null)}
      renderOption={id => {
        const change = byId.get(id);
        return (
          <div>
            <Typography variant="body2">
              {id}
              {change && ` — ${change.title}`}
            </Typography>
            {change && (
              <Typography variant="caption" color="textSecondary">
                {describe(change)}
              </Typography>
            )}
          </div>
        );
      }}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          helperText={!props.error && picked ? picked.title : props.helperText}
          error={props.error}
          onBlur={props.onBlur}
          margin="dense"
          fullWidth
        />
      )}
    />
  );
}
