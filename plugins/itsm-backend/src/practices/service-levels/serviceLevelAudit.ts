/** The audit events of the breach register and SLA reports (documented in the README). */
export const serviceLevelAuditEvents = {
  /** Reads of the breach register. */
  breachFetch: { eventId: 'breach-fetch', severityLevel: 'low' },
  /** Cause, action and waiver recorded on a breach. */
  breachMutate: { eventId: 'breach-mutate', severityLevel: 'medium' },
  /** SLA reports of a service or of the portfolio. */
  slaReportFetch: { eventId: 'sla-report-fetch', severityLevel: 'low' },
} as const;
