import type { ServiceLevelTargets } from './types';
import { PRIORITY_KEYS, SLM_CLOCKS } from './types';
import {
  type CalendarLookup,
  isLooser,
  resolveIncidentTargets,
} from './validate';

/** What `checkAlignment` reads of an agreement. @public */
export interface AlignableAgreement {
  id: string;
  calendarId: string;
  targets: ServiceLevelTargets;
}

/**
 * A supporting target looser than the SLA target it underpins. `field` is the path in the
 * supporting agreement, `slaField` the path in the SLA.
 *
 * @public
 */
export interface AlignmentFinding {
  agreementId: string;
  field: string;
  slaField: string;
  message: string;
}

const PERCENT_TARGETS = [
  ['availabilityPercent', 'availability'],
  ['changeSuccessRatePercent', 'change success rate'],
  ['csatPercent', 'CSAT'],
] as const;

/**
 * Flags each target of the supporting agreements (OLAs, UCs) that is looser than the SLA target
 * it underpins: a response or resolution target of the same priority that can take longer
 * (durations compared directly when both count on the same calendar, otherwise their worst-case
 * wall time over a reference week — see `worstCaseWallMs`), or a lower percentage. A target the
 * supporting agreement does not set is not a finding. Throws `InputError` on bad targets.
 *
 * @public
 */
export function checkAlignment(
  sla: AlignableAgreement,
  supporting: AlignableAgreement | readonly AlignableAgreement[],
  options: { calendars: CalendarLookup },
): AlignmentFinding[] {
  const slaTargets = resolveIncidentTargets(
    sla.targets,
    sla.calendarId,
    options.calendars,
  );
  const findings: AlignmentFinding[] = [];
  const list = Array.isArray(supporting) ? supporting : [supporting];
  for (const agreement of list as AlignableAgreement[]) {
    const own = resolveIncidentTargets(
      agreement.targets,
      agreement.calendarId,
      options.calendars,
    );
    for (const key of PRIORITY_KEYS) {
      for (const clock of SLM_CLOCKS) {
        const target = own.get(`${key}.${clock}`);
        const underpinned = slaTargets.get(`${key}.${clock}`);
        if (target && underpinned && isLooser(target, underpinned)) {
          findings.push({
            agreementId: agreement.id,
            field: target.field,
            slaField: underpinned.field,
            message: `${
              agreement.id
            } ${key.toUpperCase()} ${clock} target is looser than ${sla.id}'s`,
          });
        }
      }
    }
    for (const [metric, label] of PERCENT_TARGETS) {
      const value = agreement.targets?.[metric];
      const agreed = sla.targets?.[metric];
      if (
        typeof value === 'number' &&
        typeof agreed === 'number' &&
        value < agreed
      ) {
        findings.push({
          agreementId: agreement.id,
          field: `targets.${metric}`,
          slaField: `targets.${metric}`,
          message: `${agreement.id} ${label} ${value}% is below ${sla.id}'s ${agreed}%`,
        });
      }
    }
  }
  return findings;
}
