import {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
  isDatabaseConflictError,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  HistoryEvent,
  ITSM_ASSIGNMENT_GROUP_ANNOTATION,
  ITSM_SERVICE_HOURS_ANNOTATION,
  Incident,
  OPEN_INCIDENT_STATUSES,
  Page,
  Priority,
  ServiceCalendar,
  ServiceHealth,
  computeSlaClock,
  deriveServiceStatus,
  incidentCreatePermission,
  incidentCreateSchema,
  incidentListQuerySchema,
  incidentReadPermission,
  priorityOf,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import { ItsmCatalog } from '../catalog/ItsmCatalog';
import { canonicalEntityRef, ownerRefOf } from '../catalog/entities';
import { CLOCK_NAMES, ItsmConfig } from '../config';
import {
  IncidentFields,
  IncidentStore,
  SlaClockRecord,
} from '../database/IncidentStore';
import {
  incidentId,
  parseIncidentId,
  slaClockView,
  toHistoryEvent,
  toIncident,
} from './views';

/** A validated `POST /incidents` body. */
export type IncidentCreateInput = z.output<typeof incidentCreateSchema>;

/** A validated `GET /incidents` query. */
export type IncidentListQuery = z.output<typeof incidentListQuerySchema>;

/** Who is asking, as the routers pass it on. */
export interface RequestContext {
  credentials: BackstageCredentials;
}

/** The actor recorded in history: a user entity ref, or the calling service's subject. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'unknown';
}

/** The business rules of incident management. */
export class IncidentService {
  readonly #store: IncidentStore;
  readonly #catalog: ItsmCatalog;
  readonly #permissions: PermissionsService;
  readonly #logger: LoggerService;
  readonly #config: ItsmConfig;
  readonly #now: () => Date;

  static create(options: {
    store: IncidentStore;
    catalog: ItsmCatalog;
    permissions: PermissionsService;
    logger: LoggerService;
    config: ItsmConfig;
    now?: () => Date;
  }): IncidentService {
    return new IncidentService(options);
  }

  private constructor(options: Parameters<typeof IncidentService.create>[0]) {
    this.#store = options.store;
    this.#catalog = options.catalog;
    this.#permissions = options.permissions;
    this.#logger = options.logger;
    this.#config = options.config;
    this.#now = options.now ?? (() => new Date());
  }

  /** Raises an incident on a catalog entity; priority, assignment group and SLA clocks are derived. */
  async create(
    input: IncidentCreateInput,
    ctx: RequestContext,
  ): Promise<Incident> {
    await this.#requireCreate(ctx);

    const entityRef = canonicalEntityRef(input.entityRef);
    const affectedEntityRefs = [
      ...new Set(input.affectedEntityRefs.map(ref => canonicalEntityRef(ref))),
    ]
      .filter(ref => ref !== entityRef)
      .sort();
    const [entity, affected] = await Promise.all([
      this.#catalog.getEntity(entityRef),
      this.#catalog.getEntities(affectedEntityRefs),
    ]);
    if (!entity) {
      throw new InputError(
        `entityRef: unknown catalog entity '${input.entityRef}'`,
      );
    }
    const missing = affected.findIndex(e => !e);
    if (missing !== -1) {
      throw new InputError(
        `affectedEntityRefs: unknown catalog entity '${affectedEntityRefs[missing]}'`,
      );
    }

    const now = this.#now();
    const actor = actorOf(ctx.credentials);
    const priority = priorityOf(
      input.impact,
      input.urgency,
      this.#config.incidents.priorityMatrix,
    );
    const incident: IncidentFields = {
      title: input.title,
      description: input.description,
      entityRef,
      affectedEntityRefs,
      reporter: actor,
      assignee: input.assignee ? canonicalEntityRef(input.assignee) : null,
      assignmentGroup: input.assignmentGroup
        ? canonicalEntityRef(input.assignmentGroup)
        : this.#defaultAssignmentGroup(entity),
      category: input.category ?? null,
      impact: input.impact,
      urgency: input.urgency,
      priority,
      status: 'new',
      onHoldReason: null,
      resolutionCode: null,
      resolutionNotes: null,
      major: false,
      parentSeq: null,
      problemSeq: null,
      causedByChangeSeq: null,
      source: input.source,
      externalId: input.externalId ?? null,
      impactedServices: null,
      resolvedAt: null,
      closedAt: null,
    };

    try {
      const record = await this.#store.createIncident({
        incident,
        entities: [
          { entityRef, ownerRef: ownerRefOf(entity), primary: true },
          ...affected.map((e, i) => ({
            entityRef: affectedEntityRefs[i],
            ownerRef: ownerRefOf(e!),
            primary: false,
          })),
        ],
        clocks: this.#startClocks(priority, entity, now),
        createdAt: now,
        createdBy: actor,
        event: {
          at: now,
          actor,
          action: 'create',
          changes: creationChanges(incident),
        },
      });
      return this.#view(record, now);
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        throw new ConflictError(
          `An incident from source '${input.source}' with externalId '${input.externalId}' already exists`,
        );
      }
      throw error;
    }
  }

  /** One incident; unknown and unreadable ids are both not found. */
  async get(id: string, ctx: RequestContext): Promise<Incident> {
    const record = await this.#readable(id, ctx);
    return this.#view(record, this.#now());
  }

  async list(
    query: IncidentListQuery,
    ctx: RequestContext,
  ): Promise<Page<Incident>> {
    await this.#requireRead(ctx);
    const lower = (values?: string[]) =>
      values?.map(v => v.toLocaleLowerCase('en-US'));
    const page = await this.#store.listIncidents({
      entityRefs: lower(query.entityRef),
      statuses: query.status,
      priorities: query.priority,
      assignees: lower(query.assignee),
      assignmentGroups: lower(query.assignmentGroup),
      major: query.major === undefined ? undefined : query.major === 'true',
      q: query.q?.trim() || undefined,
      limit: query.limit,
      cursor: query.cursor,
      order: query.order,
    });
    const now = this.#now();
    return {
      items: page.items.map(record => this.#view(record, now)),
      nextCursor: page.nextCursor,
    };
  }

  /** The append-only history of an incident, oldest first. */
  async history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    const record = await this.#readable(id, ctx);
    const page = await this.#store.listHistory({
      recordType: 'incident',
      recordSeq: record.seq,
      limit: query.limit,
      cursor: query.cursor,
    });
    return {
      items: page.items.map(toHistoryEvent),
      nextCursor: page.nextCursor,
    };
  }

  /** Health of one entity from its open incidents and their SLA clocks, aggregated in SQL. */
  async getServiceHealth(
    entityRef: string,
    ctx: RequestContext,
  ): Promise<ServiceHealth> {
    await this.#requireRead(ctx);
    const ref = canonicalEntityRef(entityRef);
    const rows = await this.#store.getEntityHealth({
      entityRef: ref,
      statuses: OPEN_INCIDENT_STATUSES,
    });
    const now = this.#now();
    const [firstThreshold] = this.#config.incidents.escalationThresholds;
    let clocksAtRisk = 0;
    let clocksBreached = rows.stoppedBreachedClocks;
    for (const clock of rows.runningClocks) {
      const view = slaClockView(clock, this.#calendar(clock.calendarId), now);
      if (view.state === 'breached') {
        clocksBreached++;
      } else if (view.state === 'running' && view.percent >= firstThreshold) {
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
      entityRef: ref,
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

  async #readable(id: string, ctx: RequestContext) {
    const seq = parseIncidentId(id);
    const record =
      seq === undefined ? undefined : await this.#store.getIncident(seq);
    if (!record || !(await this.#canRead(ctx))) {
      throw new NotFoundError(`Incident '${id}' not found`);
    }
    return record;
  }

  async #canRead(ctx: RequestContext): Promise<boolean> {
    // No conditional rules are registered for incidents yet, so a conditional
    // decision cannot be evaluated: it fails closed.
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission: incidentReadPermission }],
      { credentials: ctx.credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  async #requireRead(ctx: RequestContext): Promise<void> {
    if (!(await this.#canRead(ctx))) {
      throw new NotAllowedError(`Not allowed: ${incidentReadPermission.name}`);
    }
  }

  async #requireCreate(ctx: RequestContext): Promise<void> {
    const [decision] = await this.#permissions.authorize(
      [{ permission: incidentCreatePermission }],
      { credentials: ctx.credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Not allowed: ${incidentCreatePermission.name}`,
      );
    }
  }

  /** Starts the response and resolution clocks with the targets of `priority`. */
  #startClocks(
    priority: Priority,
    entity: Entity,
    now: Date,
  ): SlaClockRecord[] {
    const serviceCalendarId = this.#serviceCalendarId(entity);
    return CLOCK_NAMES.map(clock => {
      const target = this.#config.incidents.targets[priority][clock];
      const calendarId = target.calendarId ?? serviceCalendarId;
      const result = computeSlaClock({
        targetMs: target.targetMs,
        calendar: this.#calendar(calendarId),
        startedAt: now,
        now,
      });
      return {
        clock,
        targetMs: target.targetMs,
        calendarId,
        startedAt: now,
        stoppedAt: null,
        pauses: [],
        state: result.state,
        dueAt: result.dueAt,
        breachedAt: result.breachedAt,
        evaluatedAt: now,
      };
    });
  }

  /** The entity's `itsm/service-hours` calendar if configured, else the default calendar. */
  #serviceCalendarId(entity: Entity): string {
    const id = entity.metadata.annotations?.[ITSM_SERVICE_HOURS_ANNOTATION];
    const fallback = this.#config.incidents.defaultCalendarId;
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
  #calendar(id: string): ServiceCalendar {
    const calendar = this.#config.calendars.get(id);
    if (calendar) {
      return calendar;
    }
    const fallback = this.#config.incidents.defaultCalendarId;
    this.#logger.warn(
      `Unknown calendar '${id}' on an SLA clock; using '${fallback}'`,
    );
    return this.#config.calendars.get(fallback)!;
  }

  /** The `itsm/assignment-group` annotation, else the owner when it is a group. */
  #defaultAssignmentGroup(entity: Entity): string | null {
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

  #view(record: Parameters<typeof toIncident>[0], now: Date): Incident {
    return toIncident(record, { now, calendarOf: id => this.#calendar(id) });
  }
}

/** The create event lists every business field as `[null, value]`. */
function creationChanges(
  incident: IncidentFields,
): Record<string, [unknown, unknown]> {
  const wire: Record<string, unknown> = {
    title: incident.title,
    description: incident.description,
    entityRef: incident.entityRef,
    affectedEntityRefs: incident.affectedEntityRefs,
    reporter: incident.reporter,
    assignee: incident.assignee,
    assignmentGroup: incident.assignmentGroup,
    category: incident.category,
    impact: incident.impact,
    urgency: incident.urgency,
    priority: incident.priority,
    status: incident.status,
    onHoldReason: incident.onHoldReason,
    resolutionCode: incident.resolutionCode,
    resolutionNotes: incident.resolutionNotes,
    major: incident.major,
    parentId: null,
    problemId: null,
    causedByChangeId: null,
    source: incident.source,
    externalId: incident.externalId,
  };
  return Object.fromEntries(
    Object.entries(wire).map(([field, value]) => [field, [null, value]]),
  );
}
