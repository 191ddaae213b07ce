import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import type { Improvement } from '@backstage-itsm/plugin-itsm-common';
import { shortRef } from '../../shared/format';
import {
  ImprovementKindChip,
  ImprovementOverdueChip,
  ScoreChip,
  VerdictChip,
} from '../ImprovementBadges';
import { ImprovementLink } from '../ImprovementLink';
import { formatImprovementSource } from '../record/improvementKind';

/**
 * One item on the board: id, score, title, kind (corrective actions), source, services,
 * owner, target date with the overdue flag, and the verdict once measured.
 */
export function ImprovementCard(props: { item: Improvement }) {
  const { item } = props;
  return (
    <Paper
      variant="outlined"
      data-testid={`improvement-card-${item.id}`}
      component="article"
      aria-label={`${item.id}: ${item.title}`}
    >
      <Box p={1} style={{ overflowWrap: 'anywhere' }}>
        <Box display="flex" alignItems="center" mb={0.5} style={{ gap: 4 }}>
          <Typography variant="caption" component="span">
            <ImprovementLink id={item.id} />
          </Typography>
          <Box ml="auto">
            <ScoreChip score={item.priority.score} />
          </Box>
        </Box>
        <Typography variant="body2" component="h3" gutterBottom>
          <strong>{item.title}</strong>
        </Typography>
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }} mb={0.5}>
          {item.kind === 'corrective_action' && (
            <ImprovementKindChip kind={item.kind} />
          )}
          {item.verdict && <VerdictChip verdict={item.verdict} />}
          {item.overdue && (
            <ImprovementOverdueChip targetDate={item.targetDate} />
          )}
        </Box>
        <Typography variant="caption" color="textSecondary" component="div">
          {formatImprovementSource(item.source)}
          {item.sourceId ? ` ${item.sourceId}` : ''}
        </Typography>
        <Typography variant="caption" color="textSecondary" component="div">
          {item.entityRefs.map(shortRef).join(', ')}
        </Typography>
        <Typography variant="caption" color="textSecondary" component="div">
          {item.owner ? shortRef(item.owner) : 'No owner'}
        </Typography>
        {item.targetDate && (
          <Typography variant="caption" color="textSecondary" component="div">
            Due {item.targetDate}
          </Typography>
        )}
      </Box>
    </Paper>
  );
}
