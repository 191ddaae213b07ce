import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import type { Level, ProblemOrigin } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { RecordIdLink } from '../../RecordIdLink';

/** The record a review was written on, as a new problem starts from it. */
export interface ReviewedRecord {
  collection: 'incidents' | 'changes';
  id: string;
  title: string;
  entityRefs: string[];
  impact?: Level;
  urgency?: Level;
}

/**
 * "Create problem from this review": raises a problem on the reviewed record's entities with the
 * review as its statement, linked to the record (an incident is linked as caused by it, a change
 * relates to it), then lets the page record the problem in the review. Problem managers go on
 * from the problem page.
 */
export function CreateProblemFromReview(props: {
  record: ReviewedRecord;
  /** The review's text (summary, root cause), the problem's statement. */
  statement: string;
  disabled?: boolean;
  /** Called with the new problem's id once it exists and is linked. */
  onCreated: (problemId: string) => Promise<void> | void;
}) {
  const { record } = props;
  const itsmApi = useApi(itsmApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<string>();
  const origin: ProblemOrigin =
    record.collection === 'incidents' ? 'major_incident' : 'change_review';

  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const problem = await itsmApi.createProblem({
        title: `Problem behind ${record.id}: ${record.title}`.slice(0, 200),
        statement: props.statement,
        entityRefs: record.entityRefs.slice(0, 100),
        impact: record.impact ?? 2,
        urgency: record.urgency ?? 2,
        origin,
        ...(record.collection === 'incidents'
          ? {
              incidentIds: [record.id],
              linkReason: 'Created from the post-incident review',
            }
          : {}),
      });
      if (record.collection === 'changes') {
        await itsmApi.addLink({
          collection: 'changes',
          id: record.id,
          link: {
            to: problem.id,
            relation: 'relates_to',
            note: 'Created from the post-implementation review',
          },
        });
      }
      setCreated(problem.id);
      await props.onCreated(problem.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Box mt={1}>
        <Typography variant="body2">
          Created <RecordIdLink id={created} /> from this review and linked it.
        </Typography>
      </Box>
    );
  }
  return (
    <Box mt={1}>
      {error !== undefined && (
        <WriteErrorAlert error={error} recordName="problem" />
      )}
      <Button
        variant="outlined"
        color="primary"
        disabled={props.disabled || busy}
        onClick={create}
      >
        Create problem from this review
      </Button>
    </Box>
  );
}
