import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { incidentNoteSchema } from '@backstage-itsm/plugin-itsm-common';
import { formErrorMap } from '../../shared/forms';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';

/**
 * A Markdown text box that posts one note: a work note, or a major incident's status
 * update. Cleared once the server has it.
 */
export function NoteForm(props: {
  id: string;
  label: string;
  submitLabel: string;
  helperText?: string;
  onSubmit: (text: string) => Promise<void>;
}) {
  const [serverError, setServerError] = useState<unknown>();
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<{ text: string }>({
    resolver: zodResolver(incidentNoteSchema, { error: formErrorMap }),
    defaultValues: { text: '' },
  });

  const submit = handleSubmit(async ({ text }) => {
    setServerError(undefined);
    try {
      await props.onSubmit(text);
      reset({ text: '' });
    } catch (e) {
      setServerError(e);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Controller
        control={control}
        name="text"
        render={({ field }) => (
          <TextField
            {...field}
            id={props.id}
            label={props.label}
            multiline
            minRows={2}
            error={Boolean(errors.text)}
            helperText={errors.text?.message ?? props.helperText ?? 'Markdown'}
            margin="dense"
            fullWidth
            variant="outlined"
          />
        )}
      />
      {serverError !== undefined && <WriteErrorAlert error={serverError} />}
      <Box display="flex" justifyContent="flex-end" mt={1}>
        <Button
          type="submit"
          variant="outlined"
          color="primary"
          disabled={isSubmitting}
        >
          {props.submitLabel}
        </Button>
      </Box>
    </form>
  );
}
