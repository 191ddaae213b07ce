/** The audit events of customer satisfaction (documented in the README). */
export const satisfactionAuditEvents = {
  /** Reads of campaigns and templates: lists, one record, its history. */
  surveyFetch: { eventId: 'survey-fetch', severityLevel: 'low' },
  /** Writes to campaigns and templates; `meta.actionType` says which. */
  surveyMutate: { eventId: 'survey-mutate', severityLevel: 'medium' },
  /** A survey response (a campaign's or an incident's); never its answers. */
  surveyRespond: { eventId: 'survey-respond', severityLevel: 'medium' },
  /** Reads of satisfaction figures, comments and one's own invitations. */
  satisfactionFetch: { eventId: 'satisfaction-fetch', severityLevel: 'low' },
} as const;
