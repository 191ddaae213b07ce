import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useApi } from '@backstage/core-plugin-api';
import {
  knownErrorCreateSchema,
  type KnownError,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { RecordFormDialog } from '../../../records';
import { KnownErrorFields } from './KnownErrorFields';
import {
  knownErrorCreateRequest,
  type KnownErrorFieldValues,
} from './knownErrorForm';
import { knownErrorResolver } from './resolver';

/**
 * Records a known error, pre-filled with `initialValues` (from a problem: its statement,
 * root cause, workaround, entities, category and signature); with `problemId` the known
 * error is linked to that problem.
 */
export function CreateKnownErrorDialog(props: {
  open: boolean;
  initialValues: KnownErrorFieldValues;
  problemId?: string;
  onClose: () => void;
  onCreated: (knownError: KnownError) => void;
}) {
  const { open, initialValues, problemId } = props;
  const itsmApi = useApi(itsmApiRef);
  const [error, setError] = useState<unknown>();
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<KnownErrorFieldValues>({
    resolver: knownErrorResolver(knownErrorCreateSchema, values =>
      knownErrorCreateRequest(values, problemId),
    ),
    defaultValues: initialValues,
  });

  useEffect(() => {
    if (open) {
      reset(initialValues);
      setError(undefined);
    }
    // Only when the dialog opens: later renders pass equal values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const submit = handleSubmit(async values => {
    setError(undefined);
    try {
      const created = await itsmApi.createKnownError(
        knownErrorCreateRequest(values, problemId),
      );
      props.onCreated(created);
    } catch (e) {
      setError(e);
    }
  });

  return (
    <RecordFormDialog
      open={open}
      onClose={props.onClose}
      onSubmit={submit}
      titleId="itsm-create-known-error-title"
      title={
        problemId ? `Create known error from ${problemId}` : 'New known error'
      }
      maxWidth="md"
      error={error}
      busy={isSubmitting}
      submitLabel="Create known error"
    >
      <KnownErrorFields
        control={control}
        errors={errors}
        idPrefix="itsm-create-known-error"
      />
    </RecordFormDialog>
  );
}
