import Typography from '@material-ui/core/Typography';
import type { SlaClockView } from '@backstage-itsm/plugin-itsm-common';
import { describeSlaClock } from '../../shared/format';
import { SlaTone } from '../../service-levels/SlaTone';

/** Time left on an SLA clock, coloured when at risk or breached. */
export function SlaTimeLeft(props: { clock: SlaClockView | null | undefined }) {
  const { text, tone } = describeSlaClock(props.clock);
  const title = props.clock?.dueAt
    ? `Due ${new Date(props.clock.dueAt).toLocaleString()}`
    : undefined;
  return (
    <Typography variant="body2" component="span" title={title}>
      <SlaTone tone={tone}>{text}</SlaTone>
    </Typography>
  );
}
