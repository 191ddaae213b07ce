import type { ReactNode } from 'react';
import { InfoCard, Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  ChangeAssessment,
  ChangeType,
} from '@backstage-itsm/plugin-itsm-common';
import { RiskChip } from '../ChangeBadges';
import { RequiredApprovalsList } from '../ChangeApprovals';
import { ConflictsList } from '../ChangeConflicts';
import { serverMessageOf } from '../../shared/WriteErrorAlert';

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Box mt={2} role="region" aria-label={props.title}>
      <Typography variant="subtitle2">{props.title}</Typography>
      {props.children}
    </Box>
  );
}

/**
 * What the change would get if submitted as it stands: its risk and why, the approvals it
 * will need, the conflicts of its window, and a warning when a freeze blocks scheduling it.
 */
export function AssessmentPreview(props: {
  type: ChangeType;
  assessment: ChangeAssessment | undefined;
  loading: boolean;
  error?: Error;
}) {
  const { assessment, loading, error, type } = props;
  return (
    <InfoCard title="Before you submit" subheader="Assessed by the server">
      <Box
        aria-live="polite"
        aria-busy={loading}
        data-testid="itsm-change-preview"
      >
        {loading && <Progress />}
        {error && (
          <Alert severity="error">
            Could not assess the change: {serverMessageOf(error)}
          </Alert>
        )}
        {!assessment && !error && !loading && (
          <Typography variant="body2" color="textSecondary">
            {type === 'standard'
              ? 'Choose the affected entities and a template'
              : 'Choose the affected entities and answer every risk question'}{' '}
            to see the risk, the approvals this change will need and the
            conflicts of its window.
          </Typography>
        )}
        {assessment && (
          <>
            {assessment.blockedByFreeze && (
              <Alert severity="warning" role="alert">
                A freeze window blocks scheduling this change in its window;
                move the window
                {type === 'emergency' ? '' : ' or raise an emergency change'}.
              </Alert>
            )}
            <Section title="Risk">
              <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                <RiskChip risk={assessment.risk} />
                <Typography variant="body2" color="textSecondary">
                  score {assessment.score}, {assessment.blastRadius} dependent
                  {assessment.blastRadius === 1 ? '' : 's'}
                </Typography>
              </Box>
              <ul
                aria-label="Risk reasons"
                style={{ margin: '4px 0 0', paddingLeft: 20 }}
              >
                {assessment.riskReasons.map(reason => (
                  <li key={reason}>
                    <Typography variant="body2">{reason}</Typography>
                  </li>
                ))}
              </ul>
            </Section>
            <Section title="Approvals needed">
              <RequiredApprovalsList
                requirements={assessment.requiredApprovals}
                emptyText={
                  type === 'standard'
                    ? 'None: the standard change template is pre-approved.'
                    : 'None.'
                }
              />
            </Section>
            <Section title="Conflicts">
              <ConflictsList
                conflicts={assessment.conflicts}
                emptyText="No conflicts in this window."
              />
            </Section>
          </>
        )}
      </Box>
    </InfoCard>
  );
}
