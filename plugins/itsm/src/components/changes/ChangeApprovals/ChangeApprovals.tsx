import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { Change } from '@backstage-itsm/plugin-itsm-common';
import { DecisionForm } from './DecisionForm';
import { RequiredApprovalsList } from './RequiredApprovalsList';
import { describeOutstanding } from './requirements';
import { VotesTable } from './VotesTable';

function emptyRequirementsText(change: Change): string {
  if (change.type === 'standard') {
    return 'Pre-approved: a standard change needs no approvals.';
  }
  return ['draft', 'assessment'].includes(change.status)
    ? 'Decided by the approval policy when the change enters authorization.'
    : 'No approvals recorded as required.';
}

/**
 * The approvals of a change: what the policy requires (snapshotted at authorization), who
 * still has to decide, every vote with its plan revision (votes on an older plan are shown
 * as no longer counting), and Approve/Reject when the caller may decide now.
 */
export function ChangeApprovals(props: {
  change: Change;
  onChange: (change: Change) => void;
}) {
  const { change, onChange } = props;
  const outstanding = change.outstandingApprovals ?? [];
  return (
    <InfoCard title="Approvals">
      <Typography variant="subtitle2">Required</Typography>
      <RequiredApprovalsList
        requirements={change.requiredApprovals}
        emptyText={emptyRequirementsText(change)}
      />
      {change.status === 'authorization' && (
        <Box mt={2}>
          <Typography variant="subtitle2">Who still has to decide</Typography>
          {outstanding.length === 0 ? (
            <Typography variant="body2" color="textSecondary">
              Nobody: every requirement is met.
            </Typography>
          ) : (
            <List dense disablePadding aria-label="Who still has to decide">
              {outstanding.map((r, i) => (
                <ListItem key={`${r.group}-${i}`} disableGutters>
                  <ListItemText primary={describeOutstanding(r)} />
                </ListItem>
              ))}
            </List>
          )}
        </Box>
      )}
      <Box mt={2}>
        <Typography variant="subtitle2">Votes</Typography>
        <VotesTable
          approvals={change.approvals}
          planRevision={change.planRevision}
        />
      </Box>
      {change.canDecide && (
        <Box mt={2}>
          <Typography variant="subtitle2" gutterBottom>
            Your decision on plan revision {change.planRevision}
          </Typography>
          <DecisionForm change={change} onDecided={onChange} />
        </Box>
      )}
    </InfoCard>
  );
}
