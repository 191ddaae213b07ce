import { useParams } from 'react-router-dom';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import {
  FINAL_INCIDENT_STATUSES,
  OPEN_INCIDENT_STATUSES,
} from '@backstage-itsm/plugin-itsm-common';
import {
  LiveRecordHistory,
  RecordLinks,
  RecordPage,
  useRecord,
} from '../../../records';
import { renderRecordId } from '../../RecordIdLink';
import { ImpactedServicesCard } from '../../shared/BlastRadius';
import { IncidentKnownErrors } from '../../problems/IncidentKnownErrors';
import { IncidentActions } from '../IncidentActions';
import { MajorIncidentPanel } from '../MajorIncidentPanel';
import { incidentKind } from '../record/incidentKind';
import { WorkNoteForm } from '../WorkNotes';
import { IncidentDetails } from './IncidentDetails';
import { IncidentHeader } from './IncidentHeader';

/**
 * One incident, kept live by signals: header with SLA clocks, the moves its status
 * allows, edit, details, work notes and the full history, the major-incident panel, its
 * impacted services and its links to other records. Reads the id from the route unless
 * given.
 */
export function IncidentPage(props: { id?: string }) {
  const params = useParams();
  const id = props.id ?? params.id ?? '';
  const live = useRecord(incidentKind, id);

  return (
    <RecordPage kind={incidentKind} id={id} live={live}>
      {incident => (
        <>
          <IncidentHeader incident={incident} />
          <Box mb={3}>
            <IncidentActions
              incident={incident}
              onChange={live.accept}
              onReload={live.reload}
            />
          </Box>
          <Grid container spacing={3}>
            <Grid item xs={12} md={7} lg={8}>
              <IncidentDetails incident={incident} />
              <Box mt={3}>
                <InfoCard title="Work notes and history">
                  {!FINAL_INCIDENT_STATUSES.includes(incident.status) && (
                    <WorkNoteForm
                      incidentId={incident.id}
                      onAdded={live.reloadHistory}
                    />
                  )}
                  <Box mt={2}>
                    <LiveRecordHistory kind={incidentKind} live={live} />
                  </Box>
                </InfoCard>
              </Box>
            </Grid>
            <Grid item xs={12} md={5} lg={4}>
              {incident.major && (
                <Box mb={3}>
                  <MajorIncidentPanel
                    incident={incident}
                    history={live.history}
                    onChange={live.accept}
                    onReload={live.reload}
                    onHistoryChanged={live.reloadHistory}
                  />
                </Box>
              )}
              {OPEN_INCIDENT_STATUSES.includes(incident.status) && (
                <IncidentKnownErrors
                  incident={incident}
                  onChange={live.accept}
                  onReload={live.reload}
                />
              )}
              <ImpactedServicesCard incident={incident} />
              <Box mt={3}>
                <RecordLinks
                  kind={incidentKind}
                  id={incident.id}
                  renderId={renderRecordId}
                />
              </Box>
            </Grid>
          </Grid>
        </>
      )}
    </RecordPage>
  );
}
