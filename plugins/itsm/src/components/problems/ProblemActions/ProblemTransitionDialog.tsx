import { Controller, useForm } from 'react-hook-form';
import {
  PROBLEM_CLOSURE_CODES,
  type Problem,
  type ProblemStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { EntityRefPicker } from '../../shared/EntityRefPicker';
import { CodeField, TextAreaField } from '../../shared/forms';
import {
  errorMapResolver,
  RecordTransitionDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import { formatProblemStatus, problemKind } from '../record/problemKinds';
import {
  initialProblemTransitionValues,
  problemTransitionErrors,
  problemTransitionFields,
  problemTransitionLabel,
  toProblemTransitionRequest,
  type ProblemTransitionValues,
} from './problemTransitions';

/**
 * Moves a problem to `to`, asking for what the move needs: a reason to dismiss or cancel,
 * an owner to start investigating, root cause and workaround (Markdown) for a known error,
 * the closure code to resolve, why to re-open. Sends the version the page last read as
 * `If-Match`.
 */
export function ProblemTransitionDialog(
  props: RecordDialogProps<Problem> & { to: ProblemStatus },
) {
  const { to } = props;
  const write = useVersionedWrite(problemKind, props);
  const problem = write.base;
  const fields = problemTransitionFields(problem.status, to);
  const {
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ProblemTransitionValues>({
    resolver: errorMapResolver(values =>
      problemTransitionErrors(problem, to, values),
    ),
    defaultValues: initialProblemTransitionValues(props.record),
  });

  const submit = handleSubmit(values =>
    write.transition(toProblemTransitionRequest(problem.status, to, values)),
  );

  return (
    <RecordTransitionDialog
      write={write}
      onSubmit={submit}
      label={problemTransitionLabel(problem.status, to)}
      to={to}
      formatStatus={formatProblemStatus}
      busy={isSubmitting}
    >
      {fields.includes('cancelReason') && (
        <TextAreaField
          control={control}
          name="cancelReason"
          id="itsm-problem-cancel-reason"
          label={
            problem.status === 'candidate'
              ? 'Why is it dismissed?'
              : 'Why is it cancelled?'
          }
          required
          error={errors.cancelReason?.message}
          hint="Kept with the problem, so detection's history explains itself"
        />
      )}
      {fields.includes('owner') && (
        <Controller
          control={control}
          name="owner"
          render={({ field }) => (
            <EntityRefPicker
              id="itsm-problem-transition-owner"
              label="Owner"
              kinds={['User']}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={Boolean(errors.owner)}
              helperText={
                errors.owner?.message ?? 'Who leads the investigation'
              }
            />
          )}
        />
      )}
      {fields.includes('closureCode') && (
        <CodeField
          control={control}
          name="closureCode"
          id="itsm-problem-closure-code"
          label="Closure code"
          codes={PROBLEM_CLOSURE_CODES}
          empty=""
          error={errors.closureCode?.message}
        />
      )}
      {fields.includes('rootCause') && (
        <TextAreaField
          control={control}
          name="rootCause"
          id="itsm-problem-transition-root-cause"
          label="Root cause"
          required={to === 'known_error'}
          minRows={3}
          error={errors.rootCause?.message}
          hint="Markdown"
        />
      )}
      {fields.includes('workaround') && (
        <TextAreaField
          control={control}
          name="workaround"
          id="itsm-problem-transition-workaround"
          label="Workaround"
          required
          minRows={3}
          error={errors.workaround?.message}
          hint="Markdown: what restores service until the fix"
        />
      )}
      {fields.includes('comment') && (
        <TextAreaField
          control={control}
          name="comment"
          id="itsm-problem-transition-comment"
          label={to === 'investigating' ? 'Why re-open it?' : 'Comment'}
          required={to === 'investigating'}
          error={errors.comment?.message}
        />
      )}
    </RecordTransitionDialog>
  );
}
