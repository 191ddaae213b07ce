import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { itsmApiRef, type RecordCollection } from '../api';
import {
  recordMethods,
  type RecordKind,
  type VersionedRecord,
  type WriteTarget,
} from './RecordKind';

/**
 * The version a form edits, fixed when the form opens. Live updates of the page do not move
 * it, so a write made against a version someone else has replaced answers 412 instead of
 * silently overwriting their change. After a 412, `rebase()` asks for the next loaded
 * version to become the base.
 */
function useWriteBase<T extends VersionedRecord>(record: T, open: boolean) {
  const [base, setBase] = useState(record);
  const [rebasing, setRebasing] = useState(false);
  const latest = useRef(record);
  latest.current = record;

  useEffect(() => {
    if (open) {
      setBase(latest.current);
      setRebasing(false);
    }
  }, [open]);

  useEffect(() => {
    if (rebasing && record.version !== base.version) {
      setBase(record);
      setRebasing(false);
    }
  }, [rebasing, record, base]);

  return { base, rebase: useCallback(() => setRebasing(true), []) };
}

/** What a record dialog is given (see `RecordActions`). */
export interface RecordDialogProps<T extends VersionedRecord> {
  record: T;
  open: boolean;
  onClose: () => void;
  /** Receives the record the server answered with. */
  onDone: (record: T) => void;
  /** Reloads the page's record after a 412. */
  onReload: () => void;
}

/**
 * The write of a record dialog, made against the version the dialog was opened at (sent as
 * `If-Match`): `patch` and `transition` send it through the kind's methods and hand the
 * answer to `onDone`; a failure stays in `error`. `reload` (the action of a 412) clears the
 * error, reloads the page's record and takes the reloaded version as the new base.
 */
export function useVersionedWrite<
  T extends VersionedRecord,
  TPatch = unknown,
  TTransition = unknown,
>(
  kind: RecordKind<T, TPatch, TTransition>,
  dialog: RecordDialogProps<T>,
): VersionedWrite<T, TPatch, TTransition> {
  const { open, onClose, onDone, onReload } = dialog;
  const itsmApi = useApi(itsmApiRef);
  const { base, rebase } = useWriteBase(dialog.record, open);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const target: WriteTarget = { id: base.id, version: base.version };

  const run = async (write: (target: WriteTarget) => Promise<T>) => {
    setError(undefined);
    setBusy(true);
    try {
      const next = await write(target);
      onDone(next);
      return next;
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const methods = recordMethods(kind);
  return {
    base,
    open,
    error,
    busy,
    run,
    patch: patch => run(t => methods.patch(itsmApi, { ...t, patch })),
    transition: transition =>
      run(t => methods.transition(itsmApi, { ...t, transition })),
    close: () => {
      setError(undefined);
      onClose();
    },
    reload: () => {
      setError(undefined);
      rebase();
      onReload();
    },
    noun: kind.noun,
    collection: kind.collection,
  };
}

/** What {@link useVersionedWrite} returns. */
export interface VersionedWrite<
  T extends VersionedRecord = VersionedRecord,
  TPatch = any,
  TTransition = any,
> {
  /** The record as the dialog was opened (or reloaded after a 412). */
  base: T;
  open: boolean;
  /** The last failed write, until the next one or `close`. */
  error: unknown;
  /** A write is under way. */
  busy: boolean;
  /** Runs any write of the record against the base's id and version. */
  run(write: (target: WriteTarget) => Promise<T>): Promise<T | undefined>;
  patch(patch: TPatch): Promise<T | undefined>;
  transition(transition: TTransition): Promise<T | undefined>;
  /** Clears the error and closes the dialog. */
  close(): void;
  /** The action of a 412: clear the error, reload the record, rebase on it. */
  reload(): void;
  /** What the 412 message calls the record. */
  noun: string;
  collection: RecordCollection;
}
