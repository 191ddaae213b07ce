import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  incidentPatchSchema,
  type Incident,
  type PostIncidentReview,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { formErrorMap } from '../../shared/forms';
import { Markdown } from '../../shared/Markdown';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { RecordIdLink } from '../../RecordIdLink';
import { CreateProblemFromReview } from '../../problems/CreateProblemFromReview';
import { RaiseImprovementButton } from '../../improvements/RaiseImprovementButton';

/** The review itself, as the PATCH schema of -common accepts it. */
const reviewSchema = incidentPatchSchema.shape.postIncidentReview
  .unwrap()
  .unwrap();

type ReviewValues = {
  summary: string;
  rootCause: string;
  lessonsLearned: string;
  problemId: string;
};

function valuesOf(review: PostIncidentReview | null): ReviewValues {
  return {
    summary: review?.summary ?? '',
    rootCause: review?.rootCause ?? '',
    lessonsLearned: review?.lessonsLearned ?? '',
    problemId: review?.problemId ?? '',
  };
}

/** Optional texts are left out rather than sent empty. */
function toReview(values: ReviewValues): PostIncidentReview {
  const review: PostIncidentReview = { summary: values.summary };
  if (values.rootCause.trim()) {
    review.rootCause = values.rootCause;
  }
  if (values.lessonsLearned.trim()) {
    review.lessonsLearned = values.lessonsLearned;
  }
  if (values.problemId.trim()) {
    review.problemId = values.problemId.trim();
  }
  return review;
}

function ReviewView(props: { review: PostIncidentReview }) {
  const { review } = props;
  const part = (title: string, text?: string) =>
    text ? (
      <Box mt={1}>
        <Typography variant="subtitle2">{title}</Typography>
        <Markdown content={text} />
      </Box>
    ) : null;
  return (
    <Box aria-label="Post-incident review" role="region">
      {part('Summary', review.summary)}
      {part('Root cause', review.rootCause)}
      {part('Lessons learned', review.lessonsLearned)}
      {review.problemId && (
        <Typography variant="body2">
          Problem: <RecordIdLink id={review.problemId} />
        </Typography>
      )}
    </Box>
  );
}

/**
 * The post-incident review a major incident needs before it can be closed: summary, root
 * cause, lessons learned and the problem it created or links; "Raise improvement" from the
 * review once it is written.
 */
export function PostIncidentReviewForm(props: {
  incident: Incident;
  disabled?: boolean;
  onChange: (incident: Incident) => void;
  onReload: () => void;
}) {
  const { incident, onChange, onReload } = props;
  const itsmApi = useApi(itsmApiRef);
  const review = incident.postIncidentReview;
  const [editing, setEditing] = useState(!review);
  const [serverError, setServerError] = useState<unknown>();
  const {
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReviewValues>({ defaultValues: valuesOf(review) });

  const submit = handleSubmit(async values => {
    setServerError(undefined);
    // Validated here rather than by a resolver: empty optional texts are dropped first.
    const parsed = reviewSchema.safeParse(toReview(values), {
      error: formErrorMap,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        setError(issue.path[0] as keyof ReviewValues, {
          message: issue.message,
        });
      }
      return;
    }
    try {
      const next = await itsmApi.patchIncident({
        id: incident.id,
        version: incident.version,
        patch: { postIncidentReview: parsed.data },
      });
      setEditing(false);
      onChange(next);
    } catch (e) {
      setServerError(e);
    }
  });

  if (review && !editing) {
    return (
      <>
        <ReviewView review={review} />
        {serverError !== undefined && (
          <WriteErrorAlert error={serverError} onReload={onReload} />
        )}
        {!props.disabled && !review.problemId && (
          <CreateProblemFromReview
            record={{
              collection: 'incidents',
              id: incident.id,
              title: incident.title,
              entityRefs: [incident.entityRef, ...incident.affectedEntityRefs],
              impact: incident.impact,
              urgency: incident.urgency,
            }}
            statement={[review.summary, review.rootCause]
              .filter(Boolean)
              .join('\n\n')}
            onCreated={async problemId => {
              // The review names the problem (the link exists already).
              try {
                onChange(
                  await itsmApi.patchIncident({
                    id: incident.id,
                    version: incident.version,
                    patch: { postIncidentReview: { ...review, problemId } },
                  }),
                );
              } catch (e) {
                setServerError(e);
              }
            }}
          />
        )}
        <Box display="flex" justifyContent="flex-end" mt={1} style={{ gap: 8 }}>
          <RaiseImprovementButton
            source="incident_trend"
            sourceId={incident.id}
            size="medium"
          />
          {!props.disabled && (
            <Button
              variant="outlined"
              onClick={() => {
                reset(valuesOf(review));
                setEditing(true);
              }}
            >
              Edit review
            </Button>
          )}
        </Box>
      </>
    );
  }

  const text = (
    name: keyof ReviewValues,
    label: string,
    options: { required?: boolean; rows?: number; helperText?: string } = {},
  ) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <TextField
          {...field}
          id={`itsm-pir-${name}`}
          label={label}
          required={options.required}
          disabled={props.disabled}
          multiline={Boolean(options.rows)}
          minRows={options.rows}
          error={Boolean(errors[name])}
          helperText={errors[name]?.message ?? options.helperText}
          margin="dense"
          fullWidth
        />
      )}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Post-incident review">
      {!review && (
        <Typography variant="body2" color="textSecondary">
          Required before this major incident can be closed.
        </Typography>
      )}
      {text('summary', 'Summary', { required: true, rows: 3 })}
      {text('rootCause', 'Root cause', { rows: 2 })}
      {text('lessonsLearned', 'Lessons learned', { rows: 2 })}
      {text('problemId', 'Problem', { helperText: 'e.g. PRB-7' })}
      {serverError !== undefined && (
        <WriteErrorAlert
          error={serverError}
          onReload={() => {
            setServerError(undefined);
            onReload();
          }}
        />
      )}
      <Box display="flex" justifyContent="flex-end" style={{ gap: 8 }} mt={1}>
        {review && <Button onClick={() => setEditing(false)}>Cancel</Button>}
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={props.disabled || isSubmitting}
        >
          Save review
        </Button>
      </Box>
    </form>
  );
}
