import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import EditIcon from '@material-ui/icons/Edit';
import type {
  Improvement,
  ImprovementStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { isImprovementEditable } from '../ImprovementForm/improvementForm';
import { EditImprovementDialog } from './EditImprovementDialog';
import { ImprovementTransitionDialog } from './ImprovementTransitionDialog';
import { offeredImprovementTransitions } from './improvementTransitions';

/**
 * One button per move the lifecycle allows from the item's status (`improvement-transition-
 * <status>`; a rejection in the quieter outline, a blocked move disabled with why), and
 * "Edit" until it is closed or rejected. Each opens its dialog; what the server answers
 * becomes the page's item.
 */
export function ImprovementActions(props: {
  item: Improvement;
  onChange: (item: Improvement) => void;
  onReload: () => void;
}) {
  const { item, onChange, onReload } = props;
  const [moving, setMoving] = useState<ImprovementStatus>();
  const [editing, setEditing] = useState(false);

  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 8 }}
      role="toolbar"
      aria-label="Improvement actions"
    >
      {offeredImprovementTransitions(item).map(move => {
        const quiet = move.to === 'rejected';
        const button = (
          <Button
            key={move.to}
            variant={quiet ? 'outlined' : 'contained'}
            color={quiet ? 'default' : 'primary'}
            disabled={Boolean(move.blockedBecause)}
            onClick={() => setMoving(move.to)}
            data-testid={`improvement-transition-${move.to}`}
          >
            {move.label}
          </Button>
        );
        return move.blockedBecause ? (
          <Tooltip key={move.to} title={move.blockedBecause}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
      {isImprovementEditable(item) && (
        <Button
          variant="outlined"
          startIcon={<EditIcon />}
          onClick={() => setEditing(true)}
        >
          Edit
        </Button>
      )}
      {moving && (
        <ImprovementTransitionDialog
          key={moving}
          record={item}
          to={moving}
          open
          onClose={() => setMoving(undefined)}
          onDone={next => {
            setMoving(undefined);
            onChange(next);
          }}
          onReload={onReload}
        />
      )}
      {editing && (
        <EditImprovementDialog
          record={item}
          open
          onClose={() => setEditing(false)}
          onDone={next => {
            setEditing(false);
            onChange(next);
          }}
          onReload={onReload}
        />
      )}
    </Box>
  );
}
