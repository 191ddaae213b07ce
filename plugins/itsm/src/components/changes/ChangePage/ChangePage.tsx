import { useParams } from 'react-router-dom';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useChangeRecord } from '../../../hooks/useChangeRecord';
import { ChangeActions } from '../ChangeActions';
import { ChangeApprovals } from '../ChangeApprovals';
import { RecordHistory } from '../../incidents/IncidentHistory';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { ChangeHeader } from './ChangeHeader';
import { ChangePlan, ChangeReview } from './ChangePlan';
import { ChangeRisk } from './ChangeRisk';
import { ChangeWindow } from './ChangeWindow';
import { LinkedIncidents } from './LinkedIncidents';

/**
 * One change, kept live by signals: header, the moves its status allows and edit, plan,
 * window (flagged when the work left the approved window), approvals with Approve/Reject,
 * risk and conflicts, caused incidents, the review and the full history. Reads the id
 * from the route unless given.
 */
export function ChangePage(props: { id?: string }) {
  const params = useParams();
  const id = props.id ?? params.id ?? '';
  const record = useChangeRecord(id);
  const { change, error } = record;

  if (error && !change) {
    return (
      <Box p={3}>
        <ResponseErrorPanel error={error} title={`Could not load ${id}`} />
      </Box>
    );
  }
  if (!change) {
    return <Progress />;
  }

  return (
    <Box p={3}>
      {error && (
        <Box mb={2}>
          <WriteErrorAlert error={error} recordName="change" />
        </Box>
      )}
      <ChangeHeader change={change} />
      <Box mb={3}>
        <ChangeActions
          change={change}
          onChange={record.accept}
          onReload={record.reload}
        />
      </Box>
      <Grid container spacing={3}>
        <Grid item xs={12} md={7} lg={8}>
          <ChangeApprovals change={change} onChange={record.accept} />
          <Box mt={3}>
            <ChangePlan change={change} />
          </Box>
          {change.review && (
            <Box mt={3}>
              <ChangeReview change={change} />
            </Box>
          )}
          <Box mt={3}>
            <InfoCard title="History">
              {record.historyError && (
                <ResponseErrorPanel
                  error={record.historyError}
                  title="Could not load the history"
                />
              )}
              {!record.history && !record.historyError && <Progress />}
              {record.history && <RecordHistory events={record.history} />}
              {record.historyTruncated && (
                <Typography variant="caption" color="textSecondary">
                  Only the oldest events are shown; the history is longer.
                </Typography>
              )}
            </InfoCard>
          </Box>
        </Grid>
        <Grid item xs={12} md={5} lg={4}>
          <ChangeWindow change={change} />
          <Box mt={3}>
            <ChangeRisk change={change} />
          </Box>
          <Box mt={3}>
            <LinkedIncidents changeId={change.id} version={change.version} />
          </Box>
        </Grid>
      </Grid>
    </Box>
  );
}
