import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { SatisfactionFigures } from '@backstage-itsm/plugin-itsm-common';
import { formatMean, formatNps, formatPercent } from '../format';

function Tile(props: { label: string; value: string; detail: string }) {
  return (
    <Box role="group" aria-label={`${props.label}: ${props.value}`}>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="h5" component="div" style={{ fontWeight: 700 }}>
        {props.value}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {props.detail}
      </Typography>
    </Box>
  );
}

/** Which figures the "too few" flag is about: CSAT, NPS or both. */
function tooFewOf(figures: SatisfactionFigures, min: number): string {
  const csat = figures.ratings < min;
  const nps = figures.npsAnswers > 0 && figures.npsAnswers < min;
  if (csat && nps) return 'CSAT and NPS';
  return nps ? 'NPS' : 'CSAT';
}

/**
 * The satisfaction figures as tiles: CSAT % (share of 4–5 ratings), mean rating, NPS and
 * response rate, each with the count behind it, and a "too few responses" flag below the
 * minimum (the figures are shown, not conclusive).
 */
export function SatisfactionScores(props: {
  figures: SatisfactionFigures;
  minResponses: number;
}) {
  const { figures, minResponses } = props;
  return (
    <Box>
      <Grid container spacing={3}>
        <Grid item xs={6} md={3}>
          <Tile
            label="CSAT"
            value={formatPercent(figures.csatPercent)}
            detail={`rated 4–5 of n = ${figures.ratings}`}
          />
        </Grid>
        <Grid item xs={6} md={3}>
          <Tile
            label="Mean rating"
            value={formatMean(figures.meanRating)}
            detail={`n = ${figures.ratings}`}
          />
        </Grid>
        <Grid item xs={6} md={3}>
          <Tile
            label="NPS"
            value={formatNps(figures.nps)}
            detail={`n = ${figures.npsAnswers}`}
          />
        </Grid>
        <Grid item xs={6} md={3}>
          <Tile
            label="Response rate"
            value={formatPercent(figures.responseRatePercent)}
            detail={`${figures.responses} of ${figures.invited} invited`}
          />
        </Grid>
      </Grid>
      {figures.tooFew && (
        <Box mt={1}>
          <Chip
            size="small"
            label={`Too few responses (fewer than ${minResponses}) for a conclusive ${tooFewOf(
              figures,
              minResponses,
            )}`}
          />
        </Box>
      )}
    </Box>
  );
}
