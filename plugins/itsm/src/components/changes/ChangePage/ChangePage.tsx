import { useParams } from 'react-router-dom';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import {
  LiveRecordHistory,
  RecordLinks,
  RecordPage,
  useRecord,
} from '../../../records';
import { renderRecordId } from '../../RecordIdLink';
import { ChangeActions } from '../ChangeActions';
import { ChangeApprovals } from '../ChangeApprovals';
import { changeKind } from '../record/changeKind';
import { ChangeHeader } from './ChangeHeader';
import { ChangePlan, ChangeReview } from './ChangePlan';
import { ChangeRisk } from './ChangeRisk';
import { ChangeWindow } from './ChangeWindow';
import { LinkedIncidents } from './LinkedIncidents';

/**
 * One change, kept live by signals: header, the moves its status allows and edit, plan,
 * window (flagged when the work left the approved window), approvals with Approve/Reject,
 * risk and conflicts, caused incidents, links to other records, the review and the full
 * history. Reads the id from the route unless given.
 */
export function ChangePage(props: { id?: string }) {
  const params = useParams();
  const id = props.id ?? params.id ?? '';
  const live = useRecord(changeKind, id);

  return (
    <RecordPage kind={changeKind} id={id} live={live}>
      {change => (
        <>
          <ChangeHeader change={change} />
          <Box mb={3}>
            <ChangeActions
              change={change}
              onChange={live.accept}
              onReload={live.reload}
            />
          </Box>
          <Grid container spacing={3}>
            <Grid item xs={12} md={7} lg={8}>
              <ChangeApprovals change={change} onChange={live.accept} />
              <Box mt={3}>
                <ChangePlan change={change} />
              </Box>
              {change.review && (
                <Box mt={3}>
                  <ChangeReview
                    change={change}
                    onProblemCreated={() => live.reload()}
                  />
                </Box>
              )}
              <Box mt={3}>
                <InfoCard title="History">
                  <LiveRecordHistory kind={changeKind} live={live} />
                </InfoCard>
              </Box>
            </Grid>
            <Grid item xs={12} md={5} lg={4}>
              <ChangeWindow change={change} />
              <Box mt={3}>
                <ChangeRisk change={change} />
              </Box>
              <Box mt={3}>
                <LinkedIncidents
                  changeId={change.id}
                  version={change.version}
                />
              </Box>
              <Box mt={3}>
                <RecordLinks
                  kind={changeKind}
                  id={change.id}
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
