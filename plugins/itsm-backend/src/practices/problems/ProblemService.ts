import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  HistoryEvent,
  IncidentCategoryTaxonomy,
  Page,
  Problem,
  ProblemCounts,
  ProblemDetection,
  ProblemEffectiveness,
  RecordLink,
  effectivenessWindows,
  validateIncidentCategory,
  isProblemLocked,
  planProblemTransition,
  priorityOf,
  problemCountsQuerySchema,
  problemCreateSchema,
  problemEffectiveness,
  problemIncidentLinkSchema,
  problemListQuerySchema,
  problemPatchSchema,
  problemTransitionSchema,
  PROBLEMS_SIGNAL_CHANNEL,
  problemSignalChannel,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import { ItsmCatalog } from '../../catalog/ItsmCatalog';
import { canonicalEntityRef, ownerRefOf } from '../../catalog/entities';
import { ifReadable } from '../../records/access';
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
import type { IncidentAccess } from '../incidents/IncidentAccess';
import {
  ReferenceLinks,
  recordReferenceLinks,
} from '../../records/referenceLinks';
import {
  createdChanges,
  toDateField,
  toHistoryEvent,
} from '../../records/rows';
import { parseInput } from '../../records/validation';
import {
  expectedVersionOf,
  requireVersion,
  unlessStale,
} from '../../records/versions';
import type { KnexProblemStore } from './KnexProblemStore';
import { ProblemAccess } from './ProblemAccess';
import type {
  ProblemEntity,
  ProblemFields,
  ProblemRecord,
} from './ProblemStore';
import { fieldChanges, toProblem } from './problemViews';
import { problemRecordType, problemTable } from './problemRecordTypes';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
const PREFIX = 'PRB';

/** A validated `POST /problems` body. */
export type ProblemCreateInput = z.output<typeof problemCreateSchema>;

/** A candidate the detection job proposes. */
export interface ProblemCandidate {
  title: string;
  statement: string;
  entityRef: string;
  category: string | null;
  signature: string | null;
  detection: ProblemDetection;
  detectionKey: string;
  window: Date;
  incidentSeqs: number[];
}

/** One linked incident on the problem page's timeline. */
export interface ProblemIncident {
  linkId: string;
  incidentId: string;
  title: string;
  status: string;
  priority: number;
  entityRef: string;
  createdAt: string;
  resolvedAt: string | null;
  linkedAt: string;
  linkedBy: string;
  reason: string | null;
}

/**
 * Problem management (DESIGN §3 "Problem and known error"): the lifecycle from `-common`,
 * incidents linked with who and why, candidates from detection and the measured effectiveness
 * of a fix. Storage is the store's, links the kernel's.
 */
export class ProblemService {
  readonly #store: KnexProblemStore;
  readonly #access: ProblemAccess;
  readonly #links: RecordLinkService;
  readonly #incidents: () => LinkableRecordType;
  readonly #incidentAccess: IncidentAccess;
  readonly #catalog: ItsmCatalog;
  readonly #notifier: RecordNotifier;
  readonly #priorityMatrix: number[][];
  readonly #categories: IncidentCategoryTaxonomy;
  readonly #observationDays: number;
  readonly #logger: LoggerService;
  readonly #now: () => Date;

