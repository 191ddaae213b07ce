import { useEffect } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  changePatchSchema,
  type Change,
  type ChangePatchRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { formErrorMap } from '../../shared/forms';
import { ChangeFields, type ChangeFieldValues } from '../RequestChange';
import {
  RecordEditDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import { changeKind } from '../record/changeKind';

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
export function EditChangeDialog(props: RecordDialogProps<Change>) {
  const write = useVersionedWrite(changeKind, props);
  const change = write.base;
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

  // Nothing changed: nothing to send.
  const submit = handleSubmit(values => {
    const patch = changedChangeFields(change, values);
    return Object.keys(patch).length ? write.patch(patch) : write.close();
  });

  return (
    <RecordEditDialog
      write={write}
      onSubmit={submit}
      titleId="itsm-edit-change-title"
      busy={isSubmitting}
      intro={
        change.status === 'authorization'
          ? `Changing the plan, window or entities asks every approver again: votes on plan revision ${change.planRevision} stop counting.`
          : undefined
      }
    >
      <ChangeFields control={control} errors={errors} />
    </RecordEditDialog>
  );
}
