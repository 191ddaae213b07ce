import { useState, type FormEvent } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import ArrowDropDown from '@material-ui/icons/ArrowDropDown';
import type {
  ReviewAction,
  ReviewActionStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { RecordFormDialog } from '../../../records';
import { actionMoveLabel, offeredActionMoves } from './actionMoves';

/**
 * "Status ▾" on an action: the moves its lifecycle offers. Dropping asks why; the other
 * moves are made at once. Each write carries the action's own version (`If-Match`); the
 * answer or the failure goes to the table.
 */
export function ActionStatusMenu(props: {
  action: ReviewAction;
  onChange: (action: ReviewAction) => void;
  onError: (error: unknown) => void;
}) {
  const { action } = props;
  const itsmApi = useApi(itsmApiRef);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dropping, setDropping] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const moves = offeredActionMoves(action.status);

  const move = async (to: ReviewActionStatus, withNote?: string) => {
    setBusy(true);
    props.onError(undefined);
    try {
      const next = await itsmApi.updateReviewAction({
        reviewId: action.reviewId,
        number: action.number,
        version: action.version,
        patch: withNote ? { status: to, note: withNote } : { status: to },
      });
      props.onChange(next);
      return true;
    } catch (e) {
      props.onError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submitDrop = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setNoteError('Say why the action is dropped');
      return;
    }
    if (await move('dropped', note.trim())) {
      setDropping(false);
      setNote('');
    } else {
      setDropping(false);
    }
  };

  if (moves.length === 0) {
    return null;
  }
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        disabled={busy}
        endIcon={<ArrowDropDown />}
        aria-haspopup="true"
        aria-label={`Change status of ${action.id}`}
        onClick={e => setAnchor(e.currentTarget)}
      >
        Status
      </Button>
      <Menu
        anchorEl={anchor}
        keepMounted={false}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
      >
        {moves.map(to => (
          <MenuItem
            key={to}
            onClick={() => {
              setAnchor(null);
              if (to === 'dropped') {
                setNoteError(undefined);
                setDropping(true);
              } else {
                move(to);
              }
            }}
          >
            {actionMoveLabel(to)}
          </MenuItem>
        ))}
      </Menu>
      <RecordFormDialog
        open={dropping}
        onClose={() => setDropping(false)}
        onSubmit={submitDrop}
        titleId={`itsm-drop-action-${action.reviewId}-${action.number}`}
        title={`Drop ${action.id}`}
        intro={action.title}
        busy={busy}
        submitLabel="Drop action"
        cancelLabel="Back"
      >
        <TextField
          id={`itsm-drop-action-note-${action.reviewId}-${action.number}`}
          label="Why is it dropped?"
          required
          multiline
          value={note}
          onChange={e => setNote(e.target.value)}
          error={Boolean(noteError)}
          helperText={noteError}
          inputProps={{ maxLength: 2000 }}
          margin="dense"
          fullWidth
        />
      </RecordFormDialog>
    </>
  );
}
