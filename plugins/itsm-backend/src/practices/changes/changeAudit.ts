/** The audit events of change enablement (documented in the README). */
export const changeAuditEvents = {
  /** Reads of changes: a list, one change, its history, the calendar, the queue, stats, assessments. */
  changeFetch: { eventId: 'change-fetch', severityLevel: 'low' },
  /** Writes to changes, votes included; `meta.actionType` says which. */
  changeMutate: { eventId: 'change-mutate', severityLevel: 'medium' },
  /** Reads of standard change templates. */
  changeTemplateFetch: {
    eventId: 'change-template-fetch',
    severityLevel: 'low',
  },
  /** Writes to standard change templates. */
  changeTemplateMutate: {
    eventId: 'change-template-mutate',
    severityLevel: 'medium',
  },
} as const;
