import { useEffect, useState } from 'react';
import { Controller, useForm, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  incidentPatchSchema,
  type Incident,
  type IncidentPatchRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { useWriteBase } from '../../../hooks/useWriteBase';
import { EntityRefPicker } from '../../shared/EntityRefPicker';
import { ChangePicker } from '../../changes/ChangePicker';
import {
  IncidentCoreFields,
  emptyToNull,
  formErrorMap,
  type IncidentCoreValues,
} from '../../shared/forms';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';

/** The fields this dialog edits. */
const EDITED = [
  'title',
  'description',
  'impact',
  'urgency',
  'assignee',
  'assignmentGroup',
  'category',
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

/** Props of {@link EditIncidentDialog}. */
export interface EditIncidentDialogProps {
  incident: Incident;
  open: boolean;
  onClose: () => void;
  onDone: (incident: Incident) => void;
  onReload: () => void;
}

/**
 * Edits title, description, impact, urgency, assignee, assignment group, category, the
 * major flag and the change that caused it; sends only what changed (a cleared change as
 * `null`), with the version the page last read as `If-Match`.
 */
export function EditIncidentDialog(props: EditIncidentDialogProps) {
  const { open, onClose, onDone, onReload } = props;
  const itsmApi = useApi(itsmApiRef);
  const { base: incident, rebase } = useWriteBase(props.incident, open);
  const [serverError, setServerError] = useState<unknown>();
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<IncidentPatchRequest, unknown, EditOutput>({
    resolver: zodResolver(incidentPatchSchema, { error: formErrorMap }),
    defaultValues: valuesOf(incident),
  });

  // The form starts from its base: the incident when opened, or as reloaded after a 412.
  useEffect(() => {
    reset(valuesOf(incident));
  }, [incident, reset]);

  const close = () => {
    setServerError(undefined);
    reset(valuesOf(incident));
    onClose();
  };

  const submit = handleSubmit(async values => {
    setServerError(undefined);
    const patch = changedFields(incident, values);
    if (Object.keys(patch).length === 0) {
      close();
      return;
    }
    try {
      const next = await itsmApi.patchIncident({
        id: incident.id,
        version: incident.version,
        patch,
      });
      onDone(next);
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
      aria-labelledby="itsm-edit-incident-title"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="itsm-edit-incident-title">
          Edit {incident.id}
        </DialogTitle>
        <DialogContent>
          <Grid container spacing={2}>
            <IncidentCoreFields
              control={control as unknown as Control<IncidentCoreValues>}
              errors={errors}
              idPrefix="itsm-edit"
              descriptionHint="Markdown"
            />
            <Grid item xs={12} sm={6}>
              <Controller
                control={control}
                name="assignee"
                render={({ field }) => (
                  <EntityRefPicker
                    id="itsm-edit-assignee"
                    label="Assignee"
                    kinds={['User']}
                    value={field.value ?? null}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    error={Boolean(errors.assignee)}
                    helperText={
                      errors.assignee?.message ?? 'e.g. user:default/alice'
                    }
                  />
                )}
              />
            </Grid>
            <Grid item xs={12} sm={6}>
              <Controller
                control={control}
                name="assignmentGroup"
                render={({ field }) => (
                  <EntityRefPicker
                    id="itsm-edit-assignment-group"
                    label="Assignment group"
                    kinds={['Group']}
                    value={field.value ?? null}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    error={Boolean(errors.assignmentGroup)}
                    helperText={
                      errors.assignmentGroup?.message ??
                      'e.g. group:default/payments-oncall'
                    }
                  />
                )}
              />
            </Grid>
            <Grid item xs={12} sm={6}>
              <Controller
                control={control}
                name="category"
                render={({ field }) => (
                  <TextField
                    id="itsm-edit-category"
                    label="Category"
                    value={field.value ?? ''}
                    onChange={e => field.onChange(emptyToNull(e.target.value))}
                    onBlur={field.onBlur}
                    error={Boolean(errors.category)}
                    helperText={errors.category?.message}
                    margin="dense"
                    fullWidth
                  />
                )}
              />
            </Grid>
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
              <Controller
                control={control}
                name="causedByChangeId"
                render={({ field }) => (
                  <ChangePicker
                    id="itsm-edit-caused-by-change"
                    label="Caused by change"
                    entityRefs={[
                      incident.entityRef,
                      ...incident.affectedEntityRefs,
                    ]}
                    value={field.value ?? null}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    error={Boolean(errors.causedByChangeId)}
                    helperText={
                      errors.causedByChangeId?.message ??
                      'A recent change on these services, or CHG-n'
                    }
                  />
                )}
              />
            </Grid>
            {serverError !== undefined && (
              <Grid item xs={12}>
                <WriteErrorAlert
                  error={serverError}
                  onReload={() => {
                    setServerError(undefined);
                    rebase();
                    onReload();
                  }}
                />
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
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
