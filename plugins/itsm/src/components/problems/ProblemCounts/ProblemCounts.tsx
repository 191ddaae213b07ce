import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import type { Page } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';

/** The most records a count reads; beyond it the count shows `200+`. */
export const COUNT_CAP = 200;

/** `n`, or `200+` when the page was full and more follow. */
export function formatCapped(page: Page<unknown>): string {
  return page.items.length >= COUNT_CAP && page.nextCursor
    ? `${COUNT_CAP}+`
    : String(page.items.length);
}

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
 * Open problems (candidates to known errors) and active known errors of an entity, for
 * the service health card. Reads one capped page of each; nothing when they cannot be read
 * (a backend without problem management).
 */
export function ProblemCounts(props: { entityRef: string }) {
  const itsmApi = useApi(itsmApiRef);
  const { entityRef } = props;
  const { value, error } = useAsync(async () => {
    const [problems, knownErrors] = await Promise.all([
      itsmApi.listProblems({
        entityRef,
        status: ['candidate', 'new', 'investigating', 'known_error'],
        limit: COUNT_CAP,
      }),
      itsmApi.listKnownErrors({
        entityRef,
        status: ['active'],
        limit: COUNT_CAP,
      }),
    ]);
    return {
      problems: formatCapped(problems),
      knownErrors: formatCapped(knownErrors),
    };
  }, [itsmApi, entityRef]);
  if (error) {
    return null;
  }
  return (
    <Box display="flex" style={{ gap: 24 }}>
      <Count label="Open problems" value={value?.problems} />
      <Count label="Active known errors" value={value?.knownErrors} />
    </Box>
  );
}
