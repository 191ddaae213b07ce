import {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  Improvement,
  checkImprovementApprover,
  improvementBaselineWindow,
  improvementMeasurementWindow,
  improvementPatchSchema,
  improvementTransitionSchema,
  planImprovementPatch,
  planImprovementTransition,
} from '@backstage-itsm/plugin-itsm-common';
import { WriteContext, actorOf } from '../../records/context';
import { toDateField } from '../../records/rows';
import { parseInput } from '../../records/validation';
import { expectedVersionOf, unlessStale } from '../../records/versions';
import type { ImprovementCatalog } from './improvementCatalog';
import type { ImprovementEvaluator } from './ImprovementEvaluator';
import { ImprovementItems, lowerRef } from './ImprovementItems';
import { improvementRecordType } from './improvementRecordType';
import { shortRef } from './improvementSources';
import type { ImprovementFields } from './ImprovementStore';
import { toImprovement } from './improvementViews';

const NOUN = improvementRecordType.noun;
const PREFIX = improvementRecordType.prefix;

/**
 * Edits and moves of an item: a patch planned by `planImprovementPatch`, a transition by the
 * lifecycle, both from `-common`, with separation of duties on approval (the approver's
 * groups from the catalog and their claims) and the KPI's baseline measured and frozen then.
 */
export class ImprovementLifecycle {
  readonly #items: ImprovementItems;
  readonly #catalog: ImprovementCatalog;
  readonly #userInfo?: UserInfoService;
  readonly #evaluator: ImprovementEvaluator;
  readonly #trustedImport: boolean;

  constructor(options: {
    items: ImprovementItems;
    catalog: ImprovementCatalog;
    userInfo?: UserInfoService;
    evaluator: ImprovementEvaluator;
    trustedImport: boolean;
  }) {
    this.#items = options.items;
    this.#catalog = options.catalog;
    this.#userInfo = options.userInfo;
    this.#evaluator = options.evaluator;
    this.#trustedImport = options.trustedImport;
  }

  /** See {@link ImprovementService.patch}. */
  async patch(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<Improvement> {
    const input = parseInput(improvementPatchSchema, body, 'body');
    const expected = expectedVersionOf(ctx, NOUN);
    const record = await this.#items.readable(id, ctx);
    await this.#items.access.requireUpdate(record, ctx.credentials);
    const now = this.#items.now();
    const { changes, entities } = await unlessStale(
      record,
      expected,
      async () => ({
        changes: planImprovementPatch(record, input),
        entities: input.entityRefs
          ? await this.#catalog.entities(input.entityRefs, 'entityRefs')
          : undefined,
      }),
      PREFIX,
    );
    return this.#items.write(record, {
      changes,
      entities,
      expected,
      now,
      actor: lowerRef(actorOf(ctx.credentials)),
      action: 'update',
    });
  }

  /** See {@link ImprovementService.transition}. */
  async transition(
    id: string,
    body: unknown,
    ctx: WriteContext,
  ): Promise<Improvement> {
    const input = parseInput(improvementTransitionSchema, body, 'body');
    const expected = expectedVersionOf(ctx, NOUN);
    const record = await this.#items.readable(id, ctx);
    const actor = lowerRef(actorOf(ctx.credentials));
    if (input.to === 'approved' || input.to === 'rejected') {
      await this.#items.access.requireApprove(record, ctx.credentials);
    } else {
      await this.#items.access.requireUpdate(record, ctx.credentials);
    }
    if (input.to === 'approved') {
      checkImprovementApprover(
        record,
        actor,
        await this.#groupsOf(actor, ctx.credentials),
      );
    }
    const now = this.#items.now();
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
      changes.baseline = await this.#evaluator.measure(
        record,
        window,
        now,
        'baseline',
      );
    }
    if (input.to === 'implemented' && record.kpi) {
      changes.measureDueAt = improvementMeasurementWindow({
        kpi: record.kpi,
        implementedAt: planned.implementedAt!,
      })!.to;
    }
    const item = await this.#items.write(record, {
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
        if (lowerRef(ref).startsWith('group:')) groups.add(lowerRef(ref));
      }
    }
    return [...groups];
  }

  /** Tells the owner that someone else approved or rejected their item. */
  async #notifyMove(item: Improvement, actor: string): Promise<void> {
    if (!item.owner || item.owner === actor) return;
    if (item.status === 'approved') {
      await this.#items.notify(item, item.owner, {
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
      await this.#items.notify(item, item.owner, {
        what: 'rejected',
        title: `Improvement ${item.id} rejected: ${item.title}`,
        description: item.rejectionReason ?? '',
      });
    }
  }
}
