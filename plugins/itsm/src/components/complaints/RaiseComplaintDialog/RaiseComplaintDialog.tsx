import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  COMPLAINT_CHANNELS,
  complaintCreateSchema,
  type Complaint,
  type ComplaintChannel,
  type ComplaintCreateRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { RecordFormDialog } from '../../../records';
import { EntityRefPicker } from '../../shared/EntityRefPicker';
import { TextAreaField } from '../../shared/forms';
import { humanizeCode } from '../../shared/format';
import { requestResolver } from '../../problems/ProblemForm';

/** What the raise dialog holds. */
export interface RaiseComplaintValues {
  title: string;
  description: string;
  entityRef: string | null;
  channel: ComplaintChannel | '';
  category: string;
}

/** The body of `POST /complaints` from the form; empty optional fields left out. */
export function raiseComplaintRequest(
  values: RaiseComplaintValues,
): ComplaintCreateRequest {
  const request: ComplaintCreateRequest = {
    title: values.title.trim(),
    description: values.description,
    entityRef: values.entityRef?.trim() ?? '',
  };
  if (values.channel) request.channel = values.channel;
  if (values.category.trim()) request.category = values.category.trim();
  return request;
}

/**
 * Raises a complaint about a service as the signed-in user: what went wrong, how it reached
 * us and a category. The service's owner answers it. Anyone may raise one.
 */
export function RaiseComplaintDialog(props: {
  open: boolean;
  /** The service complained about; asked for when not given. */
  entityRef?: string;
  onClose: () => void;
  onCreated: (complaint: Complaint) => void;
}) {
  const itsmApi = useApi(itsmApiRef);
  const [error, setError] = useState<unknown>();
  const defaults: RaiseComplaintValues = {
    title: '',
    description: '',
    entityRef: props.entityRef ?? null,
    channel: 'portal',
    category: '',
  };
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<RaiseComplaintValues>({
    resolver: requestResolver(complaintCreateSchema, raiseComplaintRequest),
    defaultValues: defaults,
  });

  const close = () => {
    reset(defaults);
    setError(undefined);
    props.onClose();
  };

  const submit = handleSubmit(async values => {
    setError(undefined);
    try {
      const complaint = await itsmApi.createComplaint(
        raiseComplaintRequest(values),
      );
      reset(defaults);
      props.onCreated(complaint);
    } catch (e) {
      setError(e);
    }
  });

  return (
    <RecordFormDialog
      open={props.open}
      onClose={close}
      onSubmit={submit}
      titleId="itsm-raise-complaint-title"
      title="Raise complaint"
      intro="Tell the service's owners what went wrong. They will answer here, and you can accept the answer or tell them why it is not enough."
      error={error}
      busy={isSubmitting}
      submitLabel={isSubmitting ? 'Raising…' : 'Raise complaint'}
    >
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <Controller
            control={control}
            name="title"
            render={({ field }) => (
              <TextField
                {...field}
                id="itsm-raise-complaint-title-field"
                label="Title"
                required
                error={Boolean(errors.title)}
                helperText={errors.title?.message ?? 'In one line'}
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
            id="itsm-raise-complaint-description"
            label="What happened?"
            required
            minRows={4}
            error={errors.description?.message}
            hint="Markdown"
          />
        </Grid>
        {!props.entityRef && (
          <Grid item xs={12}>
            <Controller
              control={control}
              name="entityRef"
              render={({ field }) => (
                <EntityRefPicker
                  id="itsm-raise-complaint-service"
                  label="Service"
                  kinds={['Component', 'Resource', 'System', 'API']}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={Boolean(errors.entityRef)}
                  helperText={
                    errors.entityRef?.message ?? 'The service complained about'
                  }
                />
              )}
            />
          </Grid>
        )}
        <Grid item xs={12} sm={6}>
          <Controller
            control={control}
            name="channel"
            render={({ field }) => (
              <TextField
                id="itsm-raise-complaint-channel"
                select
                label="Received through"
                value={field.value}
                onChange={e => field.onChange(e.target.value)}
                SelectProps={{ native: true }}
                InputLabelProps={{ shrink: true }}
                margin="dense"
                fullWidth
              >
                <option value="">Not said</option>
                {COMPLAINT_CHANNELS.map(channel => (
                  <option key={channel} value={channel}>
                    {humanizeCode(channel)}
                  </option>
                ))}
              </TextField>
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
                id="itsm-raise-complaint-category"
                label="Category"
                error={Boolean(errors.category)}
                helperText={
                  errors.category?.message ?? 'e.g. billing, availability'
                }
                margin="dense"
                fullWidth
              />
            )}
          />
        </Grid>
      </Grid>
    </RecordFormDialog>
  );
}
