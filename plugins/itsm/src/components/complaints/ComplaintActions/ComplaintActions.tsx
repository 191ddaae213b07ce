import { useMemo } from 'react';
import type {
  Complaint,
  ComplaintStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { RecordActions, type RecordDialogProps } from '../../../records';
import { complaintKind } from '../record/complaintKind';
import { ComplaintTransitionDialog } from './ComplaintTransitionDialog';
import { EditComplaintDialog } from './EditComplaintDialog';
import {
  isComplaintEditable,
  offeredComplaintTransitions,
  type ComplaintRole,
} from './complaintTransitions';

/**
 * The moves the lifecycle allows from the complaint's status, one button each, and "Edit"
 * until it is closed; a complainant who does not own it is offered "Accept response" and
 * "Not satisfied" on a resolved complaint. What the server answers becomes the page's
 * complaint.
 */
export function ComplaintActions(props: {
  complaint: Complaint;
  role: ComplaintRole;
  onChange: (complaint: Complaint) => void;
  onReload: () => void;
}) {
  const { complaint, role } = props;
  const byComplainant = role.complainant && !role.manages;
  // One component per wording, so an open dialog survives the page's re-renders.
  const TransitionDialog = useMemo(
    () =>
      function ComplaintMoveDialog(
        dialog: RecordDialogProps<Complaint> & { to: ComplaintStatus },
      ) {
        return (
          <ComplaintTransitionDialog
            {...dialog}
            byComplainant={byComplainant}
          />
        );
      },
    [byComplainant],
  );
  return (
    <RecordActions
      kind={complaintKind}
      record={complaint}
      moves={offeredComplaintTransitions(complaint, role)}
      editable={isComplaintEditable(complaint, role)}
      onChange={props.onChange}
      onReload={props.onReload}
      TransitionDialog={TransitionDialog}
      EditDialog={EditComplaintDialog}
    />
  );
}
