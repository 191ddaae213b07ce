import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import type { Improvement } from '@backstage-itsm/plugin-itsm-common';
import { Fact, RefOrUnset, Unset } from '../../shared/Fact';
import { Instant, RecordHeader } from '../../../records';
import {
  ImprovementKindChip,
  ImprovementOverdueChip,
  ImprovementStatusChip,
  VerdictChip,
} from '../ImprovementBadges';
import { ImprovementSourceLink } from '../ImprovementSource';
import { formatImprovementType } from '../record/improvementKind';

/**
 * The top of an item's page: id, title, status, kind, overdue and verdict; the services,
 * owner and owning group, source (linked), type, target date, and who approved it when.
 */
export function ImprovementHeader(props: { item: Improvement }) {
  const { item } = props;
  return (
    <RecordHeader
      record={item}
      badgesTestId="improvement-status"
      badges={
        <>
          <ImprovementStatusChip status={item.status} />
          <ImprovementKindChip kind={item.kind} />
          {item.overdue && (
            <ImprovementOverdueChip targetDate={item.targetDate} />
          )}
          {item.verdict && <VerdictChip verdict={item.verdict} />}
        </>
      }
    >
      <Grid item xs={12} sm={6} md={3}>
        <Fact label="Services">
          <EntityRefLinks entityRefs={item.entityRefs} hideIcons />
        </Fact>
      </Grid>
      <Grid item xs={6} sm={3} md={2}>
        <Fact label="Owner">
          <RefOrUnset entityRef={item.owner} unset="No owner" />
        </Fact>
      </Grid>
      <Grid item xs={6} sm={3} md={2}>
        <Fact label="Owning group">
          <RefOrUnset entityRef={item.owningGroup} unset="None" />
        </Fact>
      </Grid>
      <Grid item xs={6} sm={4} md={2}>
        <Fact label="Source">
          <ImprovementSourceLink
            source={item.source}
            sourceId={item.sourceId}
          />
        </Fact>
      </Grid>
      <Grid item xs={6} sm={4} md={1}>
        <Fact label="Type">{formatImprovementType(item.type)}</Fact>
      </Grid>
      <Grid item xs={6} sm={4} md={2}>
        <Fact label="Target date">
          {item.targetDate ?? <Unset text="None" />}
          {item.overdue && ' (overdue)'}
        </Fact>
      </Grid>
      <Grid item xs={6} sm={4} md={2}>
        <Fact label="Raised">
          <Instant at={item.createdAt} />
        </Fact>
      </Grid>
      {item.approvedAt && (
        <Grid item xs={6} sm={4} md={3}>
          <Fact label="Approved">
            <Instant at={item.approvedAt} />
            {item.approvedBy && (
              <>
                {' by '}
                <EntityRefLink entityRef={item.approvedBy} hideIcon />
              </>
            )}
          </Fact>
        </Grid>
      )}
      {item.implementedAt && (
        <Grid item xs={6} sm={4} md={2}>
          <Fact label="Implemented">
            <Instant at={item.implementedAt} />
          </Fact>
        </Grid>
      )}
      {item.rejectedAt && (
        <Grid item xs={6} sm={4} md={2}>
          <Fact label="Rejected">
            <Instant at={item.rejectedAt} />
          </Fact>
        </Grid>
      )}
      {item.closedAt && (
        <Grid item xs={6} sm={4} md={2}>
          <Fact label="Closed">
            <Instant at={item.closedAt} />
          </Fact>
        </Grid>
      )}
    </RecordHeader>
  );
}
