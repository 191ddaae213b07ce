import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { Approval } from '@backstage-itsm/plugin-itsm-common';
import { Instant } from '../../../records';

// Short columns keep their words whole; the comment takes the room that is left.
const short = { whiteSpace: 'nowrap' } as const;

/** Every vote, newest first; votes on an older plan revision say they no longer count. */
export function VotesTable(props: {
  approvals: readonly Approval[];
  planRevision: number;
}) {
  if (props.approvals.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No votes yet.
      </Typography>
    );
  }
  const votes = [...props.approvals].sort(
    (a, b) => Date.parse(b.at) - Date.parse(a.at),
  );
  return (
    <Table size="small" aria-label="Votes">
      <TableHead>
        <TableRow>
          <TableCell style={short}>Approver</TableCell>
          <TableCell style={short}>Decision</TableCell>
          <TableCell>Comment</TableCell>
          <TableCell style={short}>When</TableCell>
          <TableCell style={short}>Plan revision</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {votes.map((vote, i) => {
          const stale = vote.planRevision !== props.planRevision;
          return (
            <TableRow
              key={`${vote.approver}-${vote.at}-${i}`}
              style={stale ? { opacity: 0.6 } : undefined}
            >
              <TableCell style={short}>
                <EntityRefLink entityRef={vote.approver} hideIcon />
              </TableCell>
              <TableCell style={short}>
                {vote.decision === 'approve' ? 'Approved' : 'Rejected'}
              </TableCell>
              <TableCell style={{ overflowWrap: 'anywhere' }}>
                {vote.comment ?? '—'}
              </TableCell>
              <TableCell style={short}>
                <Instant at={vote.at} />
              </TableCell>
              <TableCell>
                {vote.planRevision}
                {stale && (
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="div"
                  >
                    No longer counts: the plan changed since
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
