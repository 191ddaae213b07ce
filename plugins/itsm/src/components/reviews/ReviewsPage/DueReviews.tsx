import { useCallback, useMemo, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Typography from '@material-ui/core/Typography';
import {
  REVIEWS_SIGNAL_CHANNEL,
  REVIEW_STATUSES,
  UNHELD_REVIEW_STATUSES,
  type ReviewStatus,
  type ServiceReview,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, type ListReviewsOptions } from '../../../api';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { usePagedList } from '../../../hooks/usePagedList';
import { RecordListPage } from '../../../records';
import { EntityRefPicker } from '../../shared/EntityRefPicker';
import { MultiFilter, orAny } from '../../shared/MultiFilter';
import { ReviewsTable } from '../ReviewsTable';
import { formatReviewStatus } from '../record/reviewKind';

const DEBOUNCE_MS = 300;

/** Overdue first, then by date: what is due soonest heads the list. */
export function byDueOrder(reviews: readonly ServiceReview[]): ServiceReview[] {
  return [...reviews].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      Date.parse(a.scheduledFor) - Date.parse(b.scheduledFor),
  );
}

/**
 * The reviews still to be held (scheduled or prepared) by default, overdue ones first, then
 * by date; filtered on the server by status, overdue and service, paged with "Load more".
 */
export function DueReviews() {
  const itsmApi = useApi(itsmApiRef);
  const [statuses, setStatuses] = useState<ReviewStatus[]>([
    ...UNHELD_REVIEW_STATUSES,
  ]);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [entityRef, setEntityRef] = useState<string | null>(null);
  const [entity, setEntity] = useState('');
  useDebounce(() => setEntity(entityRef?.trim() ?? ''), DEBOUNCE_MS, [
    entityRef,
  ]);

  const statusKey = orAny(statuses, REVIEW_STATUSES).join(',');
  const query = useMemo<ListReviewsOptions>(
    () => ({
      ...(statusKey ? { status: statusKey.split(',') as ReviewStatus[] } : {}),
      ...(overdueOnly ? { overdue: true } : {}),
      ...(entity.includes(':') ? { entityRef: entity } : {}),
      limit: 100,
    }),
    [statusKey, overdueOnly, entity],
  );
  const fetchPage = useCallback(
    (cursor?: string) =>
      itsmApi.listReviews(cursor ? { ...query, cursor } : query),
    [itsmApi, query],
  );
  const { items, ...list } = usePagedList<ServiceReview>(fetchPage);
  useOnSignal(REVIEWS_SIGNAL_CHANNEL, () => list.retry());
  const reviews = useMemo(() => byDueOrder(items), [items]);

  const filters = (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 12 }}
      mb={1}
    >
      <MultiFilter
        id="itsm-review-status-filter"
        label="Status"
        anyText="All statuses"
        options={REVIEW_STATUSES}
        format={formatReviewStatus}
        value={statuses}
        onChange={setStatuses}
      />
      <FormControlLabel
        control={
          <Checkbox
            color="primary"
            checked={overdueOnly}
            onChange={e => setOverdueOnly(e.target.checked)}
          />
        }
        label="Overdue only"
      />
      <Box minWidth={280}>
        <EntityRefPicker
          id="itsm-review-entity-filter"
          label="Service"
          kinds={['Component', 'System']}
          value={entityRef}
          onChange={setEntityRef}
        />
      </Box>
    </Box>
  );

  return (
    <RecordListPage
      list={list}
      errorTitle="Could not load the reviews"
      filters={filters}
    >
      <ReviewsTable
        title="Reviews"
        subtitle="Overdue first, then by date"
        reviews={reviews}
        loading={list.loading}
        showService
        emptyContent={
          <Box p={4} textAlign="center">
            <Typography variant="h6" gutterBottom>
              No reviews match these filters
            </Typography>
            <Typography variant="body2" color="textSecondary">
              Reviews are scheduled from the review cadence of each SLA.
            </Typography>
          </Box>
        }
      />
    </RecordListPage>
  );
}
