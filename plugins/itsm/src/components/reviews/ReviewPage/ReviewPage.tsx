import { useParams } from 'react-router-dom';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import {
  LiveRecordHistory,
  RecordLinks,
  RecordPage,
  useRecord,
} from '../../../records';
import { renderRecordId } from '../../RecordIdLink';
import { ReviewWorkflow } from '../ReviewWorkflow';
import { reviewKind } from '../record/reviewKind';

/**
 * One service review (`REV-n`): the whole workflow (summary, moves, the pack with "Freeze
 * pack", drift and "Print pack", meeting record, actions, sign-off), links to other records
 * and the full history. Reads the id from the route unless given.
 */
export function ReviewPage(props: { id?: string }) {
  const params = useParams();
  const id = props.id ?? params.id ?? '';
  const live = useRecord(reviewKind, id);

  return (
    <RecordPage kind={reviewKind} id={id} live={live}>
      {review => (
        <ReviewWorkflow
          review={review}
          onChange={live.accept}
          onReload={live.reload}
          showService
          main={
            <Box mt={3}>
              <InfoCard title="History">
                <LiveRecordHistory kind={reviewKind} live={live} />
              </InfoCard>
            </Box>
          }
          side={
            <Box mt={3}>
              <RecordLinks
                kind={reviewKind}
                id={review.id}
                renderId={renderRecordId}
              />
            </Box>
          }
        />
      )}
    </RecordPage>
  );
}
