import { useCallback, useMemo, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Typography from '@material-ui/core/Typography';
import {
  OPEN_REVIEW_ACTION_STATUSES,
  REVIEWS_SIGNAL_CHANNEL,
  type ReviewAction,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { usePagedList } from '../../../hooks/usePagedList';
import { RecordListPage } from '../../../records';
import { ReviewActionsTable, byDueDate } from '../ReviewActionsTable';

/** The actions of each owner, owners with the most overdue actions first, then by name. */
export function groupByOwner(
  actions: readonly ReviewAction[],
): Array<{ owner: string; actions: ReviewAction[]; overdue: number }> {
  const groups = new Map<string, ReviewAction[]>();
  for (const action of actions) {
    groups.set(action.owner, [...(groups.get(action.owner) ?? []), action]);
  }
  return [...groups.entries()]
    .map(([owner, owned]) => ({
      owner,
      actions: byDueDate(owned),
      overdue: owned.filter(a => a.overdue).length,
    }))
    .sort((a, b) => b.overdue - a.overdue || a.owner.localeCompare(b.owner));
}

/**
 * The open and in-progress actions of every review the caller may read, grouped by owner
 * (most overdue first), each due first; "Overdue only" narrows them on the server.
 */
export function ActionsByOwner() {
  const itsmApi = useApi(itsmApiRef);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const fetchPage = useCallback(
    (cursor?: string) =>
      itsmApi.listReviewActions({
        status: OPEN_REVIEW_ACTION_STATUSES,
        ...(overdueOnly ? { overdue: true } : {}),
        limit: 200,
        cursor,
      }),
    [itsmApi, overdueOnly],
  );
  const { items, ...list } = usePagedList<ReviewAction>(fetchPage);
  useOnSignal(REVIEWS_SIGNAL_CHANNEL, () => list.retry());
  const groups = useMemo(() => groupByOwner(items), [items]);

  const filters = (
    <Box mb={1}>
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
    </Box>
  );

  return (
    <RecordListPage
      list={list}
      errorTitle="Could not load the actions"
      filters={filters}
    >
      {groups.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          {list.loading ? 'Loading actions…' : 'No open actions.'}
        </Typography>
      )}
      {groups.map(group => (
        <Box key={group.owner} mb={3}>
          <InfoCard
            title={<EntityRefLink entityRef={group.owner} hideIcon />}
            subheader={`${group.actions.length} open${
              group.overdue ? `, ${group.overdue} overdue` : ''
            }`}
          >
            <ReviewActionsTable
              label={`Actions of ${group.owner}`}
              actions={group.actions}
              showReview
              showService
              showOwner={false}
              onChange={() => list.retry()}
              onReload={() => list.retry()}
            />
          </InfoCard>
        </Box>
      ))}
    </RecordListPage>
  );
}
