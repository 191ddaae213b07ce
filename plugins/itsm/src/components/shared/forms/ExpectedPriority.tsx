import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  PRIORITY_LABELS,
  priorityOf,
  type Level,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * The priority impact and urgency give under the default matrix, shown while choosing
 * them. The server decides the real one, possibly from a configured matrix.
 */
export function ExpectedPriority(props: {
  impact: Level | undefined;
  urgency: Level | undefined;
}) {
  const { impact, urgency } = props;
  const priority = impact && urgency ? priorityOf(impact, urgency) : undefined;
  return (
    <Box>
      <Typography
        variant="caption"
        color="textSecondary"
        component="div"
        id="itsm-expected-priority-label"
      >
        Expected priority
      </Typography>
      <Typography
        variant="h6"
        component="output"
        aria-labelledby="itsm-expected-priority-label"
        aria-live="polite"
        style={{ display: 'block' }}
      >
        {priority ? PRIORITY_LABELS[priority] : '—'}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        From impact and urgency; your service desk may use its own priority
        matrix.
      </Typography>
    </Box>
  );
}
