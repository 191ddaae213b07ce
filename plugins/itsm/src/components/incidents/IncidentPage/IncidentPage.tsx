import { useParams } from 'react-router-dom';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { FINAL_INCIDENT_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import { useIncidentRecord } from '../../../hooks/useIncidentRecord';
import { ImpactedServicesCard } from '../../shared/BlastRadius';
import { IncidentActions } from '../IncidentActions';
import { IncidentHistory } from '../IncidentHistory';
import { MajorIncidentPanel } from '../MajorIncidentPanel';
import { WorkNoteForm } from '../WorkNotes';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { IncidentDetails } from './IncidentDetails';
import { IncidentHeader } from './IncidentHeader';

/**
 * One incident, kept live by signals: header with SLA clocks, the moves its status
 * allows, edit, details, work notes and the full history, the major-incident panel, and
 * its impacted services. Reads the id from the route unless given.
 */
export function IncidentPage(props: { id?: string }) {
  const params = useParams();
  const id = props.id ?? params.id ?? '';
  const record = useIncidentRecord(id);
  const { incident, error } = record;

  if (error && !incident) {
    return (
      <Box p={3}>
        <ResponseErrorPanel error={error} title={`Could not load ${id}`} />
      </Box>
    );
  }
  if (!incident) {
    return <Progress />;
  }
  const final = FINAL_INCIDENT_STATUSES.includes(incident.status);

  return (
    <Box p={3}>
      {error && (
        <Box mb={2}>
          <WriteErrorAlert error={error} />
        </Box>
      )}
      <IncidentHeader incident={incident} />
      <Box mb={3}>
        <IncidentActions
          incident={incident}
          onChange={record.accept}
          onReload={record.reload}
        />
      </Box>
      <Grid container spacing={3}>
        <Grid item xs={12} md={7} lg={8}>
          <IncidentDetails incident={incident} />
          <Box mt={3}>
            <InfoCard title="Work notes and history">
              {!final && (
                <WorkNoteForm
                  incidentId={incident.id}
                  onAdded={record.reloadHistory}
                />
              )}
              <Box mt={2}>
                {record.historyError && (
                  <ResponseErrorPanel
                    error={record.historyError}
                    title="Could not load the history"
                  />
                )}
                {!record.history && !record.historyError && <Progress />}
                {record.history && <IncidentHistory events={record.history} />}
                {record.historyTruncated && (
                  <Typography variant="caption" color="textSecondary">
                    Only the oldest events are shown; the history is longer.
                  </Typography>
                )}
              </Box>
            </InfoCard>
          </Box>
        </Grid>
        <Grid item xs={12} md={5} lg={4}>
          {incident.major && (
            <Box mb={3}>
              <MajorIncidentPanel
                incident={incident}
                history={record.history}
                onChange={record.accept}
                onReload={record.reload}
                onHistoryChanged={record.reloadHistory}
              />
            </Box>
          )}
          <ImpactedServicesCard incident={incident} />
        </Grid>
      </Grid>
    </Box>
  );
}
