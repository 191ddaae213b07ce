import { Controller, useForm } from 'react-hook-form';
import Typography from '@material-ui/core/Typography';
import type {
  Improvement,
  ImprovementStatus,
} from '@backstage-itsm/plugin-itsm-common';
import {
  errorMapResolver,
  RecordTransitionDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import { DateTimeField, TextAreaField } from '../../shared/forms';
import {
  formatImprovementStatus,
  improvementKind,
} from '../record/improvementKind';
import {
  improvementTransitionErrors,
  improvementTransitionFields,
  improvementTransitionLabel,
  initialTransitionValues,
  toTransitionRequest,
  type ImprovementTransitionValues,
} from './improvementTransitions';

/**
 * Moves an item to `to`, asking for what the move needs: why, to reject; when it went live,
 * to mark it implemented; the evaluation of an item without a KPI; the effectiveness review
 * to close a corrective action. Sends the version the page last read as `If-Match`; the
 * server's refusal (an owner approving their own item: separation of duties) shows in the
 * dialog.
 */
export function ImprovementTransitionDialog(
  props: RecordDialogProps<Improvement> & { to: ImprovementStatus },
) {
  const { to } = props;
  const write = useVersionedWrite(improvementKind, props);
  const item = write.base;
  const fields = improvementTransitionFields(item, to);
  const {
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ImprovementTransitionValues>({
    resolver: errorMapResolver(values =>
      improvementTransitionErrors(item, to, values),
    ),
    defaultValues: initialTransitionValues(props.record),
  });

  const submit = handleSubmit(values =>
    write.transition(toTransitionRequest(item, to, values)),
  );

  return (
    <RecordTransitionDialog
      write={write}
      onSubmit={submit}
      label={improvementTransitionLabel(to)}
      to={to}
      formatStatus={formatImprovementStatus}
      busy={isSubmitting}
    >
      {to === 'approved' && (
        <Typography variant="body2" color="textSecondary" paragraph>
          Someone other than its owner, and outside its owning group, approves
          an item.{item.kpi ? ' Its KPI baseline is frozen now.' : ''}
        </Typography>
      )}
      {fields.includes('reason') && (
        <TextAreaField
          control={control}
          name="reason"
          id="itsm-improvement-transition-reason"
          label="Reason"
          required
          error={errors.reason?.message}
          hint="Why it is rejected"
        />
      )}
      {fields.includes('implementedAt') && (
        <Controller
          control={control}
          name="implementedAt"
          render={({ field }) => (
            <DateTimeField
              id="itsm-improvement-transition-implemented-at"
              label="Implemented at"
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.implementedAt?.message}
              helperText={
                item.kpi
                  ? 'Now if left empty; the measurement window starts after the settling days'
                  : 'Now if left empty'
              }
            />
          )}
        />
      )}
      {fields.includes('evaluation') && (
        <TextAreaField
          control={control}
          name="evaluation"
          id="itsm-improvement-transition-evaluation"
          label="Evaluation"
          required
          minRows={3}
          error={errors.evaluation?.message}
          hint="Did it reach its objective? Markdown"
        />
      )}
      {fields.includes('effectivenessReview') && (
        <TextAreaField
          control={control}
          name="effectivenessReview"
          id="itsm-improvement-transition-effectiveness"
          label="Effectiveness review"
          required
          minRows={3}
          error={errors.effectivenessReview?.message}
          hint="Did the corrective action prevent recurrence?"
        />
      )}
      {fields.includes('comment') && (
        <TextAreaField
          control={control}
          name="comment"
          id="itsm-improvement-transition-comment"
          label="Comment"
          error={errors.comment?.message}
        />
      )}
    </RecordTransitionDialog>
  );
}
