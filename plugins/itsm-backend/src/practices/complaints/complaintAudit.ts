/** The audit events of complaints (documented in the README). */
export const complaintAuditEvents = {
  /** Reads of complaints: a list, one complaint or its history. */
  complaintFetch: { eventId: 'complaint-fetch', severityLevel: 'low' },
  /** Writes to complaints; `meta.actionType` says which. */
  complaintMutate: { eventId: 'complaint-mutate', severityLevel: 'medium' },
} as const;
