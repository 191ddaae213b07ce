import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { Incident } from '@backstage-itsm/plugin-itsm-common';
import { Fact, Unset } from '../../shared/Fact';
import { MajorBadge, PriorityChip, StatusChip } from '../IncidentBadges';
import { SlaCountdown } from '../../service-levels/SlaCountdown';
import { formatRelativeTime, humanizeCode } from '../../shared/format';

/**
 * The top of an incident page: id and title, priority, status, major badge, both SLA
 * clocks counting down, and who and what it concerns.
 */
export function IncidentHeader(props: { incident: Incident }) {
  const { incident } = props;
  return (
    <Box component="header" mb={2}>
      <Typography variant="overline" color="textSecondary" component="div">
        {incident.id} · version {incident.version}
      </Typography>
      <Typography variant="h4" component="h1" gutterBottom>
        {incident.title}
      </Typography>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mb={2}>
        <PriorityChip priority={incident.priority} />
        <StatusChip status={incident.status} />
        {incident.major && <MajorBadge />}
        {incident.status === 'on_hold' && incident.onHoldReason && (
          <Typography variant="body2" color="textSecondary">
            {humanizeCode(incident.onHoldReason)}
          </Typography>
        )}
      </Box>
      <Grid container spacing={3}>
        <Grid item xs={6} sm={4} md={2}>
          <SlaCountdown label="Response" clock={incident.sla?.response} />
        </Grid>
        <Grid item xs={6} sm={4} md={2}>
          <SlaCountdown label="Resolution" clock={incident.sla?.resolution} />
        </Grid>
        <Grid item xs={6} sm={4} md={2}>
          <Fact label="Service">
            <EntityRefLink entityRef={incident.entityRef} hideIcon />
          </Fact>
        </Grid>
        <Grid item xs={6} sm={4} md={2}>
          <Fact label="Assignee">
            {incident.assignee ? (
              <EntityRefLink entityRef={incident.assignee} hideIcon />
            ) : (
              <Unset text="Unassigned" />
            )}
          </Fact>
        </Grid>
        <Grid item xs={6} sm={4} md={2}>
          <Fact label="Assignment group">
            {incident.assignmentGroup ? (
              <EntityRefLink entityRef={incident.assignmentGroup} hideIcon />
            ) : (
              <Unset text="None" />
            )}
          </Fact>
        </Grid>
        <Grid item xs={6} sm={4} md={2}>
          <Fact label="Reported by">
            <EntityRefLink entityRef={incident.reporter} hideIcon />{' '}
            <span title={new Date(incident.createdAt).toLocaleString()}>
              {formatRelativeTime(incident.createdAt)}
            </span>
          </Fact>
        </Grid>
      </Grid>
    </Box>
  );
}
