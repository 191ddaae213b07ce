import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';
import Link from '@material-ui/core/Link';
import { Link as RouterLink } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  PRIORITY_LABELS,
  type Priority,
  type ServiceHealth,
  type ServiceHealthSla,
  type ServiceStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { useServiceHealth } from '../../hooks/useServiceHealth';
import { formatRelativeTime, formatServiceStatus } from '../shared/format';
import { toneOfMet } from '../service-levels/SlaReport/labels';
import { formatPercent } from '../service-levels/SlaReport/periods';
import { SlaTone } from '../service-levels/SlaTone';
import { ProblemCounts } from '../problems/ProblemCounts';
import { SatisfactionSummary } from '../satisfaction';
import { ImprovementCounts } from './ImprovementCounts';

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

/** The entity's "SLA" tab, or undefined where the catalog entity page is not mounted. */
function useSlaTabPath(entity: Entity | undefined): string | undefined {
  let entityPath:
    | ((params: { kind: string; namespace: string; name: string }) => string)
    | undefined;
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    entityPath = useRouteRef(entityRouteRef);
  } catch {
    entityPath = undefined;
  }
  if (!entity || !entityPath) return undefined;
  return `${entityPath({
    kind: entity.kind.toLocaleLowerCase('en-US'),
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  })}/sla`;
}

/** SLA attainment this month, availability against target and the next review date. */
function SlaBlock(props: { sla: ServiceHealthSla; slaPath?: string }) {
  const classes = useStyles();
  const { sla } = props;
  const decided = sla.met + sla.breached;
  let attainmentTone: 'ok' | 'error' | 'neutral' = 'neutral';
  if (decided > 0) attainmentTone = sla.breached === 0 ? 'ok' : 'error';
  const availabilityMet =
    sla.availabilityPercent === null
      ? null
      : sla.availabilityPercent >= sla.availabilityTargetPercent;
  const title = `${sla.id}: ${sla.title}`;
  return (
    <Box role="group" aria-label="SLA this month">
      <Typography className={classes.label} component="div">
        SLA this month ·{' '}
        {props.slaPath ? (
          <Link component={RouterLink} to={props.slaPath}>
            {title}
          </Link>
        ) : (
          title
        )}
      </Typography>
      <Box display="flex" flexWrap="wrap" mt={1} style={{ gap: 24 }}>
        <Box
          aria-label={`SLA attainment: ${formatPercent(sla.attainmentPercent)}`}
          role="group"
        >
          <Typography variant="caption" color="textSecondary" component="div">
            Attainment
          </Typography>
          <SlaTone tone={attainmentTone}>
            {formatPercent(sla.attainmentPercent)}
          </SlaTone>
          <Typography variant="caption" color="textSecondary" component="div">
            {sla.met} met, {sla.breached} breached
          </Typography>
        </Box>
        <Box
          aria-label={`Availability: ${formatPercent(
            sla.availabilityPercent,
          )} of ${formatPercent(sla.availabilityTargetPercent)} target`}
          role="group"
        >
          <Typography variant="caption" color="textSecondary" component="div">
            Availability
          </Typography>
          <SlaTone tone={toneOfMet(availabilityMet)}>
            {formatPercent(sla.availabilityPercent)}
          </SlaTone>
          <Typography variant="caption" color="textSecondary" component="div">
            target {formatPercent(sla.availabilityTargetPercent)}
          </Typography>
        </Box>
        <Box aria-label="Next SLA review" role="group">
          <Typography variant="caption" color="textSecondary" component="div">
            Next review
          </Typography>
          <SlaTone tone={sla.reviewOverdue ? 'warning' : 'neutral'}>
            {new Date(sla.nextReviewAt).toLocaleDateString(undefined, {
              day: 'numeric',
              month: 'short',
              year: 'numeric',
              timeZone: 'UTC',
            })}
            {sla.reviewOverdue ? ' (overdue)' : ''}
          </SlaTone>
        </Box>
      </Box>
    </Box>
  );
}

/** The body of the card for a loaded {@link ServiceHealth}. */
export function ServiceHealthSummary({
  health,
  slaPath,
}: {
  health: ServiceHealth;
  /** Where the entity's SLA tab is, to link the SLA block to. */
  slaPath?: string;
}) {
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
      {health.sla && (
        <Grid item xs={12}>
          <SlaBlock sla={health.sla} slaPath={slaPath} />
        </Grid>
      )}
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
 * priority, the active major incident, SLA clocks at risk and, with an SLA, its attainment
 * this month, availability against target and the next review date; then its open problems
 * and known errors, its open and overdue improvement items, and its satisfaction.
 */
export function ServiceHealthCard() {
  const { entity } = useEntity();
  const { value, error } = useServiceHealth(stringifyEntityRef(entity));
  const slaPath = useSlaTabPath(entity);

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value) {
    // A refresh after a signal keeps showing the previous value.
    body = <Progress />;
  } else {
    body = (
      <>
        <ServiceHealthSummary health={value} slaPath={slaPath} />
        <Box mt={2}>
          <Box display="flex" flexWrap="wrap" style={{ gap: 24 }}>
            <ProblemCounts entityRef={stringifyEntityRef(entity)} />
            <ImprovementCounts entityRef={stringifyEntityRef(entity)} />
          </Box>
          <SatisfactionSummary entityRef={stringifyEntityRef(entity)} />
        </Box>
      </>
    );
  }
  return <InfoCard title="Service health">{body}</InfoCard>;
}
