import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { ChangeConflict } from '@backstage-itsm/plugin-itsm-common';
import { ChangeLink } from '../ChangeLink';

const KIND_LABELS: Record<ChangeConflict['kind'], string> = {
  overlap: 'Overlapping change',
  related_overlap: 'Overlapping change on a related entity',
  freeze: 'Freeze window',
};

/** The conflicts of a change, one line each, linking the other change. */
export function ConflictsList(props: {
  conflicts: readonly ChangeConflict[];
  emptyText?: string;
}) {
  if (props.conflicts.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.emptyText ?? 'No conflicts.'}
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Conflicts">
      {props.conflicts.map((c, i) => (
        <ListItem key={`${c.kind}-${c.with ?? c.window}-${i}`} disableGutters>
          <ListItemText
            primary={
              <>
                {KIND_LABELS[c.kind] ?? c.kind}
                {c.with && (
                  <>
                    {' '}
                    <ChangeLink id={c.with} />
                  </>
                )}
                {c.window && ` "${c.window}"`}
              </>
            }
            secondary={c.message}
            // The theme cuts list texts to one line; a message names refs and windows, so
            // it wraps instead.
            style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}
          />
        </ListItem>
      ))}
    </List>
  );
}

/** The conflict messages as plain text lines, for tooltips. */
export function conflictSummary(conflicts: readonly ChangeConflict[]): string {
  return conflicts.map(c => c.message).join('\n');
}
