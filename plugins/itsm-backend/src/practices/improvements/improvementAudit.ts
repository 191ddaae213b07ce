/** The audit events of the improvement register (documented in the README). */
export const improvementAuditEvents = {
  /**
   * Reads of improvement items: a list, one item, its history, a draft, the export, or the
   * counts of an entity's open and overdue items (`meta.queryType` says which).
   */
  improvementFetch: { eventId: 'improvement-fetch', severityLevel: 'low' },
  /** Writes to improvement items and the manual job runs; `meta.actionType` says which. */
  improvementMutate: { eventId: 'improvement-mutate', severityLevel: 'medium' },
} as const;
