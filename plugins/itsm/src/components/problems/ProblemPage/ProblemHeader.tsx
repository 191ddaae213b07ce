import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { Problem } from '@backstage-itsm/plugin-itsm-common';
import { PriorityChip } from '../../incidents/IncidentBadges';
import { Fact, RefOrUnset, Unset } from '../../shared/Fact';
import { humanizeCode } from '../../shared/format';
import { Instant, RecordHeader } from '../../../records';
import { ProblemStatusChip, describeDetection } from '../ProblemBadges';

/**
 * The top of a problem page: id, title, status and priority, origin, owner, group,
 * entities, the detection that proposed it and the reason it was dismissed or cancelled.
 */
export function ProblemHeader(props: { problem: Problem }) {
  const { problem } = props;
  return (
    <RecordHeader
      record={problem}
      badgesTestId="itsm-problem-status"
      badges={
        <>
          <ProblemStatusChip status={problem.status} />
          <PriorityChip priority={problem.priority} />
          <Typography variant="body2" color="textSecondary">
            {humanizeCode(problem.origin)}
            {problem.closureCode && ` · ${humanizeCode(problem.closureCode)}`}
          </Typography>
        </>
      }
    >
      <Grid item xs={6} sm={4} md={2}>
        <Fact label="Owner">
          <RefOrUnset entityRef={problem.owner} unset="No owner" />
        </Fact>
      </Grid>
      <Grid item xs={6} sm={4} md={2}>
        <Fact label="Assignment group">
          <RefOrUnset entityRef={problem.assignmentGroup} unset="None" />
        </Fact>
      </Grid>
      <Grid item xs={12} sm={4} md={4}>
        <Fact label="Entities">
          <EntityRefLinks entityRefs={problem.entityRefs} hideIcons />
        </Fact>
      </Grid>
      <Grid item xs={6} sm={4} md={2}>
        <Fact
          label={
            !problem.category && problem.signature ? 'Signature' : 'Category'
          }
        >
          {problem.category ?? problem.signature ?? <Unset text="None" />}
        </Fact>
      </Grid>
      <Grid item xs={6} sm={4} md={2}>
        <Fact label="Raised">
          <Instant at={problem.createdAt} />
          {problem.targetDate && ` · target ${problem.targetDate}`}
        </Fact>
      </Grid>
      {problem.detection && (
        <Grid item xs={12} md={6}>
          <Fact label="Detected">{describeDetection(problem.detection)}</Fact>
        </Grid>
      )}
      {problem.cancelReason && (
        <Grid item xs={12} md={6}>
          <Fact
            label={
              problem.detection ? 'Dismissed because' : 'Cancelled because'
            }
          >
            {problem.cancelReason}
          </Fact>
        </Grid>
      )}
      {problem.observationUntil && (
        <Grid item xs={12} md={6}>
          <Fact label="Observed until">
            {new Date(problem.observationUntil).toLocaleString()}
          </Fact>
        </Grid>
      )}
    </RecordHeader>
  );
}
