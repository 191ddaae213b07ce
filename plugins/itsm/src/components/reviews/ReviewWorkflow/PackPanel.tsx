import { useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import LockOutlined from '@material-ui/icons/LockOutlined';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  UNHELD_REVIEW_STATUSES,
  type ReviewPackDrift,
  type ServiceReview,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { ReviewPackView } from '../pack';
import { PrintPackLink } from '../ReviewLink';
import { FreezePackDialog } from './FreezePackDialog';
import { When } from './ReviewSummary';

const useStyles = makeStyles({
  hash: { fontFamily: 'monospace', overflowWrap: 'anywhere' },
});

/** One line on the drift: which parts of the live data differ from the frozen pack. */
function DriftSummary(props: { drift: ReviewPackDrift }) {
  const { drift } = props;
  if (!drift.changed) {
    return (
      <Alert severity="success" role="status">
        The live data is still as it was when the pack was frozen.
      </Alert>
    );
  }
  return (
    <Alert severity="warning" role="status">
      Changed in the live data since freezing:{' '}
      {drift.sections.map(s => s.title).join(', ')}. The frozen pack stays as it
      is; the changed sections are marked in the pack.
    </Alert>
  );
}

/**
 * The review pack of a review: before freezing, a preview generated now from live records
 * and "Freeze pack"; once frozen, when, by which generator version and its content hash,
 * the frozen pack and what changed in the live data since (drift), "Freeze again" until the
 * review is held; "Print pack" for the printable page.
 */
export function PackPanel(props: {
  review: ServiceReview;
  onChange: (review: ServiceReview) => void;
  onReload: () => void;
  /** Whether the pack itself shows before "Show pack" is pressed (default false). */
  defaultExpanded?: boolean;
}) {
  const { review } = props;
  const classes = useStyles();
  const itsmApi = useApi(itsmApiRef);
  const [freezing, setFreezing] = useState(false);
  const [expanded, setExpanded] = useState(props.defaultExpanded ?? false);
  const canFreeze = UNHELD_REVIEW_STATUSES.includes(review.status);
  const frozen = Boolean(review.packFrozenAt && review.packHash);

  const pack = useAsyncRetry(
    () => itsmApi.getReviewPack({ id: review.id }),
    // A new freeze (hash) or a move (closing stops the live pack) reads it again.
    [itsmApi, review.id, review.packHash, review.status],
  );
  const shown = pack.value?.frozen?.pack ?? pack.value?.live;
  const drift = pack.value?.frozen ? pack.value.drift : undefined;

  return (
    <InfoCard title="Review pack">
      <Box role="region" aria-label="Pack status" mb={2}>
        {frozen ? (
          <>
            <Typography variant="body2" component="div">
              <LockOutlined
                fontSize="inherit"
                style={{ verticalAlign: 'middle' }}
              />{' '}
              Frozen <When iso={review.packFrozenAt!} /> by generator version{' '}
              {review.packGeneratorVersion}
            </Typography>
            <Typography variant="body2" component="div">
              Content hash (SHA-256):{' '}
              <span className={classes.hash} aria-label="Pack hash">
                {review.packHash}
              </span>
            </Typography>
          </>
        ) : (
          <Typography variant="body2">
            Not frozen yet: the preview is generated now from the live records
            of the period. Freeze it so the review discusses a pack that stays
            as it is.
          </Typography>
        )}
      </Box>
      {drift && (
        <Box mb={2}>
          <DriftSummary drift={drift} />
        </Box>
      )}
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mb={2}>
        {canFreeze && (
          <Button
            variant={frozen ? 'outlined' : 'contained'}
            color="primary"
            onClick={() => setFreezing(true)}
          >
            {frozen ? 'Freeze again' : 'Freeze pack'}
          </Button>
        )}
        <Button
          variant="outlined"
          aria-expanded={expanded}
          onClick={() => setExpanded(e => !e)}
        >
          {expanded ? 'Hide pack' : `Show ${frozen ? 'pack' : 'preview'}`}
        </Button>
        <PrintPackLink id={review.id} />
      </Box>
      {pack.error && (
        <ResponseErrorPanel
          error={pack.error}
          title="Could not load the pack"
        />
      )}
      {expanded && pack.loading && <Progress />}
      {expanded && shown && (
        <Box data-testid="itsm-review-pack">
          <ReviewPackView pack={shown} drift={drift} />
        </Box>
      )}
      <FreezePackDialog
        record={review}
        open={freezing}
        onClose={() => setFreezing(false)}
        onDone={next => {
          setFreezing(false);
          props.onChange(next);
        }}
        onReload={props.onReload}
      />
    </InfoCard>
  );
}
