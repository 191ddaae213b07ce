import {
  allowedImprovementTransitions,
  planImprovementTransition,
  type Improvement,
  type ImprovementStatus,
  type ImprovementTransitionRequest,
} from '@backstage-itsm/plugin-itsm-common';
import type { OfferedMove } from '../../../records';

/** The words of the button that moves an item to `to`. */
export function improvementTransitionLabel(to: ImprovementStatus): string {
  switch (to) {
    case 'approved':
      return 'Approve';
    case 'rejected':
      return 'Reject';
    case 'in_progress':
      return 'Start work';
    case 'implemented':
      return 'Mark implemented';
    case 'evaluated':
      return 'Record evaluation';
    case 'closed':
      return 'Close';
    default:
      return `Move to ${to}`;
  }
}

/**
 * The moves the lifecycle allows from the item's status, each blocked (with why) while it
 * cannot be made: an item with a KPI is evaluated by the system, a corrective action is
 * implemented once its correction and root cause are recorded.
 */
export function offeredImprovementTransitions(
  item: Improvement,
): OfferedMove<ImprovementStatus>[] {
  return allowedImprovementTransitions(item.status).map(to => {
    const move: OfferedMove<ImprovementStatus> = {
      to,
      label: improvementTransitionLabel(to),
    };
    if (to === 'evaluated' && item.kpi) {
      move.blockedBecause =
        'The system measures the KPI once its window is over';
    }
    if (
      to === 'implemented' &&
      item.kind === 'corrective_action' &&
      (!item.correction?.trim() || !item.rootCause?.trim())
    ) {
      move.blockedBecause =
        'Record the correction and its root cause first (Edit)';
    }
    return move;
  });
}

/** What a move's dialog asks for. */
export type ImprovementTransitionField =
  | 'comment'
  | 'reason'
  | 'implementedAt'
  | 'evaluation'
  | 'effectivenessReview';

/** The fields each move asks for (the rules of `planImprovementTransition`). */
export function improvementTransitionFields(
  item: Pick<Improvement, 'kind'>,
  to: ImprovementStatus,
): ImprovementTransitionField[] {
  switch (to) {
    case 'rejected':
      return ['reason'];
    case 'implemented':
      return ['implementedAt', 'comment'];
    case 'evaluated':
      return ['evaluation'];
    case 'closed':
      return item.kind === 'corrective_action'
        ? ['effectivenessReview', 'comment']
        : ['comment'];
    default:
      return ['comment'];
  }
}

/** What the move dialog holds. */
export interface ImprovementTransitionValues {
  comment: string;
  reason: string;
  /** An ISO instant or null (now). */
  implementedAt: string | null;
  evaluation: string;
  effectivenessReview: string;
}

/** Starts from what the item already holds. */
export function initialTransitionValues(
  item: Improvement,
): ImprovementTransitionValues {
  return {
    comment: '',
    reason: '',
    implementedAt: null,
    evaluation: '',
    effectivenessReview: item.effectivenessReview ?? '',
  };
}

/** The transition body: only the fields this move asks for, and only when filled in. */
export function toTransitionRequest(
  item: Pick<Improvement, 'kind' | 'effectivenessReview'>,
  to: ImprovementStatus,
  values: ImprovementTransitionValues,
): ImprovementTransitionRequest {
  const fields = improvementTransitionFields(item, to);
  const request: ImprovementTransitionRequest = { to };
  if (fields.includes('comment') && values.comment.trim()) {
    request.comment = values.comment.trim();
  }
  if (fields.includes('reason') && values.reason.trim()) {
    request.reason = values.reason;
  }
  if (fields.includes('implementedAt') && values.implementedAt) {
    request.implementedAt = values.implementedAt;
  }
  if (fields.includes('evaluation') && values.evaluation.trim()) {
    request.evaluation = values.evaluation;
  }
  if (
    fields.includes('effectivenessReview') &&
    values.effectivenessReview.trim() &&
    values.effectivenessReview !== item.effectivenessReview
  ) {
    request.effectivenessReview = values.effectivenessReview;
  }
  return request;
}

/**
 * The problems of a move before it is sent, by form field: the -common rule (the server's
 * own), whose messages start with the field's name. Who may approve, and a 409, are the
 * server's to say.
 */
export function improvementTransitionErrors(
  item: Improvement,
  to: ImprovementStatus,
  values: ImprovementTransitionValues,
  now: Date = new Date(),
): Partial<Record<keyof ImprovementTransitionValues, string>> {
  const request = toTransitionRequest(item, to, values);
  try {
    planImprovementTransition(item, to, request, { now, actor: '' });
  } catch (e) {
    const message = (e as Error).message;
    const field = message.split(/\s/)[0] as keyof ImprovementTransitionValues;
    if (
      field in values &&
      improvementTransitionFields(item, to).includes(
        field as ImprovementTransitionField,
      )
    ) {
      return { [field]: message };
    }
  }
  return {};
}
