import {
  Priority,
  ServiceCalendar,
  ServiceHealth,
  deriveServiceStatus,
} from '@backstage-itsm/plugin-itsm-common';
import type { EntityHealthRows } from './IncidentStore';
import { incidentId, slaClockView } from './incidentViews';

/** The health of an entity from the aggregates the store read for it. */
export function serviceHealthOf(
  entityRef: string,
  rows: EntityHealthRows,
  options: {
    now: Date;
    /** Percent of a target from which a running clock is at risk. */
    atRiskPercent: number;
    calendarOf: (id: string) => ServiceCalendar;
  },
): ServiceHealth {
  const { now } = options;
  let clocksAtRisk = 0;
  let clocksBreached = rows.stoppedBreachedClocks;
  for (const clock of rows.runningClocks) {
    const view = slaClockView(clock, options.calendarOf(clock.calendarId), now);
    if (view.state === 'breached') {
      clocksBreached++;
    } else if (
      view.state === 'running' &&
      view.percent >= options.atRiskPercent
    ) {
      clocksAtRisk++;
    }
  }
  const byPriority: Record<Priority, number> = {
    1: 0,
    2: 0,
    3: 0,
    4: 0,
    5: 0,
    ...rows.openByPriority,
  };
  const major = rows.activeMajorIncident;
  return {
    entityRef,
    status: deriveServiceStatus({
      openByPriority: byPriority,
      hasActiveMajorIncident: major !== null,
      clocksBreached,
    }),
    openIncidents: {
      total: Object.values(byPriority).reduce((a, b) => a + b, 0),
      byPriority,
    },
    activeMajorIncident: major && {
      id: incidentId(major.seq),
      title: major.title,
      priority: major.priority,
      createdAt: major.createdAt.toISOString(),
    },
    clocksAtRisk,
    clocksBreached,
    computedAt: now.toISOString(),
  };
}
