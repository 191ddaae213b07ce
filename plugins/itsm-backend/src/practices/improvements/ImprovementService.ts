import {
  BackstageCredentials,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  HistoryEvent,
  Improvement,
  ImprovementCreateRequest,
  ImprovementDraft,
  Page,
} from '@backstage-itsm/plugin-itsm-common';
import type { RequestContext, WriteContext } from '../../records/context';
import type {
  LinkableRecordType,
  RecordLinkService,
} from '../../records/links';
import type { RecordNotifier } from '../../records/notifier';
import {
  ReferenceLinks,
  recordReferenceLinks,
} from '../../records/referenceLinks';
import type { KpiMeasurer } from './measure';
import type { ImprovementCatalog } from './improvementCatalog';
import {
  ImprovementEvaluationRun,
  ImprovementEvaluator,
} from './ImprovementEvaluator';
import { ImprovementItems } from './ImprovementItems';
import { ImprovementLifecycle } from './ImprovementLifecycle';
import type { ImprovementAccess } from './improvementPermissions';
import {
  ImprovementCountsResponse,
  ImprovementQueries,
} from './ImprovementQueries';
import {
  ImprovementBreachLink,
  ImprovementCreateInput,
  ImprovementSourceService,
} from './ImprovementSourceService';
import type { ImprovementSourceReader } from './improvementSources';
import type { KnexImprovementStore } from './KnexImprovementStore';
import { improvementRecordType } from './improvementRecordType';

export type { ImprovementEvaluationRun } from './ImprovementEvaluator';
export { improvementLink } from './ImprovementItems';
export type { ImprovementCountsResponse } from './ImprovementQueries';
export type {
  ImprovementBreachLink,
  ImprovementCreateInput,
} from './ImprovementSourceService';

/**
 * The continual improvement register (DESIGN §3 "Continual improvement"): items raised from
 * their sources (checked and linked), prioritised by the documented score, approved by
 * someone other than their owner (the KPI's baseline frozen then), implemented, and evaluated
 * by the system against that baseline once the measurement window is over. The lifecycle and
 * the fields each move needs come from `-common`; storage is the store's, links the kernel's,
 * figures the measurer's.
 *
 * The register's one entry point; its parts, in this folder:
 * {@link ImprovementSourceService} raises items and drafts them from sources,
 * {@link ImprovementLifecycle} edits and moves them (approval and its baseline),
 * {@link ImprovementEvaluator} measures and evaluates them (and runs the job),
 * {@link ImprovementQueries} reads and exports them, and {@link ImprovementItems} is how all
 * of them read, write, signal and notify. Links are the kernel's: its link routes, and the
 * references other practices hold to an item.
 */
