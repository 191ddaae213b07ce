import type {
  ChangeStatus,
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

/**
 * A countdown to the second: `2h 10m 05s`, `4m 05s`, `12s`; a day or more reads `1d 2h 10m`.
 * The sign is ignored.
 */
export function formatCountdown(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) {
    return `${days}d ${hours}h ${pad(minutes)}m`;
  }
  if (hours > 0) {
    return `${hours}h ${pad(minutes)}m ${pad(seconds)}s`;
  }
  if (minutes > 0) {
    return `${minutes}m ${pad(seconds)}s`;
  }
  return `${seconds}s`;
}

/**
 * Time left on a clock at `now`, computed client side from the fetched clock: a running
 * clock is due at `dueAt`; a paused one keeps its `remainingMs`; a breached one is negative
 * since its breach. Met clocks and missing targets have no time left to sort by (`undefined`).
 */
export function slaTimeLeftMs(
  clock: SlaClockView | null | undefined,
  now: Date = new Date(),
): number | undefined {
  if (!clock || clock.state === 'met') {
    return undefined;
  }
  if (clock.state === 'running' && clock.dueAt) {
    return Date.parse(clock.dueAt) - now.getTime();
  }
  if (clock.state === 'breached' && clock.breachedAt) {
    return Date.parse(clock.breachedAt) - now.getTime();
  }
  return clock.remainingMs;
}

/**
 * The words and colour of a clock ticking live: a running clock counts down to its `dueAt`
 * to the second; paused, met and breached clocks read as static text.
 */
export function describeLiveSlaClock(
  clock: SlaClockView | null | undefined,
  now: Date,
): { text: string; tone: SlaTone } {
  if (!clock || clock.state !== 'running' || !clock.dueAt) {
    return describeSlaClock(clock, now);
  }
  const left = Date.parse(clock.dueAt) - now.getTime();
  if (left <= 0) {
    return { text: `breached ${formatDuration(left)} ago`, tone: 'error' };
  }
  const atRisk =
    clock.percent >= AT_RISK_PERCENT ||
    left <= clock.targetMs * (1 - AT_RISK_PERCENT / 100);
  return {
    text: `${formatCountdown(left)} left`,
    tone: atRisk ? 'warning' : 'ok',
  };
}

/** `awaiting_caller` → `Awaiting caller`, `change_rolled_back` → `Change rolled back`. */
export function humanizeCode(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toLocaleUpperCase('en-US') + words.slice(1);
}

const CHANGE_STATUS_LABELS: Record<ChangeStatus, string> = {
  draft: 'Draft',
  assessment: 'Assessment',
  authorization: 'Authorization',
  scheduled: 'Scheduled',
  implementing: 'Implementing',
  review: 'Review',
  closed: 'Closed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

/** `authorization` → `Authorization`. */
export function formatChangeStatus(status: ChangeStatus): string {
  return CHANGE_STATUS_LABELS[status] ?? status;
}

/** A record status in words, whichever practice it belongs to. */
export function formatAnyStatus(status: string): string {
  return (
    INCIDENT_STATUS_LABELS[status as IncidentStatus] ??
    CHANGE_STATUS_LABELS[status as ChangeStatus] ??
    humanizeCode(status)
  );
}

/** A window `start – end` in the browser's locale; the end's date is left out when the same day. */
export function formatWindow(
  start: string | null | undefined,
  end: string | null | undefined,
): string {
  if (!start || !end) {
    return 'Not planned';
  }
  const s = new Date(start);
  const e = new Date(end);
  const sameDay = s.toDateString() === e.toDateString();
  const time: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
  };
  const date: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  };
  const from = s.toLocaleString(undefined, { ...date, ...time });
  const to = sameDay
    ? e.toLocaleTimeString(undefined, time)
    : e.toLocaleString(undefined, { ...date, ...time });
  return `${from} – ${to}`;
}

/** `group:default/change-managers` → `change-managers`. */
export function shortRef(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}
