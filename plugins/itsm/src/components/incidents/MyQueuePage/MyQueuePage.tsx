import { ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { OPEN_INCIDENT_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import { useIncidents } from '../../../hooks/useIncidents';
import { IncidentsTable } from '../IncidentsTable';

function EmptyQueue() {
  return (
    <Box p={4} textAlign="center">
      <Typography variant="h6" gutterBottom>
        Your queue is empty
      </Typography>
      <Typography variant="body2" color="textSecondary">
        No open incident is assigned to you or to one of your groups.
      </Typography>
    </Box>
  );
}

/**
 * "My queue": open incidents assigned to me or my groups, least SLA time left first
 * (sorted over the pages loaded so far), each linking to its page.
 */
export function MyQueuePage() {
  const { incidents, loading, error, hasMore, loadingMore, loadMore } =
    useIncidents({ queue: 'mine', status: OPEN_INCIDENT_STATUSES });

  return (
    <Box p={3}>
      {error ? (
        <ResponseErrorPanel error={error} title="Could not load your queue" />
      ) : (
        <IncidentsTable
          title="My queue"
          subtitle="Open incidents assigned to you or your groups, least SLA time left first"
          incidents={incidents}
          loading={loading}
          emptyContent={<EmptyQueue />}
          showService
          sortBySlaTimeLeft
        />
      )}
      {hasMore && !error && (
        <Box display="flex" justifyContent="flex-end" mt={1}>
          <Button
            variant="outlined"
            onClick={() => loadMore()}
            disabled={loadingMore}
          >
            {loadingMore ? 'Loading…' : 'Load more'}
          </Button>
        </Box>
      )}
    </Box>
  );
}
