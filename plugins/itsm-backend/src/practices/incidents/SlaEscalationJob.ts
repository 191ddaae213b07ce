import { PLUGIN_SUBJECT } from '../../records/context';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import {
  OPEN_INCIDENT_STATUSES,
  PRIORITY_LABELS,
} from '@backstage-itsm/plugin-itsm-common';
import { ItsmConfig } from '../../config';
import { CalendarRegistry } from '../service-levels/CalendarRegistry';
import { computeStoredClock } from './incidentClocks';
import { LedgerDelivery } from '../service-levels/ledgerDelivery';
import {
  LedgerEntry,
  LedgerStore,
  OpenIncidentClock,
} from '../service-levels/LedgerStore';
import { incidentId } from './incidentViews';

/** Both clocks escalate: a response breach pages as much as a resolution breach. */
const CLOCKS = ['response', 'resolution'] as const;
type ClockName = (typeof CLOCKS)[number];
const PAGE_SIZE = 200;

/** What one run did. */
export interface EscalationRunResult {
  /** Escalations recorded by this run (ledger rows it inserted). */
  escalated: number;
  /** Notifications sent, including resends. */
  notified: number;
  /** Earlier escalations whose notification this run sent again. */
  resent: number;
}

/**
 * Escalates open incidents at the configured percentages of their running response and
 * resolution clocks (DESIGN §3): functionally to the next support tier group and
 * hierarchically to the owner of the service.
 *
 * Exactly once across replicas and crashes: each escalation first inserts a
 * ledger row keyed (incident, clock, threshold, cycle) in the transaction that
 * appends its history event; only the inserter notifies, with that key as the
 * notification scope. A row whose sender died before marking it sent is sent
 * again by a later run, and the scope makes the resend update the notification
 * rather than add one. The history event keeps the version: this is job
 * bookkeeping, not a business write.
 */
export class SlaEscalationJob {
  readonly #store: LedgerStore;
  readonly #delivery: LedgerDelivery;
  readonly #config: ItsmConfig;
  readonly #calendars: CalendarRegistry;
  readonly #now: () => Date;

  static create(options: {
    store: LedgerStore;
    notifications: NotificationService;
    config: ItsmConfig;
    /** The calendars clocks count in; defaults to the configured ones. */
    calendars?: CalendarRegistry;
    logger: LoggerService;
    now?: () => Date;
  }): SlaEscalationJob {
    return new SlaEscalationJob(options);
  }

  private constructor(options: Parameters<typeof SlaEscalationJob.create>[0]) {
    this.#store = options.store;
    this.#delivery = new LedgerDelivery(options);
    this.#config = options.config;
    this.#calendars =
      options.calendars ??
      CalendarRegistry.fromConfig({
        configured: options.config.calendars,
        defaultCalendarId: options.config.incidents.defaultCalendarId,
        logger: options.logger,
      });
    this.#now = options.now ?? (() => new Date());
  }

  async run(): Promise<EscalationRunResult> {
    await this.#calendars.ensureFresh();
    const now = this.#now();
    const result: EscalationRunResult = {
      escalated: 0,
      notified: 0,
      resent: 0,
    };

    result.resent = await this.#delivery.resendStale(now);
    result.notified += result.resent;

    for (const clock of CLOCKS) {
      await this.#escalate(clock, now, result);
    }
    return result;
  }

