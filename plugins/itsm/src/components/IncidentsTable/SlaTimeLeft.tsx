import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { SlaClockView } from '@backstage-itsm/plugin-itsm-common';
import { describeSlaClock } from '../format';

/** Time left on an SLA clock, coloured when at risk or breached. */
export function SlaTimeLeft(props: { clock: SlaClockView | null | undefined }) {
  const { text, tone } = describeSlaClock(props.clock);
  const title = props.clock?.dueAt
    ? `Due ${new Date(props.clock.dueAt).toLocaleString()}`
    : undefined;
  let content;
  switch (tone) {
    case 'error':
      content = <StatusError>{text}</StatusError>;
      break;
    case 'warning':
      content = <StatusWarning>{text}</StatusWarning>;
      break;
    case 'ok':
      content = <StatusOK>{text}</StatusOK>;
      break;
    default:
      content = text;
  }
  return (
    <Typography variant="body2" component="span" title={title}>
      {content}
    </Typography>
  );
}
