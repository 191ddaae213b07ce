import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
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

/** The register as a board: one column per status, cards by score. */
export function ImprovementBoard(props: {
  items: readonly Improvement[];
  showRejected?: boolean;
}) {
  const statuses = props.showRejected
    ? [...BOARD_STATUSES, 'rejected' as const]
    : BOARD_STATUSES;
  const columns = groupByStatus(props.items, statuses);
  return (
    <Box
      display="flex"
      style={{ gap: 12 }}
      overflow="auto"
      pb={1}
      data-testid="improvement-board"
    >
      {statuses.map(status => {
        const cards = columns.get(status) ?? [];
        const label = formatImprovementStatus(status);
        return (
          <Paper
            key={status}
            component="section"
            aria-label={label}
            data-testid={`improvement-column-${status}`}
            style={{ minWidth: 240, flex: '1 0 240px' }}
          >
            <Box p={1}>
              <Typography variant="subtitle2" component="h2" gutterBottom>
                {label} ({cards.length})
              </Typography>
              <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
                {cards.map(item => (
                  <ImprovementCard key={item.id} item={item} />
                ))}
                {cards.length === 0 && (
                  <Typography variant="caption" color="textSecondary">
                    None
                  </Typography>
                )}
              </Box>
            </Box>
          </Paper>
        );
      })}
    </Box>
  );
}
