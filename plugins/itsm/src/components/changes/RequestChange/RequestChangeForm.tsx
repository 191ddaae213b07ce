import { useRef, useState } from 'react';
import {
  Controller,
  useForm,
  useWatch,
  type Resolver,
  type ResolverResult,
} from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  CHANGE_TYPES,
  changeCreateSchema,
  type Change,
  type ChangeCreateRequest,
  type ChangeTemplate,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { ChangeLink } from '../ChangeLink';
import { formErrorMap } from '../../shared/forms';
import { WriteErrorAlert, serverMessageOf } from '../../shared/WriteErrorAlert';
import { AssessmentPreview } from './AssessmentPreview';
import { ChangeFields } from './ChangeFields';
import {
  defaultValues,
  submitChange,
  submitSchema,
  toAssessmentRequest,
  toCreateRequest,
  type RequestChangeValues,
} from './requestForm';
import { RiskQuestionnaire } from './RiskQuestionnaire';
import { TemplatePicker } from './TemplatePicker';
import { useAssessmentPreview } from './useAssessmentPreview';

const TYPE_LABELS = {
  standard: 'Standard — from a pre-approved template',
  normal: 'Normal — assessed and authorised',
  emergency: 'Emergency — authorised by the emergency CAB',
};

type Intent = 'draft' | 'submit';

/**
 * "Request a change": type (a standard change picks a template usable on the entity),
 * title, justification, entities, window, plans and the risk questionnaire, with a live
 * server assessment beside it (risk and reasons, approvals needed, conflicts, freeze). "Save
 * draft" creates the draft; "Submit for approval" also moves it out of draft as far as its
 * type goes. `onDone` gets the change where it got to.
 */
export function RequestChangeForm(props: {
  entityRefs: string[];
  onDone: (change: Change) => void;
  onCancel?: () => void;
}) {
  const itsmApi = useApi(itsmApiRef);
  const intent = useRef<Intent>('submit');
  const [serverError, setServerError] = useState<unknown>();
  const [stuck, setStuck] = useState<{ change: Change; error: unknown }>();
  const [template, setTemplate] = useState<ChangeTemplate>();
  const resolver: Resolver<
    RequestChangeValues,
    unknown,
    ChangeCreateRequest
  > = async (values, context, options) =>
    // The request names the form's fields, so its errors are the form's.
    (await zodResolver(
      intent.current === 'submit' ? submitSchema : changeCreateSchema,
      { error: formErrorMap },
    )(toCreateRequest(values), context, options as never)) as ResolverResult<
      RequestChangeValues,
      ChangeCreateRequest
    >;
  const {
    control,
    handleSubmit,
    getValues,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<RequestChangeValues, unknown, ChangeCreateRequest>({
    resolver,
    defaultValues: defaultValues(props.entityRefs),
  });
  const values = useWatch({ control }) as RequestChangeValues;
  const preview = useAssessmentPreview(toAssessmentRequest(values));

  const pickTemplate = (picked: ChangeTemplate | undefined) => {
    setValue('templateId', picked?.id ?? '');
    setTemplate(picked);
    if (!picked) return;
    if (!getValues('title').trim()) setValue('title', picked.title);
    setValue('implementationPlan', picked.implementationPlan);
    setValue('backoutPlan', picked.backoutPlan);
    setValue('testPlan', picked.testPlan);
    const start = getValues('plannedStart');
    if (start && !getValues('plannedEnd')) {
      const end = Date.parse(start) + picked.durationMinutes * 60_000;
      setValue('plannedEnd', new Date(end).toISOString());
    }
  };

  const send = (which: Intent) => {
    intent.current = which;
    return handleSubmit(async request => {
      setServerError(undefined);
      setStuck(undefined);
      try {
        const result = await submitChange(itsmApi, request, which);
        if (result.error !== undefined) {
          setStuck({ change: result.change, error: result.error });
          return;
        }
        props.onDone(result.change);
      } catch (e) {
        setServerError(e);
      }
    })();
  };

  const type = values.type;
  return (
    <form
      noValidate
      aria-label="Request a change"
      onSubmit={e => {
        e.preventDefault();
        send('submit');
      }}
    >
      <Grid container spacing={3}>
        <Grid item xs={12} md={7}>
          <Grid container spacing={2}>
            <Grid item xs={12} sm={type === 'standard' ? 6 : 12}>
              <Controller
                control={control}
                name="type"
                render={({ field }) => (
                  <TextField
                    id="itsm-change-type"
                    select
                    label="Type"
                    value={field.value}
                    onChange={e => field.onChange(e.target.value)}
                    SelectProps={{ native: true }}
                    InputLabelProps={{ shrink: true }}
                    margin="dense"
                    fullWidth
                  >
                    {CHANGE_TYPES.map(t => (
                      <option key={t} value={t}>
                        {TYPE_LABELS[t]}
                      </option>
                    ))}
                  </TextField>
                )}
              />
            </Grid>
            {type === 'standard' && (
              <Grid item xs={12} sm={6}>
                <TemplatePicker
                  entityRef={values.entityRefs[0]}
                  value={values.templateId}
                  onPick={pickTemplate}
                  error={errors.templateId?.message}
                />
              </Grid>
            )}
          </Grid>
          <ChangeFields
            control={control}
            errors={errors}
            requirePlans
            template={type === 'standard' ? template : undefined}
          />
          {type !== 'standard' && (
            <Box mt={2} role="group" aria-label="Risk questionnaire">
              <Typography variant="h6">Risk questionnaire</Typography>
              <Controller
                control={control}
                name="riskAnswers"
                render={({ field }) => (
                  <RiskQuestionnaire
                    value={field.value}
                    onChange={field.onChange}
                    errors={
                      errors.riskAnswers as
                        | Partial<Record<string, { message?: string }>>
                        | undefined
                    }
                  />
                )}
              />
            </Box>
          )}
        </Grid>
        <Grid item xs={12} md={5}>
          {/* Stays in view while the form scrolls: the risk answers move it. */}
          <Box position="sticky" top={0} zIndex={1}>
            <AssessmentPreview
              type={type}
              assessment={preview.assessment}
              loading={preview.loading}
              error={preview.error}
            />
          </Box>
        </Grid>
        {(serverError !== undefined || stuck) && (
          <Grid item xs={12}>
            {serverError !== undefined && (
              <WriteErrorAlert error={serverError} recordName="change" />
            )}
            {stuck && (
              <Alert severity="warning" role="alert">
                Saved as <ChangeLink id={stuck.change.id} /> (
                {stuck.change.status}), but it could not move on:{' '}
                {serverMessageOf(stuck.error)}
              </Alert>
            )}
          </Grid>
        )}
        <Grid item xs={12}>
          <Box display="flex" justifyContent="flex-end" style={{ gap: 8 }}>
            {props.onCancel && <Button onClick={props.onCancel}>Cancel</Button>}
            <Button
              variant="outlined"
              disabled={isSubmitting}
              onClick={() => send('draft')}
            >
              Save draft
            </Button>
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={isSubmitting}
            >
              {type === 'standard'
                ? 'Submit and schedule'
                : 'Submit for approval'}
            </Button>
          </Box>
        </Grid>
      </Grid>
    </form>
  );
}
