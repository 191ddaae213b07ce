import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import EditIcon from '@material-ui/icons/Edit';
import type { Change, ChangeStatus } from '@backstage-itsm/plugin-itsm-common';
import { ChangeTransitionDialog } from './ChangeTransitionDialog';
import {
  EDITABLE_CHANGE_STATUSES,
  offeredChangeTransitions,
} from './changeTransitions';
import { EditChangeDialog } from './EditChangeDialog';

/**
 * The moves the lifecycle allows from the change's status, one button each, and "Edit"
 * while the plan may change. What the server answers becomes the page's change.
 */
export function ChangeActions(props: {
  change: Change;
  onChange: (change: Change) => void;
  onReload: () => void;
}) {
  const { change, onChange, onReload } = props;
  const [moving, setMoving] = useState<ChangeStatus>();
  const [editing, setEditing] = useState(false);
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 8 }}
      role="toolbar"
      aria-label="Change actions"
    >
      {offeredChangeTransitions(change).map(t => {
        const quiet = t.to === 'cancelled';
        const button = (
          <Button
            key={t.to}
            variant={quiet ? 'outlined' : 'contained'}
            color={quiet ? 'default' : 'primary'}
            disabled={Boolean(t.blockedBecause)}
            onClick={() => setMoving(t.to)}
          >
            {t.label}
          </Button>
        );
        return t.blockedBecause ? (
          <Tooltip key={t.to} title={t.blockedBecause}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
      {EDITABLE_CHANGE_STATUSES.includes(change.status) && (
        <Button
          variant="outlined"
          startIcon={<EditIcon />}
          onClick={() => setEditing(true)}
        >
          Edit
        </Button>
      )}
      {moving && (
        <ChangeTransitionDialog
          key={moving}
          change={change}
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
      <EditChangeDialog
        change={change}
        open={editing}
        onClose={() => setEditing(false)}
        onDone={next => {
          setEditing(false);
          onChange(next);
        }}
        onReload={onReload}
      />
    </Box>
  );
}
