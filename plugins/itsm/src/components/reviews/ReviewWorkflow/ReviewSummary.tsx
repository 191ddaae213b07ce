import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { ServiceReview } from '@backstage-itsm/plugin-itsm-common';
import { Fact, Unset } from '../../shared/Fact';
import { formatRelativeTime } from '../../shared/format';
import { OverdueChip, ReviewStatusChip } from '../ReviewBadges';
import { formatReviewPeriod } from '../record/reviewKind';

/** An instant as a date and time, its relative time on hover. */
export function When(props: { iso: string }) {
  return (
    <time dateTime={props.iso} title={formatRelativeTime(props.iso)}>
      {new Date(props.iso).toLocaleString()}
    </time>
  );
}

/**
 * The top of a review: id, title, status and the overdue flag, when it is (or was) held, the
 * period it looks back on, the service, the SLA and its customers, and the reason it was
 * cancelled. With `headingComponent` 'h2' it sits inside an entity tab.
 */
export function ReviewSummary(props: {
  review: ServiceReview;
  headingComponent?: 'h1' | 'h2';
  showService?: boolean;
}) {
  const { review } = props;
  return (
    <Box component="header" mb={2}>
      <Typography variant="overline" color="textSecondary" component="div">
        {review.id} · version {review.version}
      </Typography>
      <Typography
        variant={props.headingComponent === 'h2' ? 'h5' : 'h4'}
        component={props.headingComponent ?? 'h1'}
        gutterBottom
      >
        {review.title}
      </Typography>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
        mb={2}
        data-testid="itsm-review-status"
      >
        <ReviewStatusChip status={review.status} />
        {review.overdue && (
          <OverdueChip
            title={`Due ${formatRelativeTime(review.scheduledFor)}`}
          />
        )}
      </Box>
      <Grid container spacing={3}>
        <Grid item xs={6} sm={4} md={3}>
          <Fact label="Scheduled for">
            <When iso={review.scheduledFor} />
          </Fact>
        </Grid>
        <Grid item xs={6} sm={4} md={3}>
          <Fact label="Held">
            {review.heldAt ? (
              <When iso={review.heldAt} />
            ) : (
              <Unset text="Not yet" />
            )}
          </Fact>
        </Grid>
        <Grid item xs={6} sm={4} md={3}>
          <Fact label="Period">{formatReviewPeriod(review.period)}</Fact>
        </Grid>
        <Grid item xs={6} sm={4} md={3}>
          <Fact label="SLA">{review.slaId}</Fact>
        </Grid>
        {props.showService && (
          <Grid item xs={12} sm={4} md={3}>
            <Fact label="Service">
              <EntityRefLink entityRef={review.entityRef} hideIcon />
            </Fact>
          </Grid>
        )}
        <Grid item xs={12} sm={8} md={6}>
          <Fact label="Customers">
            {review.customerGroups.length ? (
              <EntityRefLinks entityRefs={review.customerGroups} hideIcons />
            ) : (
              <Unset text="No customer groups on the SLA" />
            )}
          </Fact>
        </Grid>
        {review.cancelReason && (
          <Grid item xs={12} md={6}>
            <Fact label="Cancelled because">{review.cancelReason}</Fact>
          </Grid>
        )}
      </Grid>
    </Box>
  );
}
