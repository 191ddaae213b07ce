import { useState, type ReactNode } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ReviewAction } from '@backstage-itsm/plugin-itsm-common';
import { RecordIdLink } from '../../RecordIdLink';
import { RaiseImprovementButton } from '../../improvements/RaiseImprovementButton';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { OverdueChip, ReviewActionStatusChip } from '../ReviewBadges';
import { ReviewLink } from '../ReviewLink';
import { ActionStatusMenu } from './ActionStatusMenu';

/**
 * Actions of service reviews: the action (and its review), the service, owner, due date
 * with the overdue flag, status, the record it is tracked in (or "Raise improvement" from
 * it), and "Status ▾" to move it (only where `onChange` is given). A failed move shows above the table, a 412 with
 * "Reload".
 */
export function ReviewActionsTable(props: {
  actions: ReviewAction[];
  /** Takes the action a move answered with; without it the table is read-only. */
  onChange?: (action: ReviewAction) => void;
  /** Reloads the actions (the action of a 412). */
  onReload?: () => void;
  /** Show the review each action belongs to (default false: the actions of one review). */
  showReview?: boolean;
  showService?: boolean;
  showOwner?: boolean;
  label?: string;
  emptyContent?: ReactNode;
}) {
  const { actions, onChange, showReview, showService } = props;
  const showOwner = props.showOwner ?? true;
  const [error, setError] = useState<unknown>();

  if (actions.length === 0) {
    return (
      <>
        {props.emptyContent ?? (
          <Typography variant="body2" color="textSecondary">
            No actions.
          </Typography>
        )}
      </>
    );
  }
  return (
    <>
      <WriteErrorAlert
        error={error}
        recordName="action"
        onReload={
          props.onReload &&
          (() => {
            setError(undefined);
            props.onReload?.();
          })
        }
      />
      <Box overflow="auto">
        <Table size="small" aria-label={props.label ?? 'Actions'}>
          <TableHead>
            <TableRow>
              <TableCell>Action</TableCell>
              {showReview && <TableCell>Review</TableCell>}
              {showService && <TableCell>Service</TableCell>}
              {showOwner && <TableCell>Owner</TableCell>}
              <TableCell>Due</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Tracked in</TableCell>
              {onChange && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {actions.map(action => (
              <TableRow key={action.id}>
                <TableCell>
                  <Typography variant="caption" color="textSecondary">
                    {action.id.slice(action.id.indexOf('/') + 1)}
                  </Typography>{' '}
                  {action.title}
                  {action.note && (
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      component="div"
                    >
                      {action.note}
                    </Typography>
                  )}
                </TableCell>
                {showReview && (
                  <TableCell>
                    <ReviewLink id={action.reviewId} />
                  </TableCell>
                )}
                {showService && (
                  <TableCell>
                    <EntityRefLink entityRef={action.entityRef} hideIcon />
                  </TableCell>
                )}
                {showOwner && (
                  <TableCell>
                    <EntityRefLink entityRef={action.owner} hideIcon />
                  </TableCell>
                )}
                <TableCell>
                  <Box
                    display="flex"
                    alignItems="center"
                    flexWrap="wrap"
                    style={{ gap: 4 }}
                  >
                    {action.dueDate ?? '—'}
                    {action.overdue && (
                      <OverdueChip title={`Was due ${action.dueDate}`} />
                    )}
                  </Box>
                </TableCell>
                <TableCell>
                  <ReviewActionStatusChip status={action.status} />
                </TableCell>
                <TableCell>
                  {action.recordId ? (
                    <RecordIdLink id={action.recordId} />
                  ) : (
                    <RaiseImprovementButton
                      source="service_review"
                      sourceId={action.id}
                      label="Raise improvement"
                      variant="text"
                    />
                  )}
                </TableCell>
                {onChange && (
                  <TableCell align="right">
                    <ActionStatusMenu
                      action={action}
                      onChange={onChange}
                      onError={setError}
                    />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </>
  );
}
