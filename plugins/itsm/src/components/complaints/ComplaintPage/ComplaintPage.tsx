import { useParams } from 'react-router-dom';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  LiveRecordHistory,
  RecordLinks,
  RecordPage,
  useRecord,
} from '../../../records';
import { renderRecordId } from '../../RecordIdLink';
import { Unset } from '../../shared/Fact';
import { Markdown } from '../../shared/Markdown';
import {
  ComplaintActions,
  complaintRoleOf,
  useViewer,
} from '../ComplaintActions';
import { complaintKind } from '../record/complaintKind';
import { ComplaintHeader } from './ComplaintHeader';
import { RaiseImprovementButton } from '../../improvements/RaiseImprovementButton';

/**
 * One complaint: header with the moves its status allows (a complainant accepts the response
 * or says why it is not enough) and edit, what happened, the response, links to incidents,
 * changes and problems, and the full history; those who manage it may raise an improvement
 * from it. Reads the id from the route unless given.
 */
export function ComplaintPage(props: { id?: string }) {
  const params = useParams();
  const id = props.id ?? params.id ?? '';
  const live = useRecord(complaintKind, id);
  const viewer = useViewer();

  return (
    <RecordPage kind={complaintKind} id={id} live={live}>
      {complaint => {
        const role = complaintRoleOf(complaint, viewer);
        return (
          <>
            <ComplaintHeader complaint={complaint} />
            <Box mb={3} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
              <ComplaintActions
                complaint={complaint}
                role={role}
                onChange={live.accept}
                onReload={live.reload}
              />
              {role.manages && (
                <RaiseImprovementButton
                  source="complaint"
                  sourceId={complaint.id}
                  size="medium"
                />
              )}
            </Box>
            <Grid container spacing={3}>
              <Grid item xs={12} md={7} lg={8}>
                <InfoCard title="What happened">
                  <Markdown content={complaint.description} />
                </InfoCard>
                <Box mt={3}>
                  <InfoCard title="Response">
                    {complaint.response?.trim() ? (
                      <Markdown content={complaint.response} />
                    ) : (
                      <Unset text="No response yet" />
                    )}
                    {complaint.status === 'resolved' &&
                      role.complainant &&
                      !role.manages && (
                        <Box mt={2}>
                          <Typography variant="body2" color="textSecondary">
                            Accept the response to close your complaint, or tell
                            the owner why it is not enough.
                          </Typography>
                        </Box>
                      )}
                  </InfoCard>
                </Box>
                <Box mt={3}>
                  <InfoCard title="History">
                    <LiveRecordHistory kind={complaintKind} live={live} />
                  </InfoCard>
                </Box>
              </Grid>
              <Grid item xs={12} md={5} lg={4}>
                <RecordLinks
                  kind={complaintKind}
                  id={complaint.id}
                  renderId={renderRecordId}
                />
              </Grid>
            </Grid>
          </>
        );
      }}
    </RecordPage>
  );
}
