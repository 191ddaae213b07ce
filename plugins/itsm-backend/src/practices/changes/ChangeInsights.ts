import { RequestContext, actorOf } from '../../records/context';
import { InputError } from '@backstage/errors';
import {
  Change,
  ChangeAssessment,
  ChangeCalendar,
  ChangeStats,
  FreezeWindow,
  changeWindowsOverlap,
  checkApprovalAllowed,
  evaluateApprovals,
  freezeBlocksScheduling,
} from '@backstage-itsm/plugin-itsm-common';
import { canonicalEntityRef } from '../../catalog/entities';
import type { ChangeRecord, ChangeStore } from './ChangeStore';
import { ChangeAssessor, riskAnswersFor } from './ChangeAssessor';
import { ChangeAssessmentInput, ChangeCalendarQuery } from './changeSchemas';
import { ChangeService, userOf } from './ChangeService';
import { toChange } from './changeViews';

/** Statuses a change is on the calendar in: all but draft, rejected and cancelled. */
export const CALENDAR_STATUSES = [
  'assessment',
  'authorization',
  'scheduled',
  'implementing',
  'review',
  'closed',
];
/** Most changes one calendar answer holds. */
export const MAX_CALENDAR_CHANGES = 5000;
/** Pages of authorization changes the approval queue reads at most. */
const QUEUE_PAGE = 200;
const QUEUE_MAX_PAGES = 25;

const DAY = 86_400_000;
const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

function canonicalAll(refs: string[] | undefined, field: string) {
  return refs?.map(ref => {
    try {
      return canonicalEntityRef(ref);
    } catch {
      throw new InputError(`${field}: '${ref}' is not an entity ref`);
    }
  });
}

/**
 * The read-only views across changes: the assessment of a change before it is
 * submitted, the approval queue, the change calendar with conflicts and the
 * change-failure figures.
 */
export class ChangeInsights {
  readonly #changes: ChangeService;
  readonly #store: ChangeStore;
  readonly #assessor: ChangeAssessor;
  readonly #now: () => Date;

  constructor(options: {
    changes: ChangeService;
    store: ChangeStore;
    assessor: ChangeAssessor;
    now?: () => Date;
  }) {
    this.#changes = options.changes;
    this.#store = options.store;
    this.#assessor = options.assessor;
    this.#now = options.now ?? (() => new Date());
  }

