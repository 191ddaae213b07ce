import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  PROBLEM_ORIGINS,
  problemCreateSchema,
  type Problem,
  type ProblemCreateRequest,
  type ProblemOrigin,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { RecordFormDialog } from '../../../records';
import { humanizeCode } from '../../shared/format';
import { ChipsField } from '../KnownErrorForm/ChipsField';
import {
  ProblemFields,
  problemFieldsRequest,
  requestResolver,
  type ProblemFieldValues,
} from '../ProblemForm';

interface RaiseValues extends ProblemFieldValues {
  origin: ProblemOrigin;
  incidentIds: string[];
  linkReason: string;
}

/** The body of `POST /problems` from the form; empty optional fields left out. */
export function raiseRequest(values: RaiseValues): ProblemCreateRequest {
  const fields = problemFieldsRequest(values);
  const request: ProblemCreateRequest = {
    title: fields.title,
    statement: fields.statement,
    entityRefs: fields.entityRefs,
    impact: fields.impact,
    urgency: fields.urgency,
    origin: values.origin,
  };
  if (fields.category) request.category = fields.category;
  if (fields.owner) request.owner = fields.owner;
  if (fields.assignmentGroup) request.assignmentGroup = fields.assignmentGroup;
  if (fields.targetDate) request.targetDate = fields.targetDate;
  if (values.incidentIds.length) {
    request.incidentIds = values.incidentIds.map(id =>
      id.toLocaleUpperCase('en-US'),
    );
    if (values.linkReason.trim()) request.linkReason = values.linkReason.trim();
  }
  return request;
}

const EMPTY: RaiseValues = {
  title: '',
  statement: '',
  entityRefs: [],
  impact: 2,
  urgency: 2,
  category: '',
  owner: null,
  assignmentGroup: null,
  targetDate: '',
  origin: 'reactive',
  incidentIds: [],
  linkReason: '',
};

/**
 * Raises a problem (status new) with its statement, entities, impact and urgency, origin,
 * owner and the incidents it caused, linked in the same write with the reason.
 */
export function RaiseProblemDialog(props: {
  open: boolean;
  /** Entities the form starts with, e.g. the entity whose page it was opened from. */
  entityRefs?: string[];
  onClose: () => void;
  onCreated: (problem: Problem) => void;
}) {
  const itsmApi = useApi(itsmApiRef);
  const [error, setError] = useState<unknown>();
  const defaults = { ...EMPTY, entityRefs: props.entityRefs ?? [] };
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<RaiseValues>({
    resolver: requestResolver(problemCreateSchema, raiseRequest),
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
      const problem = await itsmApi.createProblem(raiseRequest(values));
      reset(defaults);
      props.onCreated(problem);
    } catch (e) {
      setError(e);
    }
  });

  return (
    <RecordFormDialog
      open={props.open}
      onClose={close}
      onSubmit={submit}
      titleId="itsm-raise-problem-title"
      title="Raise problem"
      maxWidth="md"
      error={error}
      busy={isSubmitting}
      submitLabel={isSubmitting ? 'Raising…' : 'Raise problem'}
    >
      <Grid container spacing={2}>
        <ProblemFields
          control={control as never}
          errors={errors}
          idPrefix="itsm-raise-problem"
        />
        <Grid item xs={12} sm={4}>
          <Controller
            control={control}
            name="origin"
            render={({ field }) => (
              <TextField
                id="itsm-raise-problem-origin"
                select
                label="Origin"
                value={field.value}
                onChange={e => field.onChange(e.target.value)}
                SelectProps={{ native: true }}
                InputLabelProps={{ shrink: true }}
                margin="dense"
                fullWidth
              >
                {PROBLEM_ORIGINS.map(origin => (
                  <option key={origin} value={origin}>
                    {humanizeCode(origin)}
                  </option>
                ))}
              </TextField>
            )}
          />
        </Grid>
        <Grid item xs={12} sm={8}>
          <Controller
            control={control}
            name="incidentIds"
            render={({ field }) => (
              <ChipsField
                id="itsm-raise-problem-incidents"
                label="Incidents it caused"
                value={field.value}
                onChange={field.onChange}
                error={Boolean(errors.incidentIds)}
                helperText={
                  errors.incidentIds
                    ? 'Incident ids like INC-7'
                    : 'INC-…; press Enter after each'
                }
              />
            )}
          />
        </Grid>
        <Grid item xs={12}>
          <Controller
            control={control}
            name="linkReason"
            render={({ field }) => (
              <TextField
                {...field}
                id="itsm-raise-problem-link-reason"
                label="Why are these incidents linked?"
                error={Boolean(errors.linkReason)}
                helperText={errors.linkReason?.message}
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
