import { useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  SURVEYS_SIGNAL_CHANNEL,
  Survey,
  satisfactionSignalChannel,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { formatNps, formatPercent } from '../format';
import { SatisfactionScores } from '../SatisfactionScores';
import { NewCampaignDialog } from './NewCampaignDialog';
import { RaiseImprovementButton } from '../../improvements/RaiseImprovementButton';

const sourceLabel = (source: { type: string; id: string }) =>
  source.type === 'incident' ? `after ${source.id}` : `campaign ${source.id}`;

function Trend(props: {
  points: Array<{
    label: string;
    csatPercent: number | null;
    ratings: number;
    nps: number | null;
    responseRatePercent: number | null;
  }>;
}) {
  return (
    <Table size="small" aria-label="Satisfaction per month">
      <TableHead>
        <TableRow>
          <TableCell>Month</TableCell>
          <TableCell>CSAT</TableCell>
          <TableCell align="right">n</TableCell>
          <TableCell align="right">NPS</TableCell>
          <TableCell align="right">Response rate</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.points.map(point => (
          <TableRow key={point.label}>
            <TableCell>{point.label}</TableCell>
            <TableCell>
              <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                <Box
                  aria-hidden
                  height={8}
                  width={`${(point.csatPercent ?? 0) * 0.8}px`}
                  bgcolor="primary.main"
                  borderRadius={4}
                />
                {formatPercent(point.csatPercent)}
              </Box>
            </TableCell>
            <TableCell align="right">{point.ratings}</TableCell>
            <TableCell align="right">{formatNps(point.nps)}</TableCell>
            <TableCell align="right">
              {formatPercent(point.responseRatePercent)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Campaigns(props: {
  surveys: Survey[];
  onMove: (survey: Survey, to: 'open' | 'closed') => void;
  busy: boolean;
}) {
  if (props.surveys.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No campaign on this service yet.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Campaigns">
      <TableHead>
        <TableRow>
          <TableCell>Campaign</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Closes</TableCell>
          <TableCell align="right">Answered</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {props.surveys.map(survey => (
          <TableRow key={survey.id}>
            <TableCell>
              {survey.id}: {survey.title}
              {survey.anonymous ? ' (anonymous)' : ''}
            </TableCell>
            <TableCell>{survey.status}</TableCell>
            <TableCell>{survey.closesAt?.slice(0, 10) ?? '–'}</TableCell>
            <TableCell align="right">
              {survey.responses} of {survey.invited}
            </TableCell>
            <TableCell align="right">
              {survey.status === 'draft' && (
                <Button
                  size="small"
                  disabled={props.busy}
                  onClick={() => props.onMove(survey, 'open')}
                >
                  Open {survey.id}
                </Button>
              )}
              {survey.status === 'open' && (
                <Button
                  size="small"
                  disabled={props.busy}
                  onClick={() => props.onMove(survey, 'closed')}
                >
                  Close {survey.id}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Customer satisfaction of a service: CSAT, mean rating, NPS and response rate of the last 90
 * days with their counts and a too-few flag, the monthly trend, the latest comments (each with
 * "Raise improvement"), and the
 * service's campaigns with "New campaign" (for its owners with `itsm.survey.manage`: the server
 * refuses others).
 * Updates live on responses and campaign changes.
 */
export function SatisfactionSection(props: { entityRef: string }) {
  const itsmApi = useApi(itsmApiRef);
  const { entityRef } = props;
  const [creating, setCreating] = useState(false);
  const [moving, setMoving] = useState(false);
  const [moveError, setMoveError] = useState<unknown>();
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [overview, surveys] = await Promise.all([
      itsmApi.getSatisfaction({ entityRef }),
      itsmApi.listSurveys({ entityRef, limit: 20 }),
    ]);
    return { overview, surveys: surveys.items };
  }, [itsmApi, entityRef]);
  useOnSignal(satisfactionSignalChannel(entityRef), () => retry());
  useOnSignal(SURVEYS_SIGNAL_CHANNEL, () => retry());

  const move = async (survey: Survey, to: 'open' | 'closed') => {
    setMoving(true);
    setMoveError(undefined);
    try {
      await itsmApi.transitionSurvey({
        id: survey.id,
        version: survey.version,
        transition: { to },
      });
      retry();
    } catch (e) {
      setMoveError(e);
    } finally {
      setMoving(false);
    }
  };

  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not load satisfaction" />
    );
  }
  if (!value) {
    return loading ? <Progress /> : null;
  }
  const { overview, surveys } = value;
  return (
    <Box>
      <Box display="flex" alignItems="center" mb={2}>
        <Typography variant="h6" component="h2" style={{ flex: 1 }}>
          Customer satisfaction, last 90 days
        </Typography>
        <Button
          variant="contained"
          color="primary"
          startIcon={<AddIcon />}
          onClick={() => setCreating(true)}
        >
          New campaign
        </Button>
      </Box>
      <SatisfactionScores
        figures={overview.figures}
        minResponses={overview.minResponses}
      />
      <Box mt={3}>
        <Typography variant="subtitle1" component="h3">
          Trend
        </Typography>
        <Trend points={overview.trend} />
      </Box>
      <Box mt={3}>
        <Typography variant="subtitle1" component="h3">
          Latest comments
        </Typography>
        {overview.comments.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No comments in this period.
          </Typography>
        ) : (
          <Box component="ul" aria-label="Latest comments" pl={2}>
            {overview.comments.map(comment => (
              <li key={`${comment.at}-${comment.source.id}`}>
                <Paper variant="outlined" style={{ marginBottom: 8 }}>
                  <Box p={1.5}>
                    <Typography variant="body2">“{comment.comment}”</Typography>
                    <Typography variant="caption" color="textSecondary">
                      {comment.rating !== null
                        ? `Rated ${comment.rating}/5`
                        : ''}
                      {comment.nps !== null ? ` · NPS ${comment.nps}` : ''}
                      {` · ${sourceLabel(comment.source)} · ${comment.at.slice(
                        0,
                        10,
                      )}`}
                    </Typography>
                    <Box mt={0.5}>
                      {/* One comment: its campaign or rated incident, and when it was given. */}
                      <RaiseImprovementButton
                        source="customer_feedback"
                        sourceId={`${comment.source.id}/${comment.at}`}
                        variant="text"
                      />
                    </Box>
                  </Box>
                </Paper>
              </li>
            ))}
          </Box>
        )}
      </Box>
      <Box mt={3}>
        <Typography variant="subtitle1" component="h3">
          Campaigns
        </Typography>
        {Boolean(moveError) && (
          <WriteErrorAlert
            error={moveError}
            recordName="survey"
            onReload={retry}
          />
        )}
        <Campaigns surveys={surveys} onMove={move} busy={moving} />
      </Box>
      <NewCampaignDialog
        open={creating}
        entityRef={entityRef}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          retry();
        }}
      />
    </Box>
  );
}
