import {
  changeTransitionSchema,
  checkChangeTransition,
  type Change,
  type ChangeOutcome,
  type ChangeStatus,
  type ChangeTransitionRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { changeTransitionFields } from './changeTransitions';

/** What the move dialog holds. */
export interface TransitionValues {
  outcome: ChangeOutcome | '';
  actualStart: string | null;
  actualEnd: string | null;
  summary: string;
  objectivesMet: boolean;
  lessonsLearned: string;
  /** The incidents the review names (`INC-n`). */
  incidentIds: string[];
  comment: string;
}

/** Starts from what the change already holds, and now for the instants the move records. */
export function initialTransitionValues(
  change: Change,
  to: ChangeStatus,
  now: Date = new Date(),
): TransitionValues {
  const nowIso = new Date(
    Math.floor(now.getTime() / 60_000) * 60_000,
  ).toISOString();
  return {
    outcome: change.outcome ?? '',
    actualStart:
      change.actualStart ??
      (to === 'implementing' || to === 'review' ? nowIso : null),
    actualEnd: change.actualEnd ?? (to === 'review' ? nowIso : null),
    summary: change.review?.summary ?? '',
    objectivesMet: change.review?.objectivesMet ?? true,
    lessonsLearned: change.review?.lessonsLearned ?? '',
    incidentIds: change.review?.incidentIds ?? [],
    comment: '',
  };
}

/** The transition body: only the fields this move asks for, the review only when written. */
export function toTransitionRequest(
  to: ChangeStatus,
  values: TransitionValues,
): ChangeTransitionRequest {
  const fields = changeTransitionFields(to);
  const request: ChangeTransitionRequest = { to };
  if (fields.includes('outcome') && values.outcome)
    request.outcome = values.outcome;
  if (fields.includes('actualStart') && values.actualStart) {
    request.actualStart = values.actualStart;
  }
  if (fields.includes('actualEnd') && values.actualEnd) {
    request.actualEnd = values.actualEnd;
  }
  if (fields.includes('review') && values.summary.trim()) {
    request.review = {
      summary: values.summary.trim(),
      objectivesMet: values.objectivesMet,
      ...(values.lessonsLearned.trim()
        ? { lessonsLearned: values.lessonsLearned.trim() }
        : {}),
      ...(values.incidentIds.length
        ? { incidentIds: [...new Set(values.incidentIds)] }
        : {}),
    };
  }
  if (fields.includes('comment') && values.comment.trim()) {
    request.comment = values.comment.trim();
  }
  return request;
}

const FIELD_OF: Record<string, keyof TransitionValues> = {
  outcome: 'outcome',
  actualStart: 'actualStart',
  actualEnd: 'actualEnd',
  review: 'summary',
  comment: 'comment',
};

/**
 * The problems of a move before it is sent, by form field: the -common schema and the
 * lifecycle rule (`checkChangeTransition`, the server's own check), and a reason to cancel.
 */
export function transitionErrors(
  change: Change,
  to: ChangeStatus,
  values: TransitionValues,
): Partial<Record<keyof TransitionValues, string>> {
  if (to === 'cancelled' && !values.comment.trim()) {
    return { comment: 'Required' };
  }
  const request = toTransitionRequest(to, values);
  const parsed = changeTransitionSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { [FIELD_OF[String(issue.path[0])] ?? 'comment']: issue.message };
  }
  try {
    checkChangeTransition(change, to, request);
  } catch (e) {
    const message = (e as Error).message;
    const field = FIELD_OF[message.split(/[\s.]/)[0]];
    // A 409 (not allowed now) has no field: the server will say so too.
    if (field) return { [field]: message };
  }
  return {};
}
