/** The audit events of service reviews (documented in the README). */
export const reviewAuditEvents = {
  /** Reads of reviews: a list, one review, its history, pack or actions. */
  reviewFetch: { eventId: 'review-fetch', severityLevel: 'low' },
  /** Writes to reviews and their actions; `meta.actionType` says which. */
  reviewMutate: { eventId: 'review-mutate', severityLevel: 'medium' },
} as const;
