import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ChangeStatus,
  ChangeType,
  RiskLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { formatChangeStatus, humanizeCode } from '../../shared/format';
import { useChangeStatusColors } from './colors';

const useStyles = makeStyles(theme => ({
  low: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  medium: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  high: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  emergency: {
    borderColor: theme.palette.error.main,
    color: theme.palette.error.main,
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

/** `Low risk` green, `Medium risk` amber, `High risk` red; `Risk not assessed` without one. */
export function RiskChip(props: { risk: RiskLevel | null }) {
  const classes = useStyles();
  if (!props.risk) {
    return <Chip size="small" variant="outlined" label="Risk not assessed" />;
  }
  return (
    <Chip
      size="small"
      label={`${humanizeCode(props.risk)} risk`}
      className={classes[props.risk]}
    />
  );
}

/** The change status in words, coloured like the calendar's bars. */
export function ChangeStatusChip(props: { status: ChangeStatus }) {
  const colors = useChangeStatusColors();
  const color = colors[props.status];
  return (
    <Chip
      size="small"
      variant="outlined"
      label={formatChangeStatus(props.status)}
      style={{ borderColor: color, color }}
    />
  );
}

/** `Standard change`, `Normal change`, `Emergency change` (red). */
export function ChangeTypeChip(props: { type: ChangeType }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      variant="outlined"
      label={`${humanizeCode(props.type)} change`}
      className={props.type === 'emergency' ? classes.emergency : undefined}
    />
  );
}
