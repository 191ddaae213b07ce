import { changeRecordType, changeTable } from './changeRecordTypes';
import { LinkableRecordType, linkableRecordType } from '../../records/links';
import type { ReferenceLinks } from '../../records/referenceLinks';
import { RequestContext, WriteContext, actorOf } from '../../records/context';
import {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
  isDatabaseConflictError,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { PermissionRuleset } from '@backstage/plugin-permission-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  Change,
  ChangeConflict,
  ChangePatchRequest,
  ChangeTransitionRequest,
  HistoryEvent,
  Page,
  approvalDecisionSchema,
  changeApprovePermission,
  changePatchSchema,
  changeTransitionSchema,
  checkApprovalAllowed,
  evaluateApprovals,
  standardChangeDeviation,
  standardTemplateRefusal,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  ChangeFields,
  ChangeRecord,
  ChangeStore,
  ChangeStoreTransaction,
} from './ChangeStore';
import type {
  ChangeTemplateRecord,
  ChangeTemplateStore,
} from './ChangeTemplateStore';
import type { ChangePermissionFilter } from './changePermissionResource';
import { builtInChangeRuleset } from './changeRules';
import { parseInput } from '../../records/validation';
import { ChangeAccess } from './ChangeAccess';
import { ChangeAssessor, riskAnswersFor } from './ChangeAssessor';
import { ChangeNotifier } from './ChangeNotifier';
import { PlannedChangePatch, planChangePatch } from './changePatch';
import { ChangeCreateInput, ChangeListQuery } from './changeSchemas';
import { PlannedChangeWrite, planChangeTransition } from './changeTransition';
import {
  changeCreationHistory,
  parseTemplateId,
  templateId,
  toApproval,
  toChange,
} from './changeViews';
import { toHistoryEvent } from '../../records/rows';
import {
  expectedVersionOf,
  requireVersion,
  unlessStale,
} from '../../records/versions';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
const lowerAll = (values?: string[]) => values?.map(lower);

/** The user a request acts for, lowercase; undefined for a service. */
export function userOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
  };
  return principal.type === 'user' && principal.userEntityRef
    ? lower(principal.userEntityRef)
    : undefined;
}

/** Options every part of change enablement is built from. */
export interface ChangeServiceOptions {
  /** Problems named by post-implementation reviews become links. */
  problemLinks?: ReferenceLinks;
  store: ChangeStore;
  templates: ChangeTemplateStore;
  assessor: ChangeAssessor;
  permissions: PermissionsService;
  /** The registered rules of `itsm-change`; defaults to the built-in ones. */
  permissionRuleset?: PermissionRuleset<
    ChangeRecord,
    ChangePermissionFilter,
    string
  >;
  logger: LoggerService;
  signals?: SignalsService;
  notifications?: NotificationService;
  now?: () => Date;
}

/** Statuses whose conflicts a read computes afresh. */
const LIVE_CONFLICT_STATUSES: readonly string[] = [
  'draft',
  'assessment',
  'authorization',
  'scheduled',
  'implementing',
];

/**
 * The business rules of change enablement (DESIGN §3 "Change and CAB"): the
 * lifecycle, plan revisions, risk, conflicts, freezes and approvals with
 * segregation of duties. The rules are the pure functions of `-common`.
 */
export class ChangeService {
  readonly #store: ChangeStore;
  readonly #templates: ChangeTemplateStore;
  readonly #assessor: ChangeAssessor;
  readonly #access: ChangeAccess;
  readonly #notifier: ChangeNotifier;
  readonly #now: () => Date;
  readonly #problemLinks?: ReferenceLinks;
  readonly #closedListeners: Array<
    (change: {
      seq: number;
      id: string;
      title: string;
      outcome: string | null;
    }) => Promise<void>
  > = [];

  static create(options: ChangeServiceOptions): ChangeService {
    return new ChangeService(options);
  }

