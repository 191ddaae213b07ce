import { useState } from 'react';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  isReviewLocked,
  reviewSignalChannel,
  type ServiceReview,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { AddActionDialog } from './AddActionDialog';
import { ReviewActionsTable } from './ReviewActionsTable';

/**
 * The actions recorded at one review, in the order they were recorded, with owner, due
 * date, the overdue flag and status; "Add action" until the review is closed or cancelled,
 * and "Status ▾" on each (actions are tracked until done, also after the review closed).
 */
export function ReviewActionsSection(props: { review: ServiceReview }) {
  const { review } = props;
  const itsmApi = useApi(itsmApiRef);
  const [adding, setAdding] = useState(false);
  const actions = useAsyncRetry(
    async () => (await itsmApi.listActionsOfReview({ id: review.id })).items,
    [itsmApi, review.id],
  );
  // Actions written anywhere (another tab, the owner's "My actions") announce the review.
  useOnSignal(reviewSignalChannel(review.id), () => actions.retry());

  const action = isReviewLocked(review.status) ? undefined : (
    <Box mt={1} mr={1}>
      <Button
        variant="outlined"
        startIcon={<AddIcon />}
        onClick={() => setAdding(true)}
      >
        Add action
      </Button>
    </Box>
  );

  return (
    <InfoCard title="Actions" action={action}>
      {actions.error ? (
        <ResponseErrorPanel
          error={actions.error}
          title="Could not load the actions"
        />
      ) : (
        <ReviewActionsTable
          label={`Actions of ${review.id}`}
          actions={actions.value ?? []}
          onChange={() => actions.retry()}
          onReload={() => actions.retry()}
          emptyContent={
            <Typography variant="body2" color="textSecondary">
              {actions.loading
                ? 'Loading actions…'
                : 'No actions recorded at this review yet.'}
            </Typography>
          }
        />
      )}
      <AddActionDialog
        reviewId={review.id}
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          actions.retry();
        }}
      />
    </InfoCard>
  );
}
