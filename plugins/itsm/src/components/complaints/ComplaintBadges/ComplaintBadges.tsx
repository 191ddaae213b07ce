import Chip from '@material-ui/core/Chip';
import {
  OPEN_COMPLAINT_STATUSES,
  type ComplaintStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { formatComplaintStatus } from '../record/complaintKind';

/** The complaint status in words; unanswered statuses are outlined. */
export function ComplaintStatusChip(props: { status: ComplaintStatus }) {
  return (
    <Chip
      size="small"
      variant={
        OPEN_COMPLAINT_STATUSES.includes(props.status) ? 'outlined' : 'default'
      }
      label={formatComplaintStatus(props.status)}
    />
  );
}

/** "Escalated" in colour, with when. */
export function EscalatedChip(props: { at: string }) {
  return (
    <Chip
      size="small"
      color="secondary"
      label="Escalated"
      title={`Escalated ${new Date(props.at).toLocaleString()}`}
    />
  );
}
