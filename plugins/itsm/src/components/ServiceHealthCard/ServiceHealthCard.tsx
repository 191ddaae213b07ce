import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  PRIORITY_LABELS,
  type Priority,
  type ServiceHealth,
  type ServiceStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { useServiceHealth } from '../../hooks/useServiceHealth';
import { formatRelativeTime, formatServiceStatus } from '../format';

const PRIORITIES: Priority[] = [1, 2, 3, 4, 5];

const useStyles = makeStyles(theme => ({
  status: {
    fontSize: theme.typography.h6.fontSize,
  },
  label: {
    color: theme.palette.text.secondary,
    textTransform: 'uppercase',
    fontSize: theme.typography.caption.fontSize,
    letterSpacing: '0.05em',
  },
  count: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
  zero: {
    color: theme.palette.text.disabled,
  },
  majorIncident: {
    borderLeft: `4px solid ${theme.palette.error.main}`,
    paddingLeft: theme.spacing(1.5),
  },
}));

function ServiceStatusText({ status }: { status: ServiceStatus }) {
  const words = formatServiceStatus(status);
  switch (status) {
    case 'major_outage':
      return <StatusError>{words}</StatusError>;
    case 'degraded':
      return <StatusWarning>{words}</StatusWarning>;
    default:
      return <StatusOK>{words}</StatusOK>;
  }
}

function Count(props: { label: string; value: number; ariaLabel: string }) {
  const classes = useStyles();
  return (
    <Box aria-label={props.ariaLabel} role="group">
      <Typography className={classes.label} component="div">
        {props.label}
      </Typography>
      <Typography
        variant="h5"
        component="div"
        className={`${classes.count} ${props.value === 0 ? classes.zero : ''}`}
      >
        {props.value}
      </Typography>
    </Box>
  );
}

/** The body of the card for a loaded {@link ServiceHealth}. */
export function ServiceHealthSummary({ health }: { health: ServiceHealth }) {
  const classes = useStyles();
  const major = health.activeMajorIncident;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <Typography component="div" className={classes.status}>
          <ServiceStatusText status={health.status} />
        </Typography>
      </Grid>
      {major && (
        <Grid item xs={12}>
          <Box className={classes.majorIncident}>
            <Typography className={classes.label} component="div">
              Active major incident
            </Typography>
            <Typography variant="body1">
              <strong>{major.id}</strong> {major.title}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {PRIORITY_LABELS[major.priority]} · raised{' '}
              {formatRelativeTime(major.createdAt)}
            </Typography>
          </Box>
        </Grid>
      )}
      <Grid item xs={12}>
        <Typography className={classes.label} component="div">
          Open incidents: {health.openIncidents.total}
        </Typography>
        <Box display="flex" justifyContent="space-between" mt={1}>
          {PRIORITIES.map(p => {
            const n = health.openIncidents.byPriority[p] ?? 0;
            return (
              <Count
                key={p}
                label={`P${p}`}
                value={n}
                ariaLabel={`${PRIORITY_LABELS[p]}: ${n} open`}
              />
            );
          })}
        </Box>
      </Grid>
      <Grid item xs={6}>
        <Count
          label="SLA clocks at risk"
          value={health.clocksAtRisk}
          ariaLabel={`SLA clocks at risk: ${health.clocksAtRisk}`}
        />
      </Grid>
      <Grid item xs={6}>
        <Count
          label="SLA clocks breached"
          value={health.clocksBreached}
          ariaLabel={`SLA clocks breached: ${health.clocksBreached}`}
        />
      </Grid>
      <Grid item xs={12}>
        <Typography variant="caption" color="textSecondary">
          Updated {formatRelativeTime(health.computedAt)}
        </Typography>
      </Grid>
    </Grid>
  );
}

/**
 * Service health of the current catalog entity: status, open incidents by
 * priority, the active major incident and SLA clocks at risk.
 */
export function ServiceHealthCard() {
  const { entity } = useEntity();
  const { value, error } = useServiceHealth(stringifyEntityRef(entity));

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value) {
    // A refresh after a signal keeps showing the previous value.
    body = <Progress />;
  } else {
    body = <ServiceHealthSummary health={value} />;
  }
  return <InfoCard title="Service health">{body}</InfoCard>;
}
