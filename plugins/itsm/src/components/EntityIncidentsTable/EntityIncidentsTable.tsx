import { useState } from 'react';
import { ResponseErrorPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { OPEN_INCIDENT_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import { useIncidents } from '../../hooks/useIncidents';
import { useOnSignal } from '../../hooks/useOnSignal';
import {
  INCIDENTS_CHANNEL,
  concernsEntity,
  type IncidentsSignal,
} from '../../signals';
import { IncidentsTable } from '../IncidentsTable';
import { ReportIncidentButton } from '../ReportIncident';

function NoIncidents(props: { includeClosed: boolean }) {
  return (
    <Box p={4} textAlign="center">
      <Typography variant="h6" gutterBottom>
        {props.includeClosed ? 'No incidents yet' : 'No open incidents'}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {props.includeClosed
          ? 'Nothing has been reported against this entity.'
          : 'All quiet: nothing is waiting to be fixed on this entity.'}
      </Typography>
    </Box>
  );
}

/**
 * The incidents of the current catalog entity: open ones by default, all on request,
 * with "Report incident" above them; kept live by the `itsm:incidents` signal.
 */
export function EntityIncidentsTable() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [includeClosed, setIncludeClosed] = useState(false);
  const { incidents, loading, error, retry, hasMore, loadingMore, loadMore } =
    useIncidents({
      entityRef,
      status: includeClosed ? undefined : OPEN_INCIDENT_STATUSES,
    });
  // Someone else's write on this entity: reload the first page.
  useOnSignal<IncidentsSignal>(INCIDENTS_CHANNEL, message => {
    if (concernsEntity(message, entityRef)) {
      retry();
    }
  });

  return (
    <>
      <Box mb={1}>
        <ReportIncidentButton entityRef={entityRef} onCreated={() => retry()} />
      </Box>
      {error ? (
        <ResponseErrorPanel error={error} title="Could not load incidents" />
      ) : (
        <IncidentsTable
          title="Incidents"
          subtitle={
            includeClosed
              ? 'All incidents, newest first'
              : 'Open incidents, newest first'
          }
          incidents={incidents}
          loading={loading}
          emptyContent={<NoIncidents includeClosed={includeClosed} />}
        />
      )}
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="center"
        mt={1}
      >
        <FormControlLabel
          control={
            <Switch
              color="primary"
              checked={includeClosed}
              onChange={(_, checked) => setIncludeClosed(checked)}
            />
          }
          label="Include resolved, closed and cancelled"
        />
        {hasMore && !error && (
          <Button
            variant="outlined"
            onClick={() => loadMore()}
            disabled={loadingMore}
          >
            {loadingMore ? 'Loading…' : 'Load more'}
          </Button>
        )}
      </Box>
    </>
  );
}
