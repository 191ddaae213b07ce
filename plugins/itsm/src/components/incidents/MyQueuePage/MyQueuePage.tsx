import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { OPEN_INCIDENT_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import { useIncidents } from '../../../hooks/useIncidents';
import { RecordListPage } from '../../../records';
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
  const { incidents, ...list } = useIncidents({
    queue: 'mine',
    status: OPEN_INCIDENT_STATUSES,
  });

  return (
    <RecordListPage list={list} errorTitle="Could not load your queue">
      <IncidentsTable
        title="My queue"
        subtitle="Open incidents assigned to you or your groups, least SLA time left first"
        incidents={incidents}
        loading={list.loading}
        emptyContent={<EmptyQueue />}
        showService
        sortBySlaTimeLeft
      />
    </RecordListPage>
  );
}
