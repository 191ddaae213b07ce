import { LoggerService } from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import { NotificationService } from '@backstage/plugin-notifications-node';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import {
  OPEN_INCIDENT_STATUSES,
  PRIORITY_LABELS,
  ServiceCalendar,
  formatDuration,
} from '@backstage-itsm/plugin-itsm-common';
import type { SlaClockRecord } from '../incidents/IncidentStore';
import {
  ClockChangedError,
  LedgerEntry,
  LedgerPurpose,
  LedgerStore,
  OpenIncidentClock,
} from './LedgerStore';
import { computeStoredClock } from '../incidents/incidentClocks';
import { incidentId } from '../incidents/incidentViews';
import { LedgerDelivery } from './ledgerDelivery';
import { PLUGIN_SUBJECT } from '../../records/context';

const CLOCKS: ReadonlyArray<SlaClockRecord['clock']> = [
  'response',
  'resolution',
];
const PAGE_SIZE = 200;
/** How far back stopped clocks are checked for a breach the job never saw running. */
const LATE_STOP_LOOKBACK_MS = 7 * 24 * 60 * 60_000;
/** The threshold a breach is recorded at. */
const BREACH_THRESHOLD = 100;

/** What one run did. */
export interface SlaMonitorRunResult {
  /** Warnings recorded by this run (ledger rows it inserted). */
  warned: number;
  /** Breaches recorded by this run (ledger and breach register rows it inserted). */
  breached: number;
  /** Notifications sent, including resends. */
  notified: number;
  /** Earlier warnings or breaches whose notification this run sent again. */
  resent: number;
}

/**
 * Watches the SLA clocks of open incidents (DESIGN §3 "Monitoring"): a warning at each
 * configured percentage of a clock's own target, and a breach once the clock is past its
 * due instant, recorded in the breach register. Clocks that stopped already breached
 * between runs get their register row too.
 *
 * Exactly once across replicas and crashes, as in `SlaEscalationJob`: the ledger row
 * (record, clock, purpose, threshold, cycle) is inserted in the transaction that records
 * the warning or breach, only its inserter notifies, and the notification scope is the key.
 */
export class SlaMonitorJob {
  readonly #store: LedgerStore;
  readonly #delivery: LedgerDelivery;
  readonly #warningThresholds: readonly number[];
  readonly #calendarOf: (id: string) => ServiceCalendar;
  readonly #logger: LoggerService;
  readonly #now: () => Date;
  readonly #refreshCalendars?: () => Promise<void>;
  /** False until a run has looked at every stopped breached clock once (see `run`). */
  #caughtUp = false;

  static create(options: {
    store: LedgerStore;
    notifications: NotificationService;
    /** Percentages (0, 100) of a target at which to warn, increasing. */
    warningThresholds: readonly number[];
    calendarOf: (id: string) => ServiceCalendar;
    /** Reloads calendars changed by other replicas before a run. */
    refreshCalendars?: () => Promise<void>;
    logger: LoggerService;
    now?: () => Date;
  }): SlaMonitorJob {
    return new SlaMonitorJob(options);
  }

