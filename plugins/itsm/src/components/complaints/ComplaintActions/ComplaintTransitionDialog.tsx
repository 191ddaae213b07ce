import { Controller, useForm } from 'react-hook-form';
import type {
  Complaint,
  ComplaintStatus,
} from '@backstage-itsm/plugin-itsm-common';
import {
  errorMapResolver,
  RecordTransitionDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import { EntityRefPicker } from '../../shared/EntityRefPicker';
import { TextAreaField } from '../../shared/forms';
import { complaintKind, formatComplaintStatus } from '../record/complaintKind';
import {
  complaintTransitionErrors,
  complaintTransitionFields,
  complaintTransitionLabel,
  initialComplaintTransitionValues,
  toComplaintTransitionRequest,
  type ComplaintTransitionValues,
} from './complaintTransitions';

/**
 * Moves a complaint to `to`, asking for what the move needs: an owner to start
 * investigating, the response to the complainant (Markdown) to resolve, why the response is
 * not enough to re-open. Sends the version the page last read as `If-Match`.
 */
export function ComplaintTransitionDialog(
  props: RecordDialogProps<Complaint> & {
    to: ComplaintStatus;
    /** The complainant makes the move (it is worded for them). */
    byComplainant?: boolean;
  },
) {
  const { to } = props;
  const write = useVersionedWrite(complaintKind, props);
  const complaint = write.base;
  const fields = complaintTransitionFields(complaint.status, to);
  const {
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ComplaintTransitionValues>({
    resolver: errorMapResolver(values =>
      complaintTransitionErrors(complaint, to, values),
    ),
    defaultValues: initialComplaintTransitionValues(props.record),
  });

  const submit = handleSubmit(values =>
    write.transition(toComplaintTransitionRequest(complaint, to, values)),
  );
  const reopening = complaint.status === 'resolved' && to === 'investigating';

  return (
    <RecordTransitionDialog
      write={write}
      onSubmit={submit}
      label={complaintTransitionLabel(
        complaint.status,
        to,
        props.byComplainant,
      )}
      to={to}
      formatStatus={formatComplaintStatus}
      busy={isSubmitting}
    >
      {fields.includes('owner') && (
        <Controller
          control={control}
          name="owner"
          render={({ field }) => (
            <EntityRefPicker
              id="itsm-complaint-transition-owner"
              label="Owner"
              kinds={['User', 'Group']}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={Boolean(errors.owner)}
              helperText={errors.owner?.message ?? 'Who answers it'}
            />
          )}
        />
      )}
      {fields.includes('response') && (
        <TextAreaField
          control={control}
          name="response"
          id="itsm-complaint-transition-response"
          label="Response to the complainant"
          required
          minRows={4}
          error={errors.response?.message}
          hint="Markdown: what was done, and what they were told"
        />
      )}
      {fields.includes('comment') && (
        <TextAreaField
          control={control}
          name="comment"
          id="itsm-complaint-transition-comment"
          label={reopening ? 'Why is the response not enough?' : 'Comment'}
          required={reopening}
          error={errors.comment?.message}
        />
      )}
    </RecordTransitionDialog>
  );
}
