import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import {
  OPEN_INCIDENT_STATUSES,
  PRIORITY_LABELS,
  type IncidentStatus,
  type Priority,
} from '@backstage-itsm/plugin-itsm-common';
import { formatIncidentStatus } from '../../shared/format';

const useStyles = makeStyles(theme => ({
  p1: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  p2: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  major: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

/** `P1 Critical` … `P5 Planning`, red for P1 and amber for P2. */
export function PriorityChip(props: { priority: Priority }) {
  const classes = useStyles();
  const className: Partial<Record<Priority, string>> = {
    1: classes.p1,
    2: classes.p2,
  };
  return (
    <Chip
      size="small"
      label={PRIORITY_LABELS[props.priority]}
      className={className[props.priority]}
    />
  );
}

/** The incident status in words; open statuses are outlined. */
export function StatusChip(props: { status: IncidentStatus }) {
  const open = OPEN_INCIDENT_STATUSES.includes(props.status);
  return (
    <Chip
      size="small"
      variant={open ? 'outlined' : 'default'}
      color={props.status === 'resolved' ? 'primary' : 'default'}
      label={formatIncidentStatus(props.status)}
    />
  );
}

/** Marks a major incident. */
export function MajorBadge() {
  const classes = useStyles();
  return <Chip size="small" label="Major incident" className={classes.major} />;
}
