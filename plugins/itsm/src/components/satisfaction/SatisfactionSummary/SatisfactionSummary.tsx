import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { MIN_SATISFACTION_RESPONSES } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { formatNps, formatPercent } from '../format';

/**
 * CSAT of the last 90 days for the service health card, from one cheap request
 * (`GET /satisfaction/summary`): the percentage with its n, NPS when answered, and a
 * "too few responses" note. Nothing for a caller who may not read it, or before any response.
 */
export function SatisfactionSummary(props: { entityRef: string }) {
  const itsmApi = useApi(itsmApiRef);
  const { entityRef } = props;
  const { value, error } = useAsync(
    () => itsmApi.getSatisfactionSummary({ entityRef }),
    [itsmApi, entityRef],
  );
  if (error || !value || value.figures.responses === 0) {
    return null;
  }
  const { figures } = value;
  const label = `CSAT (90 days): ${formatPercent(figures.csatPercent)}`;
  return (
    <Box role="group" aria-label={label}>
      <Typography
        variant="caption"
        color="textSecondary"
        component="div"
        style={{ textTransform: 'uppercase', letterSpacing: '0.05em' }}
      >
        CSAT (90 days)
      </Typography>
      <Typography variant="h5" component="div" style={{ fontWeight: 700 }}>
        {formatPercent(figures.csatPercent)}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        n = {figures.ratings}
        {figures.ratings < MIN_SATISFACTION_RESPONSES
          ? ` · too few responses (< ${MIN_SATISFACTION_RESPONSES})`
          : ''}
        {figures.nps !== null
          ? ` · NPS ${formatNps(figures.nps)} (n = ${figures.npsAnswers}${
              figures.npsAnswers < MIN_SATISFACTION_RESPONSES ? ', too few' : ''
            })`
          : ''}
      </Typography>
    </Box>
  );
}
