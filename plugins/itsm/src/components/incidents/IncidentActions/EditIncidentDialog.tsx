import { useEffect } from 'react';
import { Controller, useForm, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import {
  incidentPatchSchema,
  type Incident,
  type IncidentPatchRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { EntityRefPicker } from '../../shared/EntityRefPicker';
import {
  IncidentCoreFields,
  formErrorMap,
  type IncidentCoreValues,
} from '../../shared/forms';
import {
  RecordEditDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import {
  CategoryFields,
  CausedByChangeField,
  type IncidentCategoryValues,
  type IncidentCauseValues,
} from '../IncidentFields';
import { incidentKind } from '../record/incidentKind';

/** The fields this dialog edits. */
const EDITED = [
  'title',
  'description',
  'impact',
  'urgency',
  'assignee',
  'assignmentGroup',
  'category',
  'subcategory',
  'major',
  'causedByChangeId',
] as const;

type EditValues = Pick<Required<IncidentPatchRequest>, (typeof EDITED)[number]>;
type EditOutput = z.output<typeof incidentPatchSchema>;

function valuesOf(incident: Incident): EditValues {
  return {
    title: incident.title,
    description: incident.description,
    impact: incident.impact,
    urgency: incident.urgency,
    assignee: incident.assignee,
    assignmentGroup: incident.assignmentGroup,
    category: incident.category,
    subcategory: incident.subcategory,
    major: incident.major,
    causedByChangeId: incident.causedByChangeId,
  };
}

/** Only what changed: a PATCH names the fields it edits. */
export function changedFields(
  incident: Incident,
  values: EditOutput,
): IncidentPatchRequest {
  const before = valuesOf(incident);
  const patch: Record<string, unknown> = {};
  for (const field of EDITED) {
    const value = values[field];
    if (value !== undefined && value !== before[field]) {
      patch[field] = value;
    }
  }
  return patch as IncidentPatchRequest;
}

/** Who works on the incident: a user and a group, each picked from the catalog. */
const ASSIGNMENT_FIELDS = [
  {
    name: 'assignee',
    id: 'itsm-edit-assignee',
    label: 'Assignee',
    kind: 'User',
    hint: 'e.g. user:default/alice',
  },
  {
    name: 'assignmentGroup',
    id: 'itsm-edit-assignment-group',
    label: 'Assignment group',
    kind: 'Group',
    hint: 'e.g. group:default/payments-oncall',
  },
] as const;

/** Props of {@link EditIncidentDialog}. */
export type EditIncidentDialogProps = RecordDialogProps<Incident>;

/**
 * Edits title, description, impact, urgency, assignee, assignment group, category and
 * subcategory (from the taxonomy), the major flag and the change that caused it; sends only what changed (a cleared change as
 * `null`), with the version the page last read as `If-Match`.
 */
export function EditIncidentDialog(props: EditIncidentDialogProps) {
  const write = useVersionedWrite(incidentKind, props);
  const incident = write.base;
  const form = useForm<IncidentPatchRequest, unknown, EditOutput>({
    resolver: zodResolver(incidentPatchSchema, { error: formErrorMap }),
    defaultValues: valuesOf(incident),
  });
  const { control, reset } = form;
  const { errors } = form.formState;

  // The form starts from its base: the incident when opened, or as reloaded after a 412.
  useEffect(() => {
    reset(valuesOf(incident));
  }, [incident, reset]);

  // Nothing changed: nothing to send.
  const submit = form.handleSubmit(values => {
    const patch = changedFields(incident, values);
    return Object.keys(patch).length ? write.patch(patch) : write.close();
  });

  return (
    <RecordEditDialog
      write={write}
      onSubmit={submit}
      onCancel={() => reset(valuesOf(incident))}
      titleId="itsm-edit-incident-title"
      busy={form.formState.isSubmitting}
    >
      <Grid container spacing={2}>
        <IncidentCoreFields
          control={control as unknown as Control<IncidentCoreValues>}
          errors={errors}
          idPrefix="itsm-edit"
          descriptionHint="Markdown"
        />
        {ASSIGNMENT_FIELDS.map(ref => (
          <Grid item xs={12} sm={6} key={ref.name}>
            <Controller
              control={control}
              name={ref.name}
              render={({ field }) => (
                <EntityRefPicker
                  id={ref.id}
                  label={ref.label}
                  kinds={[ref.kind]}
                  value={field.value ?? null}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={Boolean(errors[ref.name])}
                  helperText={errors[ref.name]?.message ?? ref.hint}
                />
              )}
            />
          </Grid>
        ))}
        <CategoryFields
          control={control as unknown as Control<IncidentCategoryValues>}
          errors={errors}
          idPrefix="itsm-edit"
        />
        <Grid item xs={12} sm={6}>
          <Controller
            control={control}
            name="major"
            render={({ field }) => (
              <FormControlLabel
                control={
                  <Checkbox
                    checked={Boolean(field.value)}
                    onChange={(_, checked) => field.onChange(checked)}
                  />
                }
                label="Major incident"
              />
            )}
          />
        </Grid>
        <Grid item xs={12} sm={6}>
          <CausedByChangeField
            control={control as unknown as Control<IncidentCauseValues>}
            errors={errors}
            idPrefix="itsm-edit"
            entityRefs={[incident.entityRef, ...incident.affectedEntityRefs]}
            hint="A recent change on these services, or CHG-n"
          />
        </Grid>
      </Grid>
    </RecordEditDialog>
  );
}
