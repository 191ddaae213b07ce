import {
  Controller,
  type Control,
  type FieldErrors,
  type FieldValues,
  type Path,
} from 'react-hook-form';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { EntityRefsPicker } from '../../shared/EntityRefPicker';
import { DateTimeField } from '../../shared/forms';

/** The fields a change request and a change edit share. */
export interface ChangeFieldValues extends FieldValues {
  title: string;
  justification: string;
  entityRefs: string[];
  plannedStart: string | null;
  plannedEnd: string | null;
  implementationPlan: string;
  backoutPlan: string;
  testPlan: string;
}

/** Kinds a change may affect: the configuration items of the CMDB. */
export const CONFIGURATION_ITEM_KINDS = [
  'Component',
  'Resource',
  'System',
  'API',
];

const PLANS = [
  {
    name: 'implementationPlan',
    label: 'Implementation plan',
    help: 'Markdown: the steps, who does them, how long each takes',
  },
  {
    name: 'backoutPlan',
    label: 'Backout plan',
    help: 'Markdown: how to undo it if it goes wrong, and when you decide to',
  },
  {
    name: 'testPlan',
    label: 'Test plan',
    help: 'Markdown: how you know it worked',
  },
] as const;

/**
 * Title, justification, affected entities, the planned window and the three plans, as
 * controlled fields of the form `control` belongs to (ids `itsm-change-<field>`).
 */
export function ChangeFields<
  T extends ChangeFieldValues,
  TOutput extends FieldValues = T,
>(props: {
  control: Control<T, unknown, TOutput>;
  errors: FieldErrors<T>;
  /** Plans and window are required to leave draft: marked so when submitting. */
  requirePlans?: boolean;
  /**
   * The template of a standard change: the plans it defines are the change's and shown
   * read-only (a plan it leaves empty stays editable).
   */
  template?: {
    id: string;
    implementationPlan: string | null;
    backoutPlan: string | null;
    testPlan: string | null;
  };
}) {
  const { control, requirePlans, template } = props;
  const errors = props.errors as FieldErrors<ChangeFieldValues>;
  const name = (field: keyof ChangeFieldValues) => field as Path<T>;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <Controller
          control={control}
          name={name('title')}
          render={({ field }) => (
            <TextField
              {...field}
              id="itsm-change-title"
              label="Title"
              required
              error={Boolean(errors.title)}
              helperText={errors.title?.message ?? 'What changes, in one line'}
              margin="dense"
              fullWidth
            />
          )}
        />
      </Grid>
      <Grid item xs={12}>
        <Controller
          control={control}
          name={name('justification')}
          render={({ field }) => (
            <TextField
              {...field}
              id="itsm-change-justification"
              label="Justification"
              multiline
              minRows={2}
              error={Boolean(errors.justification)}
              helperText={
                errors.justification?.message ??
                'Markdown: why, and what happens if it is not done'
              }
              margin="dense"
              fullWidth
            />
          )}
        />
      </Grid>
      <Grid item xs={12}>
        <Controller
          control={control}
          name={name('entityRefs')}
          render={({ field }) => (
            <EntityRefsPicker
              id="itsm-change-entities"
              label="Affected entities"
              kinds={CONFIGURATION_ITEM_KINDS}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={Boolean(errors.entityRefs)}
              helperText={
                errors.entityRefs
                  ? 'At least one full entity ref like component:default/payments'
                  : 'Services, resources, systems or APIs; press Enter after each'
              }
            />
          )}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <Controller
          control={control}
          name={name('plannedStart')}
          render={({ field }) => (
            <DateTimeField
              id="itsm-change-planned-start"
              label="Planned start"
              required={requirePlans}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.plannedStart?.message}
            />
          )}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <Controller
          control={control}
          name={name('plannedEnd')}
          render={({ field }) => (
            <DateTimeField
              id="itsm-change-planned-end"
              label="Planned end"
              required={requirePlans}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.plannedEnd?.message}
            />
          )}
        />
      </Grid>
      {PLANS.map(plan => (
        <Grid item xs={12} md={4} key={plan.name}>
          <Controller
            control={control}
            name={name(plan.name)}
            render={({ field }) => {
              const fromTemplate = Boolean(template?.[plan.name]);
              return (
                <TextField
                  {...field}
                  id={`itsm-change-${plan.name}`}
                  label={plan.label}
                  required={requirePlans}
                  multiline
                  minRows={4}
                  InputProps={{ readOnly: fromTemplate }}
                  error={Boolean(errors[plan.name])}
                  helperText={
                    errors[plan.name]?.message ??
                    (fromTemplate
                      ? `From template ${
                          template!.id
                        }: a standard change follows it`
                      : plan.help)
                  }
                  margin="dense"
                  fullWidth
                />
              );
            }}
          />
        </Grid>
      ))}
    </Grid>
  );
}
