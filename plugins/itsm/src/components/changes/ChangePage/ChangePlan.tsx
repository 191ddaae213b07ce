import { Fragment } from 'react';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { Change } from '@backstage-itsm/plugin-itsm-common';
import { IncidentLink } from '../../incidents/IncidentLink';
import { Markdown } from '../../shared/Markdown';
import { RecordIdLink } from '../../RecordIdLink';
import { CreateProblemFromReview } from '../../problems/CreateProblemFromReview';
import { RaiseImprovementButton } from '../../improvements/RaiseImprovementButton';

function Part(props: { title: string; text: string | null }) {
  return (
    <Box mb={2} role="region" aria-label={props.title}>
      <Typography variant="subtitle2">{props.title}</Typography>
      {props.text?.trim() ? (
        <Markdown content={props.text} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          Not written yet.
        </Typography>
      )}
    </Box>
  );
}

/** Justification and the three plans, as Markdown rendered safely. */
export function ChangePlan(props: { change: Change }) {
  const { change } = props;
  return (
    <InfoCard title="Plan">
      <Part title="Justification" text={change.justification} />
      <Part title="Implementation plan" text={change.implementationPlan} />
      <Part title="Backout plan" text={change.backoutPlan} />
      <Part title="Test plan" text={change.testPlan} />
    </InfoCard>
  );
}

/**
 * The post-implementation review, once written, with links to the incidents it names, its
 * problem (or "Create problem") and "Raise improvement" from it.
 */
export function ChangeReview(props: {
  change: Change;
  /** Called after a problem was created from the review (and linked to the change). */
  onProblemCreated?: (problemId: string) => void;
}) {
  const { change } = props;
  const { review } = change;
  if (!review) return null;
  return (
    <InfoCard title="Post-implementation review">
      <Markdown content={review.summary} />
      {review.objectivesMet !== undefined && (
        <Typography variant="body2">
          Objectives met: {review.objectivesMet ? 'yes' : 'no'}
        </Typography>
      )}
      {review.lessonsLearned && (
        <Box mt={1}>
          <Typography variant="subtitle2">Lessons learned</Typography>
          <Markdown content={review.lessonsLearned} />
        </Box>
      )}
      {review.incidentIds && review.incidentIds.length > 0 && (
        <Box mt={1} role="region" aria-label="Incidents reviewed">
          <Typography variant="subtitle2">Incidents</Typography>
          <Typography variant="body2">
            {review.incidentIds.map((id, index) => (
              <Fragment key={id}>
                {index > 0 && ', '}
                <IncidentLink id={id} />
              </Fragment>
            ))}
          </Typography>
        </Box>
      )}
      {review.problemId ? (
        <Typography variant="body2">
          Problem: <RecordIdLink id={review.problemId} />
        </Typography>
      ) : (
        props.onProblemCreated && (
          <CreateProblemFromReview
            record={{
              collection: 'changes',
              id: change.id,
              title: change.title,
              entityRefs: change.entityRefs,
            }}
            statement={[review.summary, review.lessonsLearned]
              .filter(Boolean)
              .join('\n\n')}
            onCreated={props.onProblemCreated}
          />
        )
      )}
      <Box mt={1} display="flex" justifyContent="flex-end">
        <RaiseImprovementButton source="change_review" sourceId={change.id} />
      </Box>
    </InfoCard>
  );
}
