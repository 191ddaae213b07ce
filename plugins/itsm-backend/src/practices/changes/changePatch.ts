import { ConflictError, InputError } from '@backstage/errors';
import {
  ChangeStatus,
  FINAL_CHANGE_STATUSES,
  changePatchSchema,
  changedPlanFields,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import type { ChangeEntity, ChangeFields, ChangeRecord } from './ChangeStore';
import { riskAnswersFor, type ChangeAssessor } from './ChangeAssessor';
import type { PlannedChangeWrite } from './changeTransition';
import { changeHistory, changedChangeFields, toChange } from './changeViews';

/** A validated PATCH body. */
export type ChangePatchInput = z.output<typeof changePatchSchema>;

/** Statuses in which the plan, the window, the entities and the risk answers may change. */
export const PLAN_EDITABLE_STATUSES: readonly ChangeStatus[] = [
  'draft',
  'assessment',
  'authorization',
  'rejected',
];
/** Statuses in which the risk must stay assessable. */
const ASSESSED_STATUSES: readonly ChangeStatus[] = [
  'assessment',
  'authorization',
];
/** Statuses in which the post-implementation review is written. */
const REVIEW_STATUSES: readonly ChangeStatus[] = ['implementing', 'review'];

const iso = (value: string | null | undefined) =>
  value === undefined || value === null ? value : new Date(value).toISOString();

/** A planned PATCH; `undefined` when it changes nothing. */
export type PlannedChangePatch = PlannedChangeWrite & {
  entities?: ChangeEntity[];
};

/**
 * Plans a PATCH: 409 for a closed or cancelled change or for a plan edit
 * after authorization; raises `planRevision` when `changedPlanFields` finds a
 * plan edit (in authorization the approvals are asked for again, votes on the
 * old revision stop counting); re-assesses the risk when the answers or the
 * entities change and the conflicts when the window or the entities change.
 */
export async function planChangePatch(
  record: ChangeRecord,
  input: ChangePatchInput,
  ctx: { now: Date; actor: string; assessor: ChangeAssessor },
): Promise<PlannedChangePatch | undefined> {
  const { assessor, now } = ctx;
  if (FINAL_CHANGE_STATUSES.includes(record.status)) {
    throw new ConflictError(`The change is ${record.status} and cannot change`);
  }
  const current = toChange(record);
  const entityRefs =
    input.entityRefs === undefined
      ? undefined
      : assessor.canonicalRefs(input.entityRefs);
  const planPatch = {
    entityRefs,
    plannedStart: iso(input.plannedStart),
    plannedEnd: iso(input.plannedEnd),
    implementationPlan: input.implementationPlan,
    backoutPlan: input.backoutPlan,
    testPlan: input.testPlan,
  };
  const planFields = changedPlanFields(current, planPatch);
  const answersChanged =
    input.riskAnswers !== undefined &&
    JSON.stringify(sortKeys(input.riskAnswers)) !==
      JSON.stringify(sortKeys(record.riskAnswers));
  if (
    (planFields.length > 0 || answersChanged) &&
    !PLAN_EDITABLE_STATUSES.includes(record.status)
  ) {
    throw new ConflictError(
      `The change is ${record.status}: its plan, window, entities and risk answers can no longer change`,
    );
  }
  if (input.review !== undefined && !REVIEW_STATUSES.includes(record.status)) {
    throw new ConflictError(
      `The change is ${record.status}: the review is written while implementing or in review`,
    );
  }

  const next: Partial<ChangeFields> = {
    title: input.title,
    justification: input.justification,
    review: input.review,
  };
  for (const field of planFields) {
    if (field === 'plannedStart' || field === 'plannedEnd') {
      const value = planPatch[field];
      next[field] =
        value === null || value === undefined ? null : new Date(value);
    } else if (field !== 'entityRefs') {
      next[field] = planPatch[field] ?? null;
    }
  }
  const plannedStart =
    next.plannedStart === undefined ? record.plannedStart : next.plannedStart;
  const plannedEnd =
    next.plannedEnd === undefined ? record.plannedEnd : next.plannedEnd;
  if (plannedStart && plannedEnd && plannedStart >= plannedEnd) {
    throw new InputError('plannedEnd must be after plannedStart');
  }

  const entitiesChanged = planFields.includes('entityRefs');
  const refs = entitiesChanged
    ? entityRefs!
    : record.entities.map(e => e.entityRef);
  let entities: ChangeEntity[] | undefined;
  if (answersChanged) {
    next.riskAnswers = sortKeys(input.riskAnswers!);
  }
  if (entitiesChanged || answersChanged) {
    const described = await assessor.entities(refs);
    if (entitiesChanged) {
      entities = described.entities;
    }
    const answers = riskAnswersFor(
      record.type,
      next.riskAnswers ?? record.riskAnswers,
    );
    const risk = ASSESSED_STATUSES.includes(record.status)
      ? await assessor.risk({ answers, infos: described.infos, now })
      : await assessor.riskIfAnswered({ answers, infos: described.infos, now });
    next.risk = risk?.risk ?? null;
    next.riskReasons = risk?.reasons ?? [];
  }
  if (
    entitiesChanged ||
    planFields.includes('plannedStart') ||
    planFields.includes('plannedEnd')
  ) {
    next.conflicts = await assessor.conflicts({
      seq: record.seq,
      type: record.type,
      entityRefs: refs,
      plannedStart,
      plannedEnd,
    });
  }

  let askApprovers: PlannedChangePatch['askApprovers'];
  let comment: string | undefined;
  // Risk answers are part of what the approvers approve: changed in authorization, they are
  // a new plan revision like any plan edit (else one vote could schedule a now high-risk change).
  const replanned =
    planFields.length > 0 ||
    (answersChanged && record.status === 'authorization');
  if (replanned) {
    next.planRevision = record.planRevision + 1;
    if (record.status === 'authorization') {
      // Replanned in authorization: ask again, as the policy says for the plan as it is now.
      next.requiredApprovals = await assessor.requiredApprovals({
        type: record.type,
        risk: next.risk === undefined ? record.risk : next.risk,
        entities: entities ?? record.entities,
        requester: record.requester,
      });
      askApprovers = 'replanned';
      comment = `Plan revision ${next.planRevision}: votes on revision ${record.planRevision} no longer count`;
    }
  }

  const changed: Partial<ChangeFields> & { entityRefs?: string[] } =
    changedChangeFields<ChangeFields>(record, next);
  if (entitiesChanged) {
    changed.entityRefs = refs;
  }
  if (Object.keys(changed).length === 0) {
    return undefined;
  }
  const { entityRefs: _, ...columns } = changed;
  return {
    changes: columns,
    entities,
    askApprovers,
    event: {
      at: now,
      actor: ctx.actor,
      action: 'update',
      changes: changeHistory(
        { ...record, entityRefs: current.entityRefs },
        changed,
      ),
      ...(comment ? { comment } : {}),
    },
  };
}

function sortKeys(answers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(answers).sort(([a], [b]) => a.localeCompare(b)),
  );
}
