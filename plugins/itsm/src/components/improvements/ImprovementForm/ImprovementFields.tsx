import { useEffect, useRef } from 'react';
import {
  Controller,
  useWatch,
  type Control,
  type FieldErrors,
  type UseFormSetValue,
} from 'react-hook-form';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  IMPROVEMENT_KINDS,
  IMPROVEMENT_KPIS,
  IMPROVEMENT_KPI_DEFINITIONS,
  IMPROVEMENT_SOURCES,
  IMPROVEMENT_TYPES,
  improvementScore,
} from '@backstage-itsm/plugin-itsm-common';
import {
  EntityRefPicker,
  EntityRefsPicker,
} from '../../shared/EntityRefPicker';
import { TextAreaField } from '../../shared/forms';
import {
  SOURCE_ID_HINTS,
  formatImprovementKind,
  formatImprovementSource,
  formatImprovementType,
} from '../record/improvementKind';
import {
  sourceNamesRecord,
  type ImprovementFormValues,
} from './improvementForm';
import { ScoreBreakdown } from './ScorePreview';

const SERVICE_KINDS = ['Component', 'Resource', 'System', 'API'];

const LEVEL_WORDS = {
  benefit: ['Little', 'Some', 'Moderate', 'Large', 'Very large'],
  effort: ['Hours', 'Days', 'Weeks', 'Months', 'A project'],
  urgency: [
    'Some day',
    'This year',
    'This quarter',
    'This month',
    'Now: it recurs',
  ],
};

type Name = keyof ImprovementFormValues;

/** A native select of codes (or numbers) shown as words. */
function SelectField(props: {
  control: Control<ImprovementFormValues>;
  name: Name;
  id: string;
  label: string;
  options: ReadonlyArray<{ value: string | number; label: string }>;
  numeric?: boolean;
  error?: string;
  helperText?: string;
  disabled?: boolean;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <TextField
          id={props.id}
          select
          label={props.label}
          value={field.value ?? ''}
          onChange={e =>
            field.onChange(
              props.numeric ? Number(e.target.value) : e.target.value,
            )
          }
          onBlur={field.onBlur}
          disabled={props.disabled}
          error={Boolean(props.error)}
          helperText={props.error ?? props.helperText}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          margin="dense"
          fullWidth
        >
          {props.options.map(option => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </TextField>
      )}
    />
  );
}

/** A one-line text (or number) field of the form. */
function Field(props: {
  control: Control<ImprovementFormValues>;
  name: Name;
  id: string;
  label: string;
  required?: boolean;
  type?: string;
  error?: string;
  helperText?: string;
  disabled?: boolean;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <TextField
          id={props.id}
          label={props.label}
          required={props.required}
          type={props.type}
          value={field.value ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          disabled={props.disabled}
          error={Boolean(props.error)}
          helperText={props.error ?? props.helperText}
          InputLabelProps={props.type === 'date' ? { shrink: true } : undefined}
          margin="dense"
          fullWidth
        />
      )}
    />
  );
}

const levelOptions = (words: string[]) =>
  words.map((word, i) => ({ value: i + 1, label: `${i + 1} — ${word}` }));

/**
 * The fields of an improvement item, as grid items of the caller's grid: what it is (kind,
 * type, title, description), where it comes from (source and record; on raising only), the
 * services, owner and target date; benefit, effort and urgency with the live score and its
 * inputs; the corrective-action record when it is one; and the KPI its effect is measured
 * by, with the scope filters that KPI takes.
 */
