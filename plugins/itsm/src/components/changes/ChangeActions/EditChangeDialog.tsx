import { useEffect, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import {
  changePatchSchema,
  type Change,
  type ChangePatchRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { useWriteBase } from '../../../hooks/useWriteBase';
import { formErrorMap } from '../../shared/forms';
import { ChangeFields, type ChangeFieldValues } from '../RequestChange';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';

const EDITED = [
  'title',
  'justification',
  'entityRefs',
  'plannedStart',
  'plannedEnd',
  'implementationPlan',
  'backoutPlan',
  'testPlan',
] as const;

const PLAN_TEXTS = ['implementationPlan', 'backoutPlan', 'testPlan'] as const;

function valuesOf(change: Change): ChangeFieldValues {
  return {
    title: change.title,
    justification: change.justification,
    entityRefs: change.entityRefs,
    plannedStart: change.plannedStart,
    plannedEnd: change.plannedEnd,
    implementationPlan: change.implementationPlan ?? '',
    backoutPlan: change.backoutPlan ?? '',
    testPlan: change.testPlan ?? '',
  };
}

/** Only what changed, empty plans as null: a PATCH names the fields it edits. */
export function changedChangeFields(
  change: Change,
  values: ChangeFieldValues,
): ChangePatchRequest {
  const before = valuesOf(change);
  const patch: Record<string, unknown> = {};
  for (const field of EDITED) {
    if (JSON.stringify(values[field]) !== JSON.stringify(before[field])) {
      const plan = (PLAN_TEXTS as readonly string[]).includes(field);
      patch[field] =
        plan && !String(values[field]).trim() ? null : values[field];
    }
  }
  return patch as ChangePatchRequest;
}

/**
 * Edits title, justification, entities, window and plans; sends only what changed with the
 * version the page last read as `If-Match`. A plan edit raises the plan revision, so votes
 * already given stop counting: the dialog says so while the change is in authorization.
 */
export function EditChangeDialog(props: {
  change: Change;
  open: boolean;
  onClose: () => void;
  onDone: (change: Change) => void;
  onReload: () => void;
}) {
  const { open, onClose, onDone, onReload } = props;
  const itsmApi = useApi(itsmApiRef);
  const { base: change, rebase } = useWriteBase(props.change, open);
  const [serverError, setServerError] = useState<unknown>();
  const resolver: Resolver<ChangeFieldValues> = async (
    values,
    context,
    options,
  ) => {
    const check = await zodResolver(changePatchSchema, { error: formErrorMap })(
      changedChangeFields(change, values),
      context,
      options as never,
    );
    return Object.keys(check.errors).length
      ? { values: {}, errors: check.errors }
      : { values, errors: {} };
  };
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ChangeFieldValues>({ resolver, defaultValues: valuesOf(change) });

  useEffect(() => {
    reset(valuesOf(change));
  }, [change, reset]);

  const close = () => {
    setServerError(undefined);
    onClose();
  };

  const submit = handleSubmit(async values => {
    setServerError(undefined);
    const patch = changedChangeFields(change, values);
    if (Object.keys(patch).length === 0) {
      close();
      return;
    }
    try {
      onDone(
        await itsmApi.patchChange({
          id: change.id,
          version: change.version,
          patch,
        }),
      );
    } catch (e) {
      setServerError(e);
    }
  });

  return (
    <Dialog
      open={open}
      onClose={close}
      fullWidth
      maxWidth="md"
      aria-labelledby="itsm-edit-change-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="itsm-edit-change-title">Edit {change.id}</DialogTitle>
        <DialogContent>
          {change.status === 'authorization' && (
            <DialogContentText>
              Changing the plan, window or entities asks every approver again:
              votes on plan revision {change.planRevision} stop counting.
            </DialogContentText>
          )}
          <ChangeFields control={control} errors={errors} />
          {serverError !== undefined && (
            <WriteErrorAlert
              error={serverError}
              recordName="change"
              onReload={() => {
                setServerError(undefined);
                rebase();
                onReload();
              }}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={isSubmitting}
          >
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
