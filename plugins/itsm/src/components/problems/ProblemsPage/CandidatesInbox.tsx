import { useState } from 'react';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { Problem } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { ProblemTransitionDialog } from '../ProblemActions';
import { describeDetection } from '../ProblemBadges';
import { ProblemLink } from '../ProblemLink';

/** One candidate with what detection saw, Accept and Dismiss. */
function CandidateCard(props: {
  candidate: Problem;
  onAccept: () => void;
  onDismiss: () => void;
  busy: boolean;
}) {
  const { candidate } = props;
  const { detection } = candidate;
  return (
    <Card
      variant="outlined"
      role="article"
      aria-label={`${candidate.id}: ${candidate.title}`}
    >
      <CardContent>
        <Typography variant="overline" color="textSecondary" component="div">
          <ProblemLink id={candidate.id} />
        </Typography>
        <Typography variant="h6" component="h3">
          {candidate.title}
        </Typography>
        <Box mt={1}>
          <EntityRefLinks entityRefs={candidate.entityRefs} hideIcons />
        </Box>
        {detection ? (
          <Box mt={1} display="flex" flexWrap="wrap" style={{ gap: 24 }}>
            <Typography variant="body2">
              Rule: <strong>{detection.rule}</strong>
            </Typography>
            <Typography variant="body2">
              Key: <strong>{detection.key}</strong>
            </Typography>
            <Typography variant="body2">
              Window: <strong>{formatWindow(detection.windowHours)}</strong> (
              {new Date(detection.windowStart).toLocaleDateString()} –{' '}
              {new Date(detection.windowEnd).toLocaleDateString()})
            </Typography>
            <Typography variant="body2">
              Incidents: <strong>{detection.incidentCount}</strong>
            </Typography>
          </Box>
        ) : (
          <Typography variant="body2" color="textSecondary">
            {candidate.incidentCount} incidents
          </Typography>
        )}
        {detection && (
          <Typography variant="caption" color="textSecondary">
            {describeDetection(detection)}
          </Typography>
        )}
      </CardContent>
      <CardActions>
        <Button
          variant="contained"
          color="primary"
          disabled={props.busy}
          onClick={props.onAccept}
        >
          Accept
        </Button>
        <Button variant="outlined" onClick={props.onDismiss}>
          Dismiss
        </Button>
      </CardActions>
    </Card>
  );
}

/**
 * The candidates detection proposed, newest first: each with its rule, key, window and
 * incident count; Accept makes it a new problem, Dismiss cancels it with a reason (kept, so
 * the same key is not proposed again).
 */
export function CandidatesInbox() {
  const itsmApi = useApi(itsmApiRef);
  const { value, error, loading, retry } = useAsyncRetry(
    () => itsmApi.listProblems({ status: ['candidate'], limit: 200 }),
    [itsmApi],
  );
  const [dismissing, setDismissing] = useState<Problem>();
  const [accepting, setAccepting] = useState<string>();
  const [writeError, setWriteError] = useState<unknown>();

  const accept = async (candidate: Problem) => {
    setAccepting(candidate.id);
    setWriteError(undefined);
    try {
      await itsmApi.transitionProblem({
        id: candidate.id,
        version: candidate.version,
        transition: { to: 'new' },
      });
      retry();
    } catch (e) {
      setWriteError(e);
    } finally {
      setAccepting(undefined);
    }
  };

  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not load candidates" />
    );
  }
  const candidates = value?.items ?? [];
  return (
    <Box>
      <WriteErrorAlert
        error={writeError}
        recordName="problem"
        onReload={() => {
          setWriteError(undefined);
          retry();
        }}
      />
      {!loading && candidates.length === 0 && (
        <Box p={4} textAlign="center">
          <Typography variant="h6" gutterBottom>
            No candidates to review
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Detection proposes a candidate when incidents recur on a service or
            share an upstream dependency.
          </Typography>
        </Box>
      )}
      <Box
        display="grid"
        style={{ gap: 16 }}
        aria-label="Candidates"
        role="list"
      >
        {candidates.map(candidate => (
          <Box role="listitem" key={candidate.id}>
            <CandidateCard
              candidate={candidate}
              busy={accepting === candidate.id}
              onAccept={() => accept(candidate)}
              onDismiss={() => setDismissing(candidate)}
            />
          </Box>
        ))}
      </Box>
      {dismissing && (
        <ProblemTransitionDialog
          record={dismissing}
          to="cancelled"
          open
          onClose={() => setDismissing(undefined)}
          onDone={() => {
            setDismissing(undefined);
            retry();
          }}
          onReload={retry}
        />
      )}
    </Box>
  );
}

/** `168` → `7 days`, `6` → `6 hours`. */
function formatWindow(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24} days` : `${hours} hours`;
}
