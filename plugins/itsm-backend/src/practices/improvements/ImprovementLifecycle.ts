import {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  Improvement,
  ImprovementKpi,
  checkImprovementApprover,
  improvementBaselineWindow,
  improvementMeasurementWindow,
  improvementPatchSchema,
  improvementTransitionSchema,
  isImprovementLocked,
  planImprovementTransition,
} from '@backstage-itsm/plugin-itsm-common';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { WriteContext, actorOf } from '../../records/context';
import { parseInput } from '../../records/validation';
import { unlessStale } from '../../records/versions';
import type { ImprovementCatalog } from './improvementCatalog';
import type { ImprovementEvaluator } from './ImprovementEvaluator';
import {
  IMPROVEMENT_PREFIX,
  ImprovementItems,
  lowerRef,
  versionOf,
} from './ImprovementItems';
import { shortRef } from './improvementSources';
import type { ImprovementFields, ImprovementRecord } from './ImprovementStore';
import { toImprovement } from './improvementViews';

/** A validated `PATCH /improvements/{id}` body. */
type ImprovementPatchInput = z.output<typeof improvementPatchSchema>;

/**
 * Edits and moves of an item: a patch planned by the register's edit rules, a transition by
 * the lifecycle from `-common`, with separation of duties on approval (the approver's groups
 * from the catalog and their claims) and the KPI's baseline measured and frozen then.
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
    const version = versionOf(ctx);
    const record = await this.#items.readable(id, ctx);
    await this.#items.access.requireUpdate(record, ctx.credentials);
    const expected = version();
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
      IMPROVEMENT_PREFIX,
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
    const version = versionOf(ctx);
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
    const expected = version();
    const now = this.#items.now();
    const planned = await unlessStale(
      record,
      expected,
      () =>
        planImprovementTransition(toImprovement(record, now), input.to, input, {
          now,
          actor,
        }),
      IMPROVEMENT_PREFIX,
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

/**
 * The fields a patch writes (its services aside): 409 for a closed or rejected item, and for
 * a new KPI once the item is approved (its baseline was measured for the old one). Refs are
 * stored lowercase; a change to one input of the score writes all three.
 */
function planImprovementPatch(
  record: ImprovementRecord,
  input: ImprovementPatchInput,
): Partial<ImprovementFields> {
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
    owner: owner === undefined ? undefined : lowerRef(owner),
    owningGroup:
      owningGroup === undefined
        ? undefined
        : owningGroup && lowerRef(owningGroup),
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
  return planned;
}

function sameKpi(
  current: ImprovementKpi | null,
  next: ImprovementKpi | null,
): boolean {
  return isDeepStrictEqual(current, next);
}

function toDateField(
  value: string | null | undefined,
): Date | null | undefined {
  if (value === undefined) return undefined;
  return value === null ? null : new Date(value);
}
