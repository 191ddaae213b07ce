import { useCallback, useMemo } from 'react';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  OPEN_REVIEW_ACTION_STATUSES,
  REVIEWS_SIGNAL_CHANNEL,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { usePagedList } from '../../../hooks/usePagedList';
import { LoadMoreButton } from '../../../records';
import { ReviewActionsTable, byDueDate } from '../ReviewActionsTable';

/** Actions read per page. */
const PAGE = 100;

/**
 * "My actions": the open and in-progress actions of service reviews owned by the signed-in
 * user or one of their groups, with their review, service, due date and the overdue flag,
 * and "Status ▾" to move them. A section of the reviews page, or a card on its own.
 */
export function MyReviewActions(props: { title?: string }) {
  const itsmApi = useApi(itsmApiRef);
  const identityApi = useApi(identityApiRef);
  const owners = useAsync(async () => {
    const identity = await identityApi.getBackstageIdentity();
    return [
      ...new Set([identity.userEntityRef, ...identity.ownershipEntityRefs]),
    ];
  }, [identityApi]);
  const ownerRefs = owners.value;
  const fetchPage = useCallback(
    (cursor?: string) =>
      ownerRefs
        ? itsmApi.listReviewActions({
            owner: ownerRefs,
            status: OPEN_REVIEW_ACTION_STATUSES,
            limit: PAGE,
            cursor,
          })
        : new Promise<never>(() => {}),
    [itsmApi, ownerRefs],
  );
  const list = usePagedList(fetchPage);
  useOnSignal(REVIEWS_SIGNAL_CHANNEL, () => list.retry());
  const error = owners.error ?? list.error;
  const actions = useMemo(() => byDueDate(list.items), [list.items]);

  return (
    <InfoCard
      title={props.title ?? 'My actions'}
      subheader="Open actions of service reviews owned by you or your groups, due first"
    >
      {error ? (
        <ResponseErrorPanel error={error} title="Could not load your actions" />
      ) : (
        <ReviewActionsTable
          label="My actions"
          actions={actions}
          showReview
          showService
          onChange={() => list.retry()}
          onReload={() => list.retry()}
          emptyContent={
            <Typography variant="body2" color="textSecondary">
              {list.loading || !ownerRefs
                ? 'Loading your actions…'
                : 'No open actions of yours.'}
            </Typography>
          }
        />
      )}
      <LoadMoreButton list={list} />
    </InfoCard>
  );
}
