/** The audit events of problem management (documented in the README). */
export const problemAuditEvents = {
  /** Reads of problems: a list, one problem, its history, incidents or effectiveness. */
  problemFetch: { eventId: 'problem-fetch', severityLevel: 'low' },
  /** Writes to problems; `meta.actionType` says which. */
  problemMutate: { eventId: 'problem-mutate', severityLevel: 'medium' },
  /** Reads of known errors, including the matches offered while reporting an incident. */
  knownErrorFetch: { eventId: 'known-error-fetch', severityLevel: 'low' },
  /** Writes to known errors, and offers and applied workarounds. */
  knownErrorMutate: { eventId: 'known-error-mutate', severityLevel: 'medium' },
} as const;
