import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { isStaleVersion, serverMessageOf, statusCodeOf } from './errors';

/**
 * A failed write, inline where it was made. A stale version (412) offers to reload the
 * record; a lifecycle conflict (409) and a rejected field (400) show the server's words.
 */
export function WriteErrorAlert(props: {
  error: unknown;
  /** Reloads the record; shown as the action of a 412. */
  onReload?: () => void;
  /** What the record is called in the 412 message (default `incident`). */
  recordName?: string;
}) {
  const { error, onReload, recordName = 'incident' } = props;
  if (!error) {
    return null;
  }
  if (isStaleVersion(error)) {
    return (
      <Alert
        severity="warning"
        role="alert"
        action={
          onReload && (
            <Button color="inherit" size="small" onClick={onReload}>
              Reload
            </Button>
          )
        }
      >
        Someone else changed this {recordName} — reload to see their change,
        then try again.
      </Alert>
    );
  }
  const status = statusCodeOf(error);
  return (
    <Alert severity="error" role="alert">
      {status === 409 ? 'Not allowed now: ' : ''}
      {serverMessageOf(error)}
    </Alert>
  );
}
