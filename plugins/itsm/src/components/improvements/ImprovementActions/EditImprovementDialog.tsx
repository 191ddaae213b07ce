import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { Improvement } from '@backstage-itsm/plugin-itsm-common';
import {
  RecordEditDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import { ImprovementFields } from '../ImprovementForm/ImprovementFields';
import {
  isKpiEditable,
  patchResolver,
  toPatchRequest,
  valuesOfImprovement,
  type ImprovementFormValues,
} from '../ImprovementForm/improvementForm';
import { improvementKind, kpiSentence } from '../record/improvementKind';

/**
 * Edits an item: what it is, the services, owner, target date, priority inputs, the
 * corrective-action record and — until it is approved — its KPI. Sends only what changed
 * with the version the page last read as `If-Match`.
 */
export function EditImprovementDialog(props: RecordDialogProps<Improvement>) {
  const write = useVersionedWrite(improvementKind, props);
  const item = write.base;
  const kpiEditable = isKpiEditable(item);
  const {
    control,
    handleSubmit,
    reset,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<ImprovementFormValues>({
    resolver: patchResolver(item),
    defaultValues: valuesOfImprovement(item),
  });

  useEffect(() => {
    reset(valuesOfImprovement(item));
  }, [item, reset]);

  const submit = handleSubmit(values => {
    const patch = toPatchRequest(item, values);
    return Object.keys(patch).length ? write.patch(patch) : write.close();
  });

  return (
    <RecordEditDialog
      write={write}
      onSubmit={submit}
      titleId="itsm-edit-improvement-title"
      busy={isSubmitting}
      onCancel={() => reset(valuesOfImprovement(item))}
    >
      <Grid container spacing={2}>
        <ImprovementFields
          control={control}
          errors={errors}
          setValue={setValue}
          idPrefix="itsm-edit-improvement"
          kpiEditable={kpiEditable}
          withEffectivenessReview
        />
        {!kpiEditable && item.kpi && (
          <Grid item xs={12}>
            <Typography variant="body2">
              {kpiSentence(item.kpi, item.entityRefs)}
            </Typography>
          </Grid>
        )}
      </Grid>
    </RecordEditDialog>
  );
}