export class ImprovementService {
  readonly #items: ImprovementItems;
  readonly #raise: ImprovementSourceService;
  readonly #lifecycle: ImprovementLifecycle;
  readonly #evaluator: ImprovementEvaluator;
  readonly #queries: ImprovementQueries;
  readonly #references: ReferenceLinks;

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
    const trustedImport = options.trustedImport ?? false;
    const items = new ImprovementItems({
      store: options.store,
      access: options.access,
      notifier: options.notifier,
      now: options.now ?? (() => new Date()),
    });
    const evaluator = new ImprovementEvaluator({
      items,
      measurer: options.measurer,
      logger: options.logger,
    });
    this.#items = items;
    this.#evaluator = evaluator;
    this.#raise = new ImprovementSourceService({
      items,
      catalog: options.catalog,
      sources: options.sources,
      breaches: options.breaches,
      links: options.links,
      pluginCredentials: options.pluginCredentials,
      trustedImport,
    });
    this.#lifecycle = new ImprovementLifecycle({
      items,
      catalog: options.catalog,
      userInfo: options.userInfo,
      evaluator,
      trustedImport,
    });
    this.#queries = new ImprovementQueries({ items });
    this.#references = recordReferenceLinks({
      noun: improvementRecordType.noun,
      readableSeq: (id, ctx) => items.readableSeq(id, ctx),
      linkable: () => items.linkable(),
      links: options.links,
      db: options.store.db,
    });
  }

  get access(): ImprovementAccess {
    return this.#items.access;
  }

  /**
   * Raises an item (proposed) as the caller. Its owner defaults to the calling user (a
   * calling service: the first service's owner group); its owning
   * group to the owner when a group, else to the first service's owner group. A `sourceId`
   * must name a record of its source the caller may read (400); kernel records are linked
   * `IMP-n relates_to <source>`, and a breach names the new item (409 when it names another).
   */
  create(
    input: ImprovementCreateInput,
    ctx: RequestContext,
  ): Promise<Improvement> {
    return this.#raise.create(input, ctx);
  }

  /**
   * Proposes an item as the plugin (the suggestions job) for what `sourceKey` names: status
   * proposed, owned by the first service's owner group unless the input names an owner.
   * Null, writing nothing, when an item with that key exists already (whatever its status),
   * also when two calls race: the key is unique in the database.
   */
  propose(
    input: ImprovementCreateRequest,
    sourceKey: string,
  ): Promise<Improvement | null> {
    return this.#raise.propose(input, sourceKey);
  }

  get(id: string, ctx: RequestContext): Promise<Improvement> {
    return this.#queries.get(id, ctx);
  }

  list(query: unknown, ctx: RequestContext): Promise<Page<Improvement>> {
    return this.#queries.list(query, ctx);
  }

  history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    return this.#queries.history(id, query, ctx);
  }

  /**
   * `GET /improvement-counts?entityRef=`: the open items on an entity and how many of them
   * are overdue, counted in SQL over the items the caller may read (the list's filter); both
   * null when the caller may not read items at all.
   */
  counts(
    query: unknown,
    ctx: RequestContext,
  ): Promise<ImprovementCountsResponse> {
    return this.#queries.counts(query, ctx);
  }

  /**
   * `GET /improvements/draft`: a create body pre-filled from a source record the caller may
   * read (404 otherwise); the owner is the source's (a review action's, a problem's) or the
   * caller. Needs `itsm.improvement.create`.
   */
  draft(query: unknown, ctx: RequestContext): Promise<ImprovementDraft> {
    return this.#raise.draft(query, ctx);
  }

  /**
   * Edits an item; a no-op writes nothing. Closed or rejected items: 409; the KPI is fixed
   * once approved (409: its baseline was frozen for it).
   */
  patch(id: string, body: unknown, ctx: WriteContext): Promise<Improvement> {
    return this.#lifecycle.patch(id, body, ctx);
  }

  /**
   * Moves an item through its lifecycle. Approving and rejecting need
   * `itsm.improvement.approve`, and an approver who is neither the owner nor in the owner's or
   * the owning group (403, nothing written); the KPI's baseline is measured then and frozen
   * into the item (a failed measurement writes nothing). Every other move needs
   * `itsm.improvement.update`.
   */
  transition(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<Improvement> {
    return this.#lifecycle.transition(id, body, ctx);
  }

  /**
   * `POST /improvements/{id}/evaluation`: measures an implemented item's KPI over its
   * measurement window now, stores the figure with the goal and the verdict against the
   * frozen baseline, and moves it to evaluated. 409 unless implemented with a KPI whose
   * window is over (the message says when it ends).
   */
  evaluate(id: string, ctx: WriteContext): Promise<Improvement> {
    return this.#evaluator.evaluate(id, ctx);
  }

  /**
   * The evaluation job: evaluates every implemented item with a KPI whose measurement window
   * is over by `now`, as the plugin. Safe with several replicas: each write is versioned, so
   * an item another one evaluated meanwhile is skipped.
   */
  evaluateDue(
    now: Date = this.#items.now(),
  ): Promise<ImprovementEvaluationRun> {
    return this.#evaluator.evaluateDue(now);
  }

  /**
   * `GET /improvements/export`: every item matching the list's filters that the caller may
   * read, as CSV (RFC 4180, formula cells defused), read and handed to `write` a batch at a
   * time. The permission check comes before the first byte.
   */
  exportCsv(
    query: unknown,
    ctx: RequestContext,
    write: (chunk: string) => void | Promise<void>,
  ): Promise<number> {
    return this.#queries.exportCsv(query, ctx, write);
  }

  /**
   * How other records name an item (a breach's `improvementId`): it must be readable by the
   * caller (400 otherwise); the link is made once.
   */
  references(): ReferenceLinks {
    return this.#references;
  }

  /** Items take links; changing them needs `itsm.improvement.update` on the item. */
  linkable(): LinkableRecordType {
    return this.#items.linkable();
  }

  /** The item's sequence number when the caller may read it, else undefined. */
  readableSeq(id: string, ctx: RequestContext): Promise<number | undefined> {
    return this.#items.readableSeq(id, ctx);
  }

  /** True while no item exists. */
  isEmpty(): Promise<boolean> {
    return this.#items.store.isEmpty();
  }
}
