import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { OPEN_PROBLEM_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { problemRouteRef } from '../../../routes';
import { useRecordPath } from '../../incidents/IncidentLink';
import { KnownErrorsTable } from '../KnownErrorsPage/KnownErrorsTable';
import { ProblemsTable } from '../ProblemsTable';
import { RaiseProblemDialog } from '../ProblemsPage/RaiseProblemDialog';

/** Problems read for the entity: the open ones, then this many of the others. */
const LIMIT = 200;

/**
 * The "Problems" section of an entity page: the entity's open problems (candidates
 * included), then its other problems, and its active known errors with their workarounds'
 * use; "Raise problem" on the entity.
 */
export function EntityProblemsContent() {
  const itsmApi = useApi(itsmApiRef);
  const navigate = useNavigate();
  const problemPath = useRecordPath(problemRouteRef);
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [raising, setRaising] = useState(false);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [problems, knownErrors] = await Promise.all([
      itsmApi.listProblems({ entityRef, limit: LIMIT }),
      itsmApi.listKnownErrors({ entityRef, status: ['active'], limit: LIMIT }),
    ]);
    const open = problems.items.filter(p =>
      OPEN_PROBLEM_STATUSES.includes(p.status),
    );
    const other = problems.items.filter(
      p => !OPEN_PROBLEM_STATUSES.includes(p.status),
    );
    return { problems: [...open, ...other], knownErrors: knownErrors.items };
  }, [itsmApi, entityRef]);

  if (error) {
    return <ResponseErrorPanel error={error} title="Could not load problems" />;
  }
  return (
    <>
      <Box display="flex" justifyContent="flex-end" mb={2}>
        <Button
          variant="contained"
          color="primary"
          startIcon={<AddIcon />}
          onClick={() => setRaising(true)}
        >
          Raise problem
        </Button>
      </Box>
      <ProblemsTable
        title="Problems"
        subtitle="Open problems first, then the others, newest first"
        problems={value?.problems ?? []}
        loading={loading}
        hideEntities
        emptyContent={
          <Box p={4} textAlign="center">
            <Typography variant="h6" gutterBottom>
              No problems
            </Typography>
            <Typography variant="body2" color="textSecondary">
              No problem has been raised or detected on this entity.
            </Typography>
          </Box>
        }
      />
      <Box mt={3}>
        <KnownErrorsTable
          title="Active known errors"
          subtitle="Offered with their workarounds when an incident is reported"
          knownErrors={value?.knownErrors ?? []}
          loading={loading}
          emptyContent={
            <Box p={4} textAlign="center">
              <Typography variant="body2" color="textSecondary">
                No active known errors on this entity.
              </Typography>
            </Box>
          }
        />
      </Box>
      <RaiseProblemDialog
        open={raising}
        entityRefs={[entityRef]}
        onClose={() => setRaising(false)}
        onCreated={problem => {
          setRaising(false);
          if (problemPath) navigate(problemPath(problem.id));
          else retry();
        }}
      />
    </>
  );
}