  async #escalate(
    clock: ClockName,
    now: Date,
    result: EscalationRunResult,
  ): Promise<void> {
    let afterSeq = 0;
    for (;;) {
      const page = await this.#store.listOpenIncidentClocks({
        clock,
        statuses: OPEN_INCIDENT_STATUSES,
        afterSeq,
        limit: PAGE_SIZE,
      });
      if (page.length === 0) {
        break;
      }
      afterSeq = page[page.length - 1].seq;
      const recorded = new Set(
        (
          await this.#store.listKeys({
            recordType: 'incident',
            recordSeqs: page.map(p => p.seq),
            clock,
            purposes: ['escalation'],
          })
        ).map(k => `${k.recordSeq}|${k.threshold}|${k.cycle}`),
      );
      for (const incident of page) {
        const percent = this.#percent(incident, now);
        const cycle = cycleOf(incident);
        for (const threshold of this.#config.incidents.escalationThresholds) {
          if (
            percent < threshold ||
            recorded.has(`${incident.seq}|${threshold}|${cycle}`)
          ) {
            continue;
          }
          const entry = await this.#record(
            incident,
            clock,
            threshold,
            cycle,
            now,
          );
          if (entry) {
            result.escalated++;
            if (await this.#delivery.send(entry, now)) {
              result.notified++;
            }
          }
        }
      }
    }
  }

  /** Inserts the ledger row and history event; undefined when another run already did. */
  async #record(
    incident: OpenIncidentClock,
    clock: ClockName,
    threshold: number,
    cycle: string,
    now: Date,
  ): Promise<LedgerEntry | undefined> {
    const id = incidentId(incident.seq);
    const functional = this.#nextTier(incident.assignmentGroup);
    const hierarchical = incident.ownerRef;
    const recipients = [
      ...new Set([functional, hierarchical].filter((r): r is string => !!r)),
    ];
    const scope = `itsm:incident:${incident.seq}:${clock}:${threshold}:${cycle}`;
    const breached = threshold >= 100;
    const summary = breached
      ? `${id} breached its ${clock} target`
      : `${id} has used ${threshold}% of its ${clock} target`;
    const payload: NotificationPayload = {
      title: `${summary}: ${incident.title}`.slice(0, 255),
      description: [
        `${PRIORITY_LABELS[incident.priority]} incident on ${
          incident.entityRef
        }.`,
        functional ? `Escalated to ${functional}.` : undefined,
        hierarchical ? `Service owner ${hierarchical} informed.` : undefined,
      ]
        .filter(Boolean)
        .join(' '),
      link: `/itsm/incidents/${id}`,
      severity: severityAt(threshold),
      topic: 'itsm-incident-escalation',
      scope,
    };
    return this.#store.recordNotification({
      key: {
        recordType: 'incident',
        recordSeq: incident.seq,
        clock,
        purpose: 'escalation',
        threshold,
        cycle,
      },
      scope,
      recipients,
      payload,
      now,
      event: {
        at: now,
        actor: PLUGIN_SUBJECT,
        action: 'escalated',
        changes: {},
        comment: [
          `${
            clock === 'response' ? 'Response' : 'Resolution'
          } clock at ${threshold}%${breached ? ' (breached)' : ''}.`,
          functional
            ? `Functional escalation to ${functional}.`
            : 'No further support tier to escalate to.',
          hierarchical
            ? `Hierarchical escalation to ${hierarchical}.`
            : 'The service has no stored owner.',
        ].join(' '),
      },
    });
  }

  /**
   * The support tier after the assignment group; the first tier when the
   * group is not a tier (or there is none); none when it is the last tier.
   */
  #nextTier(assignmentGroup: string | null): string | undefined {
    const tiers = this.#config.incidents.supportTiers;
    const index = assignmentGroup ? tiers.indexOf(assignmentGroup) : -1;
    return tiers[index + 1];
  }

  #percent(incident: OpenIncidentClock, now: Date): number {
    const { clock } = incident;
    const { calendar } = this.#calendars.calendarOrDefault(clock.calendarId);
    return computeStoredClock(clock, calendar, now).percent;
  }
}

/** One run of a clock: a restart or a new target (priority change) begins a new cycle. */
function cycleOf(incident: OpenIncidentClock): string {
  return `${incident.clock.startedAt.getTime()}-${incident.clock.targetMs}`;
}

/** Breaches are critical, late warnings high. */
function severityAt(threshold: number): NotificationPayload['severity'] {
  if (threshold >= 100) {
    return 'critical';
  }
  return threshold >= 75 ? 'high' : 'normal';
}
