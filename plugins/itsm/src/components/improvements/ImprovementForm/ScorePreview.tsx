import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ImprovementScore } from '@backstage-itsm/plugin-itsm-common';

/**
 * The priority score with its inputs: `Score 3.5 — cost of delay 7 (benefit 4 + urgency 3)
 * over effort 2`. Live in the form, fixed on the item page.
 */
export function ScoreBreakdown(props: {
  priority: ImprovementScore;
  /** A heading size for the score. */
  large?: boolean;
}) {
  const { priority } = props;
  return (
    <Box
      role="group"
      aria-label="Priority score"
      data-testid="improvement-score"
    >
      <Typography
        variant={props.large ? 'h4' : 'h6'}
        component="div"
        aria-label={`Score ${priority.score}`}
      >
        {priority.score}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Cost of delay {priority.costOfDelay} (benefit {priority.benefit} +
        urgency {priority.urgency}) / effort {priority.effort}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        Weighted shortest job first: from 0.4 (can wait) to 10 (do first).
      </Typography>
    </Box>
  );
}
