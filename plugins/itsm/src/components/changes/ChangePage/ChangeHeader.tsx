import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { Change } from '@backstage-itsm/plugin-itsm-common';
import { ChangeStatusChip, ChangeTypeChip, RiskChip } from '../ChangeBadges';
import { Fact } from '../../shared/Fact';
import { humanizeCode } from '../../shared/format';
import { Instant, RecordHeader } from '../../../records';

/**
 * The top of a change page: id, version and plan revision, title, status, type and risk,
 * who asked for it and what it touches.
 */
export function ChangeHeader(props: { change: Change }) {
  const { change } = props;
  return (
    <RecordHeader
      record={change}
      overline={` · plan revision ${change.planRevision}`}
      badgesTestId="itsm-change-status"
      badges={
        <>
          <ChangeStatusChip status={change.status} />
          <ChangeTypeChip type={change.type} />
          <RiskChip risk={change.risk} />
          {change.outcome && (
            <Typography variant="body2" color="textSecondary">
              Outcome: {humanizeCode(change.outcome)}
            </Typography>
          )}
        </>
      }
    >
      <Grid item xs={12} sm={6} md={3}>
        <Fact label="Requested by">
          <EntityRefLink entityRef={change.requester} hideIcon />{' '}
          <Instant at={change.createdAt} />
        </Fact>
      </Grid>
      <Grid item xs={12} sm={6} md={6}>
        <Fact label="Affected entities">
          <EntityRefLinks entityRefs={change.entityRefs} hideIcons />
        </Fact>
      </Grid>
      {change.templateId && (
        <Grid item xs={12} sm={6} md={3}>
          <Fact label="Standard change template">
            {change.templateId} v{change.templateVersion}
          </Fact>
        </Grid>
      )}
    </RecordHeader>
  );
}
