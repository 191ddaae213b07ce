import { Controller, useForm } from 'react-hook-form';
import TextField from '@material-ui/core/TextField';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  ON_HOLD_REASONS,
  RESOLUTION_CODES,
  incidentTransitionSchema,
  type Incident,
  type IncidentStatus,
  type IncidentTransitionRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { CodeField, TextAreaField, formErrorMap } from '../../shared/forms';
import { formatIncidentStatus } from '../../shared/format';
import {
  RecordTransitionDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import { incidentKind } from '../record/incidentKind';
import { transitionFields, transitionLabel } from './transitions';

/** The -common schema plus what this move's dialog asks for. */
function schemaFor(to: IncidentStatus) {
  const required = transitionFields(to);
  return incidentTransitionSchema.superRefine((value, ctx) => {
    for (const field of required) {
      const v = value[field];
      if (typeof v !== 'string' || v.trim() === '') {
        ctx.addIssue({ code: 'custom', path: [field], message: 'Required' });
      }
    }
  });
}

/** Props of {@link TransitionDialog}. */
export type TransitionDialogProps = RecordDialogProps<Incident> & {
  to: IncidentStatus;
  /** What the form starts with, e.g. a known error's workaround as resolution notes. */
  initialValues?: Partial<Omit<IncidentTransitionRequest, 'to'>>;
};

/**
 * Moves an incident to `to`, asking for exactly what the move needs: a reason to go on
 * hold, a resolution code and notes to resolve, a comment to cancel. Sends the version the
 * page last read as `If-Match`.
 */
export function TransitionDialog(props: TransitionDialogProps) {
  const { to } = props;
  const write = useVersionedWrite(incidentKind, props);
  const incident = write.base;
  const fields = transitionFields(to);
  const form = useForm<IncidentTransitionRequest>({
    resolver: zodResolver(schemaFor(to), { error: formErrorMap }),
    defaultValues: { ...props.initialValues, to },
  });
  const { control } = form;
  const { errors } = form.formState;
  // Waiting on a problem points at it: the problem is named (or the incident linked already).
  const waitsOnProblem =
    fields.includes('onHoldReason') &&
    form.watch('onHoldReason') === 'awaiting_problem';

  // Only the fields this move asks for, and only when filled in.
  const submit = form.handleSubmit(values => {
    const problemId = values.problemId?.trim();
    if (waitsOnProblem && !problemId && !incident.problemId) {
      form.setError('problemId', {
        message: 'Name the problem this incident waits for, e.g. PRB-3',
      });
      return undefined;
    }
    return write.transition({
      to,
      ...Object.fromEntries(
        fields.filter(field => values[field]).map(f => [f, values[f]]),
      ),
      ...(waitsOnProblem && problemId ? { problemId } : {}),
    });
  });

  return (
    <RecordTransitionDialog
      write={write}
      onSubmit={submit}
      label={transitionLabel(incident.status, to)}
      to={to}
      formatStatus={formatIncidentStatus}
      busy={form.formState.isSubmitting}
    >
      {fields.includes('onHoldReason') && (
        <CodeField
          control={control}
          name="onHoldReason"
          id="itsm-transition-on-hold-reason"
          label="Reason"
          codes={ON_HOLD_REASONS}
          error={errors.onHoldReason?.message}
        />
      )}
      {waitsOnProblem && (
        <Controller
          control={control}
          name="problemId"
          render={({ field }) => (
            <TextField
              {...field}
              value={field.value ?? ''}
              id="itsm-transition-problem-id"
              label="Problem"
              required={!incident.problemId}
              error={Boolean(errors.problemId)}
              helperText={
                errors.problemId?.message ??
                (incident.problemId
                  ? `Linked to ${incident.problemId}; name another to link it too`
                  : 'The problem it waits for, e.g. PRB-3; the incident is linked to it')
              }
              margin="dense"
              fullWidth
            />
          )}
        />
      )}
      {fields.includes('resolutionCode') && (
        <CodeField
          control={control}
          name="resolutionCode"
          id="itsm-transition-resolution-code"
          label="Resolution code"
          codes={RESOLUTION_CODES}
          error={errors.resolutionCode?.message}
        />
      )}
      {fields.includes('resolutionNotes') && (
        <TextAreaField
          control={control}
          name="resolutionNotes"
          id="itsm-transition-resolution-notes"
          label="Resolution notes"
          required
          minRows={3}
          error={errors.resolutionNotes?.message}
          hint="Markdown: what fixed it, for the caller and the next engineer"
        />
      )}
      {fields.includes('comment') && (
        <TextAreaField
          control={control}
          name="comment"
          id="itsm-transition-comment"
          label="Why is it cancelled?"
          required
          error={errors.comment?.message}
        />
      )}
    </RecordTransitionDialog>
  );
}
