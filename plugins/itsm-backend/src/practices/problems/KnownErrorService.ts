import {
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  HistoryEvent,
  KNOWN_ERRORS_SIGNAL_CHANNEL,
  KnownError,
  KnownErrorMatch,
  Page,
  incidentReadPermission,
  knownErrorCreateSchema,
  knownErrorListQuerySchema,
  knownErrorManagePermission,
  knownErrorMatchQuerySchema,
  knownErrorPatchSchema,
  knownErrorSignalChannel,
  knownErrorTransitionSchema,
  knownErrorUseSchema,
  matchKnownErrors,
} from '@backstage-itsm/plugin-itsm-common';
import { ImpactAnalyzer } from '../../catalog/ImpactAnalyzer';
import { ItsmCatalog } from '../../catalog/ItsmCatalog';
import { canonicalEntityRef, ownerRefOf } from '../../catalog/entities';
import { notAllowed, readableRecord, requireBasic } from '../../records/access';
import {
  RequestContext,
  WriteContext,
  actorOf,
  isPluginItself,
} from '../../records/context';
import {
  LinkableRecordType,
  RecordLinkService,
  linkableRecordType,
} from '../../records/links';
import { RecordNotifier } from '../../records/notifier';
import { createdChanges, toHistoryEvent } from '../../records/rows';
import { parseInput } from '../../records/validation';
import {
  expectedVersionOf,
  requireVersion,
  unlessStale,
} from '../../records/versions';
import type { KnexProblemStore } from './KnexProblemStore';
import type {
  KnownErrorFields,
  KnownErrorRecord,
  ProblemEntity,
} from './ProblemStore';
import { knownErrorRecordType, knownErrorTable } from './problemRecordTypes';
import { fieldChanges, toKnownError } from './problemViews';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
const PREFIX = 'KE';

/**
 * The known-error database: known errors with their workarounds, readable by whoever may read
 * incidents and managed with `itsm.knownError.manage`; the matches offered while an incident is
 * reported (the entity's and its upstream dependencies'); and the ledger of offers and applied
 * workarounds.
 */
export class KnownErrorService {
  readonly #store: KnexProblemStore;
  readonly #permissions: PermissionsService;
  readonly #links: RecordLinkService;
  readonly #incidents: () => LinkableRecordType;
  readonly #problems: () => LinkableRecordType;
  readonly #catalog: ItsmCatalog;
  readonly #impact: ImpactAnalyzer;
  readonly #notifier: RecordNotifier;
  readonly #logger: LoggerService;
  readonly #now: () => Date;

