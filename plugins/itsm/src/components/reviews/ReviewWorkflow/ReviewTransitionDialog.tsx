import { Controller, useForm } from 'react-hook-form';
import type {
  ReviewStatus,
  ServiceReview,
} from '@backstage-itsm/plugin-itsm-common';
import {
  errorMapResolver,
  RecordTransitionDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import { EntityRefsPicker } from '../../shared/EntityRefPicker';
import { DateTimeField, TextAreaField } from '../../shared/forms';
import { formatReviewStatus, reviewKind } from '../record/reviewKind';
import {
  initialReviewTransitionValues,
  reviewTransitionErrors,
  reviewTransitionLabel,
  toReviewTransitionRequest,
  type ReviewTransitionValues,
} from './reviewTransitions';

/**
 * Moves a review to `to`, asking for what the move needs: when the meeting took place, who
 * attended and the minutes to mark it held (prefilled from the review), a reason to cancel,
 * and a comment. Sends the version the page last read as `If-Match`.
 */
export function ReviewTransitionDialog(
  props: RecordDialogProps<ServiceReview> & { to: ReviewStatus },
) {
  const { to } = props;
  const write = useVersionedWrite(reviewKind, props);
  const review = write.base;
  const {
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ReviewTransitionValues>({
    resolver: errorMapResolver(values =>
      reviewTransitionErrors(review, to, values),
    ),
    defaultValues: initialReviewTransitionValues(props.record),
  });

  const submit = handleSubmit(values =>
    write.transition(toReviewTransitionRequest(review, to, values)),
  );

  return (
    <RecordTransitionDialog
      write={write}
      onSubmit={submit}
      label={reviewTransitionLabel(to)}
      to={to}
      formatStatus={formatReviewStatus}
      busy={isSubmitting}
    >
      {to === 'held' && (
        <>
          <Controller
            control={control}
            name="heldAt"
            render={({ field }) => (
              <DateTimeField
                id="itsm-review-held-at"
                label="Held at"
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors.heldAt?.message}
                helperText="When the meeting took place"
              />
            )}
          />
          <Controller
            control={control}
            name="attendees"
            render={({ field }) => (
              <EntityRefsPicker
                id="itsm-review-held-attendees"
                label="Attendees"
                kinds={['User', 'Group']}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={Boolean(errors.attendees)}
                helperText={
                  errors.attendees?.message ??
                  'Who took part; press Enter after each ref'
                }
              />
            )}
          />
          <TextAreaField
            control={control}
            name="minutes"
            id="itsm-review-held-minutes"
            label="Minutes"
            required
            minRows={4}
            error={errors.minutes?.message}
            hint="Markdown"
          />
        </>
      )}
      {to === 'cancelled' && (
        <TextAreaField
          control={control}
          name="cancelReason"
          id="itsm-review-cancel-reason"
          label="Why is it cancelled?"
          required
          error={errors.cancelReason?.message}
        />
      )}
      <TextAreaField
        control={control}
        name="comment"
        id="itsm-review-transition-comment"
        label="Comment"
        error={errors.comment?.message}
      />
    </RecordTransitionDialog>
  );
}
