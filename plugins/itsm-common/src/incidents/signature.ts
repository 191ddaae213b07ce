/**
 * What makes two incidents "the same thing happening again", so recurrence can be counted:
 * the Alertmanager alert name, the PagerDuty service and title, else the normalised title.
 */

/** The longest signature stored. @public */
export const MAX_SIGNATURE_LENGTH = 200;

/**
 * A title with what varies between occurrences taken out: lowercase, numbers (counts, ids,
 * times, percentages) as `#`, hex-like ids as `#`, punctuation as spaces, whitespace collapsed.
 *
 * @public
 */
export function normaliseIncidentTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLocaleLowerCase('en-US')
    .replace(/\b[0-9a-f]{8,}\b/g, '#')
    .replace(/\d+(?:[.,:]\d+)*/g, '#')
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .replace(/#(?:\s*#)+/g, '#')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * The signature of an incident: `alertmanager:<alertname>`, `pagerduty:<service>:<title>`,
 * else `title:<normalised title>`; at most {@link MAX_SIGNATURE_LENGTH} characters.
 *
 * @public
 */
export function incidentSignature(incident: {
  title: string;
  alertname?: string;
  pagerDutyService?: string;
}): string {
  let signature: string;
  if (incident.alertname) {
    signature = `alertmanager:${incident.alertname.trim()}`;
  } else if (incident.pagerDutyService) {
    signature = `pagerduty:${incident.pagerDutyService.trim()}:${normaliseIncidentTitle(
      incident.title,
    )}`;
  } else {
    signature = `title:${normaliseIncidentTitle(incident.title)}`;
  }
  return signature.slice(0, MAX_SIGNATURE_LENGTH);
}
