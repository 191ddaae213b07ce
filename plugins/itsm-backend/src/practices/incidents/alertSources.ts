import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Level } from '@backstage-itsm/plugin-itsm-common';
import type { ExternalAlert } from './AlertIngestionService';

// How the payloads of monitoring and paging tools become incident commands.

/** What to do with one alert or event. */
export type AlertCommand =
  | { type: 'fire'; alert: ExternalAlert }
  | {
      type: 'resolve';
      source: ExternalAlert['source'];
      externalId: string;
      /** Older keys of the same alert (before firing episodes were keyed), tried in order. */
      formerExternalIds?: string[];
      resolutionNotes: string;
    }
  | {
      type: 'reopen';
      source: ExternalAlert['source'];
      externalId: string;
      comment: string;
    }
  | { type: 'ignore' | 'reject'; externalId: string; reason: string };

/**
 * The key of one firing episode of an Alertmanager alert: its fingerprint is the same every
 * time the same rule fires for the same labels, its `startsAt` is that of this episode (a
 * resolved notification carries the `startsAt` of the episode it ends).
 */
export function alertmanagerEpisodeId(alert: {
  fingerprint: string;
  startsAt: string;
}): string {
  return `${alert.fingerprint}@${alert.startsAt}`;
}

/** One alert of an Alertmanager webhook (payload version 4). */
export interface AlertmanagerAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  generatorURL?: string;
  fingerprint: string;
}

/** The label naming the affected catalog entity; `service` is the fallback. */
export const ENTITY_REF_LABEL = 'backstage_entity_ref';

const SEVERITY_LEVELS: Record<string, Level> = { critical: 1, warning: 2 };

/** Full lowercase ref of a possibly shortened one (kind Component, namespace default). */
function entityRefOf(value: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * Firing: an incident on the entity of the `backstage_entity_ref` label (or
 * `component:default/<service>`), impact and urgency from `severity`
 * (critical 1/1, warning 2/2, else 3/3), one per firing episode (fingerprint and `startsAt`),
 * so the same rule firing again next week raises a new incident; the `category` and
 * `subcategory` labels are mapped onto the taxonomy (else `uncategorised`). Resolved: resolve
 * the episode's incident.
 */
export function fromAlertmanager(alert: AlertmanagerAlert): AlertCommand {
  const { labels, annotations } = alert;
  const externalId = alertmanagerEpisodeId(alert);
  if (alert.status === 'resolved') {
    return {
      type: 'resolve',
      source: 'alertmanager',
      externalId,
      formerExternalIds: [alert.fingerprint],
      resolutionNotes: `Resolved by Alertmanager at ${
        alert.endsAt ?? 'an unknown time'
      }`,
    };
  }
  const named = labels[ENTITY_REF_LABEL] ?? labels.service;
  const entityRef = named ? entityRefOf(named) : undefined;
  if (!entityRef) {
    return {
      type: 'reject',
      externalId,
      reason: named
        ? `invalid entity ref '${named}'`
        : `the alert has neither a '${ENTITY_REF_LABEL}' nor a 'service' label`,
    };
  }
  const severity = labels.severity?.toLocaleLowerCase('en-US');
  const level = SEVERITY_LEVELS[severity ?? ''] ?? 3;
  const alertname = labels.alertname ?? 'alert';
  const labelList = Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `\`${k}=${v}\``)
    .join(', ');
  const description = [
    annotations.description,
    `Alertmanager alert \`${alertname}\`${
      severity ? ` (severity ${severity})` : ''
    }, firing since ${alert.startsAt}.`,
    alert.generatorURL ? `[Source](${alert.generatorURL})` : undefined,
    annotations.runbook_url
      ? `[Runbook](${annotations.runbook_url})`
      : undefined,
    `Labels: ${labelList}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    type: 'fire',
    alert: {
      source: 'alertmanager',
      externalId,
      entityRef,
      title: annotations.summary || alertname,
      description,
      impact: level,
      urgency: level,
      alertname,
      // Mapped onto the taxonomy; without these labels the incident is uncategorised.
      category: labels.category,
      subcategory: labels.subcategory,
    },
  };
}

/** The part of a PagerDuty V3 webhook event that is used. */
export interface PagerDutyEvent {
  event_type: string;
  occurred_at?: string;
  data: {
    id: string;
    number?: number;
    title?: string;
    html_url?: string;
    urgency?: string;
    service?: { id?: string; summary?: string };
    priority?: { summary?: string } | null;
  };
}

/**
 * `incident.triggered`: an incident on the entity the service is mapped to
 * (by the service's name, else its id); urgency high → impact 1 / urgency 1,
 * otherwise 2 / 3. `incident.resolved`: resolve it. `incident.reopened`: reopen it. Other
 * events, and events of unmapped services, are ignored.
 */
export function fromPagerDuty(
  event: PagerDutyEvent,
  serviceMapping: ReadonlyMap<string, string>,
): AlertCommand {
  const { data } = event;
  const externalId = data.id;
  if (event.event_type === 'incident.resolved') {
    return {
      type: 'resolve',
      source: 'pagerduty',
      externalId,
      resolutionNotes: `Resolved in PagerDuty at ${
        event.occurred_at ?? 'an unknown time'
      }`,
    };
  }
  if (event.event_type === 'incident.reopened') {
    return {
      type: 'reopen',
      source: 'pagerduty',
      externalId,
      comment: `Reopened in PagerDuty at ${
        event.occurred_at ?? 'an unknown time'
      }`,
    };
  }
  if (event.event_type !== 'incident.triggered') {
    return {
      type: 'ignore',
      externalId,
      reason: `event type '${event.event_type}' is not handled`,
    };
  }
  const { service } = data;
  const entityRef =
    (service?.summary && serviceMapping.get(service.summary)) ||
    (service?.id && serviceMapping.get(service.id));
  if (!entityRef) {
    return {
      type: 'ignore',
      externalId,
      reason: `PagerDuty service '${
        service?.summary ?? service?.id ?? 'unknown'
      }' is not mapped to a catalog entity`,
    };
  }
  const high = data.urgency === 'high';
  const title = data.title || `PagerDuty incident ${data.number ?? data.id}`;
  const link = data.html_url ? `[${title}](${data.html_url})` : title;
  return {
    type: 'fire',
    alert: {
      source: 'pagerduty',
      externalId,
      entityRef,
      title,
      description: [
        `Triggered in PagerDuty: ${link}`,
        `Service ${service?.summary ?? service?.id}, urgency ${
          data.urgency ?? 'unknown'
        }${
          data.priority?.summary ? `, priority ${data.priority.summary}` : ''
        }.`,
      ].join('\n\n'),
      impact: high ? 1 : 2,
      urgency: high ? 1 : 3,
      pagerDutyService: service?.summary ?? service?.id,
    },
  };
}
