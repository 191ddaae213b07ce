import { useState } from 'react';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { incidentIdSchema } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { RecordFormDialog } from '../../../records';
import { IncidentLink } from '../../incidents/IncidentLink';
import { formatAnyStatus, shortRef } from '../../shared/format';

function LinkIncidentDialog(props: {
  problemId: string;
  open: boolean;
  onClose: () => void;
  onLinked: () => void;
}) {
  const itsmApi = useApi(itsmApiRef);
  const [incidentId, setIncidentId] = useState('');
  const [reason, setReason] = useState('');
  const [idError, setIdError] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const close = () => {
    setIncidentId('');
    setReason('');
    setIdError(undefined);
    setError(undefined);
    props.onClose();
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const id = incidentId.trim().toLocaleUpperCase('en-US');
    const parsed = incidentIdSchema.safeParse(id);
    if (!parsed.success) {
      setIdError('An incident id like INC-7');
      return;
    }
    setIdError(undefined);
    setBusy(true);
    setError(undefined);
    try {
      await itsmApi.linkProblemIncident({
        id: props.problemId,
        incidentId: id,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      close();
      props.onLinked();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <RecordFormDialog
      open={props.open}
      onClose={close}
      onSubmit={submit}
      titleId="itsm-link-incident-title"
      title={`Link an incident to ${props.problemId}`}
      error={error}
      busy={busy}
      submitLabel="Link incident"
    >
      <TextField
        id="itsm-link-incident-id"
        label="Incident"
        required
        value={incidentId}
        onChange={e => setIncidentId(e.target.value)}
        error={Boolean(idError)}
        helperText={idError ?? 'INC-…'}
        margin="dense"
        fullWidth
      />
      <TextField
        id="itsm-link-incident-reason"
        label="Why is it caused by this problem?"
        value={reason}
        onChange={e => setReason(e.target.value)}
        inputProps={{ maxLength: 500 }}
        margin="dense"
        fullWidth
      />
    </RecordFormDialog>
  );
}

/**
 * The incidents caused by the problem, oldest first: when each was raised, its id, title
 * and status, and who linked it and why; "Link incident" adds one with a reason.
 */
export function ProblemIncidents(props: {
  problemId: string;
  /** The problem's version: a new one (a link made elsewhere) reloads the list. */
  version: number;
  /** Whether incidents may still be linked. */
  canLink: boolean;
  onLinked: () => void;
}) {
  const itsmApi = useApi(itsmApiRef);
  const [linking, setLinking] = useState(false);
  const { value, error, loading, retry } = useAsyncRetry(
    () => itsmApi.listProblemIncidents({ id: props.problemId }),
    [itsmApi, props.problemId, props.version],
  );
  const items = [...(value?.items ?? [])].sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );

  return (
    <InfoCard
      title={`Incidents (${items.length})`}
      subheader="Oldest first"
      action={
        props.canLink ? (
          <Box mt={1} mr={1}>
            <Button variant="outlined" onClick={() => setLinking(true)}>
              Link incident
            </Button>
          </Box>
        ) : undefined
      }
    >
      {error && (
        <ResponseErrorPanel error={error} title="Could not load incidents" />
      )}
      {!error && !loading && items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No incidents are linked yet.
        </Typography>
      )}
      <List dense aria-label="Linked incidents">
        {items.map(item => (
          <ListItem key={item.linkId} disableGutters alignItems="flex-start">
            <ListItemText
              primary={
                <>
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="span"
                  >
                    {new Date(item.createdAt).toLocaleString()}
                  </Typography>{' '}
                  <IncidentLink id={item.incidentId} /> {item.title} ·{' '}
                  {formatAnyStatus(item.status)}
                </>
              }
              secondary={`Linked by ${shortRef(item.linkedBy)}${
                item.reason ? `: ${item.reason}` : ''
              }`}
            />
          </ListItem>
        ))}
      </List>
      <LinkIncidentDialog
        problemId={props.problemId}
        open={linking}
        onClose={() => setLinking(false)}
        onLinked={() => {
          retry();
          props.onLinked();
        }}
      />
    </InfoCard>
  );
}
