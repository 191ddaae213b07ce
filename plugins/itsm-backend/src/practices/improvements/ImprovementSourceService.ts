import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Improvement,
  ImprovementCreateRequest,
  ImprovementDraft,
  improvementCreateSchema,
  improvementDraftQuerySchema,
  improvementOwnership,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { PLUGIN_SUBJECT, RequestContext, actorOf } from '../../records/context';
import type {
  LinkableRecordType,
  RecordLinkService,
} from '../../records/links';
import { createdChanges } from '../../records/rows';
import { parseInput } from '../../records/validation';
import type { ImprovementCatalog } from './improvementCatalog';
import { ImprovementItems, entityColumns, lowerRef } from './ImprovementItems';
import { improvementRecordType } from './improvementRecordType';
import {
  ImprovementSourceReader,
  ResolvedSource,
  UNRECORDED_SOURCES,
} from './improvementSources';
import type {
  ImprovementEntity,
  ImprovementFields,
  ImprovementRecord,
} from './ImprovementStore';
import { toImprovement } from './improvementViews';

/** A validated `POST /improvements` body. */
export type ImprovementCreateInput = z.output<typeof improvementCreateSchema>;

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
 * Raising items from their sources: the source record checked as the caller (or, for
 * proposals and trusted imports, the plugin) may read it, the new item linked
 * `IMP-n relates_to <source>` in its create transaction, a breach made to name it; and the
 * drafts a source record pre-fills.
 */
export class ImprovementSourceService {
  readonly #items: ImprovementItems;
  readonly #catalog: ImprovementCatalog;
  readonly #sources: ImprovementSourceReader;
  readonly #breaches: ImprovementBreachLink;
  readonly #links: RecordLinkService;
  readonly #pluginCredentials: () => Promise<BackstageCredentials>;
  readonly #trustedImport: boolean;

  constructor(options: {
    items: ImprovementItems;
    catalog: ImprovementCatalog;
    sources: ImprovementSourceReader;
    breaches: ImprovementBreachLink;
    links: RecordLinkService;
    pluginCredentials: () => Promise<BackstageCredentials>;
    trustedImport: boolean;
  }) {
    this.#items = options.items;
    this.#catalog = options.catalog;
    this.#sources = options.sources;
    this.#breaches = options.breaches;
    this.#links = options.links;
    this.#pluginCredentials = options.pluginCredentials;
    this.#trustedImport = options.trustedImport;
  }

  /** See {@link ImprovementService.create}. */
  async create(
    input: ImprovementCreateInput,
    ctx: RequestContext,
  ): Promise<Improvement> {
    await this.#items.access.requireCreate(ctx.credentials);
    const actor = lowerRef(actorOf(ctx.credentials));
    const byUser =
      (ctx.credentials.principal as { type: string }).type === 'user';
    const created = await this.#insert(input, {
      actor,
      // A service raising an item leaves it to the service's owner group.
      owner: input.owner ? lowerRef(input.owner) : (byUser && actor) || null,
      sourceCtx: this.#trustedImport
        ? { credentials: await this.#pluginCredentials() }
        : ctx,
      sourceKey: null,
    });
    return created!;
  }

  /** See {@link ImprovementService.propose}. */
  async propose(
    input: ImprovementCreateRequest,
    sourceKey: string,
  ): Promise<Improvement | null> {
    const parsed = parseInput(improvementCreateSchema, input, 'body');
    const key = z.string().trim().min(1).max(255).parse(sourceKey);
    if (await this.#items.store.hasSourceKey(key)) {
      return null;
    }
    return this.#insert(parsed, {
      actor: PLUGIN_SUBJECT,
      owner: parsed.owner ? lowerRef(parsed.owner) : null,
      sourceCtx: { credentials: await this.#pluginCredentials() },
      sourceKey: key,
    });
  }

  /** See {@link ImprovementService.draft}. */
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
    await this.#items.access.requireCreate(ctx.credentials);
    return {
      ...resolved.draft,
      owner: resolved.draft.owner ?? lowerRef(actorOf(ctx.credentials)),
    };
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
    const now = this.#items.now();
    const fields = newImprovementFields(input, {
      sourceId: source?.sourceId ?? input.sourceId ?? null,
      sourceKey,
      owner: options.owner,
      serviceOwnerRef: entities[0]?.ownerRef ?? null,
    });
    const preview = toImprovement(
      newImprovementRecord(fields, entities, { seq: 0, at: now, actor }),
      now,
    );
    const record = await this.#items.store.createImprovement({
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
            from: this.#items.linkable(),
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
    await this.#items.changed(item);
    if (sourceKey && item.owner) {
      await this.#items.notify(item, item.owner, {
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

  #linkType(collection: string): LinkableRecordType | undefined {
    return this.#links.collections().find(c => c.collection === collection)
      ?.type;
  }
}

/** The fields of a new (proposed) item, owned as `improvementOwnership` (`-common`) says. */
function newImprovementFields(
  input: ImprovementCreateInput,
  options: {
    sourceId: string | null;
    sourceKey: string | null;
    /** Null: the first service's owner group. */
    owner: string | null;
    /** The owner of the item's first service. */
    serviceOwnerRef: string | null;
  },
): ImprovementFields {
  const { owner, owningGroup } = improvementOwnership({
    owner: options.owner,
    owningGroup: input.owningGroup,
    serviceOwnerRef: options.serviceOwnerRef,
  });
  return {
    kind: input.kind,
    type: input.type,
    status: 'proposed',
    title: input.title,
    description: input.description,
    source: input.source,
    sourceId: options.sourceId,
    sourceKey: options.sourceKey,
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
}

/** A new item as it would be stored, for the history event of its creation. */
function newImprovementRecord(
  fields: ImprovementFields,
  entities: ImprovementEntity[],
  options: { seq: number; at: Date; actor: string },
): ImprovementRecord {
  return {
    ...fields,
    seq: options.seq,
    version: 1,
    ...entityColumns(entities),
    createdAt: options.at,
    createdBy: options.actor,
    updatedAt: options.at,
  };
}
