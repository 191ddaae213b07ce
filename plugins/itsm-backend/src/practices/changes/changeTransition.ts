import { NewHistoryEvent } from '../../records/types';
import { ConflictError, InputError } from '@backstage/errors';
import {
  ChangeConflict,
  ChangeStatus,
  changeTransitionSchema,
  checkChangeTransition,
  freezeBlocksScheduling,
  isOutsideApprovedWindow,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import type { ChangeFields, ChangeRecord } from './ChangeStore';
import type { ChangeAssessor } from './ChangeAssessor';
import { changeHistory, changedChangeFields, toChange } from './changeViews';

/** A validated transition request. */
export type ChangeTransitionInput = z.output<typeof changeTransitionSchema>;

/** What a change write changes, and what to tell afterwards. */
export interface PlannedChangeWrite {
  changes: Partial<ChangeFields>;
  event: NewHistoryEvent;
  /** The approvers must be asked (again) for a decision after the write. */
  askApprovers?: 'entered' | 'replanned';
}

/** Fields a transition request may carry only when moving to one of the statuses. */
const FIELD_STATUSES: Array<[keyof ChangeTransitionInput, ChangeStatus[]]> = [
  ['outcome', ['review']],
  ['actualStart', ['implementing', 'review']],
  ['actualEnd', ['review']],
  ['review', ['review', 'closed']],
];

const date = (value: string | undefined) =>
  value === undefined ? undefined : new Date(value);

/**
 * Plans a lifecycle move with `checkChangeTransition` (409, then 400 for what
 * the move needs) and derives its effects: the risk on entering assessment or
 * authorization, the approvals snapshot on entering authorization, the
 * conflicts and the freeze check on scheduling, the actual window, and the
 * outside-window flag in the history.
 */
export async function planChangeTransition(
  record: ChangeRecord,
  input: ChangeTransitionInput,
  ctx: {
    now: Date;
    actor: string;
    assessor: ChangeAssessor;
    byApproval?: boolean;
    comment?: string;
    /** Conflicts computed beforehand (inside a transaction, where no other query may run). */
    conflicts?: ChangeConflict[];
  },
): Promise<PlannedChangeWrite> {
  const { now, assessor } = ctx;
  const from = record.status;
  const to = input.to;
  checkChangeTransition(
    toChange(record),
    to,
    {
      outcome: input.outcome,
      actualStart: input.actualStart,
      actualEnd: input.actualEnd,
      review: input.review,
    },
    { byApproval: ctx.byApproval },
  );
  for (const [field, statuses] of FIELD_STATUSES) {
    if (input[field] !== undefined && !statuses.includes(to)) {
      throw new InputError(
        `${field} is only accepted when moving to ${statuses.join(' or ')}`,
      );
    }
  }

  const next: Partial<ChangeFields> = { status: to };
  let askApprovers: PlannedChangeWrite['askApprovers'];
  const entityRefs = record.entities.map(e => e.entityRef);

  if (to === 'assessment' || to === 'authorization') {
    const { infos, entities } = await assessor.entities(entityRefs);
    const risk = await assessor.risk({
      answers: record.riskAnswers,
      infos,
      now,
    });
    next.risk = risk.risk;
    next.riskReasons = risk.reasons;
    next.conflicts = await assessor.conflicts({ ...record, entityRefs });
    if (to === 'authorization') {
      next.requiredApprovals = await assessor.requiredApprovals({
        type: record.type,
        risk: risk.risk,
        entities,
        requester: record.requester,
      });
      askApprovers = 'entered';
    }
  }
  if (to === 'scheduled') {
    const conflicts =
      ctx.conflicts ?? (await assessor.conflicts({ ...record, entityRefs }));
    if (freezeBlocksScheduling(conflicts, record.type)) {
      const freeze = conflicts.find(c => c.kind === 'freeze')!;
      throw new ConflictError(
        `The freeze window "${freeze.window}" blocks scheduling this change; move its window (only emergency changes may be scheduled in a freeze)`,
      );
    }
    next.conflicts = conflicts;
  }
  if (from === 'rejected' && to === 'draft') {
    // Rework: the votes on the rejected plan never count again.
    next.planRevision = record.planRevision + 1;
    next.requiredApprovals = [];
  }
  if (to === 'implementing') {
    next.actualStart = date(input.actualStart) ?? record.actualStart ?? now;
  }
  if (to === 'review') {
    next.outcome = input.outcome ?? record.outcome;
    next.actualStart = date(input.actualStart) ?? record.actualStart;
    next.actualEnd = date(input.actualEnd) ?? record.actualEnd;
  }
  if (input.review !== undefined) {
    next.review = input.review;
  }

  const comments = [ctx.comment, input.comment].filter((c): c is string => !!c);
  if (to === 'implementing' || to === 'review') {
    const after = toChange({ ...record, ...next } as ChangeRecord);
    if (
      isOutsideApprovedWindow(after, to === 'implementing' ? undefined : now)
    ) {
      comments.push('Work outside the approved window');
    }
  }

  const changes = changedChangeFields<ChangeFields>(record, next);
  return {
    changes,
    event: {
      at: now,
      actor: ctx.actor,
      action: 'transition',
      changes: changeHistory({ ...record, entityRefs }, changes),
      ...(comments.length ? { comment: comments.join('\n\n') } : {}),
    },
    askApprovers,
  };
}
