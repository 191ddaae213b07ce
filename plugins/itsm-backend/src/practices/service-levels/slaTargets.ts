import {
  Priority,
  parseDuration,
  type PriorityKey,
  type ServiceLevelTargets,
} from '@backstage-itsm/plugin-itsm-common';
import { CLOCK_NAMES, ClockName, ClockTarget } from '../../config';

/** The SLA revision a clock's target may come from. */
export interface SlaRevisionRef {
  slaSeq: number;
  revision: number;
  terms: { calendarId: string; targets: ServiceLevelTargets };
}

/** A clock's target: duration, calendar and the SLA revision it came from (null: the defaults). */
export interface IncidentClockTarget {
  targetMs: number;
  calendarId: string;
  slaSeq: number | null;
  slaRevision: number | null;
}

/**
 * The response and resolution targets of an incident of `priority`.
 *
 * With an SLA revision in force, its calendar is the service calendar (it supersedes the
 * `itsm/service-hours` annotation), and each target it sets counts on the target's own calendar
 * or else that one. A clock the SLA leaves without a target for this priority takes the
 * configured default (`defaults`, i.e. `itsm.incidents.targets`) on the default's calendar or
 * else the service calendar. A target whose duration does not parse (terms are validated when
 * written, so only damaged data) also falls back to the default.
 */
export function incidentTargets(
  sla: SlaRevisionRef | undefined,
  priority: Priority,
  defaults: Record<ClockName, ClockTarget>,
  serviceCalendarId: string,
): Record<ClockName, IncidentClockTarget> {
  const serviceCalendar = sla?.terms.calendarId ?? serviceCalendarId;
  const key = `p${priority}` as PriorityKey;
  const agreed = sla?.terms.targets?.incidents?.[key];
  const result = {} as Record<ClockName, IncidentClockTarget>;
  for (const clock of CLOCK_NAMES) {
    const target = agreed?.[clock];
    let targetMs: number | undefined;
    if (target) {
      try {
        targetMs = parseDuration(target.duration);
      } catch {
        targetMs = undefined;
      }
    }
    result[clock] =
      sla && target && targetMs !== undefined
        ? {
            targetMs,
            calendarId: target.calendarId ?? serviceCalendar,
            slaSeq: sla.slaSeq,
            slaRevision: sla.revision,
          }
        : {
            targetMs: defaults[clock].targetMs,
            calendarId: defaults[clock].calendarId ?? serviceCalendar,
            slaSeq: null,
            slaRevision: null,
          };
  }
  return result;
}
