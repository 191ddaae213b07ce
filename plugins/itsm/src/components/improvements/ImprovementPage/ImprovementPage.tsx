import { useParams } from 'react-router-dom';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { Improvement } from '@backstage-itsm/plugin-itsm-common';
import {
  LiveRecordHistory,
  RecordLinks,
  RecordPage,
  useRecord,
} from '../../../records';
import { renderRecordId } from '../../RecordIdLink';
import { Unset } from '../../shared/Fact';
import { Markdown } from '../../shared/Markdown';
import { ImprovementActions } from '../ImprovementActions';
import { ScoreBreakdown } from '../ImprovementForm/ScorePreview';
import { improvementKind } from '../record/improvementKind';
import { ImprovementHeader } from './ImprovementHeader';
import { MeasuredEffect } from './MeasuredEffect';

function Text(props: { title: string; text: string | null; empty: string }) {
  return (
    <Box mb={2}>
      <Typography variant="subtitle2">{props.title}</Typography>
      {props.text?.trim() ? (
        <Markdown content={props.text} />
      ) : (
        <Unset text={props.empty} />
      )}
    </Box>
  );
}

function CorrectiveAction(props: { item: Improvement }) {
  const { item } = props;
  return (
    <InfoCard title="Corrective action">
      <Text
        title="Nonconformity"
        text={item.nonconformity}
        empty="Not recorded"
      />
      <Text
        title="Correction"
        text={item.correction}
        empty="Not recorded: required to implement"
      />
      <Text
        title="Root cause"
        text={item.rootCause}
        empty="Not recorded: required to implement"
      />
      <Text
        title="Effectiveness review"
        text={item.effectivenessReview}
        empty="Not recorded: required to close"
      />
    </InfoCard>
  );
}

function Outcome(props: { item: Improvement }): JSX.Element | null {
  const { item } = props;
  if (item.status === 'rejected') {
    return (
      <Box mb={3}>
        <Alert severity="info">
          Rejected{item.rejectionReason ? `: ${item.rejectionReason}` : ''}
        </Alert>
      </Box>
    );
  }
  if (item.evaluation?.trim()) {
    return (
      <Box mb={3}>
        <InfoCard title="Evaluation">
          <Markdown content={item.evaluation} />
        </InfoCard>
      </Box>
    );
  }
  return null;
}

/**
 * One improvement item or corrective action: header with the moves its status allows and
 * edit, the description, the corrective-action record, the measured effect (KPI, frozen
 * baseline, measurement, goal, verdict and the before/after chart, "Measure now"), the
 * priority score with its inputs, links to its source and other records, and the history.
 * Reads the id from the route unless given.
 */
export function ImprovementPage(props: { id?: string }) {
  const params = useParams();
  const id = props.id ?? params.id ?? '';
  const live = useRecord(improvementKind, id);

  return (
    <RecordPage kind={improvementKind} id={id} live={live}>
      {item => (
        <>
          <ImprovementHeader item={item} />
          <Box mb={3}>
            <ImprovementActions
              item={item}
              onChange={live.accept}
              onReload={live.reload}
            />
          </Box>
          <Outcome item={item} />
          <Grid container spacing={3}>
            <Grid item xs={12} md={7} lg={8}>
              <InfoCard title="Description">
                <Markdown content={item.description} />
              </InfoCard>
              <Box mt={3}>
                <MeasuredEffect
                  item={item}
                  onChange={live.accept}
                  onReload={live.reload}
                />
              </Box>
              {item.kind === 'corrective_action' && (
                <Box mt={3}>
                  <CorrectiveAction item={item} />
                </Box>
              )}
              <Box mt={3}>
                <InfoCard title="History">
                  <LiveRecordHistory kind={improvementKind} live={live} />
                </InfoCard>
              </Box>
            </Grid>
            <Grid item xs={12} md={5} lg={4}>
              <InfoCard title="Priority">
                <ScoreBreakdown priority={item.priority} large />
              </InfoCard>
              <Box mt={3}>
                <RecordLinks
                  kind={improvementKind}
                  id={item.id}
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
