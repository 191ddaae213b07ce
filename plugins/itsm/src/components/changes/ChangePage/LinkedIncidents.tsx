import { useApi } from '@backstage/core-plugin-api';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { PRIORITY_LABELS } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { IncidentLink } from '../../incidents/IncidentLink';
import { formatIncidentStatus } from '../../shared/format';

/** The incidents recorded as caused by the change. */
export function LinkedIncidents(props: { changeId: string; version: number }) {
  const itsmApi = useApi(itsmApiRef);
  const { value, loading, error } = useAsync(
    () =>
      itsmApi.listIncidents({ causedByChangeId: props.changeId, limit: 200 }),
    // A new version of the change may come with newly linked incidents.
    [itsmApi, props.changeId, props.version],
  );
  return (
    <InfoCard title="Incidents caused by this change">
      {loading && <Progress />}
      {error && (
        <ResponseErrorPanel error={error} title="Could not load incidents" />
      )}
      {value && value.items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          None recorded.
        </Typography>
      )}
      {value && value.items.length > 0 && (
        <List dense disablePadding aria-label="Caused incidents">
          {value.items.map(incident => (
            <ListItem key={incident.id} disableGutters>
              <ListItemText
                // The theme cuts list texts to one line; titles wrap instead.
                style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}
                primary={
                  <>
                    <IncidentLink id={incident.id} />: {incident.title}
                  </>
                }
                secondary={`${
                  PRIORITY_LABELS[incident.priority]
                } · ${formatIncidentStatus(incident.status)}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
}