  private constructor(options: Parameters<typeof SlaMonitorJob.create>[0]) {
    this.#store = options.store;
    this.#delivery = new LedgerDelivery(options);
    this.#warningThresholds = options.warningThresholds;
    this.#calendarOf = options.calendarOf;
    this.#refreshCalendars = options.refreshCalendars;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  async run(): Promise<SlaMonitorRunResult> {
    const now = this.#now();
    const result: SlaMonitorRunResult = {
      warned: 0,
      breached: 0,
      notified: 0,
      resent: 0,
    };
    const deliver = async (entry: LedgerEntry | undefined) => {
      if (entry) {
        result[entry.purpose === 'breach' ? 'breached' : 'warned']++;
        if (await this.#delivery.send(entry, now)) {
          result.notified++;
        }
      }
    };

    // A breach older than the look-back (imported records, or a backend that was down for a
    // week) goes into the register without paging anyone: it is old news by now.
    const recentSince = now.getTime() - LATE_STOP_LOOKBACK_MS;
    const isOld = (breachedAt: Date | null | undefined) =>
      (breachedAt?.getTime() ?? 0) < recentSince;
    const registerQuietly = async (entry: LedgerEntry | undefined) => {
      if (entry) {
        await this.#delivery.markQuietly(entry, now);
        result.breached++;
      }
    };
    await this.#refreshCalendars?.();

    result.resent = await this.#delivery.resendStale(now);
    result.notified += result.resent;

    for (const clockName of CLOCKS) {
      let afterSeq = 0;
      for (;;) {
        const page = await this.#store.listOpenIncidentClocks({
          clock: clockName,
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
              clock: clockName,
              purposes: ['warning', 'breach'],
            })
          ).map(k => `${k.recordSeq}|${k.purpose}|${k.threshold}|${k.cycle}`),
        );
        for (const incident of page) {
          const cycle = clockCycle(incident.clock);
          const has = (purpose: LedgerPurpose, threshold: number) =>
            recorded.has(`${incident.seq}|${purpose}|${threshold}|${cycle}`);
          const computed = computeStoredClock(
            incident.clock,
            this.#calendarOf(incident.clock.calendarId),
            now,
          );
          if (computed.state === 'breached') {
            const evaluated: SlaClockRecord = {
              ...incident.clock,
              state: computed.state,
              dueAt: computed.dueAt,
              breachedAt: computed.breachedAt,
              evaluatedAt: now,
            };
            if (!has('breach', BREACH_THRESHOLD)) {
              const entry = await this.#recordBreach(
                incident,
                evaluated,
                cycle,
                now,
              );
              await (isOld(computed.breachedAt) ? registerQuietly : deliver)(
                entry,
              );
            }
            continue;
          }
          for (const threshold of this.#warningThresholds) {
            if (computed.percent >= threshold && !has('warning', threshold)) {
              await deliver(
                await this.#recordWarning(incident, threshold, cycle, now),
              );
            }
          }
        }
      }
    }

    // Resolved late between two runs: never seen running past due. The first run of a replica
    // looks at all time, so records imported or written while no job ran get their register
    // row; breaches older than the look-back are registered without notifying anyone.
    let after: { seq: number; clock: SlaClockRecord['clock'] } | undefined;
    for (;;) {
      const page = await this.#store.listStoppedBreachedClocks({
        decidedSince: new Date(this.#caughtUp ? recentSince : 0),
        after,
        limit: PAGE_SIZE,
      });
      if (page.length === 0) {
        break;
      }
      const last = page[page.length - 1];
      after = { seq: last.seq, clock: last.clock.clock };
      for (const incident of page) {
        const entry = await this.#recordBreach(
          incident,
          incident.clock,
          clockCycle(incident.clock),
          now,
        );
        await (isOld(incident.clock.breachedAt) ? registerQuietly : deliver)(
          entry,
        );
      }
    }
    this.#caughtUp = true;
    return result;
  }

  async #recordWarning(
    incident: OpenIncidentClock,
    threshold: number,
    cycle: string,
    now: Date,
  ): Promise<LedgerEntry | undefined> {
    const { clock } = incident;
    const id = incidentId(incident.seq);
    const scope = scopeOf(incident, 'warning', threshold, cycle);
    const payload = this.#payload(incident, {
      summary: `${id} has used ${threshold}% of its ${clock.clock} target`,
      severity: 'high',
      topic: 'itsm-sla-warning',
      scope,
    });
    return this.#store.recordNotification({
      key: keyOf(incident, 'warning', threshold, cycle),
      scope,
      recipients: recipientsOf(incident),
      payload,
      now,
      event: {
        at: now,
        actor: PLUGIN_SUBJECT,
        action: 'sla_warning',
        changes: {},
        comment: `The ${
          clock.clock
        } clock reached ${threshold}% of its ${formatDuration(
          clock.targetMs,
        )} target.`,
      },
    });
  }

  async #recordBreach(
    incident: OpenIncidentClock,
    evaluated: SlaClockRecord,
    cycle: string,
    now: Date,
  ): Promise<LedgerEntry | undefined> {
    const breachedAt = evaluated.breachedAt;
    if (!breachedAt) {
      return undefined;
    }
    const id = incidentId(incident.seq);
    const scope = scopeOf(incident, 'breach', BREACH_THRESHOLD, cycle);
    const payload = this.#payload(incident, {
      summary: `${id} breached its ${evaluated.clock} target`,
      severity: 'critical',
      topic: 'itsm-sla-breach',
      scope,
    });
    try {
      return await this.#store.recordBreach({
        key: keyOf(incident, 'breach', BREACH_THRESHOLD, cycle),
        scope,
        recipients: recipientsOf(incident),
        payload,
        now,
        clock: evaluated,
        breach: {
          priority: incident.priority,
          entityRef: incident.entityRef.toLocaleLowerCase('en-US'),
          slaSeq: evaluated.slaSeq ?? null,
          slaRevision: evaluated.slaRevision ?? null,
          targetMs: evaluated.targetMs,
          calendarId: evaluated.calendarId,
          breachedAt,
        },
        event: {
          at: now,
          actor: PLUGIN_SUBJECT,
          action: 'sla_breached',
          changes: {},
          comment: `The ${evaluated.clock} clock breached its ${formatDuration(
            evaluated.targetMs,
          )} target at ${breachedAt.toISOString()}.`,
        },
      });
    } catch (error) {
      if (error instanceof ClockChangedError) {
        // Re-targeted or stopped since this run read it: the next run sees the new cycle.
        this.#logger.info(`Breach not recorded: ${error.message}`);
        return undefined;
      }
      throw error;
    }
  }

  #payload(
    incident: OpenIncidentClock,
    options: {
      summary: string;
      severity: NotificationPayload['severity'];
      topic: string;
      scope: string;
    },
  ): NotificationPayload {
    return {
      title: `${options.summary}: ${incident.title}`.slice(0, 255),
      description: `${PRIORITY_LABELS[incident.priority]} incident on ${
        incident.entityRef
      }.`,
      link: `/itsm/incidents/${incidentId(incident.seq)}`,
      severity: options.severity,
      topic: options.topic,
      scope: options.scope,
    };
  }
}

