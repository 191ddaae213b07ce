import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import {
  OPEN_IMPROVEMENT_STATUSES,
  type ImprovementKind,
  type ImprovementStatus,
  type ImprovementVerdict,
} from '@backstage-itsm/plugin-itsm-common';
import {
  formatImprovementKind,
  formatImprovementStatus,
  formatImprovementVerdict,
} from '../record/improvementKind';

const useStyles = makeStyles(theme => ({
  achieved: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  not_achieved: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  inconclusive: {
    backgroundColor: theme.palette.grey[500],
    color: theme.palette.getContrastText(theme.palette.grey[500]),
  },
}));

/** The status in words; statuses still being worked are outlined. */
export function ImprovementStatusChip(props: { status: ImprovementStatus }) {
  return (
    <Chip
      size="small"
      variant={
        OPEN_IMPROVEMENT_STATUSES.includes(props.status)
          ? 'outlined'
          : 'default'
      }
      label={formatImprovementStatus(props.status)}
    />
  );
}

/**
 * The verdict of the measurement: achieved green, not achieved red, inconclusive grey
 * ("too few events" when `detailed`).
 */
export function VerdictChip(props: {
  verdict: ImprovementVerdict;
  /** Say why an inconclusive verdict is one. */
  detailed?: boolean;
  testId?: string;
}) {
  const classes = useStyles();
  const { verdict } = props;
  const label =
    verdict === 'inconclusive' && props.detailed
      ? 'Inconclusive: too few events'
      : formatImprovementVerdict(verdict);
  return (
    <Chip
      size="small"
      className={classes[verdict]}
      label={label}
      title={
        verdict === 'inconclusive'
          ? 'Too few events before and after to tell'
          : undefined
      }
      data-testid={props.testId}
    />
  );
}

/** "Overdue" in colour, with the target date it missed. */
export function ImprovementOverdueChip(props: { targetDate: string | null }) {
  return (
    <Chip
      size="small"
      color="secondary"
      label="Overdue"
      title={props.targetDate ? `Target date ${props.targetDate}` : undefined}
    />
  );
}

/** The priority score, e.g. `Score 6`. */
export function ScoreChip(props: { score: number }) {
  return (
    <Chip
      size="small"
      color="primary"
      label={`Score ${props.score}`}
      title="Cost of delay (benefit + urgency) over effort"
    />
  );
}

/** "Corrective action" (outlined); improvements need no chip but may show one. */
export function ImprovementKindChip(props: { kind: ImprovementKind }) {
  return (
    <Chip
      size="small"
      variant="outlined"
      label={formatImprovementKind(props.kind)}
    />
  );
}
