import { useState, type FormEvent } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { ServiceReview } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { RecordFormDialog } from '../../../records';
import {
  WriteErrorAlert,
  serverMessageOf,
  statusCodeOf,
} from '../../shared/WriteErrorAlert';
import { When } from './ReviewSummary';

/**
 * A refused sign-off in plain words: a 403 says that only the SLA's customers sign off (the
 * server names the groups); anything else as the server said it.
 */
export function SignOffError(props: { error: unknown }) {
  const { error } = props;
  if (!error) return null;
  if (statusCodeOf(error) === 403) {
    return (
      <Alert severity="error" role="alert">
        You cannot sign this review off: only a member of the SLA&apos;s
        customer groups can. {serverMessageOf(error)}
      </Alert>
    );
  }
  return <WriteErrorAlert error={error} recordName="review" />;
}

/**
 * The customer's sign-off: who signed and when, or, once the review was held, "Sign off"
 * for anyone (the server accepts only a member of the SLA's customer groups and answers
 * 403 to the others, which the dialog says in words). No `If-Match`, like an approval.
 */
export function SignOffCard(props: {
  review: ServiceReview;
  onChange: (review: ServiceReview) => void;
}) {
  const { review } = props;
  const itsmApi = useApi(itsmApiRef);
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const close = () => {
    setOpen(false);
    setError(undefined);
    setComment('');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const next = await itsmApi.signOffReview({
        id: review.id,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      close();
      props.onChange(next);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (review.signedOffAt && review.signedOffBy) {
    body = (
      <>
        <Typography variant="body2" role="status">
          Signed off by{' '}
          <EntityRefLink entityRef={review.signedOffBy} hideIcon /> on{' '}
          <When iso={review.signedOffAt} />
        </Typography>
        {review.signOffComment && (
          <Typography variant="body2" color="textSecondary">
            “{review.signOffComment}”
          </Typography>
        )}
      </>
    );
  } else if (review.status === 'held') {
    body = (
      <>
        <Typography variant="body2" paragraph>
          A member of the SLA&apos;s customer groups signs the review off; the
          service owner closes it afterwards.
        </Typography>
        <Button
          variant="contained"
          color="primary"
          onClick={() => setOpen(true)}
        >
          Sign off
        </Button>
      </>
    );
  } else if (review.status === 'cancelled') {
    body = <Typography variant="body2">The review was cancelled.</Typography>;
  } else {
    body = (
      <Typography variant="body2" color="textSecondary">
        The customer signs the review off once it was held.
      </Typography>
    );
  }

  return (
    <InfoCard title="Customer sign-off">
      <Box>{body}</Box>
      <RecordFormDialog
        open={open}
        onClose={close}
        onSubmit={submit}
        titleId="itsm-review-sign-off-title"
        title={`Sign off ${review.id}`}
        intro="You confirm, for the customer, that the review took place as minuted and agree with its decisions and actions."
        busy={busy}
        submitLabel="Sign off"
      >
        <TextField
          id="itsm-review-sign-off-comment"
          label="Comment"
          value={comment}
          onChange={e => setComment(e.target.value)}
          inputProps={{ maxLength: 2000 }}
          margin="dense"
          fullWidth
        />
        <SignOffError error={error} />
      </RecordFormDialog>
    </InfoCard>
  );
}