export function ImprovementFields(props: {
  control: Control<ImprovementFormValues>;
  errors: FieldErrors<ImprovementFormValues>;
  setValue: UseFormSetValue<ImprovementFormValues>;
  idPrefix: string;
  /** Source and source record are asked for (raising only: they do not change later). */
  withSource?: boolean;
  /** The KPI may still change (until approval); otherwise it is shown read-only. */
  kpiEditable?: boolean;
  /** The effectiveness review of a corrective action is asked for (editing). */
  withEffectivenessReview?: boolean;
}) {
  const { control, errors, idPrefix, setValue } = props;
  const kpiEditable = props.kpiEditable ?? true;
  const values = useWatch({ control }) as ImprovementFormValues;
  const corrective = values.kind === 'corrective_action';
  const definition =
    IMPROVEMENT_KPI_DEFINITIONS[values.kpi ?? 'incident_count'];
  const score = improvementScore({
    benefit: values.benefit ?? 3,
    effort: values.effort ?? 3,
    urgency: values.urgency ?? 3,
  });

  // A new KPI aims the way it usually does; the user may turn it round afterwards.
  const previousKpi = useRef(values.kpi);
  useEffect(() => {
    if (previousKpi.current !== values.kpi && values.kpi) {
      setValue('direction', IMPROVEMENT_KPI_DEFINITIONS[values.kpi].direction);
    }
    previousKpi.current = values.kpi;
  }, [values.kpi, setValue]);

  const message = (name: Name) => errors[name]?.message as string | undefined;

  return (
    <>
      <Grid item xs={12} sm={6}>
        <SelectField
          control={control}
          name="kind"
          id={`${idPrefix}-kind`}
          label="Kind"
          options={IMPROVEMENT_KINDS.map(kind => ({
            value: kind,
            label: formatImprovementKind(kind),
          }))}
          error={message('kind')}
          helperText={
            corrective
              ? 'A nonconformity corrected at its cause (ISO/IEC 20000-1 10.1)'
              : 'An opportunity to improve (ISO/IEC 20000-1 10.2)'
          }
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <SelectField
          control={control}
          name="type"
          id={`${idPrefix}-type`}
          label="Type"
          options={IMPROVEMENT_TYPES.map(type => ({
            value: type,
            label: formatImprovementType(type),
          }))}
          error={message('type')}
          helperText="What it changes"
        />
      </Grid>
      <Grid item xs={12}>
        <Field
          control={control}
          name="title"
          id={`${idPrefix}-title`}
          label="Title"
          required
          error={message('title')}
        />
      </Grid>
      <Grid item xs={12}>
        <TextAreaField
          control={control}
          name="description"
          id={`${idPrefix}-description`}
          label="Description"
          required
          minRows={3}
          error={message('description')}
          hint="Markdown: what to change and what it should bring"
        />
      </Grid>
      {props.withSource && (
        <>
          <Grid item xs={12} sm={6}>
            <SelectField
              control={control}
              name="source"
              id={`${idPrefix}-source`}
              label="Source"
              options={IMPROVEMENT_SOURCES.map(source => ({
                value: source,
                label: formatImprovementSource(source),
              }))}
              error={message('source')}
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            {sourceNamesRecord(values.source) && (
              <Field
                control={control}
                name="sourceId"
                id={`${idPrefix}-source-id`}
                label="Source record"
                error={message('sourceId')}
                helperText={SOURCE_ID_HINTS[values.source]}
              />
            )}
          </Grid>
        </>
      )}
      <Grid item xs={12}>
        <Controller
          control={control}
          name="entityRefs"
          render={({ field }) => (
            <EntityRefsPicker
              id={`${idPrefix}-services`}
              label="Services"
              kinds={SERVICE_KINDS}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={Boolean(errors.entityRefs)}
              helperText={
                (errors.entityRefs?.message as string | undefined) ??
                'At least one; the KPI is measured on them'
              }
            />
          )}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <Controller
          control={control}
          name="owner"
          render={({ field }) => (
            <EntityRefPicker
              id={`${idPrefix}-owner`}
              label="Owner"
              kinds={['User', 'Group']}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={Boolean(errors.owner)}
              helperText={
                message('owner') ??
                'Who drives it (you, if left empty); someone else approves it'
              }
            />
          )}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <Field
          control={control}
          name="targetDate"
          id={`${idPrefix}-target-date`}
          label="Target date"
          type="date"
          error={message('targetDate')}
        />
      </Grid>

      <Grid item xs={12}>
        <Typography variant="subtitle1" component="h3">
          Priority
        </Typography>
      </Grid>
      <Grid item xs={12} sm={4}>
        <SelectField
          control={control}
          name="benefit"
          id={`${idPrefix}-benefit`}
          label="Benefit"
          numeric
          options={levelOptions(LEVEL_WORDS.benefit)}
          error={message('benefit')}
          helperText="Customers, attainment, cost, risk"
        />
      </Grid>
      <Grid item xs={12} sm={4}>
        <SelectField
          control={control}
          name="urgency"
          id={`${idPrefix}-urgency`}
          label="Urgency"
          numeric
          options={levelOptions(LEVEL_WORDS.urgency)}
          error={message('urgency')}
          helperText="How soon it matters"
        />
      </Grid>
      <Grid item xs={12} sm={4}>
        <SelectField
          control={control}
          name="effort"
          id={`${idPrefix}-effort`}
          label="Effort"
          numeric
          options={levelOptions(LEVEL_WORDS.effort)}
          error={message('effort')}
          helperText="People, time, money"
        />
      </Grid>
      <Grid item xs={12}>
        <ScoreBreakdown priority={score} />
      </Grid>

      {corrective && (
        <>
          <Grid item xs={12}>
            <Typography variant="subtitle1" component="h3">
              Corrective action
            </Typography>
          </Grid>
          <Grid item xs={12}>
            <TextAreaField
              control={control}
              name="nonconformity"
              id={`${idPrefix}-nonconformity`}
              label="Nonconformity"
              minRows={2}
              error={message('nonconformity')}
              hint="What did not conform (Markdown)"
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextAreaField
              control={control}
              name="correction"
              id={`${idPrefix}-correction`}
              label="Correction"
              error={message('correction')}
              hint="The immediate correction; required to implement"
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextAreaField
              control={control}
              name="rootCause"
              id={`${idPrefix}-root-cause`}
              label="Root cause"
              error={message('rootCause')}
              hint="Why it happened; required to implement"
            />
          </Grid>
          {props.withEffectivenessReview && (
            <Grid item xs={12}>
              <TextAreaField
                control={control}
                name="effectivenessReview"
                id={`${idPrefix}-effectiveness-review`}
                label="Effectiveness review"
                error={message('effectivenessReview')}
                hint="Did it prevent recurrence? Required to close"
              />
            </Grid>
          )}
        </>
      )}

      <Grid item xs={12}>
        <Typography variant="subtitle1" component="h3">
          Measured effect
        </Typography>
        {kpiEditable ? (
          <Controller
            control={control}
            name="measured"
            render={({ field }) => (
              <FormControlLabel
                control={
                  <Checkbox
                    id={`${idPrefix}-measured`}
                    color="primary"
                    checked={Boolean(field.value)}
                    onChange={e => field.onChange(e.target.checked)}
                  />
                }
                label="Measure the effect with a KPI"
              />
            )}
          />
        ) : (
          <Typography variant="body2" color="textSecondary">
            The KPI is fixed once approved: its baseline was frozen for it.
          </Typography>
        )}
      </Grid>
      {values.measured && kpiEditable && (
        <>
          <Grid item xs={12} sm={6}>
            <SelectField
              control={control}
              name="kpi"
              id={`${idPrefix}-kpi`}
              label="KPI"
              options={IMPROVEMENT_KPIS.map(kpi => ({
                value: kpi,
                label: IMPROVEMENT_KPI_DEFINITIONS[kpi].label,
              }))}
              error={message('kpi')}
              helperText={`Measured in ${definition.unit} on the services`}
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <SelectField
              control={control}
              name="direction"
              id={`${idPrefix}-direction`}
              label="Direction"
              options={[
                { value: 'decrease', label: 'Decrease' },
                { value: 'increase', label: 'Increase' },
              ]}
              error={message('direction')}
            />
          </Grid>
          {definition.filters.includes('category') && (
            <Grid item xs={12} sm={4}>
              <Field
                control={control}
                name="category"
                id={`${idPrefix}-kpi-category`}
                label="Incident category"
                error={message('category')}
                helperText={
                  values.kpi === 'recurrence'
                    ? 'A category or a signature'
                    : 'Optional'
                }
              />
            </Grid>
          )}
          {definition.filters.includes('priority') && (
            <Grid item xs={12} sm={4}>
              <SelectField
                control={control}
                name="priority"
                id={`${idPrefix}-kpi-priority`}
                label="Priority"
                options={[
                  { value: '', label: 'Any' },
                  ...[1, 2, 3, 4, 5].map(p => ({
                    value: String(p),
                    label: `P${p}`,
                  })),
                ]}
                error={message('priority')}
              />
            </Grid>
          )}
          {definition.filters.includes('signature') && (
            <Grid item xs={12} sm={4}>
              <Field
                control={control}
                name="signature"
                id={`${idPrefix}-kpi-signature`}
                label="Signature"
                error={message('signature')}
                helperText="An incident trend signature"
              />
            </Grid>
          )}
          <Grid item xs={12} />
          <Grid item xs={6} sm={3}>
            <Field
              control={control}
              name="windowDays"
              id={`${idPrefix}-window-days`}
              label="Window (days)"
              type="number"
              error={message('windowDays')}
              helperText="Before approval and after settling"
            />
          </Grid>
          <Grid item xs={6} sm={3}>
            <Field
              control={control}
              name="settleDays"
              id={`${idPrefix}-settle-days`}
              label="Settle (days)"
              type="number"
              error={message('settleDays')}
              helperText="After implementation"
            />
          </Grid>
          <Grid item xs={6} sm={3}>
            <SelectField
              control={control}
              name="targetKind"
              id={`${idPrefix}-target-kind`}
              label="Target"
              options={[
                { value: 'relative', label: 'Relative to the baseline (%)' },
                { value: 'absolute', label: 'An absolute value' },
              ]}
            />
          </Grid>
          <Grid item xs={6} sm={3}>
            {values.targetKind === 'absolute' ? (
              <Field
                control={control}
                name="targetValue"
                id={`${idPrefix}-target-value`}
                label={`Target value (${definition.unit})`}
                type="number"
                error={message('targetValue')}
              />
            ) : (
              <Field
                control={control}
                name="targetPercent"
                id={`${idPrefix}-target-percent`}
                label={`${
                  values.direction === 'increase' ? 'Increase' : 'Decrease'
                } by (%)`}
                type="number"
                error={message('targetPercent')}
              />
            )}
          </Grid>
          <Grid item xs={12}>
            <Box>
              <Typography variant="caption" color="textSecondary">
                The baseline over the window before approval is frozen when the
                item is approved; the system measures the window after
                implementation and settling, and says whether the target was
                reached.
              </Typography>
            </Box>
          </Grid>
        </>
      )}
    </>
  );
}
