import {
  COMPLAINT_STATUSES,
  complaintSignalChannel,
  type Complaint,
  type ComplaintPatchRequest,
  type ComplaintStatus,
  type ComplaintTransitionRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { defineRecordKind, type HistoryLabels } from '../../../records';
import { humanizeCode } from '../../shared/format';

const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  open: 'Open',
  investigating: 'Investigating',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** `investigating` → `Investigating`. */
export function formatComplaintStatus(status: ComplaintStatus): string {
  return COMPLAINT_STATUS_LABELS[status] ?? humanizeCode(status);
}

/** The words of a complaint's history. */
export const complaintHistoryLabels: HistoryLabels = {
  actions: { escalate: 'Escalated' },
  fields: {
    escalatedAt: 'escalated at',
    resolvedAt: 'resolved at',
    closedAt: 'closed at',
    entityRef: 'service',
  },
  instantFields: ['escalatedAt', 'resolvedAt', 'closedAt'],
  codeFields: ['channel'],
  tones: { escalate: 'secondary' },
  formatValue: (field, value) =>
    field === 'status' && COMPLAINT_STATUSES.includes(value as ComplaintStatus)
      ? formatComplaintStatus(value as ComplaintStatus)
      : undefined,
};

/** Complaints, as the record kit reads and writes them. */
export const complaintKind = defineRecordKind<
  Complaint,
  ComplaintPatchRequest,
  ComplaintTransitionRequest
>({
  collection: 'complaints',
  noun: 'complaint',
  idPrefixes: ['CMP'],
  channel: complaintSignalChannel,
  historyLabels: complaintHistoryLabels,
  methods: {
    get: (api, id) => api.getComplaint({ id }),
    history: (api, options) => api.getComplaintHistory(options),
    patch: (api, options) => api.updateComplaint(options),
    transition: (api, options) => api.transitionComplaint(options),
  },
});
