import {
  Controller,
  type Control,
  type FieldValues,
  type Path,
} from 'react-hook-form';
import TextField from '@material-ui/core/TextField';
import { CodeSelect } from './CodeSelect';

interface ControlledProps<V extends FieldValues> {
  control: Control<V>;
  name: Path<V>;
  id: string;
  label: string;
  /** The field's validation message. */
  error?: string;
}

/** Multi-line text of a react-hook-form form; `hint` shows while there is no error. */
export function TextAreaField<V extends FieldValues>(
  props: ControlledProps<V> & {
    required?: boolean;
    minRows?: number;
    hint?: string;
  },
) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <TextField
          id={props.id}
          label={props.label}
          required={props.required}
          multiline
          minRows={props.minRows ?? 2}
          value={field.value ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={Boolean(props.error)}
          helperText={props.error ?? props.hint}
          margin="dense"
          fullWidth
        />
      )}
    />
  );
}

/** A {@link CodeSelect} of a react-hook-form form; nothing chosen is `empty`. */
export function CodeField<V extends FieldValues>(
  props: ControlledProps<V> & {
    codes: readonly string[];
    /** The form's value for nothing chosen (default `undefined`). */
    empty?: '';
  },
) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <CodeSelect
          id={props.id}
          label={props.label}
          codes={props.codes}
          value={field.value || undefined}
          onChange={value => field.onChange(value ?? props.empty)}
          error={props.error}
        />
      )}
    />
  );
}
