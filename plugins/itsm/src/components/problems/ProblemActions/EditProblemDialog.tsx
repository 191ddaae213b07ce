import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import Grid from '@material-ui/core/Grid';
import {
  problemPatchSchema,
  type Problem,
} from '@backstage-itsm/plugin-itsm-common';
import {
  RecordEditDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import {
  ProblemFields,
  changedProblemFields,
  problemFieldValues,
  requestResolver,
  type ProblemFieldValues,
} from '../ProblemForm';
import { problemKind } from '../record/problemKinds';

/**
 * Edits a problem's statement, entities, impact and urgency, owner, group, category and
 * target date; sends only what changed with the version the page last read as `If-Match`.
 * The analysis has its own form on the page.
 */
export function EditProblemDialog(props: RecordDialogProps<Problem>) {
  const write = useVersionedWrite(problemKind, props);
  const problem = write.base;
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ProblemFieldValues>({
    resolver: requestResolver(problemPatchSchema, values =>
      changedProblemFields(problem, values),
    ),
    defaultValues: problemFieldValues(problem),
  });

  useEffect(() => {
    reset(problemFieldValues(problem));
  }, [problem, reset]);

  const submit = handleSubmit(values => {
    const patch = changedProblemFields(problem, values);
    return Object.keys(patch).length ? write.patch(patch) : write.close();
  });

  return (
    <RecordEditDialog
      write={write}
      onSubmit={submit}
      titleId="itsm-edit-problem-title"
      busy={isSubmitting}
    >
      <Grid container spacing={2}>
        <ProblemFields
          control={control}
          errors={errors}
          idPrefix="itsm-edit-problem"
        />
      </Grid>
    </RecordEditDialog>
  );
}
