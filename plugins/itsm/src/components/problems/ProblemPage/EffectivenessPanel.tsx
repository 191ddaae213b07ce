import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import type { ProblemEffectiveness } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { SlaTone } from '../../service-levels/SlaTone';

const VERDICT_WORDS: Record<ProblemEffectiveness['verdict'], string> = {
  fewer: 'Fewer incidents after the fix',
  same: 'As many incidents as before',
  more: 'More incidents after the fix',
};

const day = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The comparison in figures and words. */
export function EffectivenessFigures(props: {
  effectiveness: ProblemEffectiveness;
}) {
  const { windowDays, before, after, partial, verdict, reduction } =
    props.effectiveness;
  let tone: 'ok' | 'warning' | 'error' = 'warning';
  if (verdict === 'fewer') tone = 'ok';
  if (verdict === 'more') tone = 'error';
  return (
    <>
      <Box display="flex" flexWrap="wrap" style={{ gap: 32 }}>
        <Box role="group" aria-label={`Before: ${before.count} incidents`}>
          <Typography variant="caption" color="textSecondary" component="div">
            {windowDays} days before
          </Typography>
          <Typography variant="h5" component="div">
            {before.count}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {day(before.from)} – {day(before.to)}
          </Typography>
        </Box>
        <Box role="group" aria-label={`After: ${after.count} incidents`}>
          <Typography variant="caption" color="textSecondary" component="div">
            {windowDays} days after
          </Typography>
          <Typography variant="h5" component="div">
            {after.count}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {day(after.from)} – {day(after.to)}
          </Typography>
        </Box>
      </Box>
      <Box mt={2}>
        <SlaTone tone={tone}>
          {VERDICT_WORDS[verdict]}
          {reduction !== null && verdict === 'fewer'
            ? ` (−${Math.round(reduction * 100)}%)`
            : ''}
        </SlaTone>
      </Box>
      {partial && (
        <Typography variant="body2" color="textSecondary">
          Partial: the window after the resolution has not ended yet.
        </Typography>
      )}
    </>
  );
}

/**
 * For a resolved or closed problem: the incidents that match it in the same-length
 * window after its resolution vs before, with the verdict (partial while the window runs).
 */
export function EffectivenessPanel(props: {
  problemId: string;
  version: number;
}) {
  const itsmApi = useApi(itsmApiRef);
  const { value, error } = useAsync(
    () => itsmApi.getProblemEffectiveness({ id: props.problemId }),
    [itsmApi, props.problemId, props.version],
  );
  return (
    <InfoCard title="Effectiveness">
      {error && (
        <ResponseErrorPanel
          error={error}
          title="Could not compute the effectiveness"
        />
      )}
      {value && <EffectivenessFigures effectiveness={value} />}
    </InfoCard>
  );
}
