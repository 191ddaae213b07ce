import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  Improvement,
  ImprovementStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { formatImprovementStatus } from '../record/improvementKind';
import { ImprovementCard } from './ImprovementCard';

/** The board's columns, in lifecycle order; `rejected` only when asked for. */
export const BOARD_STATUSES: readonly ImprovementStatus[] = [
  'proposed',
  'approved',
  'in_progress',
  'implemented',
  'evaluated',
  'closed',
];

/** Items by status, each column by score (highest first), then the oldest first. */
export function groupByStatus(
  items: readonly Improvement[],
  statuses: readonly ImprovementStatus[],
): Map<ImprovementStatus, Improvement[]> {
  const columns = new Map<ImprovementStatus, Improvement[]>(
    statuses.map(status => [status, []]),
  );
  for (const item of items) {
    columns.get(item.status)?.push(item);
  }
  for (const column of columns.values()) {
    column.sort(
      (a, b) =>
        b.priority.score - a.priority.score ||
        a.createdAt.localeCompare(b.createdAt),
    );
  }
  return columns;
}

/** The narrowest a column gets before the board scrolls sideways. */
const MIN_COLUMN_WIDTH = 150;

const useStyles = makeStyles(theme => ({
  board: {
    display: 'grid',
    gap: theme.spacing(1),
    overflowX: 'auto',
    paddingBottom: theme.spacing(1),
  },
  column: {
    minWidth: 0,
    padding: theme.spacing(1),
    backgroundColor: theme.palette.background.default,
  },
  heading: {
    display: 'flex',
    alignItems: 'baseline',
    gap: theme.spacing(0.5),
    marginBottom: theme.spacing(1),
  },
  cards: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  },
}));

/**
 * The register as a board: one column per status, cards by score. The columns share the
 * width (all six fit a laptop screen); below their narrowest the board scrolls sideways.
 */
export function ImprovementBoard(props: {
  items: readonly Improvement[];
  showRejected?: boolean;
}) {
  const classes = useStyles();
  const statuses = props.showRejected
    ? [...BOARD_STATUSES, 'rejected' as const]
    : BOARD_STATUSES;
  const columns = groupByStatus(props.items, statuses);
  return (
    <div
      className={classes.board}
      style={{
        gridTemplateColumns: `repeat(${statuses.length}, minmax(${MIN_COLUMN_WIDTH}px, 1fr))`,
      }}
      data-testid="improvement-board"
    >
      {statuses.map(status => {
        const cards = columns.get(status) ?? [];
        const label = formatImprovementStatus(status);
        return (
          <Paper
            key={status}
            component="section"
            variant="outlined"
            aria-label={label}
            data-testid={`improvement-column-${status}`}
            className={classes.column}
          >
            <div className={classes.heading}>
              <Typography variant="subtitle2" component="h2">
                {label}
              </Typography>{' '}
              <Typography variant="caption" color="textSecondary">
                {cards.length}
              </Typography>
            </div>
            <div className={classes.cards}>
              {cards.map(item => (
                <ImprovementCard key={item.id} item={item} />
              ))}
              {cards.length === 0 && (
                <Typography variant="caption" color="textSecondary">
                  None
                </Typography>
              )}
            </div>
          </Paper>
        );
      })}
    </div>
  );
}
