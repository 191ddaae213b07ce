import {
  InfoCard,
  ResponseErrorPanel,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  OPEN_INCIDENT_STATUSES,
  PRIORITY_LABELS,
  type Incident,
  type SlaClockView,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { INCIDENTS_CHANNEL } from '../../../signals';
import { AT_RISK_PERCENT } from '../../shared/format';
import { IncidentLink } from '../../incidents/IncidentLink';
import { SlaCountdown } from '../SlaCountdown';

/** A clock is at risk when it runs at or past 75% of its target, or has breached. */
export function isAtRisk(clock: SlaClockView | null): boolean {
  if (!clock) return false;
  if (clock.state === 'breached') return true;
  return clock.state === 'running' && clock.percent >= AT_RISK_PERCENT;
}

/** Open incidents of the entity with a clock at risk or breached, live. */
export function ClocksAtRisk(props: { entityRef: string }) {
  const itsmApi = useApi(itsmApiRef);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const page = await itsmApi.listIncidents({
      entityRef: props.entityRef,
      status: OPEN_INCIDENT_STATUSES,
      limit: 200,
    });
    return page.items.filter(
      (i: Incident) => isAtRisk(i.sla.response) || isAtRisk(i.sla.resolution),
    );
  }, [itsmApi, props.entityRef]);
  useOnSignal(INCIDENTS_CHANNEL, () => retry());

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (loading && !value) {
    body = <Progress />;
  } else if (!value?.length) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No open incident is near or past its target.
      </Typography>
    );
  } else {
    body = (
      <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {value.map(incident => (
          <Box
            component="li"
            key={incident.id}
            display="flex"
            flexWrap="wrap"
            alignItems="center"
            py={1}
            style={{ gap: 24 }}
          >
            <Box minWidth={240}>
              <IncidentLink id={incident.id} />{' '}
              <Typography variant="body2" component="span">
                {incident.title}
              </Typography>
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
              >
                {PRIORITY_LABELS[incident.priority]}
              </Typography>
            </Box>
            {isAtRisk(incident.sla.response) && (
              <SlaCountdown label="Response" clock={incident.sla.response} />
            )}
            {isAtRisk(incident.sla.resolution) && (
              <SlaCountdown
                label="Resolution"
                clock={incident.sla.resolution}
              />
            )}
          </Box>
        ))}
      </Box>
    );
  }
  return (
    <InfoCard
      title="Clocks at risk now"
      subheader={`Running at ${AT_RISK_PERCENT}% of target or more, or breached`}
    >
      {body}
    </InfoCard>
  );
}
