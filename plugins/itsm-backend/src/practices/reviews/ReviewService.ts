import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_REVIEW_AGENDA,
  HistoryEvent,
  Page,
  REVIEWS_SIGNAL_CHANNEL,
  ReviewPack,
  ReviewPackResponse,
  ServiceLevelAgreement,
  ServiceReview,
  checkReviewPackFreeze,
  checkReviewSignOff,
  defaultReviewTitle,
  diffReviewPack,
  isReviewLocked,
  nextScheduledReview,
  planReviewTransition,
  reviewCreateSchema,
  reviewListQuerySchema,
  reviewManagePermission,
  reviewPackFreezeSchema,
  reviewPackQuerySchema,
  reviewPatchSchema,
  reviewSignOffSchema,
  reviewSignalChannel,
  reviewTransitionSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import { canonicalEntityRef, ownerRefOf } from '../../catalog/entities';
import { notAllowed } from '../../records/access';
import {
  PLUGIN_SUBJECT,
  RequestContext,
  WriteContext,
  actorOf,
} from '../../records/context';
import { LinkableRecordType, linkableRecordType } from '../../records/links';
import { RecordNotifier } from '../../records/notifier';
import { createdChanges, toHistoryEvent } from '../../records/rows';
import { parseInput } from '../../records/validation';
import {
  expectedVersionOf,
  requireVersion,
  unlessStale,
} from '../../records/versions';
import type { AgreementService } from '../service-levels/AgreementService';
import { MAX_REPORT_DAYS } from '../service-levels/SlaReportService';
import { slaRecordType } from '../service-levels/serviceLevelRecordTypes';
import type { KnexReviewStore } from './KnexReviewStore';
import type { ReviewFields, ReviewRecord } from './ReviewStore';
import { ReviewAccess } from './reviewPermissions';
import { reviewRecordType, reviewTable } from './reviewRecordType';
import { toActionSummary, toReview, wireChanges } from './reviewViews';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
const PREFIX = 'REV';
const DAY_MS = 24 * 60 * 60 * 1000;

/** A validated `POST /reviews` body. */
export type ReviewCreateInput = z.output<typeof reviewCreateSchema>;

/** What the review service needs of the pack generator (`ReviewPackGenerator`). */
export interface ReviewPackSource {
  generate(request: {
    entityRef: string;
    from: string;
    to: string;
    openActions: ReturnType<typeof toActionSummary>[];
  }): Promise<ReviewPack>;
}

/** The catalog reads of reviews (`ItsmCatalog`, with the plugin's own credentials). */
export interface ReviewCatalog {
  getEntity(entityRef: string): Promise<Entity | undefined>;
}

/** Wire fields a `PATCH` may change, for its history event. */
const PATCH_FIELDS = [
  'title',
  'scheduledFor',
  'attendees',
  'agenda',
  'minutes',
  'decisions',
] as const;

/** Wire fields a move may change. */
const MOVE_FIELDS = [
  'status',
  'minutes',
  'attendees',
  'heldAt',
  'cancelReason',
  'closedAt',
] as const;

/**
 * Service reviews (DESIGN §3 "Service review"): scheduled from the SLA's cadence or by hand,
 * prepared with the pack frozen from live records, held with minutes, signed off by the
 * customer and closed, which moves the SLA's review date. Rules from `-common`, storage the
 * store's, links the kernel's, the pack the generator's.
 */
export class ReviewService {
  readonly #store: KnexReviewStore;
  readonly #access: ReviewAccess;
  readonly #slas: AgreementService;
  readonly #catalog: ReviewCatalog;
  readonly #packs: ReviewPackSource;
  readonly #hash: (pack: ReviewPack) => string;
  readonly #generatorVersion: string;
  readonly #notifier: RecordNotifier;
  readonly #auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  readonly #trusted: boolean;
  readonly #now: () => Date;

