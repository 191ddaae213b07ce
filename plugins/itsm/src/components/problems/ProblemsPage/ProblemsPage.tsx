import { useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import { itsmApiRef } from '../../../api';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { useRecordPath } from '../../incidents/IncidentLink';
import { problemRouteRef } from '../../../routes';
import { ProblemPage } from '../ProblemPage';
import { AllProblems } from './AllProblems';
import { CandidatesInbox } from './CandidatesInbox';
import { RaiseProblemDialog } from './RaiseProblemDialog';
import { TrendHeatmap } from './TrendHeatmap';

const TABS = ['candidates', 'all', 'trends'] as const;
type ProblemsTab = (typeof TABS)[number];

/**
 * `/itsm/problems`: the candidates detection proposed (accept or dismiss), all problems
 * with filters, and the incident trend per entity and week with a CSV download; "Raise
 * problem" and "Run detection" above.
 */
export function ProblemsListPage() {
  const itsmApi = useApi(itsmApiRef);
  const navigate = useNavigate();
  const problemPath = useRecordPath(problemRouteRef);
  const [tab, setTab] = useState<ProblemsTab>('candidates');
  const [raising, setRaising] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [detecting, setDetecting] = useState(false);
  const [detected, setDetected] = useState<string>();
  const [detectError, setDetectError] = useState<unknown>();

  const runDetection = async () => {
    setDetecting(true);
    setDetectError(undefined);
    try {
      const { proposed } = await itsmApi.runProblemDetection();
      setDetected(
        proposed.length
          ? `Detection proposed ${proposed.join(', ')}`
          : 'Detection found nothing new',
      );
      setGeneration(n => n + 1);
    } catch (e) {
      setDetectError(e);
    } finally {
      setDetecting(false);
    }
  };

  return (
    <Box p={3}>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
        mb={1}
      >
        <Typography variant="h4" component="h1">
          Problems
        </Typography>
        <Box ml="auto" display="flex" style={{ gap: 8 }}>
          <Button
            variant="outlined"
            disabled={detecting}
            onClick={runDetection}
          >
            {detecting ? 'Detecting…' : 'Run detection'}
          </Button>
          <Button
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
            onClick={() => setRaising(true)}
          >
            Raise problem
          </Button>
        </Box>
      </Box>
      {detected && (
        <Typography variant="body2" color="textSecondary" role="status">
          {detected}
        </Typography>
      )}
      <WriteErrorAlert error={detectError} />
      <Tabs
        value={tab}
        onChange={(_, next) => setTab(next)}
        indicatorColor="primary"
        aria-label="Problem management"
      >
        <Tab value="candidates" label="Candidates" />
        <Tab value="all" label="All problems" />
        <Tab value="trends" label="Trends" />
      </Tabs>
      <Box mt={2} role="tabpanel">
        {tab === 'candidates' && <CandidatesInbox key={generation} />}
        {tab === 'all' && <AllProblems generation={generation} />}
        {tab === 'trends' && <TrendHeatmap />}
      </Box>
      <RaiseProblemDialog
        open={raising}
        onClose={() => setRaising(false)}
        onCreated={problem => {
          setRaising(false);
          setGeneration(n => n + 1);
          if (problemPath) navigate(problemPath(problem.id));
        }}
      />
    </Box>
  );
}

/**
 * The Problems page of the new frontend system, mounted at `/itsm/problems`: the list
 * (the index) and `:id` (one problem).
 */
export function ProblemsPage() {
  return (
    <Routes>
      <Route path="/" element={<ProblemsListPage />} />
      <Route path=":id" element={<ProblemPage />} />
    </Routes>
  );
}
