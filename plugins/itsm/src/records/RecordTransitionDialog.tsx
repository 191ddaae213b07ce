import type { FormEventHandler, ReactNode } from 'react';
import type { VersionedRecord } from './RecordKind';
import { RecordFormDialog } from './RecordFormDialog';
import type { VersionedWrite } from './useVersionedWrite';

/** Props of {@link RecordTransitionDialog}. */
export interface RecordTransitionDialogProps<
  T extends VersionedRecord & { status: string },
> {
  /** The write the practice's submit makes (`write.transition(...)`). */
  write: VersionedWrite<T>;
  /** Runs when the dialog is cancelled, before it closes (e.g. to reset the form). */
  onCancel?: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The move's words, e.g. `Put on hold`: the title and the submit button. */
  label: string;
  /** The status the move goes to. */
  to: string;
  /** A status in words. */
  formatStatus: (status: any) => string;
  busy?: boolean;
  /** What the move asks for. */
  children?: ReactNode;
}

/**
 * Moves a record to another status: `<label>: <id>`, `from → to` in words, the fields the move
 * asks for, the write's error with the 412 reload, and Back/`<label>`.
 */
export function RecordTransitionDialog<
  T extends VersionedRecord & { status: string },
>(props: RecordTransitionDialogProps<T>) {
  const { write } = props;
  return (
    <RecordFormDialog
      open={write.open}
      onClose={() => {
        props.onCancel?.();
        write.close();
      }}
      onSubmit={props.onSubmit}
      titleId={`itsm-${write.collection}-transition-${props.to}-title`}
      title={`${props.label}: ${write.base.id}`}
      intro={`${props.formatStatus(write.base.status)} → ${props.formatStatus(
        props.to,
      )}`}
      error={write.error}
      noun={write.noun}
      onReload={write.reload}
      busy={Boolean(props.busy) || write.busy}
      submitLabel={props.label}
      cancelLabel="Back"
    >
      {props.children}
    </RecordFormDialog>
  );
}
