import { useEffect, useState } from 'react';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  BreachPatchRequest,
  SlaBreach,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { serverMessageOf, statusCodeOf } from '../../shared/WriteErrorAlert';
import { RecordFormDialog } from '../../../records';
import { breachKind } from '../record/serviceLevelKinds';

const orNull = (text: string) => (text.trim() ? text : null);

/**
 * Cause, action and waiver of one breach. A waiver needs a reason; its approver is the
 * signed-in user. Withdrawing it puts the breach back into the attainment figures. Only
 * what changed is sent, with `If-Match`.
 */
export function BreachDialog(props: {
  breach: SlaBreach | undefined;
  onClose: () => void;
  onSaved: (breach: SlaBreach) => void;
  onReload: () => void;
}) {
  const { breach } = props;
  const itsmApi = useApi(itsmApiRef);
  const identityApi = useApi(identityApiRef);
  const [cause, setCause] = useState('');
  const [action, setAction] = useState('');
  const [waive, setWaive] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (breach) {
      setCause(breach.cause ?? '');
      setAction(breach.action ?? '');
      setWaive(Boolean(breach.waiver));
      setReason(breach.waiver?.reason ?? '');
      setReasonError(undefined);
      setError(undefined);
    }
  }, [breach]);

  if (!breach) return null;

  const save = async () => {
    setError(undefined);
    if (waive && !reason.trim()) {
      setReasonError('A waiver needs a reason');
      return;
    }
    setReasonError(undefined);
    const patch: BreachPatchRequest = {};
    if (orNull(cause) !== breach.cause) patch.cause = orNull(cause);
    if (orNull(action) !== breach.action) patch.action = orNull(action);
    setSaving(true);
    try {
      if (waive && (!breach.waiver || breach.waiver.reason !== reason.trim())) {
        const { userEntityRef } = await identityApi.getBackstageIdentity();
        patch.waiver = { reason: reason.trim(), approver: userEntityRef };
      } else if (!waive && breach.waiver) {
        patch.waiver = null;
      }
      if (Object.keys(patch).length === 0) {
        props.onClose();
        return;
      }
      props.onSaved(
        await itsmApi.patchBreach({
          id: breach.id,
          version: breach.version,
          patch,
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const forbidden = statusCodeOf(error) === 403;
  return (
    <RecordFormDialog
      open
      onClose={props.onClose}
      onSubmit={e => {
        e.preventDefault();
        save();
      }}
      titleId="itsm-breach-title"
      title={`${breach.id}: ${breach.recordId} ${breach.clock}`}
      error={forbidden ? undefined : error}
      noun={breachKind.noun}
      onReload={props.onReload}
      busy={saving}
      submitLabel="Save"
    >
      <Typography variant="body2" color="textSecondary" paragraph>
        Breached {new Date(breach.breachedAt).toLocaleString()}. Each breach is
        an improvement opportunity: record why it happened and what is done
        about it.
      </Typography>
      <TextField
        id="itsm-breach-cause"
        label="Cause"
        multiline
        minRows={2}
        fullWidth
        margin="dense"
        value={cause}
        disabled={saving}
        onChange={e => setCause(e.target.value)}
      />
      <TextField
        id="itsm-breach-action"
        label="Action"
        multiline
        minRows={2}
        fullWidth
        margin="dense"
        value={action}
        disabled={saving}
        onChange={e => setAction(e.target.value)}
      />
      <Box mt={2}>
        <FormControlLabel
          control={
            <Checkbox
              checked={waive}
              disabled={saving}
              onChange={e => setWaive(e.target.checked)}
            />
          }
          label="Waive this breach (it stays in the register but does not count against attainment)"
        />
        {waive && (
          <TextField
            id="itsm-breach-waiver-reason"
            label="Waiver reason"
            required
            multiline
            fullWidth
            margin="dense"
            value={reason}
            disabled={saving}
            error={Boolean(reasonError)}
            helperText={
              reasonError ??
              (breach.waiver
                ? `Approved by ${breach.waiver.approver}`
                : 'You are recorded as the approver')
            }
            onChange={e => setReason(e.target.value)}
          />
        )}
        {!waive && breach.waiver && (
          <Alert severity="warning">
            Saving withdraws the waiver approved by {breach.waiver.approver};
            the breach counts against attainment again.
          </Alert>
        )}
      </Box>
      {forbidden && (
        <Alert severity="error" role="alert">
          Not allowed: {serverMessageOf(error)}. The owners of the service
          record cause and action; someone outside its owner group approves a
          waiver.
        </Alert>
      )}
    </RecordFormDialog>
  );
}
