import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { EntityRefsPicker } from '../../shared/EntityRefPicker';
import { ChipsField } from './ChipsField';
import type { KnownErrorFieldValues } from './knownErrorForm';

const SERVICE_KINDS = ['Component', 'Resource', 'System', 'API'];

function MarkdownField(props: {
  control: Control<KnownErrorFieldValues>;
  name: 'symptom' | 'rootCause' | 'workaround';
  id: string;
  label: string;
  required?: boolean;
  hint: string;
  error?: string;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <TextField
          {...field}
          id={props.id}
          label={props.label}
          required={props.required}
          multiline
          minRows={3}
          error={Boolean(props.error)}
          helperText={props.error ?? props.hint}
          margin="dense"
          fullWidth
        />
      )}
    />
  );
}

/**
 * Title, symptom, root cause and workaround (Markdown), entities, the match rules
 * (categories, signatures, phrases) and the review date of a known error.
 */
export function KnownErrorFields(props: {
  control: Control<KnownErrorFieldValues>;
  errors: FieldErrors<KnownErrorFieldValues>;
  idPrefix: string;
}) {
  const { control, errors, idPrefix } = props;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <Controller
          control={control}
          name="title"
          render={({ field }) => (
            <TextField
              {...field}
              id={`${idPrefix}-title`}
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
        <MarkdownField
          control={control}
          name="symptom"
          id={`${idPrefix}-symptom`}
          label="Symptom"
          required
          hint="Markdown: what the caller sees"
          error={errors.symptom?.message}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <MarkdownField
          control={control}
          name="rootCause"
          id={`${idPrefix}-root-cause`}
          label="Root cause"
          hint="Markdown"
          error={errors.rootCause?.message}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <MarkdownField
          control={control}
          name="workaround"
          id={`${idPrefix}-workaround`}
          label="Workaround"
          required
          hint="Markdown: offered to whoever reports a matching incident"
          error={errors.workaround?.message}
        />
      </Grid>
      <Grid item xs={12} sm={8}>
        <Controller
          control={control}
          name="entityRefs"
          render={({ field }) => (
            <EntityRefsPicker
              id={`${idPrefix}-entities`}
              label="Entities"
              kinds={SERVICE_KINDS}
              value={field.value ?? []}
              onChange={field.onChange}
              error={Boolean(errors.entityRefs)}
              helperText={
                errors.entityRefs
                  ? 'At least one full entity ref like component:default/payments'
                  : 'Offered on incidents of these and of services depending on them'
              }
            />
          )}
        />
      </Grid>
      <Grid item xs={12} sm={4}>
        <Controller
          control={control}
          name="reviewBy"
          render={({ field }) => (
            <TextField
              {...field}
              id={`${idPrefix}-review-by`}
              label="Review by"
              type="date"
              InputLabelProps={{ shrink: true }}
              error={Boolean(errors.reviewBy)}
              helperText={errors.reviewBy?.message}
              margin="dense"
              fullWidth
            />
          )}
        />
      </Grid>
      <Grid item xs={12}>
        <Typography variant="subtitle2">Match rules</Typography>
        <Typography variant="caption" color="textSecondary">
          Offered when a new incident has one of the categories or signatures,
          or one of the phrases in its title or description.
        </Typography>
      </Grid>
      {(
        [
          ['categories', 'Categories', 'e.g. database'],
          ['signatures', 'Signatures', 'e.g. alert:PoolExhausted'],
          ['phrases', 'Phrases', 'e.g. connection pool'],
        ] as const
      ).map(([name, label, hint]) => (
        <Grid item xs={12} md={4} key={name}>
          <Controller
            control={control}
            name={name}
            render={({ field }) => (
              <ChipsField
                id={`${idPrefix}-${name}`}
                label={label}
                value={field.value ?? []}
                onChange={field.onChange}
                error={Boolean(errors[name])}
                helperText={
                  (errors[name] as { message?: string } | undefined)?.message ??
                  `${hint}; press Enter after each`
                }
              />
            )}
          />
        </Grid>
      ))}
    </Grid>
  );
}
