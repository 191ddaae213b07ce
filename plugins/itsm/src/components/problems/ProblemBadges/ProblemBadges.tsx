import Chip from '@material-ui/core/Chip';
import {
  OPEN_PROBLEM_STATUSES,
  type KnownErrorStatus,
  type ProblemDetection,
  type ProblemStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { humanizeCode } from '../../shared/format';
import { formatProblemStatus } from '../record/problemKinds';

/** The problem status in words; open statuses are outlined, a known error in colour. */
export function ProblemStatusChip(props: { status: ProblemStatus }) {
  const open = OPEN_PROBLEM_STATUSES.includes(props.status);
  return (
    <Chip
      size="small"
      variant={open ? 'outlined' : 'default'}
      color={props.status === 'known_error' ? 'secondary' : 'default'}
      label={formatProblemStatus(props.status)}
    />
  );
}

/** `Active` (primary) or `Retired`. */
export function KnownErrorStatusChip(props: { status: KnownErrorStatus }) {
  return (
    <Chip
      size="small"
      variant={props.status === 'active' ? 'default' : 'outlined'}
      color={props.status === 'active' ? 'primary' : 'default'}
      label={humanizeCode(props.status)}
    />
  );
}

/**
 * What detection saw, in one sentence: `4 incidents in 7 days (recurrence, category:database)`.
 */
export function describeDetection(detection: ProblemDetection): string {
  const services = detection.services?.length
    ? ` on ${detection.services.length} services`
    : '';
  const window =
    detection.windowHours % 24 === 0
      ? `${detection.windowHours / 24} days`
      : `${detection.windowHours} hours`;
  return `${
    detection.incidentCount
  } incidents${services} in ${window} (${humanizeCode(
    detection.rule,
  ).toLocaleLowerCase('en-US')}, ${detection.key})`;
}
