import type { Priority } from '../incidents/types';

/** @public */
export type ServiceStatus = 'operational' | 'degraded' | 'major_outage';

/**
 * What `GET /service-health?entityRef=` answers for one entity.
 *
 * @public
 */
export interface ServiceHealth {
  entityRef: string;
  status: ServiceStatus;
  openIncidents: { total: number; byPriority: Record<Priority, number> };
  activeMajorIncident: {
    id: string;
    title: string;
    priority: Priority;
    createdAt: string;
  } | null;
  /** Running SLA clocks at or above the first escalation threshold, not yet breached. */
  clocksAtRisk: number;
  /** SLA clocks of open incidents that are already breached. */
  clocksBreached: number;
  /** The service's SLA this period (calendar month in the SLA calendar's zone); null without one. */
  sla?: ServiceHealthSla | null;
  computedAt: string;
}

/**
 * SLA figures on the service health card.
 *
 * @public
 */
export interface ServiceHealthSla {
  id: string;
  title: string;
  /** 100 × met / (met + breached) of the clocks decided this period; null when none was. */
  attainmentPercent: number | null;
  met: number;
  breached: number;
  availabilityPercent: number | null;
  availabilityTargetPercent: number;
  /** ISO-8601 UTC (`nextReviewDate` of the agreement). */
  nextReviewAt: string;
  reviewOverdue: boolean;
}

/**
 * The service status from its open work: an active major incident is a major outage;
 * an open P1 or P2 incident, or a breached clock, degrades the service.
 *
 * @public
 */
export function deriveServiceStatus(input: {
  openByPriority: Record<Priority, number>;
  hasActiveMajorIncident: boolean;
  clocksBreached: number;
}): ServiceStatus {
  if (input.hasActiveMajorIncident) {
    return 'major_outage';
  }
  if (
    input.openByPriority[1] > 0 ||
    input.openByPriority[2] > 0 ||
    input.clocksBreached > 0
  ) {
    return 'degraded';
  }
  return 'operational';
}