  private constructor(options: ChangeServiceOptions) {
    this.#store = options.store;
    this.#templates = options.templates;
    this.#assessor = options.assessor;
    this.#access = new ChangeAccess({
      permissions: options.permissions,
      ruleset: options.permissionRuleset ?? builtInChangeRuleset(),
    });
    this.#notifier = new ChangeNotifier(options);
    this.#now = options.now ?? (() => new Date());
    this.#problemLinks = options.problemLinks;
  }

  /**
   * Runs `listener` after a change closes (the close committed; its failure is logged by the
   * listener's own notifier, never undoes the close): problem management tells the owners of
   * the problems the change fixes.
   */
  onClosed(
    listener: (change: {
      seq: number;
      id: string;
      title: string;
      outcome: string | null;
    }) => Promise<void>,
  ): void {
    this.#closedListeners.push(listener);
  }

  /** Changes take links; changing them needs `itsm.change.update` on the change. */
  linkable(): LinkableRecordType {
    return linkableRecordType({
      table: changeTable,
      read: (id, ctx) => this.readable(id, ctx),
      access: this.#access,
    });
  }

  /** The permission checks, shared with the calendar and the templates. */
  get access(): ChangeAccess {
    return this.#access;
  }

  /**
   * Submits a change as a draft; the caller is the requester. A standard
   * change takes the plans of its active template (a client may fill in only a plan the
   * template leaves empty) and gets a window of the template's duration when no end is given.
   */
  async create(input: ChangeCreateInput, ctx: RequestContext): Promise<Change> {
    await this.#access.requireCreate(ctx.credentials);
    const now = this.#now();
    const actor = lower(actorOf(ctx.credentials));
    const refs = this.#assessor.canonicalRefs(input.entityRefs);
    const template = input.templateId
      ? await this.activeTemplate(input.templateId, refs)
      : undefined;
    const { entities, infos } = await this.#assessor.entities(refs);

    const plannedStart = input.plannedStart
      ? new Date(input.plannedStart)
      : null;
    let plannedEnd = input.plannedEnd ? new Date(input.plannedEnd) : null;
    if (template && plannedStart && !plannedEnd) {
      plannedEnd = new Date(
        plannedStart.getTime() + template.durationMinutes * 60_000,
      );
    }
    const risk = await this.#assessor.riskIfAnswered({
      answers: riskAnswersFor(input.type, input.riskAnswers),
      infos,
      now,
    });
    const change: ChangeFields = {
      type: input.type,
      status: 'draft',
      planRevision: 1,
      title: input.title,
      justification: input.justification,
      plannedStart,
      plannedEnd,
      actualStart: null,
      actualEnd: null,
      implementationPlan:
        input.implementationPlan ?? template?.implementationPlan ?? null,
      backoutPlan: input.backoutPlan ?? template?.backoutPlan ?? null,
      testPlan: input.testPlan ?? template?.testPlan ?? null,
      riskAnswers: input.riskAnswers,
      risk: risk?.risk ?? null,
      riskReasons: risk?.reasons ?? [],
      requiredApprovals: [],
      conflicts: await this.#assessor.conflicts({
        type: input.type,
        entityRefs: refs,
        plannedStart,
        plannedEnd,
      }),
      outcome: null,
      review: null,
      requester: actor,
      templateSeq: template?.seq ?? null,
      templateVersion: template?.version ?? null,
    };
    const deviation =
      template &&
      standardChangeDeviation({ ...change, entityRefs: refs }, template);
    if (deviation) {
      throw new InputError(`${deviation.field}: ${deviation.message}`);
    }
    const record = await this.#store.createChange({
      change,
      entities,
      createdAt: now,
      createdBy: actor,
      event: {
        at: now,
        actor,
        action: 'create',
        changes: changeCreationHistory(change, refs),
      },
    });
    const created = toChange(record);
    await this.#notifier.changed(created);
    return created;
  }

  /** One change with the approvals still outstanding and whether the caller may decide. */
  async get(id: string, ctx: RequestContext): Promise<Change> {
    return this.decorate(await this.readable(id, ctx), ctx);
  }

  async list(
    query: ChangeListQuery,
    ctx: RequestContext,
  ): Promise<Page<Change>> {
    const access = await this.#access.requireRead(ctx.credentials);
    const page = await this.#store.listChanges({
      entityRefs: lowerAll(query.entityRef),
      statuses: query.status,
      types: query.type,
      risks: query.risk,
      requesters: lowerAll(query.requester),
      q: query.q?.trim() || undefined,
      permissionFilter: access.permissionFilter,
      limit: query.limit,
      cursor: query.cursor,
      order: query.order,
    });
    // Changes still ahead of or in implementation show their conflicts as of now (one query).
    const live = await this.#assessor.conflictsOfMany(
      page.items.filter(r => LIVE_CONFLICT_STATUSES.includes(r.status)),
    );
    return {
      items: page.items.map(record => {
        const change = toChange(record);
        return live.has(record.seq)
          ? { ...change, conflicts: live.get(record.seq)! }
          : change;
      }),
      nextCursor: page.nextCursor,
    };
  }

  /** The append-only history of a change, oldest first. */
  async history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    const record = await this.readable(id, ctx);
    const page = await this.#store.listHistory({ seq: record.seq, ...query });
    return {
      items: page.items.map(toHistoryEvent),
      nextCursor: page.nextCursor,
    };
  }

  /** Edits the editable fields; a plan edit raises the plan revision. A no-op writes nothing. */
  async patch(
    id: string,
    body: ChangePatchRequest,
    ctx: WriteContext,
  ): Promise<Change> {
    const input = parseInput(changePatchSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'change');
    const record = await this.readable(id, ctx);
    await this.#access.requireUpdate(record, ctx.credentials);
    const now = this.#now();
    const actor = lower(actorOf(ctx.credentials));
    const plan = await unlessStale(
      record,
      expected,
      async () => {
        const planned = await planChangePatch(record, input, {
          now,
          actor,
          assessor: this.#assessor,
        });
        if (planned && record.type === 'standard') {
          await this.#requireWithinTemplate(record, planned);
        }
        return planned;
      },
      'CHG',
    );
    const reviewProblem = await this.#reviewProblem(
      record,
      expected,
      input.review?.problemId,
      ctx,
    );
    if (!plan) {
      requireVersion(record, expected, 'CHG');
      return this.decorate(record, ctx);
    }
    const updated = await this.#store.updateChange({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes: plan.changes,
      entities: plan.entities,
      event: plan.event,
    });
    await this.#linkReviewProblem(updated.seq, reviewProblem, ctx);
    return this.#afterWrite(updated, plan, ctx);
  }

  /** Moves a change through its lifecycle. */
  async transition(
    id: string,
    body: ChangeTransitionRequest,
    ctx: WriteContext,
  ): Promise<Change> {
    const input = parseInput(changeTransitionSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'change');
    const record = await this.readable(id, ctx);
    await this.#access.requireUpdate(record, ctx.credentials);
    const now = this.#now();
    const plan = await unlessStale(
      record,
      expected,
      async () => {
        if (record.type === 'standard' && input.to === 'scheduled') {
          // Pre-approved means: this template version, still active.
          const refusal = standardTemplateRefusal(
            record,
            record.templateSeq === null
              ? undefined
              : await this.#templates.getTemplate(record.templateSeq),
          );
          if (refusal) {
            throw new ConflictError(refusal);
          }
        }
        return planChangeTransition(record, input, {
          now,
          actor: lower(actorOf(ctx.credentials)),
          assessor: this.#assessor,
        });
      },
      'CHG',
    );
    const reviewProblem = await this.#reviewProblem(
      record,
      expected,
      input.review?.problemId,
      ctx,
    );
    const updated = await this.#store.updateChange({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes: plan.changes,
      event: plan.event,
    });
    await this.#linkReviewProblem(updated.seq, reviewProblem, ctx);
    return this.#afterWrite(updated, plan, ctx);
  }

  /** The problem a review names, resolved for the caller before the write (400 when unknown). */
  async #reviewProblem(
    record: ChangeRecord,
    expected: number | undefined,
    problemId: string | undefined,
    ctx: RequestContext,
  ): Promise<number | undefined> {
    if (!problemId || !this.#problemLinks) {
      return undefined;
    }
    const links = this.#problemLinks;
    return unlessStale(
      record,
      expected,
      () => links.resolve(problemId, 'review.problemId', ctx),
      'CHG',
    );
  }

  /** After the write: the review's problem becomes a link (`CHG relates_to PRB`). */
  async #linkReviewProblem(
    seq: number,
    problemSeq: number | undefined,
    ctx: RequestContext,
  ): Promise<void> {
    if (problemSeq === undefined) return;
    await this.#problemLinks?.link({
      from: this.linkable(),
      fromSeq: seq,
      toSeq: problemSeq,
      relation: 'relates_to',
      note: 'Named by the post-implementation review',
      actor: lower(actorOf(ctx.credentials)),
    });
  }

  /**
   * Records a vote. Segregation of duties and membership hold whatever the
   * permission policy says (`itsm.change.approve` can only deny). The vote and
   * the move it decides are one transaction, with the row locked, so
   * concurrent votes are evaluated one after the other.
   */
  async decide(
    id: string,
    body: unknown,
    ctx: RequestContext,
  ): Promise<Change> {
    const input = parseInput(approvalDecisionSchema, body, 'body');
    const record = await this.readable(id, ctx);
    const approver = userOf(ctx.credentials);
    if (!approver) {
      throw new InputError('Only a signed-in user can decide on a change');
    }
    const memberships = await this.#assessor.memberships([
      approver,
      ...record.approvals.map(a => a.approver),
    ]);
    checkApprovalAllowed({
      change: toChange(record),
      approver,
      memberships,
    });
    if (!(await this.#access.mayApprove(record, ctx.credentials))) {
      throw new NotAllowedError(`Not allowed: ${changeApprovePermission.name}`);
    }

    const now = this.#now();
    // Computed before the transaction, which holds the row (and on SQLite the only connection).
    const conflicts = await this.#assessor.conflicts({
      ...record,
      entityRefs: record.entities.map(e => e.entityRef),
    });
    let decided = false;
    const updated = await this.#store.transaction(async tx => {
      const locked = await tx.lockChange(record.seq);
      if (!locked) {
        throw new NotFoundError(`Change '${id}' not found`);
      }
      // Someone else may have voted or replanned since the first read.
      const voters = locked.approvals.map(a => a.approver);
      const groupsOf = await this.#assessor.memberships([approver, ...voters]);
      checkApprovalAllowed({
        change: toChange(locked),
        approver,
        memberships: groupsOf,
      });
      if (locked.planRevision !== record.planRevision) {
        throw new ConflictError(
          `${id} was replanned meanwhile (plan revision ${locked.planRevision}); review the new plan and decide again`,
        );
      }
      const vote = {
        approver,
        decision: input.decision,
        comment: input.comment ?? null,
        at: now,
        planRevision: locked.planRevision,
      };
      try {
        await tx.insertApproval(locked.seq, vote);
      } catch (error) {
        if (isDatabaseConflictError(error)) {
          throw new ConflictError(
            `${approver} already voted on plan revision ${locked.planRevision}`,
          );
        }
        throw error;
      }
      const afterVote = await tx.updateChange({
        seq: locked.seq,
        expectedVersion: locked.version,
        changes: {},
        event: {
          at: now,
          actor: approver,
          action: 'approval',
          changes: {
            decision: [null, vote.decision],
            planRevision: [null, vote.planRevision],
          },
          ...(vote.comment ? { comment: vote.comment } : {}),
        },
      });
      const evaluation = evaluateApprovals({
        required: afterVote.requiredApprovals,
        approvals: afterVote.approvals.map(toApproval),
        planRevision: afterVote.planRevision,
        requester: afterVote.requester,
        memberships: groupsOf,
      });
      if (evaluation.state === 'pending') {
        return afterVote;
      }
      decided = true;
      return this.#decideMove(tx, afterVote, evaluation.state, {
        now,
        approver,
        conflicts,
      });
    });

    const change = await this.decorate(updated, ctx);
    await this.#notifier.changed(change);
    if (decided) {
      await this.#notifier.decided(change, { actor: approver });
    }
    return change;
  }

  /**
   * The change with `outstandingApprovals` and the caller's `canDecide`, computed now; a change
   * still on its way to or in implementation also gets its conflicts computed now (another change
   * may have been scheduled into its window since it was written). Finished changes keep the
   * conflicts they had.
   */
  async decorate(
    record: ChangeRecord,
    ctx: RequestContext,
    /** What a caller decorating many changes has already read for all of them. */
    known: {
      conflicts?: ChangeConflict[];
      memberships?: (userRef: string) => readonly string[];
    } = {},
  ): Promise<Change> {
    let change = toChange(record);
    if (LIVE_CONFLICT_STATUSES.includes(record.status)) {
      change = {
        ...change,
        conflicts:
          known.conflicts ??
          (await this.#assessor.conflicts({
            ...record,
            entityRefs: record.entities.map(e => e.entityRef),
          })),
      };
    }
    change = {
      ...change,
      conflicts: await this.visibleConflicts(change.conflicts, ctx),
    };
    if (record.status !== 'authorization') {
      return { ...change, outstandingApprovals: [], canDecide: false };
    }
    const caller = userOf(ctx.credentials);
    const memberships =
      known.memberships ??
      (await this.#assessor.memberships([
        ...(caller ? [caller] : []),
        ...record.approvals.map(a => a.approver),
      ]));
    const evaluation = evaluateApprovals({
      required: change.requiredApprovals,
      approvals: change.approvals,
      planRevision: change.planRevision,
      requester: change.requester,
      memberships,
    });
    let canDecide = false;
    if (caller) {
      try {
        checkApprovalAllowed({ change, approver: caller, memberships });
        canDecide = await this.#access.mayApprove(record, ctx.credentials);
      } catch {
        canDecide = false;
      }
    }
    return {
      ...change,
      outstandingApprovals: evaluation.outstanding,
      canDecide,
    };
  }

  /**
   * Conflicts as the caller may see them: one with a change they may not read says that
   * another change overlaps on the entity, without naming it (scheduling still needs to know).
   */
  async visibleConflicts(
    conflicts: ChangeConflict[],
    ctx: RequestContext,
  ): Promise<ChangeConflict[]> {
    const others = [
      ...new Set(conflicts.flatMap(c => (c.with ? [c.with] : []))),
    ];
    if (others.length === 0) {
      return conflicts;
    }
    const access = await this.#access.read(ctx.credentials);
    if (access.allowed && !access.permissionFilter) {
      return conflicts;
    }
    // One read for all of them, whatever the number of conflicts.
    const seqs = others.flatMap(other => changeRecordType.parse(other) ?? []);
    const permitted = new Set(
      access.allowed
        ? await this.#store.permittedChangeSeqs(seqs, access.permissionFilter!)
        : [],
    );
    const hidden = new Set(
      others.filter(other => {
        const seq = changeRecordType.parse(other);
        return seq === undefined || !permitted.has(seq);
      }),
    );
    return conflicts.map(conflict =>
      conflict.with && hidden.has(conflict.with)
        ? {
            kind: conflict.kind,
            ...(conflict.entityRef ? { entityRef: conflict.entityRef } : {}),
            message: `A change you may not see changes ${
              conflict.entityRef ?? 'a related entity'
            } in an overlapping window`,
          }
        : conflict,
    );
  }

  /** The record if it exists and the caller may read it; else `NotFoundError`. */
  async readable(id: string, ctx: RequestContext): Promise<ChangeRecord> {
    return this.#access.readable({
      id,
      label: 'Change',
      parse: changeRecordType.parse,
      credentials: ctx.credentials,
      load: (seq, permissionFilter) =>
        this.#store.getChange(seq, { permissionFilter }),
    });
  }

  /** 400 when a planned edit takes a standard change outside its template. */
  async #requireWithinTemplate(
    record: ChangeRecord,
    plan: PlannedChangePatch,
  ): Promise<void> {
    const template =
      record.templateSeq === null
        ? undefined
        : await this.#templates.getTemplate(record.templateSeq);
    if (!template) {
      return; // scheduling refuses it
    }
    const deviation = standardChangeDeviation(
      {
        entityRefs:
          plan.entities?.map(e => e.entityRef) ??
          record.entities.map(e => e.entityRef),
        implementationPlan:
          plan.changes.implementationPlan !== undefined
            ? plan.changes.implementationPlan
            : record.implementationPlan,
        backoutPlan:
          plan.changes.backoutPlan !== undefined
            ? plan.changes.backoutPlan
            : record.backoutPlan,
        testPlan:
          plan.changes.testPlan !== undefined
            ? plan.changes.testPlan
            : record.testPlan,
      },
      template,
    );
    if (deviation) {
      throw new InputError(`${deviation.field}: ${deviation.message}`);
    }
  }

  /** An active template that covers the entities; 400 naming `templateId` otherwise. */
  async activeTemplate(
    id: string,
    entityRefs: string[],
  ): Promise<ChangeTemplateRecord> {
    const seq = parseTemplateId(id);
    const template =
      seq === undefined ? undefined : await this.#templates.getTemplate(seq);
    if (!template) {
      throw new InputError(`templateId: template '${id}' does not exist`);
    }
    if (!template.active) {
      throw new InputError(
        `templateId: template ${templateId(template.seq)} is inactive`,
      );
    }
    const uncovered = template.entityRefs.length
      ? entityRefs.filter(ref => !template.entityRefs.includes(ref))
      : [];
    if (uncovered.length) {
      throw new InputError(
        `entityRefs: template ${templateId(
          template.seq,
        )} does not apply to ${uncovered.join(', ')}`,
      );
    }
    return template;
  }

  /** Whether a change exists, for incidents that name their cause (no permission check). */
  /**
   * The sequence number of a change the caller may read, else undefined: an unknown change and
   * one the caller may not see answer the same, so naming a change reveals nothing.
   */
  async readableSeq(
    id: string,
    ctx: RequestContext,
  ): Promise<number | undefined> {
    try {
      return (await this.readable(id, ctx)).seq;
    } catch (error) {
      if ((error as Error)?.name === 'NotFoundError') {
        return undefined;
      }
      throw error;
    }
  }

  async #decideMove(
    tx: ChangeStoreTransaction,
    change: ChangeRecord,
    state: 'approved' | 'rejected',
    options: { now: Date; approver: string; conflicts: ChangeConflict[] },
  ): Promise<ChangeRecord> {
    const plan = await planChangeTransition(
      change,
      { to: state === 'approved' ? 'scheduled' : 'rejected' },
      {
        now: options.now,
        actor: options.approver,
        assessor: this.#assessor,
        byApproval: true,
        conflicts: options.conflicts,
        comment:
          state === 'approved'
            ? `Approved: every required approval on plan revision ${change.planRevision} is in`
            : `Rejected: one rejection on plan revision ${change.planRevision} decides`,
      },
    );
    return tx.updateChange({
      seq: change.seq,
      expectedVersion: change.version,
      changes: plan.changes,
      event: plan.event,
    });
  }

  async #afterWrite(
    record: ChangeRecord,
    plan: PlannedChangeWrite,
    ctx: RequestContext,
  ): Promise<Change> {
    const change = await this.decorate(record, ctx);
    await this.#notifier.changed(change);
    if (plan.changes.status === 'closed') {
      for (const listener of this.#closedListeners) {
        await listener({
          seq: record.seq,
          id: change.id,
          title: change.title,
          outcome: change.outcome ?? null,
        });
      }
    }
    if (plan.askApprovers) {
      await this.#notifier.approvalNeeded(change, {
        replanned: plan.askApprovers === 'replanned',
      });
    }
    return change;
  }
}
