import type { FormEventHandler, ReactNode } from 'react';
import type { VersionedRecord } from './RecordKind';
import { RecordFormDialog } from './RecordFormDialog';
import type { VersionedWrite } from './useVersionedWrite';

/** Props of {@link RecordEditDialog}. */
export interface RecordEditDialogProps<T extends VersionedRecord> {
  /** The write the practice's submit makes (`write.patch(...)`). */
  write: VersionedWrite<T>;
  /** Runs when the dialog is cancelled, before it closes (e.g. to reset the form). */
  onCancel?: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  titleId: string;
  /** Default `Edit <id>`. */
  title?: ReactNode;
  intro?: ReactNode;
  maxWidth?: 'sm' | 'md' | 'lg';
  /** Default `Save`. */
  submitLabel?: ReactNode;
  /** The form is validating or submitting. */
  busy?: boolean;
  /** The practice's fields. */
  children: ReactNode;
}

/**
 * Edits a record at the version the dialog was opened at: the shared shell around the
 * practice's fields, with the write's error and the 412 reload. Cancel clears the error.
 */
export function RecordEditDialog<T extends VersionedRecord>(
  props: RecordEditDialogProps<T>,
) {
  const { write } = props;
  return (
    <RecordFormDialog
      open={write.open}
      onClose={() => {
        props.onCancel?.();
        write.close();
      }}
      onSubmit={props.onSubmit}
      titleId={props.titleId}
      title={props.title ?? `Edit ${write.base.id}`}
      intro={props.intro}
      maxWidth={props.maxWidth ?? 'md'}
      error={write.error}
      noun={write.noun}
      onReload={write.reload}
      busy={Boolean(props.busy) || write.busy}
      submitLabel={props.submitLabel ?? 'Save'}
    >
      {props.children}
    </RecordFormDialog>
  );
}
