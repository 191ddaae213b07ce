import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../../api';

function Count(props: { label: string; value?: string }) {
  return (
    <Box role="group" aria-label={`${props.label}: ${props.value ?? '…'}`}>
      <Typography
        variant="caption"
        color="textSecondary"
        component="div"
        style={{ textTransform: 'uppercase', letterSpacing: '0.05em' }}
      >
        {props.label}
      </Typography>
      <Typography variant="h5" component="div" style={{ fontWeight: 700 }}>
        {props.value ?? '…'}
      </Typography>
    </Box>
  );
}

/**
 * Open problems (candidates to known errors) and active known errors of an entity, for the
 * service health card: counted on the server (`GET /problem-counts`); a count the caller may not
 * read, or a backend without problem management, shows nothing.
 */
export function ProblemCounts(props: { entityRef: string }) {
  const itsmApi = useApi(itsmApiRef);
  const { entityRef } = props;
  const { value, error } = useAsync(
    () => itsmApi.getProblemCounts({ entityRef }),
    [itsmApi, entityRef],
  );
  if (error) {
    return null;
  }
  const shown = (count?: number | null) =>
    count === null ? null : count?.toString();
  const problems = shown(value?.openProblems);
  const knownErrors = shown(value?.activeKnownErrors);
  return (
    <Box display="flex" style={{ gap: 24 }}>
      {problems !== null && <Count label="Open problems" value={problems} />}
      {knownErrors !== null && (
        <Count label="Active known errors" value={knownErrors} />
      )}
    </Box>
  );
}
