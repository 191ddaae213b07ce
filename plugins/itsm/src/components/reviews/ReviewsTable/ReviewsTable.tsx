import type { ReactNode } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ServiceReview } from '@backstage-itsm/plugin-itsm-common';
import { formatRelativeTime } from '../../shared/format';
import { OverdueChip, ReviewStatusChip } from '../ReviewBadges';
import { PrintPackLink, ReviewLink } from '../ReviewLink';
import { formatDay, formatReviewPeriod } from '../record/reviewKind';

function columns(showService: boolean): TableColumn<ServiceReview>[] {
  return [
    {
      title: 'ID',
      field: 'id',
      width: '7em',
      render: review => (
        <Typography variant="body2" component="span" noWrap>
          <ReviewLink id={review.id} />
        </Typography>
      ),
    },
    { title: 'Title', field: 'title', highlight: true },
    ...(showService
      ? [
          {
            title: 'Service',
            field: 'entityRef',
            render: (review: ServiceReview) => (
              <EntityRefLink entityRef={review.entityRef} hideIcon />
            ),
          },
        ]
      : []),
    {
      title: 'Scheduled for',
      field: 'scheduledFor',
      render: review => (
        <span title={new Date(review.scheduledFor).toLocaleString()}>
          {formatDay(review.scheduledFor)} (
          {formatRelativeTime(review.scheduledFor)})
        </span>
      ),
    },
    {
      title: 'Status',
      field: 'status',
      render: review => (
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          <ReviewStatusChip status={review.status} />
          {review.overdue && <OverdueChip />}
        </Box>
      ),
    },
    {
      title: 'Period',
      field: 'period',
      render: review => formatReviewPeriod(review.period),
    },
    {
      title: 'Pack',
      field: 'packHash',
      render: review =>
        review.packHash ? (
          <Box>
            <Typography
              variant="body2"
              component="span"
              style={{ fontFamily: 'monospace' }}
              title={review.packHash}
            >
              {review.packHash.slice(0, 12)}
            </Typography>{' '}
            · <PrintPackLink id={review.id} variant="link" />
          </Box>
        ) : (
          <Typography variant="body2" color="textSecondary" component="span">
            not frozen
          </Typography>
        ),
    },
    {
      title: 'Open actions',
      field: 'openActionCount',
      type: 'numeric',
    },
  ];
}

/**
 * Service reviews in a table: id (linked), title, optionally the service, date, status with
 * the overdue flag, period, the frozen pack's hash with "Print pack", and open actions.
 */
export function ReviewsTable(props: {
  title: string;
  subtitle?: string;
  reviews: ServiceReview[];
  loading?: boolean;
  showService?: boolean;
  emptyContent?: ReactNode;
}) {
  return (
    <Table<ServiceReview>
      title={props.title}
      subtitle={props.subtitle}
      columns={columns(Boolean(props.showService))}
      data={props.reviews}
      isLoading={props.loading}
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        sorting: false,
      }}
      emptyContent={props.emptyContent}
    />
  );
}
