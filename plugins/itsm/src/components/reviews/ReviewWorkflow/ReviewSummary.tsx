import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import type { ServiceReview } from '@backstage-itsm/plugin-itsm-common';
import { Fact, Unset } from '../../shared/Fact';
import { formatRelativeTime } from '../../shared/format';
import { OverdueChip, ReviewStatusChip } from '../ReviewBadges';
import { formatReviewPeriod } from '../record/reviewKind';
import { RecordHeader } from '../../../records';

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
    <RecordHeader
      record={review}
      headingComponent={props.headingComponent}
      badgesTestId="itsm-review-status"
      badges={
        <>
          <ReviewStatusChip status={review.status} />
          {review.overdue && (
            <OverdueChip
              title={`Due ${formatRelativeTime(review.scheduledFor)}`}
            />
          )}
        </>
      }
    >
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
    </RecordHeader>
  );
}
