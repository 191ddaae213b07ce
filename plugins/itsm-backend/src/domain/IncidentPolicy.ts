import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  ITSM_ASSIGNMENT_GROUP_ANNOTATION,
  ITSM_SERVICE_HOURS_ANNOTATION,
  Incident,
  Priority,
  ServiceCalendar,
  ServiceTier,
} from '@backstage-itsm/plugin-itsm-common';
import { canonicalEntityRef, ownerRefOf } from '../catalog/entities';
import { ItsmConfig, calendarOrDefault } from '../config';
import type { IncidentRecord, SlaClockRecord } from '../database/IncidentStore';
import {
  ResolvedClockTarget,
  evaluateClock,
  resolveTarget,
} from './incidentClocks';
import { toIncident } from './views';

/**
 * The configured rules an incident is derived with: calendars and targets of
 * its clocks, the major incident criteria, its default assignment group.
 */
export class IncidentPolicy {
  readonly #config: ItsmConfig;
  readonly #logger: LoggerService;

  constructor(options: { config: ItsmConfig; logger: LoggerService }) {
    this.#config = options.config;
    this.#logger = options.logger;
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

  /** The response and resolution targets of a priority on a service's calendar. */
  targetsOf(
    priority: Priority,
    serviceCalendarId: string,
  ): Record<SlaClockRecord['clock'], ResolvedClockTarget> {
    const targets = this.#config.incidents.targets[priority];
    return {
      response: resolveTarget(targets.response, serviceCalendarId),
      resolution: resolveTarget(targets.resolution, serviceCalendarId),
    };
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
    if (id && !this.#config.calendars.has(id)) {
      this.#logger.warn(
        `Entity ${canonicalEntityRef(
          entity,
        )} names unknown calendar '${id}' in ${ITSM_SERVICE_HOURS_ANNOTATION}; using '${fallback}'`,
      );
      return fallback;
    }
    return id || fallback;
  }

  /** A stored clock's calendar; one removed from config since counts in the default calendar. */
  calendar(id: string): ServiceCalendar {
    const { calendar, known } = calendarOrDefault(this.#config, id);
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
