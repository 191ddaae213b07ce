import { useForm } from 'react-hook-form';
import type {
  KnownError,
  KnownErrorStatus,
} from '@backstage-itsm/plugin-itsm-common';
import {
  RecordActions,
  RecordTransitionDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import { TextAreaField } from '../../shared/forms';
import { humanizeCode } from '../../shared/format';
import { EditKnownErrorDialog } from '../KnownErrorForm';
import { knownErrorKind } from '../record/problemKinds';

const label = (to: KnownErrorStatus) =>
  to === 'retired' ? 'Retire' : 'Make active';

/** Retires a known error (it is no longer offered) or makes it active again, with a comment. */
function KnownErrorTransitionDialog(
  props: RecordDialogProps<KnownError> & { to: KnownErrorStatus },
) {
  const { to } = props;
  const write = useVersionedWrite(knownErrorKind, props);
  const { control, handleSubmit, formState } = useForm<{ comment: string }>({
    defaultValues: { comment: '' },
  });
  const submit = handleSubmit(values =>
    write.transition({
      to,
      ...(values.comment.trim() ? { comment: values.comment.trim() } : {}),
    }),
  );
  return (
    <RecordTransitionDialog
      write={write}
      onSubmit={submit}
      label={label(to)}
      to={to}
      formatStatus={humanizeCode}
      busy={formState.isSubmitting}
    >
      <TextAreaField
        control={control}
        name="comment"
        id="itsm-known-error-transition-comment"
        label={to === 'retired' ? 'Why is it retired?' : 'Comment'}
        hint={
          to === 'retired'
            ? 'A retired known error is no longer offered on new incidents'
            : undefined
        }
      />
    </RecordTransitionDialog>
  );
}

/** "Retire" or "Make active", and "Edit". */
export function KnownErrorActions(props: {
  knownError: KnownError;
  onChange: (knownError: KnownError) => void;
  onReload: () => void;
}) {
  const { knownError } = props;
  const to: KnownErrorStatus =
    knownError.status === 'active' ? 'retired' : 'active';
  return (
    <RecordActions
      kind={knownErrorKind}
      record={knownError}
      moves={[{ to, label: label(to) }]}
      editable
      onChange={props.onChange}
      onReload={props.onReload}
      TransitionDialog={KnownErrorTransitionDialog}
      EditDialog={EditKnownErrorDialog}
    />
  );
}
