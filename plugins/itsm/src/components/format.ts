import type {
  IncidentStatus,
  ServiceStatus,
  SlaClockView,
} from '@backstage-itsm/plugin-itsm-common';

/** A running clock this far into its target is shown as at risk (the default 75% escalation). */
export const AT_RISK_PERCENT = 75;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in its two largest units, e.g. `2h 10m`, `3d 4h`, `35m`; under a minute is `<1m`.
 * The sign is ignored, the caller says "left" or "ago".
 */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (!Number.isFinite(abs) || abs < MINUTE) {
    return '<1m';
  }
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (days > 0) {
    return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  }
  if (hours > 0) {
    return minutes > 0 ? `${hours}h ${minutes}m` : `${hours}h`;
  }
  return `${minutes}m`;
}

/** `5m ago`, `2d 3h ago`, `just now`; future instants read `in 5m`. */
export function formatRelativeTime(
  iso: string,
  now: Date = new Date(),
): string {
  const diff = now.getTime() - Date.parse(iso);
  if (Number.isNaN(diff)) {
    return iso;
  }
  if (Math.abs(diff) < MINUTE) {
    return 'just now';
  }
  return diff > 0
    ? `${formatDuration(diff)} ago`
    : `in ${formatDuration(diff)}`;
}

/** How an SLA clock should look: `ok` green, `warning` at risk, `error` breached, `neutral` no colour. */
export type SlaTone = 'ok' | 'warning' | 'error' | 'neutral';

/** The words and colour of an SLA clock in a table cell. */
export function describeSlaClock(
  clock: SlaClockView | null | undefined,
  now: Date = new Date(),
): { text: string; tone: SlaTone } {
  if (!clock) {
    return { text: 'no target', tone: 'neutral' };
  }
  const atRisk = clock.percent >= AT_RISK_PERCENT;
  switch (clock.state) {
    case 'met':
      return { text: 'met', tone: 'ok' };
    case 'breached': {
      const since = clock.breachedAt
        ? now.getTime() - Date.parse(clock.breachedAt)
        : -clock.remainingMs;
      return {
        text: since > 0 ? `breached ${formatDuration(since)} ago` : 'breached',
        tone: 'error',
      };
    }
    case 'paused':
      return {
        text: `paused, ${formatDuration(clock.remainingMs)} left`,
        tone: atRisk ? 'warning' : 'neutral',
      };
    default:
      return {
        text: `${formatDuration(clock.remainingMs)} left`,
        tone: atRisk ? 'warning' : 'ok',
      };
  }
}

const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  new: 'New',
  in_progress: 'In progress',
  on_hold: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

/** `in_progress` → `In progress`. */
export function formatIncidentStatus(status: IncidentStatus): string {
  return INCIDENT_STATUS_LABELS[status] ?? status;
}

const SERVICE_STATUS_LABELS: Record<ServiceStatus, string> = {
  operational: 'Operational',
  degraded: 'Degraded',
  major_outage: 'Major outage',
};

/** `major_outage` → `Major outage`. */
export function formatServiceStatus(status: ServiceStatus): string {
  return SERVICE_STATUS_LABELS[status] ?? status;
}
