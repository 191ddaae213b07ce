import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import type {
  ApprovalDecision,
  Change,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';

/**
 * Approve or reject a change in authorization, with an optional comment. The vote takes no
 * `If-Match`: it binds to the plan revision the server holds, and the change after the vote
 * (possibly moved to scheduled or rejected by it) goes to `onDecided`.
 */
export function DecisionForm(props: {
  change: Pick<Change, 'id'>;
  onDecided: (change: Change) => void;
  /** A narrower layout for table rows. */
  compact?: boolean;
}) {
  const { change, onDecided, compact } = props;
  const itsmApi = useApi(itsmApiRef);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const decide = async (decision: ApprovalDecision) => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await itsmApi.decideChange({
        id: change.id,
        decision,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setComment('');
      onDecided(next);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box role="group" aria-label={`Decide on ${change.id}`}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <TextField
          id={`itsm-decision-comment-${change.id}`}
          label="Comment"
          placeholder={
            compact ? 'Optional' : 'Why (optional, kept in the history)'
          }
          size="small"
          variant="outlined"
          multiline={!compact}
          minRows={compact ? undefined : 2}
          value={comment}
          onChange={e => setComment(e.target.value)}
          style={{ flex: 1, minWidth: compact ? 160 : 240 }}
        />
        <Button
          variant="contained"
          color="primary"
          disabled={busy}
          onClick={() => decide('approve')}
        >
          Approve
        </Button>
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() => decide('reject')}
        >
          Reject
        </Button>
      </Box>
      {error !== undefined && (
        <Box mt={1}>
          <WriteErrorAlert error={error} recordName="change" />
        </Box>
      )}
    </Box>
  );
}
