import { useEffect, useMemo, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import {
  REVIEW_CADENCES,
  WORKLOAD_METRICS,
  type CalendarRecord,
  type ServiceLevelAgreement,
  type SupportingAgreement,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import {
  EntityRefPicker,
  EntityRefsPicker,
} from '../../shared/EntityRefPicker';
import { WORKLOAD_LABELS } from '../SlaReport/labels';
import {
  WriteErrorAlert,
  serverMessageOf,
  statusCodeOf,
} from '../../shared/WriteErrorAlert';
import {
  changedFields,
  fieldOfMessage,
  formValuesOf,
  humanizeMessage,
  toSlaCreateRequest,
  toSupportingCreateRequest,
  validateAgreementForm,
  type AgreementFormValues,
  type AgreementKind,
  type FieldErrors,
} from './agreementForm';
import { calendarLookup, summarizeHours } from './calendars';
import { TargetsFields } from './TargetsFields';

const KIND_NAMES: Record<AgreementKind, string> = {
  sla: 'SLA',
  ola: 'OLA',
  uc: 'underpinning contract',
};

const CADENCE_LABELS = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  semiannual: 'Every six months',
  annual: 'Annually',
};

const TERM_FIELDS = [
  'title',
  'calendarId',
  'targets',
  'workloadLimits',
  'exceptions',
  'reviewCadence',
] as const;

type Agreement = ServiceLevelAgreement | SupportingAgreement;

/** The built-in `24x7` calendar, for when the list does not carry it. */
const ALWAYS_ON_RECORD: CalendarRecord = {
  id: '24x7',
  version: 0,
  source: 'builtin',
  title: '24×7',
  timezone: 'UTC',
  hours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map(d => [
      d,
      [['00:00', '24:00']],
    ]),
  ),
  configuredHolidays: [],
  holidays: [],
  createdAt: null,
  updatedAt: null,
};

/**
 * Defines an SLA (or an OLA/UC underpinning one), or agrees new terms for an existing one.
 * The form is checked as it is typed after the first "Save" — with the -common schemas and
 * `validateSla` on the calendars from the API — and every message stands at its field; the
 * server's 400 is mapped to the field it names. New terms add a revision from the chosen date.
 */
