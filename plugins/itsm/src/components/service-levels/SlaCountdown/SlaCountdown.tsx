import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { SlaClockView } from '@backstage-itsm/plugin-itsm-common';
import { useNow } from '../../../hooks/useNow';
import { describeLiveSlaClock } from '../../shared/format';
import { SlaTone } from '../SlaTone';

/**
 * One SLA clock counting down live, every second, from its fetched `dueAt`; paused,
 * met and breached clocks show static text.
 */
export function SlaCountdown(props: {
  label: string;
  clock: SlaClockView | null | undefined;
}) {
  const now = useNow(1000);
  const { clock, label } = props;
  const { text, tone } = describeLiveSlaClock(clock, now);
  return (
    <Box role="group" aria-label={`${label} SLA`}>
      <Typography variant="caption" color="textSecondary" component="div">
        {label} SLA
      </Typography>
      <Typography
        variant="body1"
        component="div"
        title={
          clock?.dueAt
            ? `Due ${new Date(clock.dueAt).toLocaleString()}`
            : undefined
        }
      >
        <SlaTone tone={tone}>{text}</SlaTone>
      </Typography>
    </Box>
  );
}
