import { useState } from 'react';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import type { z } from 'zod';
import { zodResolver } from '@hookform/resolvers/zod';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  incidentCreateSchema,
  type Incident,
  type IncidentCreateRequest,
  type KnownErrorMatch,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { EntityRefsPicker } from '../../shared/EntityRefPicker';
import {
  IncidentCoreFields,
  formErrorMap,
  type IncidentCoreValues,
} from '../../shared/forms';
import { RecordFormDialog } from '../../../records';
import {
  KnownErrorOfferField,
  useKnownErrorOffer,
} from '../../problems/KnownErrorSuggestions';
import {
  CategoryFields,
  CausedByChangeField,
  type IncidentCategoryValues,
  type IncidentCauseValues,
} from '../IncidentFields';

type ReportValues = z.output<typeof incidentCreateSchema>;

const CONFIGURATION_ITEM_KINDS = ['Component', 'Resource', 'System', 'API'];

/** Props of {@link ReportIncidentDialog}. */
export interface ReportIncidentDialogProps {
  open: boolean;
  /** The service the incident is raised on (read-only in the form). */
  entityRef: string;
  onClose: () => void;
  /** With the known error whose workaround the reporter chose, if any. */
  onCreated: (incident: Incident, applied?: KnownErrorMatch) => void;
}

/**
 * Raises an incident on a service: title, Markdown description, impact and urgency in
 * words with the expected priority shown live, affected entities, category and subcategory
 * from the portal's taxonomy, and optionally the change that caused it.
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
      subcategory: null,
      causedByChangeId: null,
    },
  });

  const affected = useWatch({ control, name: 'affectedEntityRefs' });
  // Known errors matching what is typed are offered with their workarounds.
  const [title, description, category] = useWatch({
    control,
    name: ['title', 'description', 'category'],
  });
  const offer = useKnownErrorOffer();

  const close = () => {
    reset();
    offer.reset();
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
        ...(values.subcategory ? { subcategory: values.subcategory } : {}),
        ...(values.causedByChangeId
          ? { causedByChangeId: values.causedByChangeId }
          : {}),
      });
      // The incident exists: a failure to count the offer does not undo the report.
      await offer.record(incident.id);
      const applied = offer.chosen;
      reset();
      offer.reset();
      onCreated(incident, applied);
    } catch (e) {
      setServerError(e);
    }
  });

  return (
    <RecordFormDialog
      open={open}
      onClose={close}
      onSubmit={submit}
      titleId="itsm-report-incident-title"
      title="Report incident"
      maxWidth="md"
      error={serverError}
      busy={isSubmitting}
      submitLabel={isSubmitting ? 'Reporting…' : 'Report incident'}
    >
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
        <Grid item xs={12}>
          <KnownErrorOfferField
            offer={offer}
            entityRef={entityRef}
            text={`${title ?? ''}\n${description ?? ''}`}
            category={category}
          />
        </Grid>
        <Grid item xs={12}>
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
        <CategoryFields
          control={control as unknown as Control<IncidentCategoryValues>}
          errors={errors}
          idPrefix="itsm-report"
        />
        <Grid item xs={12}>
          <CausedByChangeField
            control={control as unknown as Control<IncidentCauseValues>}
            errors={errors}
            idPrefix="itsm-report"
            entityRefs={[entityRef, ...(affected ?? [])]}
            hint="Optional: a recent change that may have caused it"
          />
        </Grid>
      </Grid>
    </RecordFormDialog>
  );
}
