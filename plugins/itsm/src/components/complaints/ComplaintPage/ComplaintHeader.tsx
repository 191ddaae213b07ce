import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { Complaint } from '@backstage-itsm/plugin-itsm-common';
import { Fact, Unset } from '../../shared/Fact';
import { formatRelativeTime, humanizeCode } from '../../shared/format';
import { ComplaintStatusChip, EscalatedChip } from '../ComplaintBadges';

function Instant(props: { at: string }) {
  return (
    <span title={new Date(props.at).toLocaleString()}>
      {formatRelativeTime(props.at)}
    </span>
  );
}

/**
 * The top of a complaint page: id, title, status (and escalation), the service, who raised
 * it, its owner, how it reached us, its category and when it was raised, answered and closed.
 */
export function ComplaintHeader(props: { complaint: Complaint }) {
  const { complaint } = props;
  return (
    <Box component="header" mb={2}>
      <Typography variant="overline" color="textSecondary" component="div">
        {complaint.id} · version {complaint.version}
      </Typography>
      <Typography variant="h4" component="h1" gutterBottom>
        {complaint.title}
      </Typography>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
        mb={2}
        data-testid="itsm-complaint-status"
      >
        <ComplaintStatusChip status={complaint.status} />
        {complaint.escalatedAt && <EscalatedChip at={complaint.escalatedAt} />}
      </Box>
      <Grid container spacing={3}>
        <Grid item xs={12} sm={4} md={3}>
          <Fact label="Service">
            <EntityRefLink entityRef={complaint.entityRef} hideIcon />
          </Fact>
        </Grid>
        <Grid item xs={6} sm={4} md={2}>
          <Fact label="Raised by">
            <EntityRefLink entityRef={complaint.complainant} hideIcon />
          </Fact>
        </Grid>
        <Grid item xs={6} sm={4} md={2}>
          <Fact label="Owner">
            {complaint.owner ? (
              <EntityRefLink entityRef={complaint.owner} hideIcon />
            ) : (
              <Unset text="No owner" />
            )}
          </Fact>
        </Grid>
        <Grid item xs={6} sm={4} md={2}>
          <Fact label="Received through">
            {complaint.channel ? (
              humanizeCode(complaint.channel)
            ) : (
              <Unset text="Not said" />
            )}
          </Fact>
        </Grid>
        <Grid item xs={6} sm={4} md={1}>
          <Fact label="Category">
            {complaint.category ?? <Unset text="None" />}
          </Fact>
        </Grid>
        <Grid item xs={6} sm={4} md={2}>
          <Fact label="Raised">
            <Instant at={complaint.createdAt} />
          </Fact>
        </Grid>
        {complaint.escalatedAt && (
          <Grid item xs={6} sm={4} md={2}>
            <Fact label="Escalated">
              <Instant at={complaint.escalatedAt} />
            </Fact>
          </Grid>
        )}
        {complaint.resolvedAt && (
          <Grid item xs={6} sm={4} md={2}>
            <Fact label="Resolved">
              <Instant at={complaint.resolvedAt} />
            </Fact>
          </Grid>
        )}
        {complaint.closedAt && (
          <Grid item xs={6} sm={4} md={2}>
            <Fact label="Closed">
              <Instant at={complaint.closedAt} />
            </Fact>
          </Grid>
        )}
      </Grid>
    </Box>
  );
}
