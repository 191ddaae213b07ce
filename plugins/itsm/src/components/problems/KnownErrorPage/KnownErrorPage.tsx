import { useParams } from 'react-router-dom';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { KnownError } from '@backstage-itsm/plugin-itsm-common';
import {
  LiveRecordHistory,
  RecordHeader,
  RecordLinks,
  RecordPage,
  useRecord,
} from '../../../records';
import { renderRecordId } from '../../RecordIdLink';
import { Fact, Unset } from '../../shared/Fact';
import { Markdown } from '../../shared/Markdown';
import { KnownErrorStatusChip } from '../ProblemBadges';
import { ProblemLink } from '../ProblemLink';
import { knownErrorKind } from '../record/problemKinds';
import { KnownErrorActions } from './KnownErrorActions';
import { RaiseImprovementButton } from '../../improvements/RaiseImprovementButton';

/** Whether the review date has passed. */
export function reviewOverdue(
  knownError: Pick<KnownError, 'reviewBy' | 'status'>,
  now: Date = new Date(),
): boolean {
  return (
    knownError.status === 'active' &&
    Boolean(knownError.reviewBy) &&
    knownError.reviewBy! < now.toISOString().slice(0, 10)
  );
}

function Rules(props: { label: string; values: string[] }) {
  return (
    <Box mb={1} role="group" aria-label={props.label}>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      {props.values.length ? (
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          {props.values.map(value => (
            <Chip key={value} size="small" label={value} />
          ))}
        </Box>
      ) : (
        <Unset text="None" />
      )}
    </Box>
  );
}

function Text(props: { title: string; content: string; empty: string }) {
  return (
    <InfoCard title={props.title}>
      {props.content.trim() ? (
        <Markdown content={props.content} />
      ) : (
        <Unset text={props.empty} />
      )}
    </InfoCard>
  );
}

/**
 * One known error: status, entities, the problem it came from, review date and how often
 * it was offered and applied; symptom, root cause and workaround in Markdown; its match
 * rules; Retire / Make active and Edit, "Raise improvement"; links and history.
 */
export function KnownErrorPage(props: { id?: string }) {
  const params = useParams();
  const id = props.id ?? params.id ?? '';
  const live = useRecord(knownErrorKind, id);

  return (
    <RecordPage kind={knownErrorKind} id={id} live={live}>
      {knownError => (
        <>
          <RecordHeader
            record={knownError}
            badges={<KnownErrorStatusChip status={knownError.status} />}
          >
            <Grid item xs={12} sm={6} md={4}>
              <Fact label="Entities">
                <EntityRefLinks entityRefs={knownError.entityRefs} hideIcons />
              </Fact>
            </Grid>
            <Grid item xs={6} sm={3} md={2}>
              <Fact label="Problem">
                {knownError.problemId ? (
                  <ProblemLink id={knownError.problemId} />
                ) : (
                  <Unset text="None" />
                )}
              </Fact>
            </Grid>
            <Grid item xs={6} sm={3} md={2}>
              <Fact label="Review by">
                {knownError.reviewBy ?? <Unset text="Not set" />}
                {reviewOverdue(knownError) && ' (overdue)'}
              </Fact>
            </Grid>
            <Grid item xs={6} sm={3} md={2}>
              <Fact label="Offered">{knownError.offeredCount}</Fact>
            </Grid>
            <Grid item xs={6} sm={3} md={2}>
              <Fact label="Applied">{knownError.appliedCount}</Fact>
            </Grid>
          </RecordHeader>
          <Box mb={3} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
            <KnownErrorActions
              knownError={knownError}
              onChange={live.accept}
              onReload={live.reload}
            />
            <RaiseImprovementButton
              source="problem"
              sourceId={knownError.id}
              size="medium"
            />
          </Box>
          <Grid container spacing={3}>
            <Grid item xs={12} md={7} lg={8}>
              <Text
                title="Symptom"
                content={knownError.symptom}
                empty="No symptom"
              />
              <Box mt={3}>
                <Text
                  title="Workaround"
                  content={knownError.workaround}
                  empty="No workaround"
                />
              </Box>
              <Box mt={3}>
                <Text
                  title="Root cause"
                  content={knownError.rootCause ?? ''}
                  empty="Not recorded"
                />
              </Box>
              <Box mt={3}>
                <InfoCard title="History">
                  <LiveRecordHistory kind={knownErrorKind} live={live} />
                </InfoCard>
              </Box>
            </Grid>
            <Grid item xs={12} md={5} lg={4}>
              <InfoCard title="Match rules">
                <Rules
                  label="Categories"
                  values={knownError.matchRules.categories}
                />
                <Rules
                  label="Signatures"
                  values={knownError.matchRules.signatures}
                />
                <Rules label="Phrases" values={knownError.matchRules.text} />
              </InfoCard>
              <Box mt={3}>
                <RecordLinks
                  kind={knownErrorKind}
                  id={knownError.id}
                  renderId={renderRecordId}
                />
              </Box>
            </Grid>
          </Grid>
        </>
      )}
    </RecordPage>
  );
}
