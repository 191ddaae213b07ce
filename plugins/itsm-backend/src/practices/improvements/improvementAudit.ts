/** The audit events of the improvement register (documented in the README). */
export const improvementAuditEvents = {
  /** Reads of improvement items: a list, one item, its history, a draft or the export. */
  improvementFetch: { eventId: 'improvement-fetch', severityLevel: 'low' },
  /** Writes to improvement items and the manual job runs; `meta.actionType` says which. */
  improvementMutate: { eventId: 'improvement-mutate', severityLevel: 'medium' },
} as const;
