import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  ITSM_ASSIGNMENT_GROUP_ANNOTATION,
  ITSM_SERVICE_HOURS_ANNOTATION,
  Incident,
  Priority,
  ServiceCalendar,
  ServiceTier,
  slaInForce,
} from '@backstage-itsm/plugin-itsm-common';
import { canonicalEntityRef, ownerRefOf } from '../../catalog/entities';
import { ItsmConfig } from '../../config';
import type { IncidentRecord, SlaClockRecord } from './IncidentStore';
import type {
  SlaTargetSource,
  SlaTermsRevision,
} from '../service-levels/KnexSlaTargetStore';
import { CalendarRegistry } from '../service-levels/CalendarRegistry';
import { ResolvedClockTarget, evaluateClock } from './incidentClocks';
import { incidentTargets } from '../service-levels/slaTargets';
import { toIncident } from './incidentViews';

/**
 * The rules an incident is derived with: calendars and targets of its clocks
 * (from the SLA in force for its service, else the configured defaults), the
 * major incident criteria, its default assignment group.
 */
export class IncidentPolicy {
  readonly #config: ItsmConfig;
  readonly #logger: LoggerService;
  readonly #calendars: CalendarRegistry;
  readonly #slaTargets?: SlaTargetSource;

  constructor(options: {
    config: ItsmConfig;
    logger: LoggerService;
    /** Defaults to the configured calendars only. */
    calendars?: CalendarRegistry;
    /** Without it, every target comes from the configured defaults. */
    slaTargets?: SlaTargetSource;
  }) {
    this.#config = options.config;
    this.#logger = options.logger;
    this.#calendars =
      options.calendars ??
      CalendarRegistry.fromConfig({
        configured: options.config.calendars,
        defaultCalendarId: options.config.incidents.defaultCalendarId,
        logger: options.logger,
      });
    this.#slaTargets = options.slaTargets;
  }

  /** The calendars clocks count in. */
  get calendars(): CalendarRegistry {
    return this.#calendars;
  }

  get priorityMatrix(): number[][] {
    return this.#config.incidents.priorityMatrix;
  }

  get defaultCalendarId(): string {
    return this.#config.incidents.defaultCalendarId;
  }

  /** Major by the configured criteria: the priority, or the service's tier. */
  isMajorByCriteria(priority: Priority, tier?: ServiceTier): boolean {
    const criteria = this.#config.incidents.majorIncident;
    return (
      criteria.priorities.includes(priority) ||
      (tier !== undefined && criteria.tiers.includes(tier))
    );
  }

  /**
   * The response and resolution targets of a priority: from the SLA revision `sla` where it
   * sets them (on its calendar), else the configured defaults on the service's calendar.
   */
  targetsOf(
    priority: Priority,
    serviceCalendarId: string,
    sla?: SlaTermsRevision,
  ): Record<SlaClockRecord['clock'], ResolvedClockTarget> {
    return incidentTargets(
      sla && {
        slaSeq: sla.slaSeq,
        revision: sla.revision,
        terms: sla.terms,
      },
      priority,
      this.#config.incidents.targets[priority],
      serviceCalendarId,
    );
  }

  /** The revision of the service's SLA in force at `at`, if any. */
  async slaInForceFor(
    entityRef: string,
    at: Date,
  ): Promise<SlaTermsRevision | undefined> {
    if (!this.#slaTargets) {
      return undefined;
    }
    return slaInForce(await this.#slaTargets.revisionsOf(entityRef), at);
  }

  /**
   * The SLA revision an incident's clocks were started under, so a priority change re-targets
   * them on the terms agreed when the incident was raised, never newer ones. Clocks that all
   * came from the defaults carry no revision: then the revision in force when it was raised.
   */
  async slaOfClocks(
    record: IncidentRecord,
  ): Promise<SlaTermsRevision | undefined> {
    if (!this.#slaTargets) {
      return undefined;
    }
    const ref = record.clocks.find(
      c => typeof c.slaSeq === 'number' && typeof c.slaRevision === 'number',
    );
    if (ref) {
      const revision = await this.#slaTargets.revision(
        ref.slaSeq!,
        ref.slaRevision!,
      );
      if (!revision) {
        this.#logger.warn(
          `SLA-${ref.slaSeq} revision ${ref.slaRevision} of the clocks of INC-${record.seq} no longer exists; using the configured targets`,
        );
      }
      return revision;
    }
    return this.slaInForceFor(record.entityRef, record.createdAt);
  }

  /** The clocks' persisted state as of `now`. */
  evaluate(clocks: SlaClockRecord[], now: Date): SlaClockRecord[] {
    return clocks.map(clock =>
      evaluateClock(clock, this.calendar(clock.calendarId), now),
    );
  }

  /** The wire form of a record, its clocks evaluated at `now`. */
  view(record: IncidentRecord, now: Date): Incident {
    return toIncident(record, { now, calendarOf: id => this.calendar(id) });
  }

  /** The entity's `itsm/service-hours` calendar if configured, else the default calendar. */
  serviceCalendarId(entity: Entity): string {
    const id = entity.metadata.annotations?.[ITSM_SERVICE_HOURS_ANNOTATION];
    const fallback = this.defaultCalendarId;
    if (id && !this.#calendars.has(id)) {
      this.#logger.warn(
        `Entity ${canonicalEntityRef(
          entity,
        )} names unknown calendar '${id}' in ${ITSM_SERVICE_HOURS_ANNOTATION}; using '${fallback}'`,
      );
      return fallback;
    }
    return id || fallback;
  }

  /** A stored clock's calendar; one removed since counts in the default calendar. */
  calendar(id: string): ServiceCalendar {
    const { calendar, known } = this.#calendars.calendarOrDefault(id);
    if (!known) {
      this.#logger.warn(
        `Unknown calendar '${id}' on an SLA clock; using '${this.defaultCalendarId}'`,
      );
    }
    return calendar;
  }

  /** The `itsm/assignment-group` annotation, else the owner when it is a group. */
  defaultAssignmentGroup(entity: Entity): string | null {
    const value =
      entity.metadata.annotations?.[ITSM_ASSIGNMENT_GROUP_ANNOTATION];
    if (value) {
      try {
        return canonicalEntityRef(
          value.includes(':') ? value : `group:${value}`,
        );
      } catch {
        this.#logger.warn(
          `Entity ${canonicalEntityRef(
            entity,
          )} has an invalid ${ITSM_ASSIGNMENT_GROUP_ANNOTATION} annotation '${value}'`,
        );
      }
    }
    const owner = ownerRefOf(entity);
    return owner?.startsWith('group:') ? owner : null;
  }
}
