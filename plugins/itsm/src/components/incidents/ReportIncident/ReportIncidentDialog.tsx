import { useState } from 'react';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import type { z } from 'zod';
import { zodResolver } from '@hookform/resolvers/zod';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  incidentCreateSchema,
  type Incident,
  type IncidentCreateRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { EntityRefsPicker } from '../../shared/EntityRefPicker';
import { ChangePicker } from '../../changes/ChangePicker';
import {
  IncidentCoreFields,
  emptyToNull,
  formErrorMap,
  type IncidentCoreValues,
} from '../../shared/forms';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';

type ReportValues = z.output<typeof incidentCreateSchema>;

const CONFIGURATION_ITEM_KINDS = ['Component', 'Resource', 'System', 'API'];

/** Props of {@link ReportIncidentDialog}. */
export interface ReportIncidentDialogProps {
  open: boolean;
  /** The service the incident is raised on (read-only in the form). */
  entityRef: string;
  onClose: () => void;
  onCreated: (incident: Incident) => void;
}

/**
 * Raises an incident on a service: title, Markdown description, impact and urgency in
 * words with the expected priority shown live, affected entities, category and optionally
 * the change that caused it.
 */
export function ReportIncidentDialog(props: ReportIncidentDialogProps) {
  const { open, entityRef, onClose, onCreated } = props;
  const itsmApi = useApi(itsmApiRef);
  const [serverError, setServerError] = useState<unknown>();
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<IncidentCreateRequest, unknown, ReportValues>({
    resolver: zodResolver(incidentCreateSchema, { error: formErrorMap }),
    defaultValues: {
      title: '',
      description: '',
      entityRef,
      affectedEntityRefs: [],
      impact: 3,
      urgency: 3,
      category: null,
      causedByChangeId: null,
    },
  });

  const affected = useWatch({ control, name: 'affectedEntityRefs' });

  const close = () => {
    reset();
    setServerError(undefined);
    onClose();
  };

  const submit = handleSubmit(async values => {
    setServerError(undefined);
    try {
      const incident = await itsmApi.createIncident({
        title: values.title,
        description: values.description,
        entityRef,
        impact: values.impact,
        urgency: values.urgency,
        ...(values.affectedEntityRefs?.length
          ? { affectedEntityRefs: values.affectedEntityRefs }
          : {}),
        ...(values.category ? { category: values.category } : {}),
        ...(values.causedByChangeId
          ? { causedByChangeId: values.causedByChangeId }
          : {}),
      });
      reset();
      onCreated(incident);
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
      aria-labelledby="itsm-report-incident-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="itsm-report-incident-title">
          Report incident
        </DialogTitle>
        <DialogContent>
          <Grid container spacing={2}>
            <Grid item xs={12}>
              <TextField
                id="itsm-report-service"
                label="Service"
                value={entityRef}
                InputProps={{ readOnly: true }}
                margin="dense"
                fullWidth
              />
            </Grid>
            <IncidentCoreFields
              control={control as unknown as Control<IncidentCoreValues>}
              errors={errors}
              idPrefix="itsm-report"
              titleHint="What is broken, in one line"
              descriptionHint="Markdown: what you see, since when, who is affected"
            />
            <Grid item xs={12} sm={8}>
              <Controller
                control={control}
                name="affectedEntityRefs"
                render={({ field }) => (
                  <EntityRefsPicker
                    id="itsm-report-affected"
                    label="Also affected"
                    kinds={CONFIGURATION_ITEM_KINDS}
                    value={field.value ?? []}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    error={Boolean(errors.affectedEntityRefs)}
                    helperText={
                      errors.affectedEntityRefs
                        ? 'Each must be a full entity ref like component:default/payments'
                        : 'Other services, resources or APIs; press Enter after each'
                    }
                  />
                )}
              />
            </Grid>
            <Grid item xs={12} sm={4}>
              <Controller
                control={control}
                name="category"
                render={({ field }) => (
                  <TextField
                    id="itsm-report-category"
                    label="Category"
                    value={field.value ?? ''}
                    onChange={e => field.onChange(emptyToNull(e.target.value))}
                    onBlur={field.onBlur}
                    error={Boolean(errors.category)}
                    helperText={
                      errors.category?.message ?? 'e.g. network, database'
                    }
                    margin="dense"
                    fullWidth
                  />
                )}
              />
            </Grid>
            <Grid item xs={12} sm={8}>
              <Controller
                control={control}
                name="causedByChangeId"
                render={({ field }) => (
                  <ChangePicker
                    id="itsm-report-caused-by-change"
                    label="Caused by change"
                    entityRefs={[entityRef, ...(affected ?? [])]}
                    value={field.value ?? null}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    error={Boolean(errors.causedByChangeId)}
                    helperText={
                      errors.causedByChangeId?.message ??
                      'Optional: a recent change that may have caused it'
                    }
                  />
                )}
              />
            </Grid>
            {serverError !== undefined && (
              <Grid item xs={12}>
                <WriteErrorAlert error={serverError} />
              </Grid>
            )}
          </Grid>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={isSubmitting}
          >
            {isSubmitting ? 'Reporting…' : 'Report incident'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
