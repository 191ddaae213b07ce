import { useState } from 'react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import {
  CHANGE_OUTCOMES,
  type Change,
  type ChangeOutcome,
  type ChangeStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { useWriteBase } from '../../../hooks/useWriteBase';
import { DateTimeField } from '../../shared/forms';
import { formatChangeStatus, humanizeCode } from '../../shared/format';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
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
export function ChangeTransitionDialog(props: {
  change: Change;
  to: ChangeStatus;
  open: boolean;
  onClose: () => void;
  onDone: (change: Change) => void;
  onReload: () => void;
}) {
  const { to, open, onClose, onDone, onReload } = props;
  const itsmApi = useApi(itsmApiRef);
  const { base: change, rebase } = useWriteBase(props.change, open);
  const [serverError, setServerError] = useState<unknown>();
  const fields = changeTransitionFields(to);
  const resolver: Resolver<TransitionValues> = async values => {
    const problems = transitionErrors(change, to, values);
    const errors = Object.fromEntries(
      Object.entries(problems).map(([field, message]) => [
        field,
        { type: 'validate', message },
      ]),
    );
    return Object.keys(errors).length
      ? { values: {}, errors }
      : { values, errors: {} };
  };
  const {
    control,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<TransitionValues>({
    resolver,
    defaultValues: initialTransitionValues(props.change, to),
  });
  const label = changeTransitionLabel(change, to);
  const outcome = (watch('outcome') ||
    change.outcome ||
    null) as ChangeOutcome | null;

  const submit = handleSubmit(async values => {
    setServerError(undefined);
    try {
      const next = await itsmApi.transitionChange({
        id: change.id,
        version: change.version,
        transition: toTransitionRequest(to, values),
      });
      onDone(next);
    } catch (e) {
      setServerError(e);
    }
  });

  const titleId = `itsm-change-transition-${to}-title`;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby={titleId}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>
          {label}: {change.id}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {formatChangeStatus(change.status)} → {formatChangeStatus(to)}
          </DialogContentText>
          {fields.includes('outcome') && (
            <Controller
              control={control}
              name="outcome"
              render={({ field }) => (
                <TextField
                  id="itsm-change-outcome"
                  select
                  required
                  label="Outcome"
                  value={field.value}
                  onChange={e => field.onChange(e.target.value)}
                  error={Boolean(errors.outcome)}
                  helperText={errors.outcome?.message}
                  SelectProps={{ native: true }}
                  InputLabelProps={{ shrink: true }}
                  margin="dense"
                  fullWidth
                >
                  <option value="">Choose…</option>
                  {CHANGE_OUTCOMES.map(o => (
                    <option key={o} value={o}>
                      {humanizeCode(o)}
                    </option>
                  ))}
                </TextField>
              )}
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
                    label={
                      name === 'actualStart' ? 'Actual start' : 'Actual end'
                    }
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
            <Controller
              control={control}
              name="comment"
              render={({ field }) => (
                <TextField
                  {...field}
                  id="itsm-change-transition-comment"
                  label={
                    to === 'cancelled'
                      ? 'Why is it cancelled?'
                      : 'What will be reworked?'
                  }
                  required={to === 'cancelled'}
                  multiline
                  minRows={2}
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
              recordName="change"
              onReload={() => {
                setServerError(undefined);
                rebase();
                onReload();
              }}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Back</Button>
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
