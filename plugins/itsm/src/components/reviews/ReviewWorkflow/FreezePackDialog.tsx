import { useState, type FormEvent } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import type { ServiceReview } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import {
  RecordFormDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import { reviewKind } from '../record/reviewKind';

/**
 * Freezes the review's pack: generated now from live records and kept with its content hash
 * and the generator version, at the version the page last read (`If-Match`). Freezing again
 * replaces the pack until the review is held; the history keeps both hashes.
 */
export function FreezePackDialog(props: RecordDialogProps<ServiceReview>) {
  const itsmApi = useApi(itsmApiRef);
  const write = useVersionedWrite(reviewKind, props);
  const [comment, setComment] = useState('');
  const again = Boolean(write.base.packFrozenAt);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await write.run(target =>
      itsmApi.freezeReviewPack({
        ...target,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    );
  };

  return (
    <RecordFormDialog
      open={write.open}
      onClose={() => {
        setComment('');
        write.close();
      }}
      onSubmit={submit}
      titleId="itsm-freeze-pack-title"
      title={`${again ? 'Freeze the pack again' : 'Freeze the pack'}: ${
        write.base.id
      }`}
      intro={
        again
          ? 'The pack is generated again from the live records and replaces the frozen one; the history keeps both hashes.'
          : 'The pack is generated now from the live records of the period and kept with the review, with its content hash and the generator version: what the review discusses stays as it was.'
      }
      error={write.error}
      noun={write.noun}
      onReload={write.reload}
      busy={write.busy}
      submitLabel={again ? 'Freeze again' : 'Freeze'}
    >
      <TextField
        id="itsm-freeze-pack-comment"
        label="Comment"
        value={comment}
        onChange={e => setComment(e.target.value)}
        inputProps={{ maxLength: 2000 }}
        margin="dense"
        fullWidth
      />
    </RecordFormDialog>
  );
}
