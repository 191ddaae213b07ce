import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import {
  knownErrorPatchSchema,
  type KnownError,
} from '@backstage-itsm/plugin-itsm-common';
import {
  RecordEditDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import { knownErrorKind } from '../record/problemKinds';
import { KnownErrorFields } from './KnownErrorFields';
import {
  changedKnownErrorFields,
  knownErrorFieldValues,
  type KnownErrorFieldValues,
} from './knownErrorForm';
import { knownErrorResolver } from './resolver';

/** Edits a known error, match rules included; sends only what changed with `If-Match`. */
export function EditKnownErrorDialog(props: RecordDialogProps<KnownError>) {
  const write = useVersionedWrite(knownErrorKind, props);
  const knownError = write.base;
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<KnownErrorFieldValues>({
    resolver: knownErrorResolver(knownErrorPatchSchema, values =>
      changedKnownErrorFields(knownError, values),
    ),
    defaultValues: knownErrorFieldValues(knownError),
  });

  useEffect(() => {
    reset(knownErrorFieldValues(knownError));
  }, [knownError, reset]);

  const submit = handleSubmit(values => {
    const patch = changedKnownErrorFields(knownError, values);
    return Object.keys(patch).length ? write.patch(patch) : write.close();
  });

  return (
    <RecordEditDialog
      write={write}
      onSubmit={submit}
      titleId="itsm-edit-known-error-title"
      busy={isSubmitting}
    >
      <KnownErrorFields
        control={control}
        errors={errors}
        idPrefix="itsm-edit-known-error"
      />
    </RecordEditDialog>
  );
}
