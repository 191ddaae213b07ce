import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { isProblemLocked } from '@backstage-itsm/plugin-itsm-common';
import {
  LiveRecordHistory,
  RecordLinks,
  RecordPage,
  useRecord,
} from '../../../records';
import { renderRecordId } from '../../RecordIdLink';
import { Unset } from '../../shared/Fact';
import { Markdown } from '../../shared/Markdown';
import { ProblemActions } from '../ProblemActions';
import { RaiseImprovementButton } from '../../improvements/RaiseImprovementButton';
import { problemKind } from '../record/problemKinds';
import { EffectivenessPanel } from './EffectivenessPanel';
import { FixChanges } from './FixChanges';
import { ProblemHeader } from './ProblemHeader';
import { ProblemIncidents } from './ProblemIncidents';
import { ProblemKnownErrors } from './ProblemKnownErrors';
import { RcaForm } from './RcaForm';
import {
  fixChangeIdsOf,
  knownErrorIdsOf,
  useProblemLinks,
} from './useProblemLinks';

/**
 * One problem: header with the moves its status allows and edit, the statement, the
 * incidents it caused (oldest first) with "Link incident", the root-cause analysis, its
 * known errors with "Create known error", its fix changes, the effectiveness once resolved,
 * links to other records and the full history; "Raise improvement" from the problem. Reads the id from the route unless given.
 */
export function ProblemPage(props: { id?: string }) {
  const params = useParams();
  const id = props.id ?? params.id ?? '';
  const live = useRecord(problemKind, id);
  const links = useProblemLinks(id, live.record?.version ?? 0);
  // A link made by a panel of the page also shows in the list of all links.
  const [linkGeneration, setLinkGeneration] = useState(0);

  return (
    <RecordPage kind={problemKind} id={id} live={live}>
      {problem => {
        const open = !isProblemLocked(problem.status);
        const onLinked = () => {
          links.retry();
          setLinkGeneration(n => n + 1);
          live.reload();
          live.reloadHistory();
        };
        return (
          <>
            <ProblemHeader problem={problem} />
            <Box mb={3}>
              <ProblemActions
                problem={problem}
                onChange={live.accept}
                onReload={live.reload}
              />
            </Box>
            <Grid container spacing={3}>
              <Grid item xs={12} md={7} lg={8}>
                <InfoCard
                  title="Problem statement"
                  action={
                    <RaiseImprovementButton
                      source="problem"
                      sourceId={problem.id}
                    />
                  }
                >
                  {problem.statement.trim() ? (
                    <Markdown content={problem.statement} />
                  ) : (
                    <Unset text="No statement yet" />
                  )}
                </InfoCard>
                <Box mt={3}>
                  <ProblemIncidents
                    problemId={problem.id}
                    version={problem.version}
                    canLink={open}
                    onLinked={onLinked}
                  />
                </Box>
                <Box mt={3}>
                  <RcaForm
                    problem={problem}
                    editable={open && problem.status !== 'candidate'}
                    onChange={live.accept}
                    onReload={live.reload}
                  />
                </Box>
                <Box mt={3}>
                  <InfoCard title="History">
                    <LiveRecordHistory kind={problemKind} live={live} />
                  </InfoCard>
                </Box>
              </Grid>
              <Grid item xs={12} md={5} lg={4}>
                {(problem.status === 'resolved' ||
                  problem.status === 'closed') && (
                  <Box mb={3}>
                    <EffectivenessPanel
                      problemId={problem.id}
                      version={problem.version}
                    />
                  </Box>
                )}
                <ProblemKnownErrors
                  problem={problem}
                  knownErrorIds={knownErrorIdsOf(links.value ?? [])}
                  error={links.error}
                  canCreate={problem.status !== 'cancelled'}
                  onCreated={onLinked}
                />
                <Box mt={3}>
                  <FixChanges
                    problemId={problem.id}
                    changeIds={fixChangeIdsOf(links.value ?? [])}
                    error={links.error}
                    canLink={open}
                    onLinked={onLinked}
                  />
                </Box>
                <Box mt={3}>
                  <RecordLinks
                    key={linkGeneration}
                    kind={problemKind}
                    id={problem.id}
                    renderId={renderRecordId}
                  />
                </Box>
              </Grid>
            </Grid>
          </>
        );
      }}
    </RecordPage>
  );
}
