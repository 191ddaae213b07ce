import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { Incident } from '@backstage-itsm/plugin-itsm-common';
import { Fact, RefOrUnset } from '../../shared/Fact';
import { MajorBadge, PriorityChip, StatusChip } from '../IncidentBadges';
import { SlaCountdown } from '../../service-levels/SlaCountdown';
import { humanizeCode } from '../../shared/format';
import { Instant, RecordHeader } from '../../../records';

/**
 * The top of an incident page: id and title, priority, status, major badge, both SLA
 * clocks counting down, and who and what it concerns.
 */
export function IncidentHeader(props: { incident: Incident }) {
  const { incident } = props;
  return (
    <RecordHeader
      record={incident}
      badges={
        <>
          <PriorityChip priority={incident.priority} />
          <StatusChip status={incident.status} />
          {incident.major && <MajorBadge />}
          {incident.status === 'on_hold' && incident.onHoldReason && (
            <Typography variant="body2" color="textSecondary">
              {humanizeCode(incident.onHoldReason)}
            </Typography>
          )}
        </>
      }
    >
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
          <RefOrUnset entityRef={incident.assignee} unset="Unassigned" />
        </Fact>
      </Grid>
      <Grid item xs={6} sm={4} md={2}>
        <Fact label="Assignment group">
          <RefOrUnset entityRef={incident.assignmentGroup} unset="None" />
        </Fact>
      </Grid>
      <Grid item xs={6} sm={4} md={2}>
        <Fact label="Reported by">
          <EntityRefLink entityRef={incident.reporter} hideIcon />{' '}
          <Instant at={incident.createdAt} />
        </Fact>
      </Grid>
    </RecordHeader>
  );
}
