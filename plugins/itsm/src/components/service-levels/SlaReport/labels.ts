import {
  PRIORITY_LABELS,
  type Priority,
  type ReportWorkload,
} from '@backstage-itsm/plugin-itsm-common';
import { formatDuration } from '../../shared/format';

/** `p1.response` → `P1 Critical response`; `overall` stays as it is. */
export function targetLabel(target: string): string {
  const match = /^p([1-5])\.(response|resolution)$/.exec(target);
  if (!match) {
    return target === 'overall' ? 'All targets' : target;
  }
  return `${PRIORITY_LABELS[Number(match[1]) as Priority]} ${match[2]}`;
}

export const WORKLOAD_LABELS: Record<ReportWorkload['metric'], string> = {
  incidentsPerMonth: 'Incidents',
  majorIncidentsPerMonth: 'Major incidents',
  changesPerMonth: 'Changes',
};

/** A target duration in ms as `4h`, `1h 30m`; `–` when none is agreed. */
export function formatTargetMs(ms: number | null): string {
  return ms === null ? '–' : formatDuration(ms);
}

/** `met`, `missed` or `–` for a target without an outcome. */
export function metWord(met: boolean | null): string {
  if (met === null) return '–';
  return met ? 'met' : 'missed';
}

/** The colour of a target's outcome: met green, missed red, no outcome plain. */
export function toneOfMet(
  met: boolean | null | undefined,
): 'ok' | 'error' | 'neutral' {
  if (met === null || met === undefined) return 'neutral';
  return met ? 'ok' : 'error';
}
