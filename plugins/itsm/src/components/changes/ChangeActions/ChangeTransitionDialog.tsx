import { Controller, useForm } from 'react-hook-form';
import {
  CHANGE_OUTCOMES,
  type Change,
  type ChangeOutcome,
  type ChangeStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { CodeField, DateTimeField, TextAreaField } from '../../shared/forms';
import { formatChangeStatus } from '../../shared/format';
import {
  errorMapResolver,
  RecordTransitionDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import { changeKind } from '../record/changeKind';
import {
  changeTransitionFields,
  changeTransitionLabel,
  reviewRequired,
} from './changeTransitions';
import { ReviewFields } from './ReviewFields';
import {
  initialTransitionValues,
  toTransitionRequest,
  transitionErrors,
  type TransitionValues,
} from './transitionForm';

/**
 * Moves a change to `to`, asking for what the move needs: the actual start to begin; the
 * outcome and actual window for review; the post-implementation review to close (required
 * for emergency, failed and backed-out changes); a reason to cancel. Sends the version the
 * page last read as `If-Match`.
 */
export function ChangeTransitionDialog(
  props: RecordDialogProps<Change> & { to: ChangeStatus },
) {
  const { to } = props;
  const write = useVersionedWrite(changeKind, props);
  const change = write.base;
  const fields = changeTransitionFields(to);
  const {
    control,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<TransitionValues>({
    resolver: errorMapResolver(values => transitionErrors(change, to, values)),
    defaultValues: initialTransitionValues(props.record, to),
  });
  const label = changeTransitionLabel(change, to);
  const outcome = (watch('outcome') ||
    change.outcome ||
    null) as ChangeOutcome | null;

  const submit = handleSubmit(values =>
    write.transition(toTransitionRequest(to, values)),
  );

  return (
    <RecordTransitionDialog
      write={write}
      onSubmit={submit}
      label={label}
      to={to}
      formatStatus={formatChangeStatus}
      busy={isSubmitting}
    >
      {fields.includes('outcome') && (
        <CodeField
          control={control}
          name="outcome"
          id="itsm-change-outcome"
          label="Outcome"
          codes={CHANGE_OUTCOMES}
          empty=""
          error={errors.outcome?.message}
        />
      )}
      {(['actualStart', 'actualEnd'] as const)
        .filter(name => fields.includes(name))
        .map(name => (
          <Controller
            key={name}
            control={control}
            name={name}
            render={({ field }) => (
              <DateTimeField
                id={`itsm-change-${
                  name === 'actualStart' ? 'actual-start' : 'actual-end'
                }`}
                label={name === 'actualStart' ? 'Actual start' : 'Actual end'}
                required
                value={field.value}
                onChange={field.onChange}
                error={errors[name]?.message}
              />
            )}
          />
        ))}
      {fields.includes('review') && (
        <ReviewFields
          change={change}
          control={control}
          errors={errors}
          required={reviewRequired(change, outcome)}
        />
      )}
      {fields.includes('comment') && (
        <TextAreaField
          control={control}
          name="comment"
          id="itsm-change-transition-comment"
          label={
            to === 'cancelled'
              ? 'Why is it cancelled?'
              : 'What will be reworked?'
          }
          required={to === 'cancelled'}
          error={errors.comment?.message}
        />
      )}
    </RecordTransitionDialog>
  );
}
