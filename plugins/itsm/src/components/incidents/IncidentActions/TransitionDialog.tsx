import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import {
  ON_HOLD_REASONS,
  RESOLUTION_CODES,
  incidentTransitionSchema,
  type Incident,
  type IncidentStatus,
  type IncidentTransitionRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { useWriteBase } from '../../../hooks/useWriteBase';
import { formErrorMap } from '../../shared/forms';
import { formatIncidentStatus, humanizeCode } from '../../shared/format';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
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

function CodeSelect(props: {
  id: string;
  label: string;
  codes: readonly string[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  error?: string;
}) {
  return (
    <TextField
      id={props.id}
      select
      required
      label={props.label}
      value={props.value ?? ''}
      onChange={e => props.onChange(e.target.value || undefined)}
      error={Boolean(props.error)}
      helperText={props.error}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      margin="dense"
      fullWidth
    >
      <option value="">Choose…</option>
      {props.codes.map(code => (
        <option key={code} value={code}>
          {humanizeCode(code)}
        </option>
      ))}
    </TextField>
  );
}

/** Props of {@link TransitionDialog}. */
export interface TransitionDialogProps {
  incident: Incident;
  to: IncidentStatus;
  open: boolean;
  onClose: () => void;
  /** Receives the incident the server answered with. */
  onDone: (incident: Incident) => void;
  /** Reloads the incident after a 412. */
  onReload: () => void;
}

/**
 * Moves an incident to `to`, asking for exactly what the move needs: a reason to go on
 * hold, a resolution code and notes to resolve, a comment to cancel. Sends the version the
 * page last read as `If-Match`.
 */
export function TransitionDialog(props: TransitionDialogProps) {
  const { to, open, onClose, onDone, onReload } = props;
  const itsmApi = useApi(itsmApiRef);
  const { base: incident, rebase } = useWriteBase(props.incident, open);
  const [serverError, setServerError] = useState<unknown>();
  const fields = transitionFields(to);
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<IncidentTransitionRequest>({
    resolver: zodResolver(schemaFor(to), { error: formErrorMap }),
    defaultValues: { to },
  });
  const label = transitionLabel(incident.status, to);

  const close = () => {
    reset({ to });
    setServerError(undefined);
    onClose();
  };

  const submit = handleSubmit(async values => {
    setServerError(undefined);
    const transition: IncidentTransitionRequest = { to };
    for (const field of fields) {
      if (values[field]) {
        (transition as Record<string, unknown>)[field] = values[field];
      }
    }
    try {
      const next = await itsmApi.transitionIncident({
        id: incident.id,
        version: incident.version,
        transition,
      });
      reset({ to });
      onDone(next);
    } catch (e) {
      setServerError(e);
    }
  });

  const titleId = `itsm-transition-${to}-title`;
  return (
    <Dialog
      open={open}
      onClose={close}
      fullWidth
      maxWidth="sm"
      aria-labelledby={titleId}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>
          {label}: {incident.id}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {formatIncidentStatus(incident.status)} → {formatIncidentStatus(to)}
          </DialogContentText>
          {fields.includes('onHoldReason') && (
            <Controller
              control={control}
              name="onHoldReason"
              render={({ field }) => (
                <CodeSelect
                  id="itsm-transition-on-hold-reason"
                  label="Reason"
                  codes={ON_HOLD_REASONS}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.onHoldReason?.message}
                />
              )}
            />
          )}
          {fields.includes('resolutionCode') && (
            <Controller
              control={control}
              name="resolutionCode"
              render={({ field }) => (
                <CodeSelect
                  id="itsm-transition-resolution-code"
                  label="Resolution code"
                  codes={RESOLUTION_CODES}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.resolutionCode?.message}
                />
              )}
            />
          )}
          {fields.includes('resolutionNotes') && (
            <Controller
              control={control}
              name="resolutionNotes"
              render={({ field }) => (
                <TextField
                  id="itsm-transition-resolution-notes"
                  label="Resolution notes"
                  required
                  multiline
                  minRows={3}
                  value={field.value ?? ''}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={Boolean(errors.resolutionNotes)}
                  helperText={
                    errors.resolutionNotes?.message ??
                    'Markdown: what fixed it, for the caller and the next engineer'
                  }
                  margin="dense"
                  fullWidth
                />
              )}
            />
          )}
          {fields.includes('comment') && (
            <Controller
              control={control}
              name="comment"
              render={({ field }) => (
                <TextField
                  id="itsm-transition-comment"
                  label="Why is it cancelled?"
                  required
                  multiline
                  minRows={2}
                  value={field.value ?? ''}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={Boolean(errors.comment)}
                  helperText={errors.comment?.message}
                  margin="dense"
                  fullWidth
                />
              )}
            />
          )}
          {serverError !== undefined && (
            <WriteErrorAlert
              error={serverError}
              onReload={() => {
                setServerError(undefined);
                rebase();
                onReload();
              }}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Back</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={isSubmitting}
          >
            {label}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