  constructor(options: {
    store: KnexProblemStore;
    permissions: PermissionsService;
    links: RecordLinkService;
    incidents: () => LinkableRecordType;
    problems: () => LinkableRecordType;
    catalog: ItsmCatalog;
    impact: ImpactAnalyzer;
    notifier: RecordNotifier;
    logger: LoggerService;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#permissions = options.permissions;
    this.#links = options.links;
    this.#incidents = options.incidents;
    this.#problems = options.problems;
    this.#catalog = options.catalog;
    this.#impact = options.impact;
    this.#notifier = options.notifier;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  async create(body: unknown, ctx: RequestContext): Promise<KnownError> {
    const input = parseInput(knownErrorCreateSchema, body, 'body');
    await this.#requireManage(ctx);
    const entities = await this.#entities(input.entityRefs);
    let problemSeq: number | undefined;
    if (input.problemId) {
      const problems = this.#problems();
      problemSeq = problems.table.type.parse(input.problemId);
      if (
        problemSeq === undefined ||
        !(await problems.mayRead(problemSeq, ctx))
      ) {
        throw new InputError(
          `problemId: problem '${input.problemId}' does not exist`,
        );
      }
    }
    const now = this.#now();
    const actor = lower(actorOf(ctx.credentials));
    const fields: KnownErrorFields = {
      status: 'active',
      title: input.title,
      symptom: input.symptom,
      rootCause: input.rootCause,
      workaround: input.workaround,
      entityRefs: entities.map(e => e.entityRef),
      matchRules: input.matchRules,
      reviewBy: input.reviewBy ?? null,
    };
    const preview = toKnownError({
      ...fields,
      seq: 0,
      version: 1,
      problemSeq: problemSeq ?? null,
      offeredCount: 0,
      appliedCount: 0,
      createdAt: now,
      createdBy: actor,
      updatedAt: now,
    });
    const record = await this.#store.createKnownError({
      knownError: fields,
      entities,
      createdAt: now,
      createdBy: actor,
      event: {
        at: now,
        actor,
        action: 'create',
        changes: createdChanges(preview, [
          'offeredCount',
          'appliedCount',
          'problemId',
        ]),
      },
      within: async (tx, seq) => {
        if (problemSeq !== undefined) {
          await this.#links.insert(tx, {
            from: this.linkable(),
            fromSeq: seq,
            to: this.#problems(),
            toSeq: problemSeq,
            relation: 'relates_to',
            note: 'Known error of the problem',
            actor,
            at: now,
          });
        }
      },
    });
    const knownError = toKnownError(record);
    await this.#changed(knownError);
    return knownError;
  }

  async get(id: string, ctx: RequestContext): Promise<KnownError> {
    return toKnownError(await this.#readable(id, ctx));
  }

  async list(query: unknown, ctx: RequestContext): Promise<Page<KnownError>> {
    const parsed = parseInput(knownErrorListQuerySchema, query, 'query');
    await this.#requireRead(ctx);
    const page = await this.#store.listKnownErrors(parsed);
    return { items: page.items.map(toKnownError), nextCursor: page.nextCursor };
  }

  async history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    const record = await this.#readable(id, ctx);
    const page = await this.#store.knownErrorHistory(record.seq, query);
    return {
      items: page.items.map(toHistoryEvent),
      nextCursor: page.nextCursor,
    };
  }

  async patch(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<KnownError> {
    const input = parseInput(knownErrorPatchSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'known error');
    const record = await this.#readable(id, ctx);
    await this.#requireManage(ctx);
    const entities = input.entityRefs
      ? await this.#entities(input.entityRefs)
      : undefined;
    const changes: Partial<KnownErrorFields> = {
      ...input,
      entityRefs: entities?.map(e => e.entityRef),
    };
    const diff = fieldChanges(record, changes);
    if (Object.keys(diff).length === 0) {
      requireVersion(record, expected, PREFIX);
      return toKnownError(record);
    }
    const now = this.#now();
    const updated = await this.#store.updateKnownError({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes,
      entities: diff.entityRefs ? entities : undefined,
      at: now,
      event: {
        at: now,
        actor: lower(actorOf(ctx.credentials)),
        action: 'update',
        changes: diff,
      },
    });
    const knownError = toKnownError(updated);
    await this.#changed(knownError);
    return knownError;
  }

  /** `active ⇄ retired`; a same-status move is a 409. */
  async transition(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<KnownError> {
    const input = parseInput(knownErrorTransitionSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'known error');
    const record = await this.#readable(id, ctx);
    await this.#requireManage(ctx);
    await unlessStale(
      record,
      expected,
      () => {
        if (record.status === input.to) {
          throw new ConflictError(`The known error is already ${input.to}`);
        }
      },
      PREFIX,
    );
    const now = this.#now();
    const updated = await this.#store.updateKnownError({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes: { status: input.to },
      at: now,
      event: {
        at: now,
        actor: lower(actorOf(ctx.credentials)),
        action: input.to === 'retired' ? 'retire' : 'reactivate',
        changes: { status: [record.status, input.to] },
        ...(input.comment ? { comment: input.comment } : {}),
      },
    });
    const knownError = toKnownError(updated);
    await this.#changed(knownError);
    return knownError;
  }

  /**
   * The active known errors of the entity and of its upstream dependencies (as far as the
   * caller may see them in the catalog) that match the incident being reported, best first.
   */
  async matches(
    query: unknown,
    ctx: RequestContext,
  ): Promise<{ items: KnownErrorMatch[] }> {
    const input = parseInput(knownErrorMatchQuerySchema, query, 'query');
    await this.#requireRead(ctx);
    const own = lower(input.entityRef);
    let upstream: string[] = [];
    try {
      const analysis = await this.#impact.analyze({
        entityRef: own,
        direction: 'upstream',
        depth: 2,
        credentials: isPluginItself(ctx.credentials)
          ? undefined
          : ctx.credentials,
      });
      upstream = analysis.items.map(item => lower(item.entityRef));
    } catch (error) {
      if ((error as Error).name !== 'NotFoundError') {
        this.#logger.warn(`Upstream of ${own} for known errors: ${error}`);
      }
    }
    const candidates = await this.#store.activeKnownErrorsOn([
      own,
      ...upstream,
    ]);
    return {
      items: matchKnownErrors(
        candidates.map(toKnownError),
        {
          entityRef: own,
          upstreamRefs: upstream,
          text: input.text,
          category: input.category,
          signature: input.signature,
        },
        input.limit,
      ),
    };
  }

  /**
   * Records that the known error was offered to an incident (the reporter saw it) or that its
   * workaround was applied (linking the incident to it, `INC relates_to KE`). Once per incident
   * and kind; a repeat changes nothing. Applying needs the right to change the incident.
   */
  async recordUse(
    id: string,
    body: unknown,
    ctx: RequestContext,
  ): Promise<KnownError> {
    const input = parseInput(knownErrorUseSchema, body, 'body');
    const record = await this.#readable(id, ctx);
    const incidents = this.#incidents();
    const incidentSeq = incidents.table.type.parse(input.incidentId);
    if (
      incidentSeq === undefined ||
      !(await incidents.mayRead(incidentSeq, ctx))
    ) {
      throw new InputError(
        `incidentId: incident '${input.incidentId}' does not exist`,
      );
    }
    if (input.kind === 'applied') {
      await incidents.requireLinkWrite(incidentSeq, ctx);
      if (record.status !== 'active') {
        throw new ConflictError(
          `${knownErrorRecordType.id(
            record.seq,
          )} is retired; its workaround is no longer offered`,
        );
      }
    }
    const now = this.#now();
    const actor = lower(actorOf(ctx.credentials));
    const recorded = await this.#store.recordUse({
      knownErrorSeq: record.seq,
      incidentSeq,
      kind: input.kind,
      at: now,
      actor,
      within:
        input.kind === 'applied'
          ? async tx => {
              const existing = await this.#links.linksOf(
                incidents.table.type.recordType,
                incidentSeq,
                { otherType: knownErrorRecordType.recordType },
                tx,
              );
              if (
                !existing.some(
                  l => l.toSeq === record.seq || l.fromSeq === record.seq,
                )
              ) {
                await this.#links.insert(tx, {
                  from: incidents,
                  fromSeq: incidentSeq,
                  to: this.linkable(),
                  toSeq: record.seq,
                  relation: 'relates_to',
                  note: 'Workaround applied',
                  actor,
                  at: now,
                });
              }
            }
          : undefined,
    });
    const updated = recorded
      ? (await this.#store.getKnownError(record.seq))!
      : record;
    return toKnownError(updated);
  }

  /** Known errors take links; changing them needs `itsm.knownError.manage`. */
  linkable(): LinkableRecordType {
    return linkableRecordType({
      table: knownErrorTable,
      read: (id, ctx) => this.#readable(id, ctx),
      requireWrite: async (_id, ctx) => this.#requireManage(ctx),
    });
  }

  async #entities(refs: string[]): Promise<ProblemEntity[]> {
    const canonical = [...new Set(refs.map(lower))];
    const entities = await this.#catalog.getEntities(canonical);
    return canonical.map((ref, i) => {
      const entity = entities[i];
      if (!entity) {
        throw new InputError(`entityRefs: unknown catalog entity '${ref}'`);
      }
      return {
        entityRef: canonicalEntityRef(entity),
        ownerRef: ownerRefOf(entity),
      };
    });
  }

  async #requireManage(ctx: RequestContext): Promise<void> {
    await requireBasic(
      this.#permissions,
      knownErrorManagePermission,
      ctx.credentials,
    );
  }

  /** Whoever may read some incidents may read known errors. */
  async #mayRead(ctx: RequestContext): Promise<boolean> {
    if (isPluginItself(ctx.credentials)) return true;
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission: incidentReadPermission }],
      { credentials: ctx.credentials },
    );
    return decision.result !== AuthorizeResult.DENY;
  }

  async #requireRead(ctx: RequestContext): Promise<void> {
    if (!(await this.#mayRead(ctx))) {
      throw notAllowed(incidentReadPermission);
    }
  }

  async #readable(id: string, ctx: RequestContext): Promise<KnownErrorRecord> {
    return readableRecord({
      id,
      label: 'Known error',
      parse: knownErrorRecordType.parse,
      access: async () => ((await this.#mayRead(ctx)) ? {} : false),
      load: seq => this.#store.getKnownError(seq),
    });
  }

  async #changed(knownError: Pick<KnownError, 'id' | 'version'>) {
    await this.#notifier.changed({
      record: knownError,
      recordChannel: knownErrorSignalChannel(knownError.id),
      collectionChannel: KNOWN_ERRORS_SIGNAL_CHANNEL,
    });
  }
}
