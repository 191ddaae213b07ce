import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ChangeStats } from '@backstage-itsm/plugin-itsm-common';

function Figure(props: { label: string; value: string }) {
  return (
    <Box role="group" aria-label={props.label} mr={4}>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="h6" component="div">
        {props.value}
      </Typography>
    </Box>
  );
}

/** The entity's change-failure figures over the period of `stats`. */
export function ChangeStatsSummary(props: {
  stats: ChangeStats;
  days: number;
}) {
  const { stats, days } = props;
  return (
    <Box display="flex" flexWrap="wrap" alignItems="flex-end">
      <Figure
        label={`Change failure rate (${days} days)`}
        value={`${Math.round(stats.failureRate * 100)}%`}
      />
      <Figure label="Failed" value={`${stats.failed} of ${stats.total}`} />
      <Figure label="Caused incidents" value={String(stats.causedIncidents)} />
    </Box>
  );
}
