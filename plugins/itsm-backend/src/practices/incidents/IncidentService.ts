import {
  RequestContext,
  WriteContext,
  actorOf,
  isPluginItself,
} from '../../records/context';
import { LinkableRecordType, linkableRecordType } from '../../records/links';
import { incidentRecordType, incidentTable } from './incidentRecordType';
import {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
  UserInfoService,
  isDatabaseConflictError,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { PermissionRuleset } from '@backstage/plugin-permission-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  FINAL_INCIDENT_STATUSES,
  HistoryEvent,
  INCIDENT_STATUSES,
  Incident,
  IncidentPatchRequest,
  IncidentTransitionRequest,
  OPEN_INCIDENT_STATUSES,
  Page,
  PreconditionFailedError,
  Priority,
  ResolutionCode,
  ServiceHealth,
  ServiceTier,
  incidentNoteSchema,
  incidentTransitionSchema,
  priorityOf,
  readServiceTier,
  incidentSignature,
  IncidentCategory,
  MappedIncidentCategory,
  incidentCategoryList,
  mapToIncidentCategory,
  validateIncidentCategory,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import { ItsmCatalog } from '../../catalog/ItsmCatalog';
import { canonicalEntityRef, ownerRefOf } from '../../catalog/entities';
import { CLOCK_NAMES, ItsmConfig } from '../../config';
import {
  IncidentFields,
  IncidentRecord,
  IncidentStore,
  IncidentStoreTransaction,
  RecordEntity,
  SlaClockRecord,
} from './IncidentStore';
import type {
  SlaTargetSource,
  SlaTermsRevision,
} from '../service-levels/KnexSlaTargetStore';
import type { IncidentPermissionFilter } from './incidentPermissionResource';
import { builtInIncidentRuleset } from './incidentRules';
import { parseInput } from '../../records/validation';
import type { CalendarRegistry } from '../service-levels/CalendarRegistry';
import { IncidentAccess } from './IncidentAccess';
import type { ReferenceLinks } from '../../records/referenceLinks';
import { IncidentNotifier } from './IncidentNotifier';
import { IncidentPolicy } from './IncidentPolicy';
import { creationChanges } from './incidentChanges';
import { startClock } from './incidentClocks';
import { PlannedPatch, planPatch } from './incidentPatch';
import { planTransition } from './incidentTransition';
import { serviceHealthOf } from './serviceHealth';
import {
  expectedVersionOf,
  requireVersion,
  unlessStale,
} from '../../records/versions';
import { incidentId } from './incidentViews';
import { toHistoryEvent } from '../../records/rows';
import {
  incidentCreateSchema,
  incidentListQuerySchema,
  incidentPatchSchema,
} from '@backstage-itsm/plugin-itsm-common';

/** A validated `POST /incidents` body. */
export type IncidentCreateInput = z.output<typeof incidentCreateSchema>;

/** A validated `GET /incidents` query. */
export type IncidentListQuery = z.output<typeof incidentListQuerySchema>;

/** How incidents find the change that caused them. */
export interface IncidentChangeLookup {
  /** The sequence number of a change the caller may read, else undefined. */
  readableSeq(id: string, ctx: RequestContext): Promise<number | undefined>;
}

/** The impact analysis snapshotted on create (downstream blast radius). */
export interface IncidentImpactAnalyzer {
  analyze(options: {
    entityRef: string;
    direction: 'downstream' | 'upstream';
    depth: number;
  }): Promise<{ items: Array<{ entityRef: string; distance: number }> }>;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
const lowerAll = (values?: string[]) => values?.map(lower);
/** Incidents that take work notes (all but closed and cancelled). */
const WRITABLE_STATUSES = INCIDENT_STATUSES.filter(
  s => !FINAL_INCIDENT_STATUSES.includes(s),
);

/** The sources a person or an API client may give; the others belong to the alert webhooks. */
const USER_SOURCES: readonly string[] = ['portal', 'api', 'scaffolder'];

/** The create event's comment: the major criteria and what the category mapping dropped. */
function creationComment(...parts: Array<string | undefined>) {
  const comment = parts.filter(Boolean).join('; ');
  return comment ? { comment } : {};
}

/** An incident as its resolution left it, for the practices that react to resolutions. */
export interface ResolvedIncident {
  seq: number;
  id: string;
  /** The version the resolution wrote. */
  version: number;
  title: string;
  entityRef: string;
  reporter: string;
  resolvedAt: Date;
  /** Who resolved it. */
  actor: string;
}

/** The business rules of incident management. */
export class IncidentService {
  readonly #store: IncidentStore;
  readonly #catalog: ItsmCatalog;
  readonly #access: IncidentAccess;
  readonly #notifier: IncidentNotifier;
  readonly #userInfo?: UserInfoService;
  readonly #impactAnalyzer?: IncidentImpactAnalyzer;
  readonly #changes?: IncidentChangeLookup;
  readonly #logger: LoggerService;
  readonly #config: ItsmConfig;
  readonly #policy: IncidentPolicy;
  readonly #now: () => Date;
  readonly #trustedImport: boolean;
  readonly #problemLinks?: ReferenceLinks;
  readonly #resolvedListeners: Array<
    (incident: ResolvedIncident) => Promise<void>
  > = [];

  static create(options: {
    store: IncidentStore;
    catalog: ItsmCatalog;
    permissions: PermissionsService;
    /** The registered rules of `itsm-incident`; defaults to the built-in ones. */
    permissionRuleset?: PermissionRuleset<
      IncidentRecord,
      IncidentPermissionFilter,
      string
    >;
    logger: LoggerService;
    config: ItsmConfig;
    userInfo?: UserInfoService;
    signals?: SignalsService;
    notifications?: NotificationService;
    impactAnalyzer?: IncidentImpactAnalyzer;
    /** Checks `causedByChangeId`; without it, incidents cannot name a change. */
    changes?: IncidentChangeLookup;
    /** The calendars clocks count in; defaults to the configured ones. */
    calendars?: CalendarRegistry;
    /** The SLAs incidents take their targets from; without it, the configured defaults. */
    slaTargets?: SlaTargetSource;
    /** An import (trusted code) may write incidents of alert sources as the actor it names. */
    trustedImport?: boolean;
    /** Problems named by reviews and waited for on hold become links. */
    problemLinks?: ReferenceLinks;
    now?: () => Date;
  }): IncidentService {
    return new IncidentService(options);
  }

  private constructor(options: Parameters<typeof IncidentService.create>[0]) {
    this.#store = options.store;
    this.#catalog = options.catalog;
    this.#access = new IncidentAccess({
      permissions: options.permissions,
      ruleset: options.permissionRuleset ?? builtInIncidentRuleset(),
    });
    this.#notifier = new IncidentNotifier(options);
    this.#userInfo = options.userInfo;
    this.#impactAnalyzer = options.impactAnalyzer;
    this.#changes = options.changes;
    this.#logger = options.logger;
    this.#config = options.config;
    this.#policy = new IncidentPolicy(options);
    this.#now = options.now ?? (() => new Date());
    this.#trustedImport = options.trustedImport ?? false;
    this.#problemLinks = options.problemLinks;
  }

  /** The permission checks on incidents (read filters for other practices' joins). */
  get access(): IncidentAccess {
    return this.#access;
  }

  /**
   * Runs `listener` after each resolution committed (a parent's children each count): the
   * satisfaction practice invites a sample of reporters to rate it. A listener's failure is
   * logged, never undoes or fails the resolution.
   */
  onResolved(listener: (incident: ResolvedIncident) => Promise<void>): void {
    this.#resolvedListeners.push(listener);
  }

  /** Raises an incident on a catalog entity; priority, assignment group, major flag and SLA clocks are derived. */
  async create(
    input: IncidentCreateInput,
    ctx: RequestContext & {
      /** What the alert webhooks know of the alert, for the signature. */
      alert?: { alertname?: string; pagerDutyService?: string };
      /**
       * Alerts and imports: the category and subcategory they report, mapped onto the taxonomy
       * instead of `input`'s (unknown: `uncategorised`, noted in the create event), never a 400.
       */
      mapCategory?: { category?: unknown; subcategory?: unknown };
    },
  ): Promise<Incident> {
    await this.#access.requireCreate(ctx.credentials);
    const taxonomy = this.#config.incidents.categories;
    let category: Omit<MappedIncidentCategory, 'category'> & {
      category: string | null;
    };
    if (ctx.mapCategory) {
      category = mapToIncidentCategory(
        taxonomy,
        ctx.mapCategory.category,
        ctx.mapCategory.subcategory,
      );
    } else {
      validateIncidentCategory(taxonomy, input.category, input.subcategory);
      category = {
        category: input.category ?? null,
        subcategory: input.subcategory ?? null,
      };
    }
    if (
      !USER_SOURCES.includes(input.source) &&
      !isPluginItself(ctx.credentials) &&
      !this.#trustedImport
    ) {
      // Else anyone could pre-empt a real alert with a harmless incident of its identity.
      throw new InputError(
        `source: ${input.source} incidents are raised by its webhook only; use portal, api or scaffolder`,
      );
    }
    await this.#fresh();

    const entityRef = canonicalEntityRef(input.entityRef);
    const affectedEntityRefs = [
      ...new Set(input.affectedEntityRefs.map(ref => canonicalEntityRef(ref))),
    ]
      .filter(ref => ref !== entityRef)
      .sort();
    const [entity, affected, causedByChangeSeq] = await Promise.all([
      this.#catalog.getEntity(entityRef),
      this.#affectedEntities(affectedEntityRefs),
      this.#changeSeqOf(input.causedByChangeId ?? null, ctx),
    ]);
    if (!entity) {
      throw new InputError(
        `entityRef: unknown catalog entity '${input.entityRef}'`,
      );
    }

    const now = this.#now();
    const actor = actorOf(ctx.credentials);
    const priority = priorityOf(
      input.impact,
      input.urgency,
      this.#policy.priorityMatrix,
    );
    const major = this.#policy.isMajorByCriteria(
      priority,
      readServiceTier(entity),
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
        : this.#policy.defaultAssignmentGroup(entity),
      category: category.category,
      subcategory: category.subcategory,
      impact: input.impact,
      urgency: input.urgency,
      priority,
      status: 'new',
      onHoldReason: null,
      resolutionCode: null,
      resolutionNotes: null,
      major,
      parentSeq: null,
      problemSeq: null,
      causedByChangeSeq,
      source: input.source,
      externalId: input.externalId ?? null,
      signature: incidentSignature({
        title: input.title,
        ...ctx.alert,
      }),
      impactedServices: await this.#impactedServices(entityRef),
      resolvedAt: null,
      closedAt: null,
      incidentManager: null,
      outageStart: major ? now : null,
      outageEnd: null,
      postIncidentReview: null,
    };
    // The SLA in force for the service when the incident is raised sets its targets for good.
    const targets = this.#policy.targetsOf(
      priority,
      this.#policy.serviceCalendarId(entity),
      await this.#policy.slaInForceFor(entityRef, now),
    );

    let record: IncidentRecord;
    try {
      record = await this.#store.createIncident({
        incident,
        entities: [
          { entityRef, ownerRef: ownerRefOf(entity), primary: true },
          ...affected,
        ],
        clocks: this.#policy.evaluate(
          CLOCK_NAMES.map(name =>
            startClock(name, targets[name], now, incident.priority),
          ),
          now,
        ),
        createdAt: now,
        createdBy: actor,
        event: {
          at: now,
          actor,
          action: 'create',
          changes: creationChanges(incident),
          ...creationComment(
            major ? `Major incident by criteria (P${priority})` : undefined,
            category.note,
          ),
        },
      });
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        throw new ConflictError(
          `An incident from source '${input.source}' with externalId '${input.externalId}' already exists`,
        );
      }
      throw error;
    }
    const created = this.#policy.view(record, now);
    await this.#notifier.changed(created);
    if (input.assignee || input.assignmentGroup) {
      await this.#notifier.assigned({
        incident: created,
        assignee: created.assignee,
        assignmentGroup: created.assignmentGroup,
        actor,
      });
    }
    return created;
  }

  /** The controlled categories and their subcategories, for anyone who may read incidents. */
  async categories(
    ctx: RequestContext,
  ): Promise<{ items: IncidentCategory[] }> {
    await this.#access.requireRead(ctx.credentials);
    return { items: incidentCategoryList(this.#config.incidents.categories) };
  }

  /** One incident; unknown and unreadable ids are both not found. */
  async get(id: string, ctx: RequestContext): Promise<Incident> {
    await this.#fresh();
    const record = await this.#readable(id, ctx);
    return this.#policy.view(record, this.#now());
  }

  /** Incidents as the kernel's record links see them. */
  linkable(): LinkableRecordType {
    return linkableRecordType({
      table: incidentTable,
      read: (id, ctx) => this.#readable(id, ctx),
      access: this.#access,
    });
  }

  /** The incident raised from an outside system's alert, for deduplication (no permission check). */
  async findByExternalId(
    source: string,
    externalId: string,
  ): Promise<Incident | undefined> {
    await this.#fresh();
    const record = await this.#store.findByExternalId(source, externalId);
    return record && this.#policy.view(record, this.#now());
  }

  async list(
    query: IncidentListQuery,
    ctx: RequestContext,
  ): Promise<Page<Incident>> {
    const access = await this.#access.requireRead(ctx.credentials);
    await this.#fresh();
    const page = await this.#store.listIncidents({
      entityRefs: lowerAll(query.entityRef),
      statuses: query.status,
      priorities: query.priority,
      assignees: lowerAll(query.assignee),
      assignmentGroups: lowerAll(query.assignmentGroup),
      major: query.major === undefined ? undefined : query.major === 'true',
      causedByChangeSeqs: query.causedByChangeId?.map(id =>
        Number(id.slice('CHG-'.length)),
      ),
      q: query.q?.trim() || undefined,
      queue: query.queue === 'mine' ? await this.#myQueue(ctx) : undefined,
      permissionFilter: access.allowed ? access.permissionFilter : undefined,
      limit: query.limit,
      cursor: query.cursor,
      order: query.order,
    });
    const now = this.#now();
    return {
      items: page.items.map(record => this.#policy.view(record, now)),
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

  /**
   * Edits the editable fields. A no-op writes nothing; an impact or urgency
   * change re-derives the priority, re-targets the running clocks and may make
   * the incident major.
   */
  async patch(
    id: string,
    body: IncidentPatchRequest,
    ctx: WriteContext,
  ): Promise<Incident> {
    const input = parseInput(incidentPatchSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'incident');
    const record = await this.#readable(id, ctx);
    await this.#access.requireUpdate(record, ctx.credentials);
    await this.#fresh();

    const now = this.#now();
    const actor = actorOf(ctx.credentials);
    const plan = await unlessStale(
      record,
      expected,
      () =>
        planPatch(record, input, this.#patchContext(record, now, actor, ctx)),
      'INC',
    );
    const reviewProblemId = input.postIncidentReview?.problemId;
    const reviewProblemSeq = reviewProblemId
      ? await unlessStale(
          record,
          expected,
          () =>
            this.#problemLinks?.resolve(
              reviewProblemId,
              'postIncidentReview.problemId',
              ctx,
            ),
          'INC',
        )
      : undefined;
    if (!plan) {
      requireVersion(record, expected, 'INC');
      return this.#policy.view(record, now);
    }
    let updated = await this.#store.updateIncident({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes: plan.changes,
      entities: plan.entities,
      clocks: this.#policy.evaluate(plan.clocks, now),
      event: plan.event,
    });
    if (reviewProblemSeq !== undefined) {
      // The review's problem becomes a real link (history on both records, no new version).
      await this.#problemLinks?.link({
        from: this.linkable(),
        fromSeq: record.seq,
        toSeq: reviewProblemSeq,
        relation: 'caused_by',
        note: 'Named by the post-incident review',
        actor,
      });
      updated = (await this.#store.getIncident(record.seq)) ?? updated;
    }
    const incident = this.#policy.view(updated, now);
    await this.#notifier.changed(incident);
    await this.#notifyAssignment(plan, incident, actor);
    return incident;
  }

  /**
   * Moves an incident through its lifecycle. Resolving a parent resolves its
   * open children in the same transaction, each with its own history event.
   */
  async transition(
    id: string,
    body: IncidentTransitionRequest,
    ctx: WriteContext,
  ): Promise<Incident> {
    const { problemId, ...input } = parseInput(
      incidentTransitionSchema,
      body,
      'body',
    );
    const expected = expectedVersionOf(ctx, 'incident');
    const record = await this.#readable(id, ctx);
    await this.#access.requireUpdate(record, ctx.credentials);
    await this.#fresh();

    const now = this.#now();
    const actor = actorOf(ctx.credentials);
    const plan = await unlessStale(
      record,
      expected,
      () => planTransition(record, input, { now, actor }),
      'INC',
    );
    // Waiting on a problem points at it: the incident is linked to it (or already was).
    const waitsOnProblem =
      input.to === 'on_hold' && input.onHoldReason === 'awaiting_problem';
    const problemSeq = await unlessStale(
      record,
      expected,
      async () => {
        if (problemId !== undefined && !waitsOnProblem) {
          throw new InputError(
            'problemId is only taken when moving on hold awaiting_problem',
          );
        }
        if (problemId !== undefined) {
          return this.#problemLinks?.resolve(problemId, 'problemId', ctx);
        }
        if (waitsOnProblem && record.problemSeq === null) {
          throw new InputError(
            'problemId is required to wait on a problem (or link the incident to its problem first)',
          );
        }
        return undefined;
      },
      'INC',
    );
    const { parent, children } = await this.#store.transaction(async tx => {
      const updated = await tx.updateIncident({
        seq: record.seq,
        expectedVersion: expected ?? record.version,
        ...plan,
        clocks: this.#policy.evaluate(plan.clocks, now),
      });
      return {
        parent: updated,
        children:
          input.to === 'resolved'
            ? await this.#resolveChildren(tx, updated, { now, actor })
            : [],
      };
    });
    for (const child of children) {
      await this.#notifier.changed(this.#policy.view(child, now));
    }
    let moved = parent;
    if (problemSeq !== undefined) {
      await this.#problemLinks?.link({
        from: this.linkable(),
        fromSeq: record.seq,
        toSeq: problemSeq,
        relation: 'caused_by',
        note: 'On hold awaiting this problem',
        actor,
      });
      moved = (await this.#store.getIncident(record.seq)) ?? parent;
    }
    const incident = this.#policy.view(moved, now);
    await this.#notifier.changed(incident);
    if (input.to === 'resolved') {
      await this.#resolved([parent, ...children], actor);
    }
    return incident;
  }

  /** Tells the reporters of resolved incidents, then the resolution listeners. */
  async #resolved(records: IncidentRecord[], actor: string): Promise<void> {
    for (const record of records) {
      const resolved: ResolvedIncident = {
        seq: record.seq,
        id: incidentId(record.seq),
        version: record.version,
        title: record.title,
        entityRef: record.entityRef,
        reporter: record.reporter,
        resolvedAt: record.resolvedAt ?? this.#now(),
        actor,
      };
      await this.#notifier.resolved(resolved);
      for (const listener of this.#resolvedListeners) {
        try {
          await listener(resolved);
        } catch (error) {
          this.#logger.warn(
            `A resolution listener failed for ${resolved.id}: ${error}`,
          );
        }
      }
    }
  }

  /** Adds a work note: history only, no `If-Match`, no new version. */
  async addWorkNote(
    id: string,
    body: unknown,
    ctx: RequestContext,
  ): Promise<HistoryEvent> {
    return this.#appendNote(id, body, ctx, {
      action: 'work_note',
      where: { statuses: WRITABLE_STATUSES },
      refusal: status => `The incident is ${status} and takes no work notes`,
    });
  }

  /** Adds an entry to a major incident's communication timeline (no new version). */
  async addStatusUpdate(
    id: string,
    body: unknown,
    ctx: RequestContext,
  ): Promise<HistoryEvent> {
    return this.#appendNote(id, body, ctx, {
      action: 'status_update',
      where: { statuses: OPEN_INCIDENT_STATUSES, major: true },
      refusal: (status, major) =>
        major
          ? `The incident is ${status}; status updates are for open major incidents`
          : 'Status updates are only for major incidents',
    });
  }

  /** Health of one entity from its open incidents and their SLA clocks, aggregated in SQL. */
  async getServiceHealth(
    entityRef: string,
    ctx: RequestContext,
  ): Promise<ServiceHealth> {
    const access = await this.#access.requireRead(ctx.credentials);
    await this.#fresh();
    const ref = canonicalEntityRef(entityRef);
    const rows = await this.#store.getEntityHealth({
      entityRef: ref,
      statuses: OPEN_INCIDENT_STATUSES,
      permissionFilter: access.allowed ? access.permissionFilter : undefined,
    });
    return serviceHealthOf(ref, rows, {
      now: this.#now(),
      atRiskPercent: this.#config.incidents.escalationThresholds[0],
      calendarOf: id => this.#policy.calendar(id),
    });
  }

  /** Reloads the calendars when another replica may have changed them. */
  async #fresh(): Promise<void> {
    await this.#policy.calendars.ensureFresh();
  }

  /** The record if it exists and the caller may read it; else `NotFoundError`. */
  async #readable(id: string, ctx: RequestContext): Promise<IncidentRecord> {
    return this.#access.readable({
      id,
      label: 'Incident',
      parse: incidentRecordType.parse,
      credentials: ctx.credentials,
      load: (seq, permissionFilter) =>
        this.#store.getIncident(seq, { permissionFilter }),
    });
  }

  async #resolveChildren(
    tx: IncidentStoreTransaction,
    parent: IncidentRecord,
    options: { now: Date; actor: string },
  ): Promise<IncidentRecord[]> {
    const resolved: IncidentRecord[] = [];
    const input = {
      to: 'resolved' as const,
      resolutionCode: parent.resolutionCode as ResolutionCode,
      // The parent's notes stay on the parent: a reader of the child may not be allowed to read it.
      resolutionNotes: `Resolved with its parent ${incidentId(
        parent.seq,
      )}; its resolution notes are on that incident.`,
      comment: `Resolved with its parent ${incidentId(parent.seq)}`,
    };
    for (const child of await tx.listChildren(
      parent.seq,
      OPEN_INCIDENT_STATUSES,
    )) {
      let current: IncidentRecord | undefined = child;
      // A child written concurrently is read again; a few attempts suffice.
      for (let attempt = 1; current; attempt++) {
        try {
          const plan = planTransition(current, input, options);
          resolved.push(
            await tx.updateIncident({
              seq: current.seq,
              expectedVersion: current.version,
              ...plan,
              clocks: this.#policy.evaluate(plan.clocks, options.now),
            }),
          );
          break;
        } catch (error) {
          if (!(error instanceof PreconditionFailedError) || attempt >= 3) {
            throw error;
          }
          current = await tx.getIncident(child.seq);
          if (current && !OPEN_INCIDENT_STATUSES.includes(current.status)) {
            current = undefined;
          }
        }
      }
    }
    return resolved;
  }

  async #appendNote(
    id: string,
    body: unknown,
    ctx: RequestContext,
    options: {
      action: string;
      where: { statuses: readonly string[]; major?: boolean };
      refusal: (status: string, major: boolean) => string;
    },
  ): Promise<HistoryEvent> {
    const { text } = parseInput(incidentNoteSchema, body, 'body');
    const record = await this.#readable(id, ctx);
    await this.#access.requireUpdate(record, ctx.credentials);
    const event = await this.#store.appendEvent({
      seq: record.seq,
      where: options.where,
      event: {
        at: this.#now(),
        actor: actorOf(ctx.credentials),
        action: options.action,
        changes: {},
        comment: text,
      },
    });
    if (!event) {
      const current = (await this.#store.getIncident(record.seq)) ?? record;
      throw new ConflictError(options.refusal(current.status, current.major));
    }
    await this.#notifier.changed({
      id: incidentId(record.seq),
      version: event.version,
    });
    return toHistoryEvent(event);
  }

  async #notifyAssignment(
    plan: PlannedPatch,
    incident: Incident,
    actor: string,
  ) {
    const { assignee, assignmentGroup } = plan.changes;
    if (assignee || (assignee === undefined && assignmentGroup)) {
      await this.#notifier.assigned({
        incident,
        assignee: assignee ? incident.assignee : null,
        assignmentGroup: incident.assignmentGroup,
        actor,
      });
    }
  }

  async #myQueue(ctx: RequestContext) {
    const principal = ctx.credentials.principal as { type: string };
    if (!this.#userInfo || principal.type !== 'user') {
      throw new InputError('queue=mine needs a signed-in user');
    }
    const info = await this.#userInfo.getUserInfo(
      ctx.credentials as BackstageCredentials<{
        type: 'user';
        userEntityRef: string;
      }>,
    );
    return {
      assignee: lower(info.userEntityRef),
      groups: info.ownershipEntityRefs.map(lower),
    };
  }

  #patchContext(
    record: IncidentRecord,
    now: Date,
    actor: string,
    ctx: RequestContext,
  ) {
    // Asked for only when the priority changes: the clocks are re-targeted on the SLA
    // revision they were started under (its calendar is the service calendar), never a newer one.
    let sla: SlaTermsRevision | undefined;
    return {
      now,
      actor,
      priorityMatrix: this.#policy.priorityMatrix,
      categories: this.#config.incidents.categories,
      serviceOf: async (entityRef: string) => {
        const [entity, agreed] = await Promise.all([
          this.#catalog.getEntity(entityRef),
          this.#policy.slaOfClocks(record),
        ]);
        sla = agreed;
        let calendarId = this.#policy.defaultCalendarId;
        if (agreed) {
          calendarId = agreed.terms.calendarId;
        } else if (entity) {
          calendarId = this.#policy.serviceCalendarId(entity);
        }
        return { tier: entity && readServiceTier(entity), calendarId };
      },
      targetsOf: (priority: Priority, calendarId: string) =>
        this.#policy.targetsOf(priority, calendarId, sla),
      isMajorByCriteria: (priority: Priority, tier?: ServiceTier) =>
        this.#policy.isMajorByCriteria(priority, tier),
      getIncident: (seq: number) => this.#store.getIncident(seq),
      affectedEntities: (refs: string[]) => this.#affectedEntities(refs),
      changeSeqOf: (id: string | null) => this.#changeSeqOf(id, ctx),
      evaluate: (clocks: SlaClockRecord[]) =>
        this.#policy.evaluate(clocks, now),
      mayReadIncident: (seq: number) =>
        this.#readable(incidentId(seq), ctx).then(
          () => true,
          error => {
            if ((error as Error)?.name === 'NotFoundError') {
              return false;
            }
            throw error;
          },
        ),
    };
  }

  /** The sequence number of the change an incident names; 400 when it does not exist. */
  async #changeSeqOf(
    id: string | null,
    ctx: RequestContext,
  ): Promise<number | null> {
    if (id === null) {
      return null;
    }
    const seq = this.#changes
      ? await this.#changes.readableSeq(id, ctx)
      : undefined;
    if (seq === undefined) {
      throw new InputError(`causedByChangeId: change '${id}' does not exist`);
    }
    return seq;
  }

  /** Affected entities with their owners; `InputError` naming an unknown one. */
  async #affectedEntities(refs: string[]): Promise<RecordEntity[]> {
    const entities = await this.#catalog.getEntities(refs);
    const missing = entities.findIndex(e => !e);
    if (missing !== -1) {
      throw new InputError(
        `affectedEntityRefs: unknown catalog entity '${refs[missing]}'`,
      );
    }
    return entities.map((e, i) => ({
      entityRef: refs[i],
      ownerRef: ownerRefOf(e!),
      primary: false,
    }));
  }

  /** The downstream impact snapshot; a failing analysis does not stop the incident. */
  async #impactedServices(entityRef: string): Promise<string[] | null> {
    if (!this.#impactAnalyzer) {
      return null;
    }
    try {
      const { items } = await this.#impactAnalyzer.analyze({
        entityRef,
        direction: 'downstream',
        depth: this.#config.incidents.impactDepth,
      });
      return items.map(item => item.entityRef);
    } catch (error) {
      this.#logger.warn(`Impact analysis of ${entityRef} failed: ${error}`);
      return null;
    }
  }
}
