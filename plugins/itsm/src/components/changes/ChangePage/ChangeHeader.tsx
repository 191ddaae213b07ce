import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { Change } from '@backstage-itsm/plugin-itsm-common';
import { ChangeStatusChip, ChangeTypeChip, RiskChip } from '../ChangeBadges';
import { Fact } from '../../shared/Fact';
import { formatRelativeTime, humanizeCode } from '../../shared/format';

/**
 * The top of a change page: id, version and plan revision, title, status, type and risk,
 * who asked for it and what it touches.
 */
export function ChangeHeader(props: { change: Change }) {
  const { change } = props;
  return (
    <Box component="header" mb={2}>
      <Typography variant="overline" color="textSecondary" component="div">
        {change.id} · version {change.version} · plan revision{' '}
        {change.planRevision}
      </Typography>
      <Typography variant="h4" component="h1" gutterBottom>
        {change.title}
      </Typography>
      <Box
        display="flex"
        flexWrap="wrap"
        style={{ gap: 8 }}
        mb={2}
        data-testid="itsm-change-status"
      >
        <ChangeStatusChip status={change.status} />
        <ChangeTypeChip type={change.type} />
        <RiskChip risk={change.risk} />
        {change.outcome && (
          <Typography variant="body2" color="textSecondary">
            Outcome: {humanizeCode(change.outcome)}
          </Typography>
        )}
      </Box>
      <Grid container spacing={3}>
        <Grid item xs={12} sm={6} md={3}>
          <Fact label="Requested by">
            <EntityRefLink entityRef={change.requester} hideIcon />{' '}
            <span title={new Date(change.createdAt).toLocaleString()}>
              {formatRelativeTime(change.createdAt)}
            </span>
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
      </Grid>
    </Box>
  );
}
