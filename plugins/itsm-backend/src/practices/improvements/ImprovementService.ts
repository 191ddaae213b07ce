import {
  BackstageCredentials,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  HistoryEvent,
  IMPROVEMENTS_SIGNAL_CHANNEL,
  IMPROVEMENT_KPI_DEFINITIONS,
  Improvement,
  ImprovementCreateRequest,
  ImprovementDraft,
  ImprovementKpi,
  Page,
  RecordLink,
  checkImprovementApprover,
  improvementBaselineWindow,
  improvementCreateSchema,
  improvementDraftQuerySchema,
  improvementListQuerySchema,
  improvementMeasurementWindow,
  improvementPatchSchema,
  improvementSignalChannel,
  improvementTransitionSchema,
  improvementVerdict,
  isImprovementLocked,
  parseRecordId,
  planImprovementTransition,
  recordLinkCreateSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import {
  PLUGIN_SUBJECT,
  RequestContext,
  WriteContext,
  actorOf,
} from '../../records/context';
import {
  LinkableRecordType,
  RecordLinkService,
  linkableRecordType,
} from '../../records/links';
import { RecordNotifier } from '../../records/notifier';
import type { ReferenceLinks } from '../../records/referenceLinks';
import { createdChanges, toHistoryEvent } from '../../records/rows';
import { parseInput } from '../../records/validation';
import {
  expectedVersionOf,
  requireVersion,
  unlessStale,
} from '../../records/versions';
import type { KpiMeasurer } from './measure';
import type { ImprovementCatalog } from './improvementCatalog';
import { improvementCsvHeader, improvementCsvRow } from './improvementCsv';
import { evaluationSummary } from './improvementEvaluation';
import type { ImprovementAccess } from './improvementPermissions';
import {
  improvementRecordType,
  improvementTable,
} from './improvementRecordType';
import {
  ImprovementSourceReader,
  ResolvedSource,
  UNRECORDED_SOURCES,
  shortRef,
  utcDate,
} from './improvementSources';
import type {
  ImprovementEntity,
  ImprovementFields,
  ImprovementFigureRecord,
  ImprovementRecord,
} from './ImprovementStore';
import type { KnexImprovementStore } from './KnexImprovementStore';
import { improvementChanges, toImprovement } from './improvementViews';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
const PREFIX = 'IMP';
/** Items read per page by the evaluation job and the export. */
const BATCH = 200;

/** A validated `POST /improvements` body. */
export type ImprovementCreateInput = z.output<typeof improvementCreateSchema>;

/** The link of an item's page, as notifications carry it. */
export const improvementLink = (id: string) => `/itsm/improvements/${id}`;

/** What one pass of the evaluation job did: the items it evaluated, skipped and failed. */
export interface ImprovementEvaluationRun {
  /** Measured and moved to evaluated. */
  evaluated: string[];
  /** Written meanwhile by someone else (another replica): left to them. */
  skipped: string[];
  /** Their measurement failed; tried again on the next run. */
  failed: string[];
}

/** Sets the improvement item a breach names, inside the item's create transaction. */
export interface ImprovementBreachLink {
  linkImprovement(
    tx: Knex.Transaction,
    options: {
      id: string;
      expectedVersion: number;
      improvementId: string;
      actor: string;
      at: Date;
    },
  ): Promise<void>;
}

/**
 * The continual improvement register (DESIGN §3 "Continual improvement"): items raised from
 * their sources (checked and linked), prioritised by the documented score, approved by
 * someone other than their owner (the KPI's baseline frozen then), implemented, and evaluated
 * by the system against that baseline once the measurement window is over. The lifecycle and
 * the fields each move needs come from `-common`; storage is the store's, links the kernel's,
 * figures the measurer's.
 */
export class ImprovementService {
  readonly #store: KnexImprovementStore;
  readonly #access: ImprovementAccess;
  readonly #catalog: ImprovementCatalog;
  readonly #userInfo?: UserInfoService;
  readonly #measurer: KpiMeasurer;
  readonly #sources: ImprovementSourceReader;
  readonly #breaches: ImprovementBreachLink;
  readonly #links: RecordLinkService;
  readonly #notifier: RecordNotifier;
  readonly #pluginCredentials: () => Promise<BackstageCredentials>;
  readonly #trustedImport: boolean;
  readonly #logger: LoggerService;
  readonly #now: () => Date;

  constructor(options: {
    store: KnexImprovementStore;
    access: ImprovementAccess;
    catalog: ImprovementCatalog;
    /** The approver's groups from their claims, beside the catalog's membership. */
    userInfo?: UserInfoService;
    measurer: KpiMeasurer;
    sources: ImprovementSourceReader;
    breaches: ImprovementBreachLink;
    links: RecordLinkService;
    notifier: RecordNotifier;
    /** The plugin's own credentials: suggestions, the evaluation job and trusted imports. */
    pluginCredentials: () => Promise<BackstageCredentials>;
    /** Imports: sources are read as the plugin, groups from the catalog only. */
    trustedImport?: boolean;
    logger: LoggerService;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#access = options.access;
    this.#catalog = options.catalog;
    this.#userInfo = options.userInfo;
    this.#measurer = options.measurer;
    this.#sources = options.sources;
    this.#breaches = options.breaches;
    this.#links = options.links;
    this.#notifier = options.notifier;
    this.#pluginCredentials = options.pluginCredentials;
    this.#trustedImport = options.trustedImport ?? false;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  get access(): ImprovementAccess {
    return this.#access;
  }

  /**
   * Raises an item (proposed) as the caller. Its owner defaults to the calling user (a
   * calling service: the first service's owner group); its owning
   * group to the owner when a group, else to the first service's owner group. A `sourceId`
   * must name a record of its source the caller may read (400); kernel records are linked
   * `IMP-n relates_to <source>`, and a breach names the new item (409 when it names another).
   */
  async create(
    input: ImprovementCreateInput,
    ctx: RequestContext,
  ): Promise<Improvement> {
    await this.#access.requireCreate(ctx.credentials);
    const actor = lower(actorOf(ctx.credentials));
    const byUser =
      (ctx.credentials.principal as { type: string }).type === 'user';
    const created = await this.#insert(input, {
      actor,
      // A service raising an item leaves it to the service's owner group.
      owner: input.owner ? lower(input.owner) : (byUser && actor) || null,
      sourceCtx: this.#trustedImport
        ? { credentials: await this.#pluginCredentials() }
        : ctx,
      sourceKey: null,
    });
    return created!;
  }

  /**
   * Proposes an item as the plugin (the suggestions job) for what `sourceKey` names: status
   * proposed, owned by the first service's owner group unless the input names an owner.
   * Null, writing nothing, when an item with that key exists already (whatever its status),
   * also when two calls race: the key is unique in the database.
   */
  async propose(
    input: ImprovementCreateRequest,
    sourceKey: string,
  ): Promise<Improvement | null> {
    const parsed = parseInput(improvementCreateSchema, input, 'body');
    const key = z.string().trim().min(1).max(255).parse(sourceKey);
    if (await this.#store.hasSourceKey(key)) {
      return null;
    }
    return this.#insert(parsed, {
      actor: PLUGIN_SUBJECT,
      owner: parsed.owner ? lower(parsed.owner) : null,
      sourceCtx: { credentials: await this.#pluginCredentials() },
      sourceKey: key,
    });
  }

  async #insert(
    input: ImprovementCreateInput,
    options: {
      actor: string;
      /** Null: the first service's owner group (a proposal by the plugin). */
      owner: string | null;
      sourceCtx: RequestContext;
      sourceKey: string | null;
    },
  ): Promise<Improvement | null> {
    const { actor, sourceKey } = options;
    const entities = await this.#catalog.entities(
      input.entityRefs,
      'entityRefs',
    );
    const source = await this.#source(input, options.sourceCtx);
    const breach = source?.breach ?? null;
    // A proposal leaves a breach that names another item as it is; a person is told.
    const marksBreach = breach !== null && breach.improvementId === null;
    if (breach?.improvementId && sourceKey === null) {
      throw new ConflictError(
        `${breach.id} already names the improvement ${breach.improvementId}`,
      );
    }
    const serviceGroup = groupOf(entities[0]?.ownerRef ?? null);
    const owner = options.owner ?? serviceGroup;
    const owningGroup = input.owningGroup
      ? lower(input.owningGroup)
      : groupOf(owner) ?? serviceGroup;
    const now = this.#now();
    const fields: ImprovementFields = {
      kind: input.kind,
      type: input.type,
      status: 'proposed',
      title: input.title,
      description: input.description,
      source: input.source,
      sourceId: source?.sourceId ?? input.sourceId ?? null,
      sourceKey,
      owner,
      owningGroup,
      benefit: input.benefit,
      effort: input.effort,
      urgency: input.urgency,
      targetDate: input.targetDate ?? null,
      nonconformity: input.nonconformity ?? null,
      correction: input.correction ?? null,
      rootCause: input.rootCause ?? null,
      effectivenessReview: null,
      kpi: input.kpi ?? null,
      baseline: null,
      measured: null,
      measureDueAt: null,
      goal: null,
      verdict: null,
      evaluation: null,
      approvedBy: null,
      approvedAt: null,
      startedAt: null,
      implementedAt: null,
      evaluatedAt: null,
      closedAt: null,
      rejectedAt: null,
      rejectionReason: null,
    };
    const preview = toImprovement(
      this.#record(fields, entities, { seq: 0, at: now, actor }),
      now,
    );
    const record = await this.#store.createImprovement({
      fields,
      entities,
      createdAt: now,
      createdBy: actor,
      event: {
        at: now,
        actor,
        action: 'create',
        changes: createdChanges(preview, ['overdue']),
        ...(sourceKey ? { comment: `Suggested: ${sourceKey}` } : {}),
      },
      within: async (tx, seq) => {
        const id = improvementRecordType.id(seq);
        const target = source?.link && this.#linkType(source.link.collection);
        if (source?.link && target) {
          await this.#links.insert(tx, {
            from: this.linkable(),
            fromSeq: seq,
            to: target,
            toSeq: source.link.seq,
            relation: 'relates_to',
            note: `Raised from ${source.sourceId}`,
            actor,
            at: now,
          });
        }
        if (breach && marksBreach) {
          await this.#breaches.linkImprovement(tx, {
            id: breach.id,
            expectedVersion: breach.version,
            improvementId: id,
            actor,
            at: now,
          });
        }
      },
    });
    if (!record) return null;
    const item = toImprovement(record, now);
    await this.#changed(item);
    if (sourceKey && item.owner) {
      await this.#notify(item, item.owner, {
        what: 'proposed',
        title: `Suggested improvement ${item.id}: ${item.title}`,
        description:
          'The system proposed it from what the register sees. Approve or reject it.',
      });
    }
    return item;
  }

  /** The source record of a create, checked as the caller may read it; 400 when unknown. */
  async #source(
    input: ImprovementCreateInput,
    ctx: RequestContext,
  ): Promise<ResolvedSource | null> {
    if (!input.sourceId) {
      return null;
    }
    const resolved = await this.#sources.resolve(
      input.source,
      input.sourceId,
      ctx,
    );
    if (resolved === undefined) {
      throw new InputError(
        `sourceId: no ${input.source} record '${input.sourceId}' (or not one you may read)`,
      );
    }
    return resolved;
  }

  async get(id: string, ctx: RequestContext): Promise<Improvement> {
    return toImprovement(await this.#readable(id, ctx), this.#now());
  }

  async list(query: unknown, ctx: RequestContext): Promise<Page<Improvement>> {
    const parsed = parseInput(improvementListQuerySchema, query, 'query');
    const access = await this.#access.requireRead(ctx.credentials);
    const now = this.#now();
    const page = await this.#store.listImprovements(
      { ...parsed, today: utcDate(now) },
      access.permissionFilter,
    );
    return {
      items: page.items.map(r => toImprovement(r, now)),
      nextCursor: page.nextCursor,
    };
  }

  async history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    const record = await this.#readable(id, ctx);
    const page = await this.#store.improvementHistory(record.seq, query);
    return {
      items: page.items.map(toHistoryEvent),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * `GET /improvements/draft`: a create body pre-filled from a source record the caller may
   * read (404 otherwise); the owner is the source's (a review action's, a problem's) or the
   * caller. Needs `itsm.improvement.create`.
   */
  async draft(query: unknown, ctx: RequestContext): Promise<ImprovementDraft> {
    const parsed = parseInput(improvementDraftQuerySchema, query, 'query');
    if (UNRECORDED_SOURCES.includes(parsed.source)) {
      throw new InputError(
        `source: ${parsed.source} has no source record to draft from`,
      );
    }
    const resolved = await this.#sources.resolve(
      parsed.source,
      parsed.sourceId,
      ctx,
    );
    if (!resolved) {
      throw new NotFoundError(
        `No ${parsed.source} record '${parsed.sourceId}' that you may read`,
      );
    }
    await this.#access.requireCreate(ctx.credentials);
    return {
      ...resolved.draft,
      owner: resolved.draft.owner ?? lower(actorOf(ctx.credentials)),
    };
  }

  /**
   * Edits an item; a no-op writes nothing. Closed or rejected items: 409; the KPI is fixed
   * once approved (409: its baseline was frozen for it).
   */
  async patch(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<Improvement> {
    const input = parseInput(improvementPatchSchema, body, 'body');
    const version = versionOf(ctx);
    const record = await this.#readable(id, ctx);
    await this.#access.requireUpdate(record, ctx.credentials);
    const expected = version();
    const now = this.#now();
    const { changes, entities } = await unlessStale(
      record,
      expected,
      async () => {
        if (isImprovementLocked(record.status)) {
          throw new ConflictError(
            `The improvement is ${record.status} and cannot change`,
          );
        }
        if (
          input.kpi !== undefined &&
          record.status !== 'proposed' &&
          !sameKpi(record.kpi, input.kpi)
        ) {
          throw new ConflictError(
            'The KPI is fixed once the improvement is approved: its baseline was measured for it',
          );
        }
        const { entityRefs, owner, owningGroup, ...rest } = input;
        const planned: Partial<ImprovementFields> = {
          ...rest,
          owner: owner === undefined ? undefined : lower(owner),
          owningGroup:
            owningGroup === undefined
              ? undefined
              : owningGroup && lower(owningGroup),
        };
        if (
          planned.benefit !== undefined ||
          planned.effort !== undefined ||
          planned.urgency !== undefined
        ) {
          planned.benefit ??= record.benefit;
          planned.effort ??= record.effort;
          planned.urgency ??= record.urgency;
        }
        return {
          changes: planned,
          entities: entityRefs
            ? await this.#catalog.entities(entityRefs, 'entityRefs')
            : undefined,
        };
      },
      PREFIX,
    );
    return this.#write(record, {
      changes,
      entities,
      expected,
      now,
      actor: lower(actorOf(ctx.credentials)),
      action: 'update',
    });
  }

  /**
   * Moves an item through its lifecycle. Approving and rejecting need
   * `itsm.improvement.approve`, and an approver who is neither the owner nor in the owner's or
   * the owning group (403, nothing written); the KPI's baseline is measured then and frozen
   * into the item (a failed measurement writes nothing). Every other move needs
   * `itsm.improvement.update`.
   */
  async transition(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<Improvement> {
    const input = parseInput(improvementTransitionSchema, body, 'body');
    const version = versionOf(ctx);
    const record = await this.#readable(id, ctx);
    const actor = lower(actorOf(ctx.credentials));
    if (input.to === 'approved' || input.to === 'rejected') {
      await this.#access.requireApprove(record, ctx.credentials);
    } else {
      await this.#access.requireUpdate(record, ctx.credentials);
    }
    if (input.to === 'approved') {
      checkImprovementApprover(
        record,
        actor,
        await this.#groupsOf(actor, ctx.credentials),
      );
    }
    const expected = version();
    const now = this.#now();
    const planned = await unlessStale(
      record,
      expected,
      () =>
        planImprovementTransition(toImprovement(record, now), input.to, input, {
          now,
          actor,
        }),
      PREFIX,
    );
    const changes: Partial<ImprovementFields> = {
      ...planned,
      approvedAt: toDateField(planned.approvedAt),
      startedAt: toDateField(planned.startedAt),
      implementedAt: toDateField(planned.implementedAt),
      evaluatedAt: toDateField(planned.evaluatedAt),
      closedAt: toDateField(planned.closedAt),
      rejectedAt: toDateField(planned.rejectedAt),
    };
    if (input.to === 'approved' && record.kpi) {
      const window = improvementBaselineWindow(record.kpi, now);
      changes.baseline = await this.#measure(record, window, now, 'baseline');
    }
    if (input.to === 'implemented' && record.kpi) {
      changes.measureDueAt = improvementMeasurementWindow({
        kpi: record.kpi,
        implementedAt: planned.implementedAt!,
      })!.to;
    }
    const item = await this.#write(record, {
      changes,
      expected,
      now,
      actor,
      action: 'transition',
      comment: input.comment,
      always: true,
    });
    await this.#notifyMove(item, actor);
    return item;
  }

  /**
   * `POST /improvements/{id}/evaluation`: measures an implemented item's KPI over its
   * measurement window now, stores the figure with the goal and the verdict against the
   * frozen baseline, and moves it to evaluated. 409 unless implemented with a KPI whose
   * window is over (the message says when it ends).
   */
  async evaluate(id: string, ctx: WriteContext): Promise<Improvement> {
    const version = versionOf(ctx);
    const record = await this.#readable(id, ctx);
    await this.#access.requireUpdate(record, ctx.credentials);
    const expected = version();
    const now = this.#now();
    await unlessStale(
      record,
      expected,
      () => this.#checkDue(record, now),
      PREFIX,
    );
    return this.#evaluate(record, {
      expected: expected ?? record.version,
      now,
      actor: lower(actorOf(ctx.credentials)),
    });
  }

  /**
   * The evaluation job: evaluates every implemented item with a KPI whose measurement window
   * is over by `now`, as the plugin. Safe with several replicas: each write is versioned, so
   * an item another one evaluated meanwhile is skipped.
   */
  async evaluateDue(
    now: Date = this.#now(),
  ): Promise<ImprovementEvaluationRun> {
    const run: ImprovementEvaluationRun = {
      evaluated: [],
      skipped: [],
      failed: [],
    };
    let afterSeq = 0;
    for (;;) {
      const due = await this.#store.listDue({ now, afterSeq, limit: BATCH });
      for (const record of due) {
        const id = improvementRecordType.id(record.seq);
        try {
          await this.#evaluate(record, {
            expected: record.version,
            now,
            actor: PLUGIN_SUBJECT,
          });
          run.evaluated.push(id);
        } catch (error) {
          if ((error as Error).name === 'PreconditionFailedError') {
            run.skipped.push(id);
          } else {
            this.#logger.warn(`Could not evaluate ${id}: ${error}`);
            run.failed.push(id);
          }
        }
      }
      if (due.length < BATCH) break;
      afterSeq = due[due.length - 1].seq;
    }
    return run;
  }

  #checkDue(record: ImprovementRecord, now: Date): { from: Date; to: Date } {
    if (record.status !== 'implemented') {
      throw new ConflictError(
        `The improvement is ${record.status}: only an implemented improvement is evaluated`,
      );
    }
    const window = improvementMeasurementWindow({
      kpi: record.kpi,
      implementedAt: record.implementedAt?.toISOString() ?? null,
    });
    if (!window) {
      throw new ConflictError(
        'The improvement has no KPI: its owner records the evaluation (move it to evaluated with an evaluation)',
      );
    }
    if (now.getTime() < window.to.getTime()) {
      throw new ConflictError(
        `The measurement window ends at ${window.to.toISOString()}; the improvement is evaluated then`,
      );
    }
    return window;
  }

  async #evaluate(
    record: ImprovementRecord,
    options: { expected: number; now: Date; actor: string },
  ): Promise<Improvement> {
    const { now, actor } = options;
    const window = this.#checkDue(record, now);
    const kpi = record.kpi!;
    const measured = await this.#measure(record, window, now, 'measurement');
    const baseline = record.baseline;
    const { verdict, goal } = improvementVerdict({
      kind: IMPROVEMENT_KPI_DEFINITIONS[kpi.kpi].kind,
      direction: kpi.direction,
      target: kpi.target,
      baseline: baseline
        ? { value: baseline.value, n: baseline.n }
        : { value: null, n: 0 },
      measured: { value: measured.value, n: measured.n },
    });
    const item = await this.#write(record, {
      changes: {
        status: 'evaluated',
        measured,
        goal,
        verdict,
        evaluation: evaluationSummary({
          kpi,
          baseline,
          measured,
          goal,
          verdict,
        }),
        evaluatedAt: now,
      },
      expected: options.expected,
      now,
      actor,
      action: 'evaluate',
      always: true,
    });
    if (item.owner) {
      await this.#notify(item, item.owner, {
        what: 'evaluated',
        title: `Improvement ${item.id} evaluated: ${verdictWords(verdict)}`,
        description: item.evaluation ?? '',
      });
    }
    return item;
  }

  /** The KPI over `window` on the item's services; a failure is a 503 that writes nothing. */
  async #measure(
    record: ImprovementRecord,
    window: { from: Date; to: Date },
    now: Date,
    what: 'baseline' | 'measurement',
  ): Promise<ImprovementFigureRecord> {
    const kpi = record.kpi as ImprovementKpi;
    let result;
    try {
      result = await this.#measurer.measure({
        kpi,
        entityRefs: record.entityRefs,
        from: window.from,
        to: window.to,
      });
    } catch (error) {
      if ((error as Error)?.name === 'InputError') throw error;
      throw new ServiceUnavailableError(
        `The ${what} of ${
          kpi.kpi
        } could not be measured, nothing was written: ${
          (error as Error)?.message ?? error
        }`,
      );
    }
    return {
      from: window.from,
      to: window.to,
      value: result.value,
      n: result.n,
      unit: IMPROVEMENT_KPI_DEFINITIONS[kpi.kpi].unit,
      measuredAt: now,
    };
  }

  /**
   * Writes changes over the item at the expected version with the history event of what
   * changed; a no-op (unless `always`) writes nothing.
   */
  async #write(
    record: ImprovementRecord,
    options: {
      changes: Partial<ImprovementFields>;
      entities?: ImprovementEntity[];
      expected: number | undefined;
      now: Date;
      actor: string;
      action: string;
      comment?: string;
      always?: boolean;
    },
  ): Promise<Improvement> {
    const { changes, entities, expected, now, actor } = options;
    const before = toImprovement(record, now);
    const after = toImprovement(
      {
        ...record,
        ...stripUndefined(changes),
        ...(entities
          ? {
              entityRefs: entities.map(e => e.entityRef),
              entityOwnerRefs: entities
                .map(e => e.ownerRef)
                .filter((o): o is string => !!o),
            }
          : {}),
      },
      now,
    );
    const diff = improvementChanges(before, after);
    if (Object.keys(diff).length === 0 && !options.always) {
      requireVersion(record, expected, PREFIX);
      return before;
    }
    const updated = await this.#store.updateImprovement({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes,
      entities,
      at: now,
      event: {
        at: now,
        actor,
        action: options.action,
        changes: diff,
        ...(options.comment ? { comment: options.comment } : {}),
      },
    });
    const item = toImprovement(updated, now);
    await this.#changed(item);
    return item;
  }

  /**
   * `GET /improvements/export`: every item matching the list's filters that the caller may
   * read, as CSV (RFC 4180, formula cells defused), read and handed to `write` a batch at a
   * time. The permission check comes before the first byte.
   */
  async exportCsv(
    query: unknown,
    ctx: RequestContext,
    write: (chunk: string) => void | Promise<void>,
  ): Promise<number> {
    const parsed = parseInput(
      improvementListQuerySchema,
      { ...(query as object), limit: BATCH },
      'query',
    );
    const access = await this.#access.requireRead(ctx.credentials);
    const now = this.#now();
    let cursor = parsed.cursor;
    let count = 0;
    await write(improvementCsvHeader());
    for (;;) {
      const page = await this.#store.listImprovements(
        { ...parsed, cursor, today: utcDate(now) },
        access.permissionFilter,
      );
      if (page.items.length) {
        await write(
          page.items
            .map(r => improvementCsvRow(toImprovement(r, now)))
            .join(''),
        );
        count += page.items.length;
      }
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return count;
  }

  /**
   * How other records name an item (a breach's `improvementId`): it must be readable by the
   * caller (400 otherwise); the link is made once.
   */
  references(): ReferenceLinks {
    return {
      resolve: async (improvementId, field, ctx) => {
        const seq = await this.readableSeq(improvementId, ctx);
        if (seq === undefined) {
          throw new InputError(
            `${field}: improvement '${improvementId}' does not exist`,
          );
        }
        return seq;
      },
      link: async ({ from, fromSeq, toSeq, relation, note, actor }) => {
        const existing = await this.#links.linksOf(
          improvementRecordType.recordType,
          toSeq,
          { otherType: from.table.type.recordType },
        );
        if (existing.some(l => l.fromSeq === fromSeq || l.toSeq === fromSeq)) {
          return;
        }
        try {
          await this.#store.db.transaction(tx =>
            this.#links.insert(tx, {
              from,
              fromSeq,
              to: this.linkable(),
              toSeq,
              relation,
              note,
              actor: lower(actor),
            }),
          );
        } catch (error) {
          // Linked meanwhile by someone else: the link is there, which is what was asked.
          if ((error as Error).name !== 'ConflictError') throw error;
        }
      },
    };
  }

  /**
   * Links an item to another record for a trusted import, as `actor`, without permission
   * checks (the kernel's link routes check them for everyone else).
   */
  async importLink(
    id: string,
    body: unknown,
    actor: string,
  ): Promise<RecordLink> {
    const input = parseInput(recordLinkCreateSchema, body, 'body');
    const seq = improvementRecordType.parse(id);
    const target = parseRecordId(input.to)!;
    const type = this.#links
      .collections()
      .find(c => c.type.table.type.prefix === target.prefix)?.type;
    if (seq === undefined || !(await this.#store.getImprovement(seq))) {
      throw new NotFoundError(`Improvement '${id}' not found`);
    }
    if (!type) {
      throw new InputError(`to: unknown record '${input.to}'`);
    }
    try {
      return await this.#store.db.transaction(tx =>
        this.#links.insert(tx, {
          from: this.linkable(),
          fromSeq: seq,
          to: type,
          toSeq: target.seq,
          relation: input.relation,
          note: input.note ?? null,
          actor: lower(actor),
          at: this.#now(),
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'NotFoundError') {
        throw new InputError(`to: unknown record '${input.to}'`);
      }
      throw error;
    }
  }

  /** Items take links; changing them needs `itsm.improvement.update` on the item. */
  linkable(): LinkableRecordType {
    return linkableRecordType({
      table: improvementTable,
      read: (id, ctx) => this.#readable(id, ctx),
      access: this.#access,
    });
  }

  /** The item's sequence number when the caller may read it, else undefined. */
  async readableSeq(
    id: string,
    ctx: RequestContext,
  ): Promise<number | undefined> {
    try {
      return (await this.#readable(id, ctx)).seq;
    } catch (error) {
      if ((error as Error).name === 'NotFoundError') return undefined;
      throw error;
    }
  }

  /** True while no item exists. */
  isEmpty(): Promise<boolean> {
    return this.#store.isEmpty();
  }

  /**
   * The groups the approver belongs to: their claims (ownership refs) and their catalog
   * membership, as the change advisory board reads it.
   */
  async #groupsOf(
    actor: string,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const groups = new Set(await this.#catalog.groupsOf(actor));
    const principal = credentials.principal as { type: string };
    if (this.#userInfo && !this.#trustedImport && principal.type === 'user') {
      const info = await this.#userInfo.getUserInfo(
        credentials as BackstageCredentials<{
          type: 'user';
          userEntityRef: string;
        }>,
      );
      for (const ref of info.ownershipEntityRefs) {
        if (lower(ref).startsWith('group:')) groups.add(lower(ref));
      }
    }
    return [...groups];
  }

  #linkType(collection: string): LinkableRecordType | undefined {
    return this.#links.collections().find(c => c.collection === collection)
      ?.type;
  }

  #record(
    fields: ImprovementFields,
    entities: ImprovementEntity[],
    options: { seq: number; at: Date; actor: string },
  ): ImprovementRecord {
    return {
      ...fields,
      seq: options.seq,
      version: 1,
      entityRefs: entities.map(e => e.entityRef),
      entityOwnerRefs: entities
        .map(e => e.ownerRef)
        .filter((o): o is string => !!o),
      createdAt: options.at,
      createdBy: options.actor,
      updatedAt: options.at,
    };
  }

  async #readable(id: string, ctx: RequestContext): Promise<ImprovementRecord> {
    return this.#access.readable({
      id,
      label: 'Improvement',
      parse: improvementRecordType.parse,
      credentials: ctx.credentials,
      load: (seq, permissionFilter) =>
        this.#store.getImprovement(seq, permissionFilter),
    });
  }

  async #notifyMove(item: Improvement, actor: string): Promise<void> {
    if (!item.owner || item.owner === actor) return;
    if (item.status === 'approved') {
      await this.#notify(item, item.owner, {
        what: 'approved',
        title: `Improvement ${item.id} approved: ${item.title}`,
        description: `${shortRef(actor)} approved it${
          item.baseline
            ? `; its baseline is frozen (${item.baseline.value ?? 'none'} ${
                item.baseline.unit
              }, n = ${item.baseline.n})`
            : ''
        }.`,
      });
    } else if (item.status === 'rejected') {
      await this.#notify(item, item.owner, {
        what: 'rejected',
        title: `Improvement ${item.id} rejected: ${item.title}`,
        description: item.rejectionReason ?? '',
      });
    }
  }

  async #notify(
    item: Improvement,
    recipient: string,
    options: { what: string; title: string; description: string },
  ): Promise<void> {
    await this.#notifier.notify(
      `notify ${recipient} of ${item.id}`,
      { type: 'entity', entityRef: recipient },
      {
        title: options.title,
        description: options.description,
        link: improvementLink(item.id),
        severity: 'normal',
        topic: `itsm-improvement-${options.what}`,
        scope: `itsm:improvement:${item.id}:${options.what}`,
      },
    );
  }

  async #changed(item: Pick<Improvement, 'id' | 'version'>): Promise<void> {
    await this.#notifier.changed({
      record: item,
      recordChannel: improvementSignalChannel(item.id),
      collectionChannel: IMPROVEMENTS_SIGNAL_CHANNEL,
    });
  }
}

/**
 * `If-Match` in the order of checks: a malformed one is a 400 at once; a missing one is a
 * 428 once the item is found and the caller may write it (returned as a function to call
 * then).
 */
function versionOf(ctx: WriteContext): () => number | undefined {
  if (ctx.ifMatch !== undefined) {
    const version = expectedVersionOf(ctx, 'improvement');
    return () => version;
  }
  return () => expectedVersionOf(ctx, 'improvement');
}

/** The ref when it is a group's, else null. */
function groupOf(ref: string | null): string | null {
  return ref && ref.startsWith('group:') ? ref : null;
}

function sameKpi(
  current: ImprovementKpi | null,
  next: ImprovementKpi | null,
): boolean {
  return isDeepStrictEqual(current, next);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

function toDateField(
  value: string | null | undefined,
): Date | null | undefined {
  if (value === undefined) return undefined;
  return value === null ? null : new Date(value);
}

function verdictWords(verdict: string): string {
  return verdict.replace('_', ' ');
}
