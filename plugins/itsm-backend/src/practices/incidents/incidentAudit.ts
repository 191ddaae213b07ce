/** The audit events of incident management (documented in the README). */
export const incidentAuditEvents = {
  /** Reads of incidents: a list, one incident, or its history. */
  incidentFetch: { eventId: 'incident-fetch', severityLevel: 'low' },
  /** Writes to incidents; `meta.actionType` says which. */
  incidentMutate: { eventId: 'incident-mutate', severityLevel: 'medium' },
  /** An Alertmanager or PagerDuty webhook delivery, with what it created and resolved. */
  incidentWebhook: { eventId: 'incident-webhook', severityLevel: 'medium' },
} as const;
