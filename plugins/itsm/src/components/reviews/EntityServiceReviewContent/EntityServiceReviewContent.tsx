import { useState } from 'react';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  OPEN_REVIEW_STATUSES,
  REVIEWS_SIGNAL_CHANNEL,
  isReviewLocked,
  type ServiceReview,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { useRecord } from '../../../records';
import { ComplaintsSection } from '../../complaints/ComplaintsSection';
import { SatisfactionSection } from '../../satisfaction/SatisfactionSection';
import { ReviewLink } from '../ReviewLink';
import { ReviewWorkflow } from '../ReviewWorkflow';
import { ReviewsTable } from '../ReviewsTable';
import { reviewKind } from '../record/reviewKind';
import { ScheduleReviewDialog } from './ScheduleReviewDialog';

/** Reviews read for the service: enough for years of quarterly reviews. */
const LIMIT = 100;

/**
 * The review being worked on: the open review (scheduled, prepared or held) due first;
 * `undefined` when every review is closed or cancelled.
 */
export function currentReviewOf(
  reviews: readonly ServiceReview[],
): ServiceReview | undefined {
  return reviews
    .filter(r => OPEN_REVIEW_STATUSES.includes(r.status))
    .sort((a, b) => Date.parse(a.scheduledFor) - Date.parse(b.scheduledFor))[0];
}

/** The current review, kept live, with its whole workflow. */
function CurrentReview(props: { id: string; onLocked: () => void }) {
  const live = useRecord(reviewKind, props.id);
  const { record: review, error } = live;
  if (!review) {
    return error ? (
      <ResponseErrorPanel error={error} title={`Could not load ${props.id}`} />
    ) : (
      <Progress />
    );
  }
  return (
    <ReviewWorkflow
      review={review}
      headingComponent="h2"
      onChange={next => {
        live.accept(next);
        // A closed or cancelled review makes way for the next one.
        if (isReviewLocked(next.status)) props.onLocked();
      }}
      onReload={live.reload}
    />
  );
}

/**
 * The "Service review" tab of a service: the next review (date, overdue flag, status) with
 * its workflow for the service owner — freeze the pack (and see the preview before, the
 * frozen pack with its hash, generator version and drift after), attendees, agenda, minutes
 * and decisions, actions, "Mark held", the customer's "Sign off", "Close" — then the earlier
 * reviews with their frozen packs, customer satisfaction and complaints.
 */
export function EntityServiceReviewContent() {
  const itsmApi = useApi(itsmApiRef);
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [scheduling, setScheduling] = useState(false);
  const reviews = useAsyncRetry(
    async () => (await itsmApi.listReviews({ entityRef, limit: LIMIT })).items,
    [itsmApi, entityRef],
  );
  // A review scheduled by the job or moved elsewhere may change which one is current.
  useOnSignal(REVIEWS_SIGNAL_CHANNEL, () => reviews.retry());

  if (reviews.error) {
    return (
      <ResponseErrorPanel
        error={reviews.error}
        title="Could not load the service reviews"
      />
    );
  }
  if (!reviews.value) {
    return <Progress />;
  }
  const current = currentReviewOf(reviews.value);
  const others = reviews.value.filter(r => r.id !== current?.id);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {current ? (
          <Box role="region" aria-label="Next review">
            <Box display="flex" alignItems="center" mb={1}>
              <Typography variant="h6" component="p" color="textSecondary">
                Next review
              </Typography>
              <Box ml="auto">
                <Typography variant="body2">
                  Open on its own page: <ReviewLink id={current.id} />
                </Typography>
              </Box>
            </Box>
            <CurrentReview
              key={current.id}
              id={current.id}
              onLocked={reviews.retry}
            />
          </Box>
        ) : (
          <EmptyState
            missing="content"
            title="No review scheduled"
            description="Service reviews are scheduled from the review cadence of the service's SLA. Each one looks back on its period with a pack the system assembles from the live records — SLA attainment, availability, workload, breaches, incidents, problems, changes, satisfaction, complaints and supporting agreements — which is frozen for the meeting; minutes, decisions and actions are recorded here and a customer signs the review off. The service's owners can schedule one now."
            action={
              <Button
                variant="contained"
                color="primary"
                onClick={() => setScheduling(true)}
              >
                Schedule review
              </Button>
            }
          />
        )}
      </Grid>
      <Grid item xs={12}>
        <ReviewsTable
          title="Earlier reviews"
          subtitle="With their frozen packs, newest first"
          reviews={others}
          emptyContent={
            <Box p={3} textAlign="center">
              <Typography variant="body2" color="textSecondary">
                No earlier reviews of this service.
              </Typography>
            </Box>
          }
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard>
          <SatisfactionSection entityRef={entityRef} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <ComplaintsSection entityRef={entityRef} />
      </Grid>
      <ScheduleReviewDialog
        entityRef={entityRef}
        open={scheduling}
        onClose={() => setScheduling(false)}
        onScheduled={() => {
          setScheduling(false);
          reviews.retry();
        }}
      />
    </Grid>
  );
}