export function AgreementEditorDialog(props: {
  open: boolean;
  kind: AgreementKind;
  entityRef: string;
  /** Edit this agreement (PATCH with If-Match); create a new one when absent. */
  existing?: Agreement;
  /** For an OLA/UC: the SLAs it underpins. */
  slaIds?: string[];
  onClose: () => void;
  onSaved: (agreement: Agreement) => void;
  /** Reloads the agreement after a 412. */
  onReload?: () => void;
}) {
  const { open, kind, entityRef, existing } = props;
  const itsmApi = useApi(itsmApiRef);
  const [values, setValues] = useState<AgreementFormValues>(() =>
    formValuesOf(existing),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [checked, setChecked] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<unknown>();
  const [nothingChanged, setNothingChanged] = useState(false);

  useEffect(() => {
    if (open) {
      setValues(formValuesOf(existing));
      setErrors({});
      setChecked(false);
      setServerError(undefined);
      setNothingChanged(false);
    }
  }, [open, existing]);

  const calendarsState = useAsync(
    async () => (open ? (await itsmApi.listCalendars()).items : []),
    [itsmApi, open],
  );
  const calendars = useMemo(() => {
    const items = calendarsState.value ?? [];
    return items.some(c => c.id === '24x7')
      ? items
      : [ALWAYS_ON_RECORD, ...items];
  }, [calendarsState.value]);
  const lookup = useMemo(() => calendarLookup(calendars), [calendars]);
  const validationOptions = {
    kind,
    entityRef,
    slaIds: props.slaIds,
    calendars: lookup,
  };

  const update = (next: AgreementFormValues) => {
    setValues(next);
    setNothingChanged(false);
    if (checked) setErrors(validateAgreementForm(next, validationOptions));
  };
  const set = <K extends keyof AgreementFormValues>(
    key: K,
    value: AgreementFormValues[K],
  ) => update({ ...values, [key]: value });

  const save = async () => {
    setChecked(true);
    setServerError(undefined);
    const found = validateAgreementForm(values, validationOptions);
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      let saved: Agreement;
      if (kind === 'sla') {
        const request = toSlaCreateRequest(values, entityRef);
        if (existing) {
          const base = toSlaCreateRequest(
            { ...formValuesOf(existing), effectiveFrom: values.effectiveFrom },
            entityRef,
          );
          const patch = changedFields(request, base, [
            ...TERM_FIELDS,
            'customerGroups',
          ]);
          if (!Object.keys(patch).length) {
            setNothingChanged(true);
            return;
          }
          saved = await itsmApi.patchSla({
            id: existing.id,
            version: existing.version,
            patch,
          });
        } else {
          saved = await itsmApi.createSla(request);
        }
      } else {
        const options = { kind, entityRef, slaIds: props.slaIds ?? [] };
        const request = toSupportingCreateRequest(values, options);
        if (existing) {
          const base = toSupportingCreateRequest(
            { ...formValuesOf(existing), effectiveFrom: values.effectiveFrom },
            options,
          );
          const patch = changedFields(request, base, [
            ...TERM_FIELDS,
            'internalGroup',
            'supplier',
            'contractRef',
          ]);
          if (!Object.keys(patch).length) {
            setNothingChanged(true);
            return;
          }
          saved = await itsmApi.patchSupportingAgreement({
            id: existing.id,
            version: existing.version,
            patch,
          });
        } else {
          saved = await itsmApi.createSupportingAgreement(request);
        }
      }
      props.onSaved(saved);
    } catch (e) {
      const message = serverMessageOf(e);
      const field = statusCodeOf(e) === 400 && fieldOfMessage(message);
      if (field) {
        setErrors({ [field]: humanizeMessage(message) });
      } else {
        setServerError(e);
      }
    } finally {
      setSaving(false);
    }
  };

  const fieldProps = (name: string) => ({
    error: Boolean(errors[name]),
    helperText: errors[name],
    disabled: saving,
    margin: 'dense' as const,
    fullWidth: true,
  });
  const calendar = calendars.find(c => c.id === values.calendarId);
  const errorCount = Object.keys(errors).length;
  const name = KIND_NAMES[kind];
  const title = existing
    ? `New terms for ${existing.id}`
    : `Define ${kind === 'sla' ? 'an SLA' : `an ${name}`}`;

  return (
    <Dialog
      open={open}
      onClose={props.onClose}
      fullWidth
      maxWidth="lg"
      aria-labelledby="itsm-agreement-editor-title"
    >
      <DialogTitle id="itsm-agreement-editor-title">{title}</DialogTitle>
      <DialogContent>
        <form
          noValidate
          aria-label={title}
          onSubmit={e => {
            e.preventDefault();
            save();
          }}
        >
          {existing && (
            <Alert severity="info">
              Saving new terms creates revision {existing.revision + 1}, in
              force from the date you choose below; revision {existing.revision}{' '}
              stays in the history. Incidents already raised keep the targets
              they started with.
            </Alert>
          )}
          {errorCount > 0 && (
            <Box mt={1}>
              <Alert severity="error" role="alert">
                {errorCount === 1
                  ? 'One field needs a fix'
                  : `${errorCount} fields need a fix`}
                {errors._form
                  ? `: ${errors._form}`
                  : ' — see the messages below.'}
              </Alert>
            </Box>
          )}
          <Grid container spacing={2}>
            <Grid item xs={12} md={6}>
              <TextField
                id="itsm-agreement-title"
                label="Title"
                required
                value={values.title}
                onChange={e => set('title', e.target.value)}
                {...fieldProps('title')}
              />
            </Grid>
            <Grid item xs={12} md={6}>
              {kind === 'sla' && (
                <EntityRefsPicker
                  id="itsm-agreement-customers"
                  label="Customer groups"
                  kinds={['Group']}
                  value={values.customerGroups}
                  onChange={refs => set('customerGroups', refs)}
                  error={Boolean(errors.customerGroups)}
                  helperText={
                    errors.customerGroups ??
                    'Groups the agreement is made with; type a ref and press Enter'
                  }
                  disabled={saving}
                />
              )}
              {kind === 'ola' && (
                <EntityRefPicker
                  id="itsm-agreement-group"
                  label="Internal group"
                  kinds={['Group']}
                  value={values.internalGroup || null}
                  onChange={ref => set('internalGroup', ref ?? '')}
                  error={Boolean(errors.internalGroup)}
                  helperText={
                    errors.internalGroup ??
                    'The team that commits to the targets'
                  }
                  disabled={saving}
                />
              )}
              {kind === 'uc' && (
                <Box display="flex" style={{ gap: 16 }}>
                  <TextField
                    id="itsm-agreement-supplier"
                    label="Supplier"
                    required
                    value={values.supplier}
                    onChange={e => set('supplier', e.target.value)}
                    {...fieldProps('supplier')}
                  />
                  <TextField
                    id="itsm-agreement-contract"
                    label="Contract reference"
                    value={values.contractRef}
                    onChange={e => set('contractRef', e.target.value)}
                    {...fieldProps('contractRef')}
                  />
                </Box>
              )}
            </Grid>
            <Grid item xs={12} md={4}>
              <TextField
                id="itsm-agreement-calendar"
                select
                label="Service hours (calendar)"
                value={values.calendarId}
                onChange={e => set('calendarId', e.target.value)}
                SelectProps={{ native: true }}
                InputLabelProps={{ shrink: true }}
                {...fieldProps('calendarId')}
                helperText={
                  errors.calendarId ??
                  (calendar ? summarizeHours(calendar) : undefined)
                }
              >
                {calendars.map(c => (
                  <option key={c.id} value={c.id}>
                    {c.title || c.id}
                  </option>
                ))}
              </TextField>
            </Grid>
            <Grid item xs={12} sm={6} md={4}>
              <TextField
                id="itsm-agreement-cadence"
                select
                label="Review cadence"
                value={values.reviewCadence}
                onChange={e =>
                  set(
                    'reviewCadence',
                    e.target.value as AgreementFormValues['reviewCadence'],
                  )
                }
                SelectProps={{ native: true }}
                InputLabelProps={{ shrink: true }}
                {...fieldProps('reviewCadence')}
              >
                {REVIEW_CADENCES.map(c => (
                  <option key={c} value={c}>
                    {CADENCE_LABELS[c]}
                  </option>
                ))}
              </TextField>
            </Grid>
            <Grid item xs={12} sm={6} md={4}>
              <TextField
                id="itsm-agreement-effective-from"
                type="date"
                label="In force from (UTC)"
                value={values.effectiveFrom}
                onChange={e => set('effectiveFrom', e.target.value)}
                InputLabelProps={{ shrink: true }}
                {...fieldProps('effectiveFrom')}
              />
            </Grid>
          </Grid>

          <Box mt={2}>
            <Typography variant="subtitle1" component="h3">
              Incident targets
            </Typography>
            <Typography variant="body2" color="textSecondary">
              Durations like 30m, 4h, 3d or 1h30m, counted on the agreement's
              calendar unless a target names its own. A priority left empty
              falls back to the configured defaults.
            </Typography>
            <TargetsFields
              targets={values.targets}
              calendars={calendars}
              errors={errors}
              disabled={saving}
              onChange={(key, clock, target) =>
                update({
                  ...values,
                  targets: {
                    ...values.targets,
                    [key]: { ...values.targets[key], [clock]: target },
                  },
                })
              }
            />
          </Box>

          <Grid container spacing={2}>
            <Grid item xs={12} sm={4}>
              <TextField
                id="itsm-agreement-availability"
                label="Availability %"
                required={kind === 'sla'}
                inputMode="decimal"
                value={values.availabilityPercent}
                onChange={e => set('availabilityPercent', e.target.value)}
                {...fieldProps('availabilityPercent')}
              />
            </Grid>
            <Grid item xs={12} sm={4}>
              <TextField
                id="itsm-agreement-change-success"
                label="Change success rate % (optional)"
                inputMode="decimal"
                value={values.changeSuccessRatePercent}
                onChange={e => set('changeSuccessRatePercent', e.target.value)}
                {...fieldProps('changeSuccessRatePercent')}
              />
            </Grid>
            <Grid item xs={12} sm={4}>
              <TextField
                id="itsm-agreement-csat"
                label="CSAT % (optional)"
                inputMode="decimal"
                value={values.csatPercent}
                onChange={e => set('csatPercent', e.target.value)}
                {...fieldProps('csatPercent')}
              />
            </Grid>
            {WORKLOAD_METRICS.map(metric => (
              <Grid item xs={12} sm={4} key={metric}>
                <TextField
                  id={`itsm-agreement-limit-${metric}`}
                  label={`${WORKLOAD_LABELS[metric]} per month (limit)`}
                  inputMode="numeric"
                  value={values.workloadLimits[metric]}
                  onChange={e =>
                    set('workloadLimits', {
                      ...values.workloadLimits,
                      [metric]: e.target.value,
                    })
                  }
                  {...fieldProps(`workloadLimits.${metric}`)}
                />
              </Grid>
            ))}
            <Grid item xs={12}>
              <TextField
                id="itsm-agreement-exceptions"
                label="Exceptions (markdown)"
                multiline
                minRows={3}
                value={values.exceptions}
                onChange={e => set('exceptions', e.target.value)}
                {...fieldProps('exceptions')}
                helperText={
                  errors.exceptions ??
                  'What the targets do not cover: planned maintenance, force majeure, ...'
                }
              />
            </Grid>
          </Grid>
          {nothingChanged && (
            <Alert severity="info">
              Nothing changed: the terms are the same as revision{' '}
              {existing?.revision}.
            </Alert>
          )}
          {statusCodeOf(serverError) === 403 ? (
            <Alert severity="error" role="alert">
              Not allowed: only the owners of {entityRef} may define or change
              its agreements. {serverMessageOf(serverError)}
            </Alert>
          ) : (
            <WriteErrorAlert
              error={serverError}
              onReload={props.onReload}
              recordName={name}
            />
          )}
          {/* Enter in a text field submits the form. */}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} disabled={saving}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          onClick={save}
          disabled={saving || calendarsState.loading}
        >
          {existing ? 'Save new terms' : `Save ${name}`}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
