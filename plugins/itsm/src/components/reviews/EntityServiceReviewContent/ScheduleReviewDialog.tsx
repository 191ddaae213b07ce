import { useState, type FormEvent } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import type { ServiceReview } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { RecordFormDialog } from '../../../records';
import { DateTimeField } from '../../shared/forms';

/**
 * Schedules a review of the service by hand (the scheduling job does so from the SLA's
 * review cadence): when, and optionally a title. The server takes the SLA, the period since
 * the last review and the default agenda; it refuses a service without an SLA and callers
 * who may not manage its reviews.
 */
export function ScheduleReviewDialog(props: {
  entityRef: string;
  open: boolean;
  onClose: () => void;
  onScheduled: (review: ServiceReview) => void;
}) {
  const itsmApi = useApi(itsmApiRef);
  const [scheduledFor, setScheduledFor] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [missing, setMissing] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const close = () => {
    setError(undefined);
    setMissing(undefined);
    props.onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!scheduledFor) {
      setMissing('When is the review?');
      return;
    }
    setMissing(undefined);
    setError(undefined);
    setBusy(true);
    try {
      const review = await itsmApi.createReview({
        entityRef: props.entityRef,
        scheduledFor,
        ...(title.trim() ? { title: title.trim() } : {}),
      });
      setTitle('');
      setScheduledFor(null);
      props.onScheduled(review);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <RecordFormDialog
      open={props.open}
      onClose={close}
      onSubmit={submit}
      titleId="itsm-schedule-review-title"
      title="Schedule review"
      intro="The review looks back on the period since the last one and starts from the default agenda."
      error={error}
      noun="review"
      busy={busy}
      submitLabel="Schedule"
    >
      <DateTimeField
        id="itsm-schedule-review-date"
        label="Scheduled for"
        required
        value={scheduledFor}
        onChange={setScheduledFor}
        error={missing}
      />
      <TextField
        id="itsm-schedule-review-title-field"
        label="Title"
        value={title}
        onChange={e => setTitle(e.target.value)}
        helperText="Optional: by default the service and the period"
        inputProps={{ maxLength: 200 }}
        margin="dense"
        fullWidth
      />
    </RecordFormDialog>
  );
}
