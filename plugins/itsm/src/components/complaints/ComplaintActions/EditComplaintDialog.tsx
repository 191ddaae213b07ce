import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  complaintPatchSchema,
  type Complaint,
  type ComplaintPatchRequest,
} from '@backstage-itsm/plugin-itsm-common';
import {
  RecordEditDialog,
  useVersionedWrite,
  type RecordDialogProps,
} from '../../../records';
import { EntityRefPicker } from '../../shared/EntityRefPicker';
import { TextAreaField } from '../../shared/forms';
import { requestResolver } from '../../problems/ProblemForm';
import { complaintKind } from '../record/complaintKind';

/** What the edit dialog holds. */
export interface ComplaintEditValues {
  title: string;
  description: string;
  owner: string | null;
  response: string;
  category: string;
}

/** The form's values of a complaint. */
export function complaintEditValues(complaint: Complaint): ComplaintEditValues {
  return {
    title: complaint.title,
    description: complaint.description,
    owner: complaint.owner,
    response: complaint.response ?? '',
    category: complaint.category ?? '',
  };
}

/** The `PATCH` body: only the fields that changed (an owner or response is never cleared). */
export function changedComplaintFields(
  complaint: Complaint,
  values: ComplaintEditValues,
): ComplaintPatchRequest {
  const patch: ComplaintPatchRequest = {};
  const title = values.title.trim();
  if (title !== complaint.title) patch.title = title;
  if (values.description !== complaint.description) {
    patch.description = values.description;
  }
  const owner = values.owner?.trim().toLocaleLowerCase('en-US') ?? '';
  if (owner !== (complaint.owner ?? '')) patch.owner = owner;
  if (values.response !== (complaint.response ?? '')) {
    patch.response = values.response;
  }
  const category = values.category.trim() || null;
  if (category !== complaint.category) patch.category = category;
  return patch;
}

/**
 * Edits a complaint's title, description, owner, response and category; sends only what
 * changed with the version the page last read as `If-Match`.
 */
export function EditComplaintDialog(props: RecordDialogProps<Complaint>) {
  const write = useVersionedWrite(complaintKind, props);
  const complaint = write.base;
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ComplaintEditValues>({
    resolver: requestResolver(complaintPatchSchema, values =>
      changedComplaintFields(complaint, values),
    ),
    defaultValues: complaintEditValues(complaint),
  });

  useEffect(() => {
    reset(complaintEditValues(complaint));
  }, [complaint, reset]);

  const submit = handleSubmit(values => {
    const patch = changedComplaintFields(complaint, values);
    return Object.keys(patch).length ? write.patch(patch) : write.close();
  });

  return (
    <RecordEditDialog
      write={write}
      onSubmit={submit}
      titleId="itsm-edit-complaint-title"
      busy={isSubmitting}
    >
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <Controller
            control={control}
            name="title"
            render={({ field }) => (
              <TextField
                {...field}
                id="itsm-edit-complaint-title-field"
                label="Title"
                required
                error={Boolean(errors.title)}
                helperText={errors.title?.message}
                margin="dense"
                fullWidth
              />
            )}
          />
        </Grid>
        <Grid item xs={12}>
          <TextAreaField
            control={control}
            name="description"
            id="itsm-edit-complaint-description"
            label="What happened?"
            required
            minRows={3}
            error={errors.description?.message}
            hint="Markdown"
          />
        </Grid>
        <Grid item xs={12} sm={6}>
          <Controller
            control={control}
            name="owner"
            render={({ field }) => (
              <EntityRefPicker
                id="itsm-edit-complaint-owner"
                label="Owner"
                kinds={['User', 'Group']}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={Boolean(errors.owner)}
                helperText={errors.owner?.message ?? 'Who answers it'}
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
                {...field}
                id="itsm-edit-complaint-category"
                label="Category"
                error={Boolean(errors.category)}
                helperText={errors.category?.message}
                margin="dense"
                fullWidth
              />
            )}
          />
        </Grid>
        <Grid item xs={12}>
          <TextAreaField
            control={control}
            name="response"
            id="itsm-edit-complaint-response"
            label="Response to the complainant"
            minRows={3}
            error={errors.response?.message}
            hint="Markdown; recorded now, required to resolve"
          />
        </Grid>
      </Grid>
    </RecordEditDialog>
  );
}
