import { useState, type FormEvent } from 'react';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { parseRecordId } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { ChangeStatusChip } from '../../changes/ChangeBadges';
import { ChangeLink } from '../../changes/ChangeLink';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';

/**
 * The changes that fix the problem (a `fixes` link between them, whichever record it was
 * made on), with their status, and a form that links one from the problem.
 */
export function FixChanges(props: {
  problemId: string;
  changeIds: string[];
  error?: Error;
  canLink: boolean;
  onLinked: () => void;
}) {
  const itsmApi = useApi(itsmApiRef);
  const key = props.changeIds.join(',');
  const changes = useAsync(
    () =>
      Promise.all(
        (key ? key.split(',') : []).map(id => itsmApi.getChange({ id })),
      ),
    [itsmApi, key],
  );
  const [changeId, setChangeId] = useState('');
  const [idError, setIdError] = useState<string>();
  const [writeError, setWriteError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const error = props.error ?? changes.error;

  const link = async (event: FormEvent) => {
    event.preventDefault();
    const id = changeId.trim().toLocaleUpperCase('en-US');
    if (parseRecordId(id)?.prefix !== 'CHG') {
      setIdError('A change id like CHG-3');
      return;
    }
    setIdError(undefined);
    setWriteError(undefined);
    setBusy(true);
    try {
      await itsmApi.addLink({
        collection: 'problems',
        id: props.problemId,
        link: { to: id, relation: 'fixes' },
      });
      setChangeId('');
      props.onLinked();
    } catch (e) {
      setWriteError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <InfoCard title="Fix changes">
      {error && (
        <ResponseErrorPanel error={error} title="Could not load changes" />
      )}
      {!error && props.changeIds.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No change fixes this problem yet.
        </Typography>
      )}
      <List dense aria-label="Fix changes">
        {(changes.value ?? []).map(change => (
          <ListItem key={change.id} disableGutters>
            <ListItemText
              primary={
                <>
                  <ChangeLink id={change.id} /> {change.title}{' '}
                  <ChangeStatusChip status={change.status} />
                </>
              }
            />
          </ListItem>
        ))}
      </List>
      {props.canLink && (
        <form onSubmit={link} noValidate aria-label="Link a fix change">
          <Box display="flex" alignItems="flex-start" style={{ gap: 8 }}>
            <TextField
              id="itsm-problem-fix-change"
              label="Change"
              size="small"
              value={changeId}
              onChange={e => setChangeId(e.target.value)}
              error={Boolean(idError)}
              helperText={idError ?? 'CHG-…'}
              margin="dense"
            />
            <Box mt={1}>
              <Button type="submit" variant="outlined" disabled={busy}>
                Link fix
              </Button>
            </Box>
          </Box>
          <WriteErrorAlert error={writeError} />
        </form>
      )}
    </InfoCard>
  );
}
