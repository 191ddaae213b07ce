import type { FormEventHandler, ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { WriteErrorAlert } from '../components/shared/WriteErrorAlert';

/** Props of {@link RecordFormDialog}. */
export interface RecordFormDialogProps {
  open: boolean;
  onClose: () => void;
  /** The form's submit (e.g. react-hook-form's `handleSubmit(...)`). */
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The title's element id, which names the dialog. */
  titleId: string;
  title: ReactNode;
  /** A line under the title. */
  intro?: ReactNode;
  maxWidth?: 'sm' | 'md' | 'lg';
  /** The failed write, shown above the buttons. */
  error?: unknown;
  /** What a 412 calls the record (`incident`, `change`, ...). */
  noun?: string;
  /** Reloads the record; offered on a 412. */
  onReload?: () => void;
  /** Disables the submit button while a write is under way. */
  busy: boolean;
  submitLabel: ReactNode;
  cancelLabel?: string;
  children?: ReactNode;
}

/**
 * The shell every record form shares: a dialog named by its title, the practice's fields,
 * the failed write with "Reload" on a 412, and Cancel/Submit.
 */
export function RecordFormDialog(props: RecordFormDialogProps) {
  const { open, onClose, titleId } = props;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth={props.maxWidth ?? 'sm'}
      aria-labelledby={titleId}
    >
      <form onSubmit={props.onSubmit} noValidate>
        <DialogTitle id={titleId}>{props.title}</DialogTitle>
        <DialogContent>
          {props.intro && <DialogContentText>{props.intro}</DialogContentText>}
          {props.children}
          <WriteErrorAlert
            error={props.error}
            recordName={props.noun}
            onReload={props.onReload}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{props.cancelLabel ?? 'Cancel'}</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={props.busy}
          >
            {props.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
