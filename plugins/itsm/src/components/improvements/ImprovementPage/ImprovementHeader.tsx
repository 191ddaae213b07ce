import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { Improvement } from '@backstage-itsm/plugin-itsm-common';
import { Fact, Unset } from '../../shared/Fact';
import { formatRelativeTime } from '../../shared/format';
import {
  ImprovementKindChip,
  ImprovementOverdueChip,
  ImprovementStatusChip,
  VerdictChip,
} from '../ImprovementBadges';
import { ImprovementSourceLink } from '../ImprovementSource';
import { formatImprovementType } from '../record/improvementKind';

function Instant(props: { at: string }) {
  return (
    <span title={new Date(props.at).toLocaleString()}>
      {formatRelativeTime(props.at)}
    </span>
  );
}

/**
 * The top of an item's page: id, title, status, kind, overdue and verdict; the services,
 * owner and owning group, source (linked), type, target date, and who approved it when.
 */
export function ImprovementHeader(props: { item: Improvement }) {
  const { item } = props;
  return (
    <Box component="header" mb={2}>
      <Typography variant="overline" color="textSecondary" component="div">
        {item.id} · version {item.version}
      </Typography>
      <Typography variant="h4" component="h1" gutterBottom>
        {item.title}
      </Typography>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
        mb={2}
        data-testid="improvement-status"
      >
        <ImprovementStatusChip status={item.status} />
        <ImprovementKindChip kind={item.kind} />
        {item.overdue && (
          <ImprovementOverdueChip targetDate={item.targetDate} />
        )}
        {item.verdict && <VerdictChip verdict={item.verdict} />}
      </Box>
      <Grid container spacing={3}>
        <Grid item xs={12} sm={6} md={3}>
          <Fact label="Services">
            <EntityRefLinks entityRefs={item.entityRefs} hideIcons />
          </Fact>
        </Grid>
        <Grid item xs={6} sm={3} md={2}>
          <Fact label="Owner">
            {item.owner ? (
              <EntityRefLink entityRef={item.owner} hideIcon />
            ) : (
              <Unset text="No owner" />
            )}
          </Fact>
        </Grid>
        <Grid item xs={6} sm={3} md={2}>
          <Fact label="Owning group">
            {item.owningGroup ? (
              <EntityRefLink entityRef={item.owningGroup} hideIcon />
            ) : (
              <Unset text="None" />
            )}
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
      </Grid>
    </Box>
  );
}
