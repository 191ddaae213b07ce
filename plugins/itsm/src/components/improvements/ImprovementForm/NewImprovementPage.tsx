import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import {
  IMPROVEMENT_SOURCES,
  type Improvement,
  type ImprovementSource,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { WriteErrorAlert, serverMessageOf } from '../../shared/WriteErrorAlert';
import { useImprovementPath } from '../ImprovementLink';
import { ImprovementSourceLink } from '../ImprovementSource';
import { ImprovementFields } from './ImprovementFields';
import {
  createResolver,
  emptyImprovementValues,
  toCreateRequest,
  valuesFromDraft,
  type ImprovementFormValues,
} from './improvementForm';

function sourceOf(value: string | null): ImprovementSource | undefined {
  return IMPROVEMENT_SOURCES.includes(value as ImprovementSource)
    ? (value as ImprovementSource)
    : undefined;
}

/**
 * The raise form: the fields, "Raise improvement" and the server's refusal. `initial` are
 * the values it opens with (a draft's, or the query's).
 */
export function ImprovementForm(props: {
  initial: ImprovementFormValues;
  onCreated: (item: Improvement) => void;
  onCancel?: () => void;
}) {
  const itsmApi = useApi(itsmApiRef);
  const [error, setError] = useState<unknown>();
  const {
    control,
    handleSubmit,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<ImprovementFormValues>({
    resolver: createResolver,
    defaultValues: props.initial,
  });

  const submit = handleSubmit(async values => {
    setError(undefined);
    try {
      props.onCreated(await itsmApi.createImprovement(toCreateRequest(values)));
    } catch (e) {
      setError(e);
    }
  });

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Raise improvement"
      data-testid="improvement-form"
    >
      <Grid container spacing={2}>
        <ImprovementFields
          control={control}
          errors={errors}
          setValue={setValue}
          idPrefix="itsm-new-improvement"
          withSource
        />
        <Grid item xs={12}>
          <WriteErrorAlert error={error} recordName="improvement" />
        </Grid>
        <Grid item xs={12}>
          <Box display="flex" justifyContent="flex-end" style={{ gap: 8 }}>
            {props.onCancel && <Button onClick={props.onCancel}>Cancel</Button>}
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={isSubmitting}
              data-testid="improvement-submit"
            >
              Raise improvement
            </Button>
          </Box>
        </Grid>
      </Grid>
    </form>
  );
}

/**
 * `/itsm/improvements/new`: "Raise improvement" as a page. `?source=&sourceId=` loads the
 * source record's draft and pre-fills the form (the source shown as a link); `?entityRef=`
 * (repeatable) names the services. The new item's page opens once it is raised.
 */
export function NewImprovementPage() {
  const [params] = useSearchParams();
  const itsmApi = useApi(itsmApiRef);
  const navigate = useNavigate();
  const improvementPath = useImprovementPath();
  const source = sourceOf(params.get('source'));
  const sourceId = params.get('sourceId')?.trim() || undefined;
  const entityRefs = params.getAll('entityRef');
  const [created, setCreated] = useState<Improvement>();

  const draft = useAsync(async () => {
    if (!source || !sourceId) return undefined;
    return itsmApi.getImprovementDraft({ source, sourceId });
  }, [itsmApi, source, sourceId]);

  useEffect(() => {
    if (created && improvementPath) navigate(improvementPath(created.id));
  }, [created, improvementPath, navigate]);

  const fallback = emptyImprovementValues({
    ...(source ? { source } : {}),
    ...(sourceId ? { sourceId } : {}),
    entityRefs,
  });
  let initial: ImprovementFormValues | undefined;
  if (draft.value) {
    const fromDraft = valuesFromDraft(draft.value);
    initial = fromDraft.entityRefs.length
      ? fromDraft
      : { ...fromDraft, entityRefs };
  } else if (!draft.loading) {
    initial = fallback;
  }

  return (
    <Box p={3}>
      <Typography variant="h4" component="h1" gutterBottom>
        Raise improvement
      </Typography>
      {source && sourceId && (
        <Typography variant="body1" gutterBottom>
          From <ImprovementSourceLink source={source} sourceId={sourceId} />
        </Typography>
      )}
      {draft.error && (
        <Box mb={2}>
          <Alert severity="warning" role="alert">
            Could not pre-fill from {sourceId}: {serverMessageOf(draft.error)}
          </Alert>
        </Box>
      )}
      {created && !improvementPath && (
        <Alert severity="success" role="status">
          {created.id} raised: {created.title}
        </Alert>
      )}
      {initial ? (
        <Paper variant="outlined">
          <Box p={2}>
            <ImprovementForm
              // A loaded draft replaces the values the form opened with.
              key={draft.value ? 'draft' : 'blank'}
              initial={initial}
              onCreated={setCreated}
              onCancel={() => navigate(-1)}
            />
          </Box>
        </Paper>
      ) : (
        <Progress />
      )}
    </Box>
  );
}
