import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import TextField from '@material-ui/core/TextField';
import {
  UNHELD_REVIEW_STATUSES,
  reviewPatchSchema,
  type ReviewPatchRequest,
  type ServiceReview,
} from '@backstage-itsm/plugin-itsm-common';
import {
  RecordEditDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import { DateTimeField } from '../../shared/forms';
import { reviewKind } from '../record/reviewKind';

interface EditValues {
  title: string;
  scheduledFor: string | null;
}

/** Only what changed; the date only while the review is still to be held. */
export function reviewEditPatch(
  review: ServiceReview,
  values: EditValues,
): ReviewPatchRequest {
  const patch: ReviewPatchRequest = {};
  if (values.title.trim() !== review.title) patch.title = values.title.trim();
  if (
    UNHELD_REVIEW_STATUSES.includes(review.status) &&
    values.scheduledFor &&
    Date.parse(values.scheduledFor) !== Date.parse(review.scheduledFor)
  ) {
    patch.scheduledFor = values.scheduledFor;
  }
  return patch;
}

/**
 * Edits a review's title and, until it is held, its date; sends only what changed with the
 * version the page last read as `If-Match`. Attendees, agenda, minutes and decisions have
 * their own form on the page.
 */
export function EditReviewDialog(props: RecordDialogProps<ServiceReview>) {
  const write = useVersionedWrite(reviewKind, props);
  const review = write.base;
  const unheld = UNHELD_REVIEW_STATUSES.includes(review.status);
  const {
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EditValues>({
    defaultValues: { title: review.title, scheduledFor: review.scheduledFor },
  });

  useEffect(() => {
    reset({ title: review.title, scheduledFor: review.scheduledFor });
  }, [review, reset]);

  const submit = handleSubmit(values => {
    const patch = reviewEditPatch(review, values);
    const parsed = reviewPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(issue.path[0] === 'scheduledFor' ? 'scheduledFor' : 'title', {
        message: issue.message,
      });
      return undefined;
    }
    return Object.keys(patch).length ? write.patch(patch) : write.close();
  });

  return (
    <RecordEditDialog
      write={write}
      onSubmit={submit}
      titleId="itsm-edit-review-title"
      maxWidth="sm"
      busy={isSubmitting}
    >
      <Controller
        control={control}
        name="title"
        render={({ field }) => (
          <TextField
            id="itsm-edit-review-title-field"
            label="Title"
            required
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={Boolean(errors.title)}
            helperText={errors.title?.message}
            inputProps={{ maxLength: 200 }}
            margin="dense"
            fullWidth
          />
        )}
      />
      {unheld && (
        <Controller
          control={control}
          name="scheduledFor"
          render={({ field }) => (
            <DateTimeField
              id="itsm-edit-review-scheduled-for"
              label="Scheduled for"
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.scheduledFor?.message}
            />
          )}
        />
      )}
    </RecordEditDialog>
  );
}