  /** Risk, approvals and conflicts of a change as the form has it; writes nothing. */
  async assess(
    input: ChangeAssessmentInput,
    ctx: RequestContext,
  ): Promise<ChangeAssessment> {
    await this.#changes.access.requireCreate(ctx.credentials);
    const refs = this.#assessor.canonicalRefs(input.entityRefs);
    const template = input.templateId
      ? await this.#changes.activeTemplate(input.templateId, refs)
      : undefined;
    if (input.type === 'standard' && !template) {
      throw new InputError('templateId is required for a standard change');
    }
    const { entities, infos } = await this.#assessor.entities(refs);
    const risk = await this.#assessor.risk({
      answers: riskAnswersFor(input.type, input.riskAnswers),
      infos,
      now: this.#now(),
    });
    const plannedStart = input.plannedStart
      ? new Date(input.plannedStart)
      : null;
    let plannedEnd = input.plannedEnd ? new Date(input.plannedEnd) : null;
    if (template && plannedStart && !plannedEnd) {
      plannedEnd = new Date(
        plannedStart.getTime() + template.durationMinutes * 60_000,
      );
    }
    const conflicts = await this.#changes.visibleConflicts(
      await this.#assessor.conflicts({
        type: input.type,
        entityRefs: refs,
        plannedStart,
        plannedEnd,
      }),
      ctx,
    );
    return {
      risk: risk.risk,
      score: risk.score,
      riskReasons: risk.reasons,
      requiredApprovals: await this.#assessor.requiredApprovals({
        type: input.type,
        risk: risk.risk,
        entities,
        requester: lower(actorOf(ctx.credentials)),
      }),
      conflicts,
      blockedByFreeze: freezeBlocksScheduling(conflicts, input.type),
      blastRadius: risk.blastRadius,
    };
  }

  /**
   * Changes in authorization the caller can decide on now: a required
   * approver (member of a required group whose requirement is outstanding),
   * not the requester, no vote yet on the current plan revision.
   */
  async approvalQueue(ctx: RequestContext): Promise<{ items: Change[] }> {
    const access = await this.#changes.access.requireRead(ctx.credentials);
    const caller = userOf(ctx.credentials);
    if (!caller) {
      return { items: [] };
    }
    const candidates: ChangeRecord[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < QUEUE_MAX_PAGES; page++) {
      const result = await this.#store.listChanges({
        statuses: ['authorization'],
        permissionFilter: access.permissionFilter,
        limit: QUEUE_PAGE,
        cursor,
        order: 'asc',
      });
      candidates.push(...result.items);
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    const memberships = await this.#assessor.memberships([
      caller,
      ...candidates.flatMap(c => c.approvals.map(a => a.approver)),
    ]);
    const callerGroups = memberships(caller);
    const waiting = candidates.filter(record => {
      const change = toChange(record);
      try {
        checkApprovalAllowed({ change, approver: caller, memberships });
      } catch {
        return false;
      }
      const { outstanding } = evaluateApprovals({
        required: change.requiredApprovals,
        approvals: change.approvals,
        planRevision: change.planRevision,
        requester: change.requester,
        memberships,
      });
      return outstanding.some(r => callerGroups.includes(lower(r.group)));
    });
    // One conflict query and one membership read for the whole queue, not one per change.
    const conflicts = await this.#assessor.conflictsOfMany(waiting);
    const items = await Promise.all(
      waiting.map(record =>
        this.#changes.decorate(record, ctx, {
          conflicts: conflicts.get(record.seq) ?? [],
          memberships,
        }),
      ),
    );
    return { items: items.filter(c => c.canDecide) };
  }

  /**
   * Changes with a window in the range and the freeze windows overlapping it.
   * Each change carries its conflicts, computed now from one query for the
   * candidates of all listed changes.
   */
  async calendar(
    query: ChangeCalendarQuery,
    ctx: RequestContext,
  ): Promise<ChangeCalendar> {
    const access = await this.#changes.access.requireRead(ctx.credentials);
    const from = new Date(query.from);
    const to = new Date(query.to);
    const listed = await this.#store.listChangesInWindow({
      from,
      to,
      statuses: CALENDAR_STATUSES,
      entityRefs: canonicalAll(query.entityRef, 'entityRef'),
      owners: canonicalAll(query.owner, 'owner'),
      systems: canonicalAll(query.system, 'system'),
      permissionFilter: access.permissionFilter,
      limit: MAX_CALENDAR_CHANGES + 1,
    });
    if (listed.length > MAX_CALENDAR_CHANGES) {
      throw new InputError(
        `More than ${MAX_CALENDAR_CHANGES} changes in the range; narrow it or filter by entityRef, owner or system`,
      );
    }

    const changes = await this.#withConflicts(listed, ctx);
    const freezeWindows: FreezeWindow[] = this.#assessor.freezeWindows
      .filter(w =>
        changeWindowsOverlap(
          Date.parse(String(w.start)),
          Date.parse(String(w.end)),
          from.getTime(),
          to.getTime(),
        ),
      )
      .map(w => ({
        name: w.name,
        start: String(w.start),
        end: String(w.end),
        entityRefs: [...w.entityRefs],
      }));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      changes,
      freezeWindows,
    };
  }

  /** Change-failure figures of an entity over the last `days` days. */
  async stats(
    query: { entityRef: string; days: number },
    ctx: RequestContext,
  ): Promise<ChangeStats> {
    const access = await this.#changes.access.requireRead(ctx.credentials);
    const [entityRef] = canonicalAll([query.entityRef], 'entityRef')!;
    // Counted over the changes the caller may read.
    const counts = await this.#store.countFinishedChanges({
      entityRefs: [entityRef],
      since: new Date(this.#now().getTime() - query.days * DAY),
      permissionFilter: access.permissionFilter,
    });
    return {
      entityRef,
      total: counts.total,
      failed: counts.failed,
      causedIncidents: counts.causedIncidents,
      failureRate: counts.total === 0 ? 0 : counts.failed / counts.total,
    };
  }

  async #withConflicts(
    listed: ChangeRecord[],
    ctx: RequestContext,
  ): Promise<Change[]> {
    const conflicts = await this.#assessor.conflictsOfMany(listed);
    const own = listed.map(record => conflicts.get(record.seq) ?? []);
    // One redaction over all of them: each other change is checked once.
    const visible = await this.#changes.visibleConflicts(own.flat(), ctx);
    let next = 0;
    return listed.map((record, i) => {
      const mine = visible.slice(next, next + own[i].length);
      next += own[i].length;
      return { ...toChange(record), conflicts: mine };
    });
  }
}
