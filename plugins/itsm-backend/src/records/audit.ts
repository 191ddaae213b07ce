import {
  AuditorService,
  AuditorServiceCreateEventOptions,
} from '@backstage/backend-plugin-api';

type Meta = NonNullable<AuditorServiceCreateEventOptions['meta']>;

/** The audit events of the ITSM plugin (documented in the README). */
export const auditEvents = {
  /** Reads of incidents: a list, one incident, or its history. */
  incidentFetch: { eventId: 'incident-fetch', severityLevel: 'low' },
  /** Writes to incidents; `meta.actionType` says which. */
  incidentMutate: { eventId: 'incident-mutate', severityLevel: 'medium' },
  /** An Alertmanager or PagerDuty webhook delivery, with what it created and resolved. */
  incidentWebhook: { eventId: 'incident-webhook', severityLevel: 'medium' },
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
  /** Reads of the breach register. */
  breachFetch: { eventId: 'breach-fetch', severityLevel: 'low' },
  /** Cause, action and waiver recorded on a breach. */
  breachMutate: { eventId: 'breach-mutate', severityLevel: 'medium' },
  /** SLA reports of a service or of the portfolio. */
  slaReportFetch: { eventId: 'sla-report-fetch', severityLevel: 'low' },
} as const;

/**
 * Runs `fn` as an audited operation: records the event, then its success
 * (with `successMeta` of the result) or its failure, and rethrows failures.
 */
export async function withAudit<T>(
  auditor: AuditorService,
  options: AuditorServiceCreateEventOptions & {
    successMeta?: (result: T) => Meta;
  },
  fn: () => Promise<T>,
): Promise<T> {
  const { successMeta, ...eventOptions } = options;
  const event = await auditor.createEvent(eventOptions);
  try {
    const result = await fn();
    await event.success(
      successMeta ? { meta: successMeta(result) } : undefined,
    );
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
