import { useState, type FormEvent } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import {
  reviewActionCreateSchema,
  type ReviewAction,
  type ReviewActionCreateRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { RecordFormDialog } from '../../../records';
import { EntityRefPicker } from '../../shared/EntityRefPicker';

interface ActionValues {
  title: string;
  owner: string | null;
  dueDate: string;
  recordId: string;
}

const EMPTY: ActionValues = {
  title: '',
  owner: null,
  dueDate: '',
  recordId: '',
};

type FieldErrors = Partial<Record<keyof ActionValues, string>>;

/** The request, or the problems of each field as the -common schema (the server's) sees them. */
export function actionRequestOf(
  values: ActionValues,
): { request: ReviewActionCreateRequest } | { errors: FieldErrors } {
  const body = {
    title: values.title.trim(),
    owner: values.owner?.trim() ?? '',
    dueDate: values.dueDate,
    ...(values.recordId.trim() ? { recordId: values.recordId.trim() } : {}),
  };
  const errors: FieldErrors = {};
  if (!body.title) errors.title = 'What is to be done?';
  if (!body.owner) errors.owner = 'Who owns it?';
  if (!body.dueDate) errors.dueDate = 'By when?';
  const parsed = reviewActionCreateSchema.safeParse(body);
  if (parsed.success) {
    return { request: body };
  }
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof ActionValues;
    errors[field] ??= issue.message;
  }
  return { errors };
}

/**
 * Records an action at a review: what, who owns it (a user or a group), by when, and
 * optionally the record it is tracked in (an improvement item, a problem, a change), which
 * the review then links to.
 */
export function AddActionDialog(props: {
  reviewId: string;
  open: boolean;
  onClose: () => void;
  onAdded: (action: ReviewAction) => void;
}) {
  const itsmApi = useApi(itsmApiRef);
  const [values, setValues] = useState<ActionValues>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<ActionValues>) =>
    setValues(current => ({ ...current, ...change }));

  const close = () => {
    setValues(EMPTY);
    setErrors({});
    setError(undefined);
    props.onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = actionRequestOf(values);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setError(undefined);
    setBusy(true);
    try {
      const action = await itsmApi.createReviewAction({
        reviewId: props.reviewId,
        action: checked.request,
      });
      setValues(EMPTY);
      props.onAdded(action);
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
      titleId="itsm-add-review-action-title"
      title={`Add action to ${props.reviewId}`}
      error={error}
      noun="review"
      busy={busy}
      submitLabel="Add action"
    >
      <TextField
        id="itsm-review-action-title"
        label="Action"
        required
        value={values.title}
        onChange={e => set({ title: e.target.value })}
        error={Boolean(errors.title)}
        helperText={errors.title ?? 'What is to be done'}
        inputProps={{ maxLength: 200 }}
        margin="dense"
        fullWidth
      />
      <EntityRefPicker
        id="itsm-review-action-owner"
        label="Owner"
        kinds={['User', 'Group']}
        value={values.owner}
        onChange={owner => set({ owner })}
        error={Boolean(errors.owner)}
        helperText={errors.owner ?? 'Who sees it through: a user or a group'}
      />
      <TextField
        id="itsm-review-action-due"
        label="Due date"
        type="date"
        required
        value={values.dueDate}
        onChange={e => set({ dueDate: e.target.value })}
        error={Boolean(errors.dueDate)}
        helperText={errors.dueDate}
        InputLabelProps={{ shrink: true }}
        margin="dense"
        fullWidth
      />
      <TextField
        id="itsm-review-action-record"
        label="Tracked in"
        value={values.recordId}
        onChange={e => set({ recordId: e.target.value })}
        error={Boolean(errors.recordId)}
        helperText={
          errors.recordId ??
          'Optional: the record it becomes or is tracked in, like PRB-3 or CHG-9'
        }
        inputProps={{ maxLength: 32 }}
        margin="dense"
        fullWidth
      />
    </RecordFormDialog>
  );
}