  constructor(options: {
    store: KnexReviewStore;
    access: ReviewAccess;
    slas: AgreementService;
    catalog: ReviewCatalog;
    packs: ReviewPackSource;
    hash: (pack: ReviewPack) => string;
    generatorVersion: string;
    notifier: RecordNotifier;
    auth: Pick<AuthService, 'getOwnServiceCredentials'>;
    /**
     * Imports (trusted code installed by the operator) record the sign-off of the customer
     * they name without reading the catalog's group membership.
     */
    trustedImport?: boolean;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#access = options.access;
    this.#slas = options.slas;
    this.#catalog = options.catalog;
    this.#packs = options.packs;
    this.#hash = options.hash;
    this.#generatorVersion = options.generatorVersion;
    this.#notifier = options.notifier;
    this.#auth = options.auth;
    this.#trusted = options.trustedImport ?? false;
    this.#now = options.now ?? (() => new Date());
  }

  get access(): ReviewAccess {
    return this.#access;
  }

  /** The clock the service writes with (imports bring their own). */
  now(): Date {
    return this.#now();
  }

  /**
   * Schedules a review by hand: the service's SLA gives the customers and the default period
   * (last review, or the SLA's start, up to `scheduledFor`). Needs `itsm.review.manage` on the
   * review it would be.
   */
  async create(
    input: ReviewCreateInput,
    ctx: RequestContext,
  ): Promise<ServiceReview> {
    const entityRef = await this.#service(input.entityRef);
    const sla = await this.#slaOfService(entityRef.entityRef);
    if (!sla) {
      throw new InputError(
        `entityRef: ${entityRef.entityRef} has no SLA; agree one before scheduling its reviews`,
      );
    }
    const scheduledFor = new Date(input.scheduledFor);
    const period = input.period
      ? { from: new Date(input.period.from), to: new Date(input.period.to) }
      : {
          from: new Date(sla.lastReviewedAt ?? sla.effectiveFrom),
          to: scheduledFor,
        };
    if (period.from >= period.to) {
      throw new InputError(
        `period: the SLA was last reviewed or took effect at ${period.from.toISOString()}, after scheduledFor; give the period`,
      );
    }
    if (
      period.to.getTime() - period.from.getTime() >
      MAX_REPORT_DAYS * DAY_MS
    ) {
      throw new InputError(
        `period: a review looks back on at most ${MAX_REPORT_DAYS} days (the longest SLA report); give a shorter period`,
      );
    }
    const now = this.#now();
    const actor = lower(actorOf(ctx.credentials));
    const fields = this.#newReview({
      entityRef: entityRef.entityRef,
      sla,
      period,
      scheduledFor,
      title: input.title,
      attendees: input.attendees.map(lower),
      agenda: input.agenda,
    });
    const preview = this.#record(fields, entityRef.ownerRef, sla, now, actor);
    if (
      !(await this.#access.allows(
        reviewManagePermission,
        preview,
        ctx.credentials,
      ))
    ) {
      throw notAllowed(reviewManagePermission);
    }
    const record = await this.#insert(fields, preview, undefined);
    return this.#written(record!);
  }

  /**
   * Schedules the next review of an SLA in force from its cadence, as the plugin (the
   * scheduling job). One per SLA and period, however many replicas run it: undefined when that
   * period's review exists already.
   */
  async scheduleNext(
    sla: ServiceLevelAgreement,
  ): Promise<ServiceReview | undefined> {
    const next = nextScheduledReview(sla);
    const entity = await this.#catalog.getEntity(sla.entityRef);
    const fields = this.#newReview({
      entityRef: sla.entityRef,
      sla,
      period: next.period,
      scheduledFor: next.scheduledFor,
      attendees: [],
    });
    const record = await this.#insert(
      fields,
      this.#record(
        fields,
        entity ? ownerRefOf(entity) : null,
        sla,
        this.#now(),
        PLUGIN_SUBJECT,
      ),
      `${slaRecordType.parse(sla.id)}|${next.period.from.toISOString()}`,
    );
    return record ? this.#written(record) : undefined;
  }

  async get(id: string, ctx: RequestContext): Promise<ServiceReview> {
    return toReview(await this.readable(id, ctx), this.#now());
  }

  async list(
    query: unknown,
    ctx: RequestContext,
  ): Promise<Page<ServiceReview>> {
    const parsed = parseInput(reviewListQuerySchema, query, 'query');
    const access = await this.#access.requireRead(ctx.credentials);
    const now = this.#now();
    const page = await this.#store.listReviews(
      {
        ...parsed,
        slaSeq: parsed.slaId ? slaRecordType.parse(parsed.slaId) : undefined,
      },
      now,
      access.permissionFilter,
    );
    return {
      items: page.items.map(r => toReview(r, now)),
      nextCursor: page.nextCursor,
    };
  }

  async history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    const record = await this.readable(id, ctx);
    const page = await this.#store.reviewHistory(record.seq, query);
    return {
      items: page.items.map(toHistoryEvent),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * Edits title, date, attendees, agenda, minutes and decisions; a no-op writes nothing.
   * Closed and cancelled reviews, and the date of a held one: 409.
   */
  async patch(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<ServiceReview> {
    const input = parseInput(reviewPatchSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'review');
    const record = await this.readable(id, ctx);
    await this.#access.requireUpdate(record, ctx.credentials);
    const changes = await unlessStale(
      record,
      expected,
      () => {
        if (isReviewLocked(record.status)) {
          throw new ConflictError(
            `The review is ${record.status} and cannot change`,
          );
        }
        const scheduledFor =
          input.scheduledFor === undefined
            ? undefined
            : new Date(input.scheduledFor);
        if (
          scheduledFor &&
          record.status === 'held' &&
          scheduledFor.getTime() !== record.scheduledFor.getTime()
        ) {
          throw new ConflictError(
            'The review was held: its scheduled date cannot change',
          );
        }
        const planned: Partial<ReviewFields> = {
          ...input,
          scheduledFor,
          attendees: input.attendees?.map(lower),
        };
        return planned;
      },
      PREFIX,
    );
    const now = this.#now();
    const diff = wireChanges(
      toReview(record, now),
      toReview({ ...record, ...stripUndefined(changes) }, now),
      PATCH_FIELDS,
    );
    if (Object.keys(diff).length === 0) {
      requireVersion(record, expected, PREFIX);
      return toReview(record, now);
    }
    const updated = await this.#store.updateReview({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes,
      at: now,
      event: {
        at: now,
        actor: lower(actorOf(ctx.credentials)),
        action: 'update',
        changes: diff,
      },
    });
    return this.#written(updated);
  }

  /**
   * Moves a review through its lifecycle; closing it also moves the SLA's review date to the
   * held date, in the same transaction.
   */
  async transition(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<ServiceReview> {
    const input = parseInput(reviewTransitionSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'review');
    const record = await this.readable(id, ctx);
    await this.#access.requireUpdate(record, ctx.credentials);
    const now = this.#now();
    const before = toReview(record, now);
    const { to, comment, ...fields } = input;
    const planned = await unlessStale(
      record,
      expected,
      () =>
        planReviewTransition(
          before,
          to,
          { ...fields, attendees: fields.attendees?.map(lower) },
          { now },
        ),
      PREFIX,
    );
    const changes: Partial<ReviewFields> = {
      status: planned.status,
      minutes: planned.minutes,
      attendees: planned.attendees,
      cancelReason: planned.cancelReason,
      heldAt: planned.heldAt ? new Date(planned.heldAt) : undefined,
      closedAt: planned.closedAt ? new Date(planned.closedAt) : undefined,
    };
    const actor = lower(actorOf(ctx.credentials));
    const updated = await this.#store.updateReview({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes,
      at: now,
      event: {
        at: now,
        actor,
        action: 'transition',
        changes: wireChanges(
          before,
          toReview({ ...record, ...stripUndefined(changes) }, now),
          MOVE_FIELDS,
        ),
        ...(comment ? { comment } : {}),
      },
      within:
        to === 'closed'
          ? async tx => {
              await this.#slas.recordReview({
                slaId: before.slaId,
                reviewedAt: record.heldAt ?? now,
                reviewId: before.id,
                actor,
                tx,
              });
            }
          : undefined,
    });
    return this.#written(updated);
  }

  /**
   * Generates the pack for the review's period from live records and freezes it into the
   * review with its hash and the generator version. While scheduled or prepared (again:
   * replaced, both hashes in the history); 409 once held.
   */
  async freezePack(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<ServiceReview> {
    const input = parseInput(reviewPackFreezeSchema, body ?? {}, 'body');
    const expected = expectedVersionOf(ctx, 'review');
    const record = await this.readable(id, ctx);
    await this.#access.requireUpdate(record, ctx.credentials);
    await unlessStale(
      record,
      expected,
      () => checkReviewPackFreeze(record.status),
      PREFIX,
    );
    const pack = await this.#generate(record);
    const now = this.#now();
    const changes: Partial<ReviewFields> = {
      packFrozenAt: now,
      packHash: this.#hash(pack),
      packGeneratorVersion: this.#generatorVersion,
    };
    const updated = await this.#store.updateReview({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes,
      pack: JSON.stringify(pack),
      at: now,
      event: {
        at: now,
        actor: lower(actorOf(ctx.credentials)),
        action: record.packFrozenAt ? 'pack-refrozen' : 'pack-frozen',
        changes: wireChanges(
          toReview(record, now),
          toReview({ ...record, ...changes }, now),
          ['packFrozenAt', 'packHash', 'packGeneratorVersion'],
        ),
        ...(input.comment ? { comment: input.comment } : {}),
      },
    });
    return this.#written(updated);
  }

  /**
   * The pack in one read: the frozen one (null before freezing), the live one (by default
   * while the review is open) and the drift between them.
   */
  async pack(
    id: string,
    query: unknown,
    ctx: RequestContext,
  ): Promise<ReviewPackResponse> {
    const { live } = parseInput(reviewPackQuerySchema, query, 'query');
    const record = await this.readable(id, ctx);
    const stored = await this.#store.getPack(record.seq);
    const frozenPack: ReviewPack | undefined = stored
      ? JSON.parse(stored)
      : undefined;
    const response: ReviewPackResponse = {
      frozen:
        frozenPack && record.packFrozenAt
          ? {
              pack: frozenPack,
              hash: record.packHash!,
              generatorVersion: record.packGeneratorVersion!,
              frozenAt: record.packFrozenAt.toISOString(),
            }
          : null,
    };
    const wantsLive = live ?? !isReviewLocked(record.status);
    if (wantsLive || !frozenPack) {
      response.live = await this.#generate(record);
      if (frozenPack) {
        response.drift = diffReviewPack(frozenPack, response.live);
      }
    }
    return response;
  }

  /**
   * The customer signs the held review off: only a member of the SLA's customer groups may
   * (whatever the policy says: 403), once, while it is held (409). No `If-Match`.
   */
  async signOff(
    id: string,
    body: unknown,
    ctx: RequestContext,
  ): Promise<ServiceReview> {
    const input = parseInput(reviewSignOffSchema, body ?? {}, 'body');
    const record = await this.readable(id, ctx);
    const sla = await this.#slas.get(
      slaRecordType.id(record.slaSeq),
      await this.#pluginContext(),
    );
    const signer = await this.#customerMember(ctx.credentials, sla);
    checkReviewSignOff(toReview(record, this.#now()));
    const now = this.#now();
    const changes: Partial<ReviewFields> = {
      signedOffBy: signer,
      signedOffAt: now,
      signOffComment: input.comment ?? null,
    };
    const updated = await this.#store.updateReview({
      seq: record.seq,
      expectedVersion: record.version,
      changes,
      customerGroups: sla.customerGroups,
      at: now,
      event: {
        at: now,
        actor: signer,
        action: 'sign-off',
        changes: wireChanges(
          toReview(record, now),
          toReview({ ...record, ...changes }, now),
          ['signedOffBy', 'signedOffAt', 'signOffComment'],
        ),
        ...(input.comment ? { comment: input.comment } : {}),
      },
    });
    return this.#written(updated);
  }

  /** Reviews take links; changing them needs `itsm.review.manage` on the review. */
  linkable(): LinkableRecordType {
    return linkableRecordType({
      table: reviewTable,
      read: (id, ctx) => this.readable(id, ctx),
      access: this.#access,
    });
  }

  /** The review as the caller may see it: 404 when unknown or unreadable. */
  async readable(id: string, ctx: RequestContext): Promise<ReviewRecord> {
    return this.#access.readable({
      id,
      label: 'Review',
      parse: reviewRecordType.parse,
      credentials: ctx.credentials,
      load: (seq, permissionFilter) =>
        this.#store.getReview(seq, permissionFilter),
    });
  }

  /** Tells open pages that a review (or one of its actions) changed. */
  async changed(review: { id: string; version: number }): Promise<void> {
    await this.#notifier.changed({
      record: review,
      recordChannel: reviewSignalChannel(review.id),
      collectionChannel: REVIEWS_SIGNAL_CHANNEL,
    });
  }

  /** The plugin's own context, for reads made on behalf of a review (SLAs). */
  async #pluginContext(): Promise<RequestContext> {
    return { credentials: await this.#auth.getOwnServiceCredentials() };
  }

  async #written(record: ReviewRecord): Promise<ServiceReview> {
    const review = toReview(record, this.#now());
    await this.changed(review);
    return review;
  }

  async #generate(record: ReviewRecord): Promise<ReviewPack> {
    const openActions = await this.#store.openActionsBefore({
      entityRef: record.entityRef,
      scheduledFor: record.scheduledFor,
      excludeSeq: record.seq,
    });
    return this.#packs.generate({
      entityRef: record.entityRef,
      from: record.periodFrom.toISOString(),
      to: record.periodTo.toISOString(),
      openActions: openActions.map(toActionSummary),
    });
  }

  /** Inserts a new review (its `preview` as a record); undefined when its schedule key exists. */
  async #insert(
    fields: ReviewFields,
    preview: ReviewRecord,
    scheduleKey: string | undefined,
  ): Promise<ReviewRecord | undefined> {
    const { ownerRef, customerGroups } = preview;
    return this.#store.createReview({
      review: fields,
      ownerRef,
      customerGroups,
      scheduleKey,
      createdAt: preview.createdAt,
      createdBy: preview.createdBy,
      event: {
        at: preview.createdAt,
        actor: preview.createdBy,
        action: 'create',
        changes: createdChanges(toReview(preview, preview.createdAt), [
          'overdue',
          'openActionCount',
        ]),
      },
    });
  }

  #newReview(options: {
    entityRef: string;
    sla: ServiceLevelAgreement;
    period: { from: Date; to: Date };
    scheduledFor: Date;
    title?: string;
    attendees: string[];
    agenda?: ReviewFields['agenda'];
  }): ReviewFields {
    return {
      status: 'scheduled',
      title:
        options.title ?? defaultReviewTitle(options.entityRef, options.period),
      entityRef: options.entityRef,
      slaSeq: slaRecordType.parse(options.sla.id)!,
      periodFrom: options.period.from,
      periodTo: options.period.to,
      scheduledFor: options.scheduledFor,
      attendees: options.attendees,
      agenda:
        options.agenda ?? DEFAULT_REVIEW_AGENDA.map(item => ({ ...item })),
      minutes: '',
      decisions: [],
      heldAt: null,
      cancelReason: null,
      packFrozenAt: null,
      packHash: null,
      packGeneratorVersion: null,
      signedOffBy: null,
      signedOffAt: null,
      signOffComment: null,
      closedAt: null,
    };
  }

  #record(
    fields: ReviewFields,
    ownerRef: string | null,
    sla: ServiceLevelAgreement,
    now: Date,
    actor: string,
  ): ReviewRecord {
    return {
      ...fields,
      seq: 0,
      version: 1,
      ownerRef,
      customerGroups: sla.customerGroups.map(lower),
      openActionCount: 0,
      createdAt: now,
      createdBy: actor,
      updatedAt: now,
    };
  }

  /** The service of a review: canonical ref and owner; 400 naming `entityRef` when unknown. */
  async #service(
    ref: string,
  ): Promise<{ entityRef: string; ownerRef: string | null }> {
    const entity = await this.#catalog.getEntity(ref);
    if (!entity) {
      throw new InputError(`entityRef: unknown catalog entity '${ref}'`);
    }
    return {
      entityRef: canonicalEntityRef(entity),
      ownerRef: ownerRefOf(entity),
    };
  }

  /** The SLA of a service (one per service), read as the plugin. */
  async #slaOfService(
    entityRef: string,
  ): Promise<ServiceLevelAgreement | undefined> {
    const page = await this.#slas.list(
      { entityRef: [entityRef], limit: 1, order: 'desc' },
      await this.#pluginContext(),
    );
    return page.items[0];
  }

  /**
   * The signer when the caller is a user who is a member (catalog `memberOf`) of one of the
   * SLA's customer groups; otherwise 403, whatever the permission policy says.
   */
  async #customerMember(
    credentials: BackstageCredentials,
    sla: ServiceLevelAgreement,
  ): Promise<string> {
    const denied = new NotAllowedError(
      `Only a member of the customer groups of ${sla.id} (${
        sla.customerGroups.join(', ') || 'none'
      }) may sign the review off`,
    );
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
    };
    if (principal.type !== 'user' || !principal.userEntityRef) throw denied;
    const userRef = lower(principal.userEntityRef);
    if (this.#trusted) return userRef;
    const user = await this.#catalog.getEntity(userRef);
    const groups = new Set(membershipsOf(user));
    if (!sla.customerGroups.some(group => groups.has(lower(group)))) {
      throw denied;
    }
    return userRef;
  }
}

/** The groups a user entity is a member of: its `memberOf` relations, else `spec.memberOf`. */
function membershipsOf(user: Entity | undefined): string[] {
  if (!user) return [];
  const related = (user.relations ?? [])
    .filter(r => r.type === 'memberOf')
    .map(r => lower(r.targetRef));
  const declared = Array.isArray(user.spec?.memberOf)
    ? (user.spec!.memberOf as unknown[])
        .filter((g): g is string => typeof g === 'string')
        .map(g => {
          try {
            return canonicalEntityRef(
              g.includes(':')
                ? g
                : `group:${user.metadata.namespace ?? 'default'}/${g}`,
            );
          } catch {
            return lower(g);
          }
        })
    : [];
  return [...related, ...declared];
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