/**
 * One run of a clock: a restart, a new target (priority change) or a new calendar begins a
 * new cycle. The calendar is in as the first 8 hex digits of its id's SHA-1, which keeps the
 * key within the 64 characters of the `cycle` columns. (`SlaEscalationJob` keeps its own,
 * older key without the calendar.)
 */
export function clockCycle(clock: SlaClockRecord): string {
  const calendar = createHash('sha1')
    .update(clock.calendarId)
    .digest('hex')
    .slice(0, 8);
  return `${clock.startedAt.getTime()}-${clock.targetMs}-${calendar}`;
}

function keyOf(
  incident: OpenIncidentClock,
  purpose: LedgerPurpose,
  threshold: number,
  cycle: string,
) {
  return {
    recordType: 'incident' as const,
    recordSeq: incident.seq,
    clock: incident.clock.clock,
    purpose,
    threshold,
    cycle,
  };
}

function scopeOf(
  incident: OpenIncidentClock,
  purpose: LedgerPurpose,
  threshold: number,
  cycle: string,
): string {
  return `itsm:incident:${incident.seq}:${incident.clock.clock}:${purpose}:${threshold}:${cycle}`;
}

/** Assignee, assignment group and the service's owner, each once. */
function recipientsOf(incident: OpenIncidentClock): string[] {
  return [
    ...new Set(
      [incident.assignee, incident.assignmentGroup, incident.ownerRef]
        .filter((r): r is string => !!r)
        .map(r => r.toLocaleLowerCase('en-US')),
    ),
  ];
}
