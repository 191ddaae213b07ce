import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import type { Complaint } from '@backstage-itsm/plugin-itsm-common';
import { Fact, RefOrUnset, Unset } from '../../shared/Fact';
import { humanizeCode } from '../../shared/format';
import { Instant, RecordHeader } from '../../../records';
import { ComplaintStatusChip, EscalatedChip } from '../ComplaintBadges';

/**
 * The top of a complaint page: id, title, status (and escalation), the service, who raised
 * it, its owner, how it reached us, its category and when it was raised, answered and closed.
 */
export function ComplaintHeader(props: { complaint: Complaint }) {
  const { complaint } = props;
  return (
    <RecordHeader
      record={complaint}
      badgesTestId="itsm-complaint-status"
      badges={
        <>
          <ComplaintStatusChip status={complaint.status} />
          {complaint.escalatedAt && (
            <EscalatedChip at={complaint.escalatedAt} />
          )}
        </>
      }
    >
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
          <RefOrUnset entityRef={complaint.owner} unset="No owner" />
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
    </RecordHeader>
  );
}