  constructor(options: {
    store: KnexProblemStore;
    access: ProblemAccess;
    links: RecordLinkService;
    /** The incidents' linkable type: who may read and change an incident. */
    incidents: () => LinkableRecordType;
    /** Who may read which incidents (the linked incidents are read with it, in SQL). */
    incidentAccess: IncidentAccess;
    catalog: ItsmCatalog;
    notifier: RecordNotifier;
    priorityMatrix: number[][];
    categories: IncidentCategoryTaxonomy;
    observationDays: number;
    logger: LoggerService;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#access = options.access;
    this.#links = options.links;
    this.#incidents = options.incidents;
    this.#incidentAccess = options.incidentAccess;
    this.#catalog = options.catalog;
    this.#notifier = options.notifier;
    this.#priorityMatrix = options.priorityMatrix;
    this.#categories = options.categories;
    this.#observationDays = options.observationDays;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  get access(): ProblemAccess {
    return this.#access;
  }

  async create(
    input: ProblemCreateInput,
    ctx: RequestContext,
  ): Promise<Problem> {
    await this.#access.requireCreate(ctx.credentials);
    this.#checkCategory(input.category ?? null);
    const entities = await this.#entities(input.entityRefs, 'entityRefs');
    const incidentSeqs = await this.#readableIncidents(input.incidentIds, ctx);
    const now = this.#now();
    const actor = lower(actorOf(ctx.credentials));
    const fields: ProblemFields = {
      status: 'new',
      title: input.title,
      statement: input.statement,
      entityRefs: entities.map(e => e.entityRef),
      category: input.category ?? null,
      signature: input.signature ?? null,
      impact: input.impact,
      urgency: input.urgency,
      priority: priorityOf(input.impact, input.urgency, this.#priorityMatrix),
      owner: input.owner ? lower(input.owner) : null,
      assignmentGroup: input.assignmentGroup
        ? lower(input.assignmentGroup)
        : null,
      origin: input.origin,
      detection: null,
      rcaMethod: null,
      rcaNotes: [],
      contributingFactors: [],
      rootCause: null,
      workaround: null,
      targetDate: input.targetDate ?? null,
      closureCode: null,
      cancelReason: null,
      resolvedAt: null,
      observationUntil: null,
      closedAt: null,
    };
    const record = await this.#store.createProblem({
      problem: fields,
      entities,
      createdAt: now,
      createdBy: actor,
      event: {
        at: now,
        actor,
        action: 'create',
        changes: createdChanges(this.#preview(fields, now, actor), [
          'incidentCount',
        ]),
      },
      within: (tx, seq) =>
        this.#linkIncidents(tx, seq, incidentSeqs, {
          actor,
          at: now,
          note: input.linkReason ?? null,
        }),
    });
    const problem = toProblem(record!);
    await this.#changed(problem);
    return problem;
  }

  async get(id: string, ctx: RequestContext): Promise<Problem> {
    return toProblem(await this.#readable(id, ctx));
  }

  async list(query: unknown, ctx: RequestContext): Promise<Page<Problem>> {
    const parsed = parseInput(problemListQuerySchema, query, 'query');
    const access = await this.#access.requireRead(ctx.credentials);
    const page = await this.#store.listProblems(
      parsed,
      access.permissionFilter,
    );
    return { items: page.items.map(toProblem), nextCursor: page.nextCursor };
  }

  async history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    const record = await this.#readable(id, ctx);
    const page = await this.#store.problemHistory(record.seq, query);
    return {
      items: page.items.map(toHistoryEvent),
      nextCursor: page.nextCursor,
    };
  }

  /** Edits the problem's fields; a no-op writes nothing. Closed and cancelled problems: 409. */
  async patch(id: string, body: unknown, ctx: WriteContext): Promise<Problem> {
    const input = parseInput(problemPatchSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'problem');
    const record = await this.#readable(id, ctx);
    await this.#access.requireUpdate(record, ctx.credentials);
    const planned = await unlessStale(
      record,
      expected,
      async () => {
        if (isProblemLocked(record.status)) {
          throw new ConflictError(
            `The problem is ${record.status} and cannot change; re-open the analysis first`,
          );
        }
        if (input.category !== undefined) this.#checkCategory(input.category);
        const entities = input.entityRefs
          ? await this.#entities(input.entityRefs, 'entityRefs')
          : undefined;
        const changes: Partial<ProblemFields> = {
          ...input,
          owner:
            input.owner === undefined
              ? undefined
              : input.owner && lower(input.owner),
          assignmentGroup:
            input.assignmentGroup === undefined
              ? undefined
              : input.assignmentGroup && lower(input.assignmentGroup),
          entityRefs: entities?.map(e => e.entityRef),
        };
        if (input.impact !== undefined || input.urgency !== undefined) {
          changes.priority = priorityOf(
            input.impact ?? record.impact,
            input.urgency ?? record.urgency,
            this.#priorityMatrix,
          );
        }
        return { changes, entities };
      },
      PREFIX,
    );
    const diff = fieldChanges(record, planned.changes);
    if (Object.keys(diff).length === 0) {
      requireVersion(record, expected, PREFIX);
      return toProblem(record);
    }
    const now = this.#now();
    const updated = await this.#store.updateProblem({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes: planned.changes,
      entities: diff.entityRefs ? planned.entities : undefined,
      at: now,
      event: {
        at: now,
        actor: lower(actorOf(ctx.credentials)),
        action: 'update',
        changes: diff,
      },
    });
    const problem = toProblem(updated);
    await this.#changed(problem);
    return problem;
  }

  async transition(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<Problem> {
    const input = parseInput(problemTransitionSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'problem');
    const record = await this.#readable(id, ctx);
    await this.#access.requireUpdate(record, ctx.credentials);
    const now = this.#now();
    const changes = await unlessStale(
      record,
      expected,
      () =>
        planProblemTransition(
          {
            ...record,
            observationUntil: record.observationUntil?.toISOString() ?? null,
          },
          input.to,
          { ...input, owner: input.owner && lower(input.owner) },
          { now, observationDays: this.#observationDays },
        ),
      PREFIX,
    );
    const fields: Partial<ProblemFields> = {
      ...changes,
      resolvedAt: toDateField(changes.resolvedAt),
      observationUntil: toDateField(changes.observationUntil),
      closedAt: toDateField(changes.closedAt),
    };
    const updated = await this.#store.updateProblem({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes: fields,
      at: now,
      event: {
        at: now,
        actor: lower(actorOf(ctx.credentials)),
        action: 'transition',
        changes: fieldChanges(record, fields),
        ...(input.comment ? { comment: input.comment } : {}),
      },
    });
    const problem = toProblem(updated);
    await this.#changed(problem);
    return problem;
  }

  /** The linked incidents the caller may read, oldest first, with who linked them and why. */
  async incidents(
    id: string,
    ctx: RequestContext,
  ): Promise<{ items: ProblemIncident[] }> {
    const record = await this.#readable(id, ctx);
    // One query: the caller's incident read filter is part of it.
    const access = await this.#incidentAccess.read(ctx.credentials);
    const rows = access.allowed
      ? await this.#store.linkedIncidents(record.seq, access.permissionFilter)
      : [];
    const incidents = this.#incidents();
    const items: ProblemIncident[] = [];
    for (const row of rows) {
      items.push({
        linkId: String(row.linkSeq),
        incidentId: incidents.table.type.id(row.incidentSeq),
        title: row.title,
        status: row.status,
        priority: row.priority,
        entityRef: row.entityRef,
        createdAt: row.createdAt.toISOString(),
        resolvedAt: row.resolvedAt?.toISOString() ?? null,
        linkedAt: row.linkedAt.toISOString(),
        linkedBy: row.linkedBy,
        reason: row.reason,
      });
    }
    return { items };
  }

  /** Links an incident to the problem (`INC caused_by PRB`) with the reason. */
  async linkIncident(
    id: string,
    body: unknown,
    ctx: RequestContext,
  ): Promise<RecordLink> {
    const input = parseInput(problemIncidentLinkSchema, body, 'body');
    const record = await this.#readable(id, ctx);
    await this.#access.requireUpdate(record, ctx.credentials);
    const [incidentSeq] = await this.#readableIncidents(
      [input.incidentId],
      ctx,
    );
    const link = await this.#store.db.transaction(tx =>
      this.#links.insert(tx, {
        from: this.#incidents(),
        fromSeq: incidentSeq,
        to: this.linkable(),
        toSeq: record.seq,
        relation: 'caused_by',
        note: input.reason ?? null,
        actor: lower(actorOf(ctx.credentials)),
      }),
    );
    await this.#changed(toProblem(record));
    return link;
  }

  /**
   * Open problems and active known errors of an entity (the service health card), counted in
   * SQL with the caller's filter; a count the caller may not read is null.
   */
  async counts(query: unknown, ctx: RequestContext): Promise<ProblemCounts> {
    const { entityRef } = parseInput(problemCountsQuerySchema, query, 'query');
    const ref = lower(entityRef);
    const [problems, incidents] = await Promise.all([
      this.#access.read(ctx.credentials),
      this.#incidentAccess.read(ctx.credentials),
    ]);
    const [openProblems, activeKnownErrors] = await Promise.all([
      problems.allowed
        ? this.#store.countOpenProblems(ref, problems.permissionFilter)
        : null,
      // Known errors are read by whoever reads some incidents.
      incidents.allowed ? this.#store.countActiveKnownErrors(ref) : null,
    ]);
    return { entityRef: ref, openProblems, activeKnownErrors };
  }

  /**
   * Incidents matching a resolved problem in the same-length windows before and after its
   * resolution. 409 unless the problem is resolved or closed.
   */
  async effectiveness(
    id: string,
    ctx: RequestContext,
  ): Promise<ProblemEffectiveness> {
    const record = await this.#readable(id, ctx);
    if (!record.resolvedAt) {
      throw new ConflictError(
        `The problem is ${record.status}: effectiveness is measured once it is resolved`,
      );
    }
    return this.#effectiveness(record);
  }

  /** Effectiveness of the readable problems resolved in [from, to). */
  async effectivenessReport(
    query: { from?: string; to?: string },
    ctx: RequestContext,
  ): Promise<
    Array<{
      problemId: string;
      title: string;
      closureCode: string | null;
      resolvedAt: string;
      effectiveness: ProblemEffectiveness;
    }>
  > {
    const access = await this.#access.requireRead(ctx.credentials);
    const now = this.#now();
    const to = parseInstant(query.to, 'to') ?? now;
    const from =
      parseInstant(query.from, 'from') ??
      new Date(to.getTime() - 365 * 24 * 3600 * 1000);
    if (from >= to) {
      throw new InputError('from must be before to');
    }
    const problems = await this.#store.resolvedProblems({
      from,
      to,
      permissionFilter: access.permissionFilter,
      limit: 1000,
    });
    const rows = [];
    for (const record of problems) {
      rows.push({
        problemId: problemRecordType.id(record.seq),
        title: record.title,
        closureCode: record.closureCode,
        resolvedAt: record.resolvedAt!.toISOString(),
        effectiveness: await this.#effectiveness(record),
      });
    }
    return rows;
  }

  /**
   * Proposes a candidate (the detection job, as the plugin): inserted once per detection key
   * and window, with its incidents linked. Undefined when that window's candidate exists.
   */
  async propose(candidate: ProblemCandidate): Promise<Problem | undefined> {
    const now = this.#now();
    const actor = PLUGIN_SUBJECT;
    const [entity] = await this.#entities([candidate.entityRef], 'entityRef', {
      lenient: true,
    });
    const fields: ProblemFields = {
      status: 'candidate',
      title: candidate.title,
      statement: candidate.statement,
      entityRefs: [entity.entityRef],
      category: candidate.category,
      signature: candidate.signature,
      impact: 2,
      urgency: 3,
      priority: priorityOf(2, 3, this.#priorityMatrix),
      owner: null,
      assignmentGroup: entity.ownerRef,
      origin: 'trend',
      detection: candidate.detection,
      rcaMethod: null,
      rcaNotes: [],
      contributingFactors: [],
      rootCause: null,
      workaround: null,
      targetDate: null,
      closureCode: null,
      cancelReason: null,
      resolvedAt: null,
      observationUntil: null,
      closedAt: null,
    };
    const record = await this.#store.createProblem({
      problem: fields,
      entities: [entity],
      candidateKey: {
        detectionKey: candidate.detectionKey,
        window: candidate.window,
      },
      createdAt: now,
      createdBy: actor,
      event: {
        at: now,
        actor,
        action: 'create',
        changes: createdChanges(this.#preview(fields, now, actor), [
          'incidentCount',
        ]),
        comment: `Proposed by detection: ${candidate.detection.incidentCount} incidents (${candidate.detection.rule} ${candidate.detection.key}) within ${candidate.detection.windowHours} hours`,
      },
      within: (tx, seq) =>
        this.#linkIncidents(tx, seq, candidate.incidentSeqs, {
          actor,
          at: now,
          note: `Detected: ${candidate.detection.rule} ${candidate.detection.key}`,
        }),
    });
    if (!record) return undefined;
    const problem = toProblem(record);
    await this.#changed(problem);
    if (entity.ownerRef) {
      await this.#notifier.notify(
        `notify ${entity.ownerRef} of candidate ${problem.id}`,
        { type: 'entity', entityRef: entity.ownerRef },
        {
          title: `Candidate problem ${problem.id}: ${problem.title}`,
          description: `${candidate.detection.incidentCount} incidents on ${entity.entityRef} look like one problem. Accept or dismiss it.`,
          link: `/itsm/problems/${problem.id}`,
          severity: 'normal',
          topic: 'itsm-problem-candidate',
          scope: `itsm:problem:${problem.id}:candidate`,
        },
      );
    }
    return problem;
  }

  /** Whether an open problem covers the entity with the category or signature. */
  hasOpenProblem(options: {
    entityRef: string;
    category?: string;
    signature?: string;
  }): Promise<boolean> {
    return this.#store.hasOpenProblem(options);
  }

  /**
   * Tells the owners of the problems a change fixes that it closed (called after the change's
   * close commits).
   */
  async fixChangeClosed(change: {
    seq: number;
    id: string;
    title: string;
    outcome: string | null;
  }): Promise<void> {
    const links = await this.#links.linksOf('change', change.seq, {
      otherType: problemRecordType.recordType,
      relation: 'fixes',
    });
    for (const link of links) {
      const problemSeq =
        link.fromType === 'problem' ? link.fromSeq : link.toSeq;
      const problem = await this.#store.getProblem(problemSeq);
      const recipient = problem?.owner ?? problem?.assignmentGroup;
      if (!problem || !recipient) continue;
      const problemId = problemRecordType.id(problemSeq);
      await this.#notifier.notify(
        `notify ${recipient} that ${change.id} closed`,
        { type: 'entity', entityRef: recipient },
        {
          title: `Fix change ${change.id} closed for ${problemId}`,
          description: `${change.title} closed (${
            change.outcome ?? 'no outcome'
          }). Resolve ${problemId} if the fix holds.`,
          link: `/itsm/problems/${problemId}`,
          severity: 'normal',
          topic: 'itsm-problem-fix-closed',
          scope: `itsm:problem:${problemId}:fix:${change.id}`,
        },
      );
    }
  }

  /**
   * How other records point at a problem (a review's problem, on hold awaiting one): the
   * problem must be readable by the caller; the link is made once.
   */
  references(): ReferenceLinks {
    return recordReferenceLinks({
      noun: 'problem',
      readableSeq: (id, ctx) => this.readableSeq(id, ctx),
      linkable: () => this.linkable(),
      links: this.#links,
      db: this.#store.db,
    });
  }

  /** Problems take links; changing them needs `itsm.problem.update` on the problem. */
  linkable(): LinkableRecordType {
    return linkableRecordType({
      table: problemTable,
      read: (id, ctx) => this.#readable(id, ctx),
      access: this.#access,
    });
  }

  /** The problem's sequence number when the caller may read it, else undefined. */
  async readableSeq(
    id: string,
    ctx: RequestContext,
  ): Promise<number | undefined> {
    return (await ifReadable(() => this.#readable(id, ctx)))?.seq;
  }

  async #effectiveness(record: ProblemRecord): Promise<ProblemEffectiveness> {
    const windows = effectivenessWindows({
      resolvedAt: record.resolvedAt!,
      firstIncidentAt: await this.#store.firstLinkedIncidentAt(record.seq),
    });
    const match = {
      problemSeq: record.seq,
      entityRefs: record.entityRefs,
      category: record.category,
      signature: record.signature,
    };
    const [beforeCount, afterCount] = await Promise.all([
      this.#store.countMatchingIncidents({
        ...match,
        from: windows.before[0],
        to: windows.before[1],
      }),
      this.#store.countMatchingIncidents({
        ...match,
        from: windows.after[0],
        to: windows.after[1],
      }),
    ]);
    return problemEffectiveness({
      ...windows,
      beforeCount,
      afterCount,
      now: this.#now(),
    });
  }

  async #linkIncidents(
    tx: Parameters<RecordLinkService['insert']>[0],
    problemSeq: number,
    incidentSeqs: number[],
    options: { actor: string; at: Date; note: string | null },
  ): Promise<void> {
    const incidents = this.#incidents();
    const problems = this.linkable();
    for (const incidentSeq of incidentSeqs) {
      await this.#links.insert(tx, {
        from: incidents,
        fromSeq: incidentSeq,
        to: problems,
        toSeq: problemSeq,
        relation: 'caused_by',
        note: options.note,
        actor: options.actor,
        at: options.at,
      });
    }
  }

  async #readableIncidents(
    ids: string[],
    ctx: RequestContext,
  ): Promise<number[]> {
    const incidents = this.#incidents();
    const seqs: number[] = [];
    for (const [i, id] of [...new Set(ids)].entries()) {
      const seq = incidents.table.type.parse(id);
      if (seq === undefined || !(await incidents.mayRead(seq, ctx))) {
        throw new InputError(
          `incidentIds[${i}]: incident '${id}' does not exist`,
        );
      }
      seqs.push(seq);
    }
    return seqs;
  }

  /** Entities with their owners; `InputError` naming an unknown one (unless lenient). */
  async #entities(
    refs: string[],
    field: string,
    options: { lenient?: boolean } = {},
  ): Promise<ProblemEntity[]> {
    const canonical = [...new Set(refs.map(r => lower(r)))];
    const entities = await this.#catalog.getEntities(canonical);
    return canonical.map((ref, i) => {
      const entity = entities[i];
      if (!entity) {
        if (options.lenient) {
          this.#logger.warn(`Problem entity ${ref} is not in the catalog`);
          return { entityRef: ref, ownerRef: null };
        }
        throw new InputError(`${field}: unknown catalog entity '${refs[i]}'`);
      }
      return {
        entityRef: canonicalEntityRef(entity),
        ownerRef: ownerRefOf(entity),
      };
    });
  }

  #checkCategory(category: string | null): void {
    // The incidents' taxonomy (a problem names a category, not a subcategory).
    validateIncidentCategory(this.#categories, category, null);
  }

  #preview(fields: ProblemFields, now: Date, actor: string): Problem {
    return toProblem({
      ...fields,
      seq: 0,
      version: 1,
      entityOwnerRefs: [],
      incidentCount: 0,
      createdAt: now,
      createdBy: actor,
      updatedAt: now,
    });
  }

  async #readable(id: string, ctx: RequestContext): Promise<ProblemRecord> {
    return this.#access.readable({
      id,
      label: 'Problem',
      parse: problemRecordType.parse,
      credentials: ctx.credentials,
      load: (seq, permissionFilter) =>
        this.#store.getProblem(seq, permissionFilter),
    });
  }

  async #changed(problem: Pick<Problem, 'id' | 'version'>): Promise<void> {
    await this.#notifier.changed({
      record: problem,
      recordChannel: problemSignalChannel(problem.id),
      collectionChannel: PROBLEMS_SIGNAL_CHANNEL,
    });
  }
}

/** An ISO instant or date from a query; `InputError` naming the field when malformed. */
export function parseInstant(
  value: string | undefined,
  field: string,
): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new InputError(`${field} must be an ISO date or date-time`);
  }
  return date;
}
