import { useState } from 'react';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import type { Problem } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import {
  CreateKnownErrorDialog,
  knownErrorValuesFromProblem,
} from '../KnownErrorForm';
import { KnownErrorStatusChip } from '../ProblemBadges';
import { KnownErrorLink } from '../ProblemLink';

/**
 * The known errors recorded from the problem (its `relates_to` links to `KE-n`), each with
 * its status and use, and "Create known error" pre-filled from the problem.
 */
export function ProblemKnownErrors(props: {
  problem: Problem;
  knownErrorIds: string[];
  error?: Error;
  canCreate: boolean;
  onCreated: () => void;
}) {
  const { problem, knownErrorIds } = props;
  const itsmApi = useApi(itsmApiRef);
  const [creating, setCreating] = useState(false);
  const key = knownErrorIds.join(',');
  const knownErrors = useAsync(
    () =>
      Promise.all(
        (key ? key.split(',') : []).map(id => itsmApi.getKnownError({ id })),
      ),
    [itsmApi, key],
  );
  const error = props.error ?? knownErrors.error;

  return (
    <InfoCard
      title="Known errors"
      action={
        props.canCreate ? (
          <Box mt={1} mr={1}>
            <Button variant="outlined" onClick={() => setCreating(true)}>
              Create known error
            </Button>
          </Box>
        ) : undefined
      }
    >
      {error && (
        <ResponseErrorPanel error={error} title="Could not load known errors" />
      )}
      {!error && knownErrorIds.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          None recorded from this problem.
        </Typography>
      )}
      <List dense aria-label="Known errors of the problem">
        {(knownErrors.value ?? []).map(knownError => (
          <ListItem key={knownError.id} disableGutters>
            <ListItemText
              primary={
                <>
                  <KnownErrorLink id={knownError.id} /> {knownError.title}{' '}
                  <KnownErrorStatusChip status={knownError.status} />
                </>
              }
              secondary={`Offered ${knownError.offeredCount}, applied ${knownError.appliedCount}`}
            />
          </ListItem>
        ))}
      </List>
      <CreateKnownErrorDialog
        open={creating}
        problemId={problem.id}
        initialValues={knownErrorValuesFromProblem(problem)}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          props.onCreated();
        }}
      />
    </InfoCard>
  );
}
