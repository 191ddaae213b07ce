import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { IncidentAutoCloseJob } from '../practices/incidents/IncidentAutoCloseJob';
import { SlaEscalationJob } from '../practices/incidents/SlaEscalationJob';
import { SlaMonitorJob } from '../practices/service-levels/SlaMonitorJob';
import { OwnerRefreshJob } from '../records/OwnerRefreshJob';

export { IncidentAutoCloseJob } from '../practices/incidents/IncidentAutoCloseJob';
export { SlaEscalationJob } from '../practices/incidents/SlaEscalationJob';
export { SlaMonitorJob } from '../practices/service-levels/SlaMonitorJob';

/**
 * Schedules the incident jobs. `global` scope: one replica runs each
 * invocation; the jobs are idempotent besides, so a rerun after a crash is
 * harmless. The initial delays keep them out of start-up.
 */
export async function scheduleIncidentJobs(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  escalation: SlaEscalationJob;
  autoClose: IncidentAutoCloseJob;
  /** SLA warnings, breaches and the breach register. */
  monitor?: SlaMonitorJob;
}): Promise<void> {
  const { scheduler, logger, escalation, autoClose, monitor } = options;

  await scheduler.scheduleTask({
    id: 'itsm-incident-sla-escalation',
    frequency: { minutes: 1 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
    scope: 'global',
    fn: async () => {
      const { escalated, notified, resent } = await escalation.run();
      if (escalated || resent) {
        logger.info(
          `Escalated ${escalated} incident clock thresholds; sent ${notified} notifications (${resent} resent)`,
        );
      }
    },
  });

  if (monitor) {
    await scheduler.scheduleTask({
      id: 'itsm-sla-monitor',
      frequency: { minutes: 1 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 1 },
      scope: 'global',
      fn: async () => {
        const { warned, breached, notified, resent } = await monitor.run();
        if (warned || breached || resent) {
          logger.info(
            `Recorded ${warned} SLA warnings and ${breached} breaches; sent ${notified} notifications (${resent} resent)`,
          );
        }
      },
    });
  }

  await scheduler.scheduleTask({
    id: 'itsm-incident-auto-close',
    frequency: { minutes: 30 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 5 },
    scope: 'global',
    fn: async () => {
      const { closed, skipped } = await autoClose.run();
      if (closed.length || skipped.length) {
        logger.info(
          `Closed ${closed.length} resolved incidents automatically; skipped ${skipped.length}`,
        );
      }
    },
  });
}

/**
 * Schedules the refresh of the owners stored on open records (every practice's
 * `ownedEntities`), every 15 minutes, one replica at a time.
 */
export async function scheduleOwnerRefresh(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  job: OwnerRefreshJob;
}): Promise<void> {
  await options.scheduler.scheduleTask({
    id: 'itsm-owner-refresh',
    frequency: { minutes: 15 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 2 },
    scope: 'global',
    fn: async () => {
      await options.job.run();
    },
  });
}
