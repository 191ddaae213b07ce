import { NewHistoryEvent } from '../../records/types';
import { InputError } from '@backstage/errors';
import {
  IncidentStatus,
  checkIncidentTransition,
  incidentTransitionSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import type {
  IncidentFields,
  IncidentRecord,
  SlaClockRecord,
} from './IncidentStore';
import { changedFields, historyChanges } from './incidentChanges';
import { clocksAfterTransition } from './incidentClocks';

/** A validated transition request. */
export type IncidentTransitionInput = z.output<typeof incidentTransitionSchema>;

/** What a transition writes; clocks are not yet re-evaluated. */
export interface PlannedWrite {
  changes: Partial<IncidentFields>;
  clocks: SlaClockRecord[];
  event: NewHistoryEvent;
}

/** Fields a transition request may carry only when moving to a given status. */
const FIELD_STATUS: Array<[keyof IncidentTransitionInput, IncidentStatus]> = [
  ['onHoldReason', 'on_hold'],
  ['resolutionCode', 'resolved'],
  ['resolutionNotes', 'resolved'],
];

/**
 * Plans a lifecycle move: checks it (409, then 400 for the fields the move
 * requires or does not take) and derives its effects on the record and clocks.
 */
export function planTransition(
  record: IncidentRecord,
  input: IncidentTransitionInput,
  options: { now: Date; actor: string },
): PlannedWrite {
  const { now, actor } = options;
  const from = record.status;
  const to = input.to;
  checkIncidentTransition(
    {
      status: from,
      major: record.major,
      hasPostIncidentReview: record.postIncidentReview !== null,
    },
    to,
    input,
  );
  for (const [field, status] of FIELD_STATUS) {
    if (input[field] !== undefined && to !== status) {
      throw new InputError(
        `${field} is only accepted when moving to ${status}`,
      );
    }
  }

  const next: Partial<IncidentFields> = { status: to };
  if (to === 'on_hold') {
    next.onHoldReason = input.onHoldReason;
  } else if (from === 'on_hold') {
    next.onHoldReason = null;
  }
  if (to === 'resolved') {
    next.resolutionCode = input.resolutionCode;
    next.resolutionNotes = input.resolutionNotes;
    next.resolvedAt = now;
  }
  if (from === 'resolved' && to === 'in_progress') {
    next.resolutionCode = null;
    next.resolutionNotes = null;
    next.resolvedAt = null;
  }
  if (to === 'closed') {
    next.closedAt = now;
  }

  const changes = changedFields(record, next);
  return {
    changes,
    clocks: clocksAfterTransition(record.clocks, from, to, now),
    event: {
      at: now,
      actor,
      action: 'transition',
      changes: historyChanges(record, changes),
      ...(input.comment?.trim() ? { comment: input.comment } : {}),
    },
  };
}
