import {
  allowedProblemTransitions,
  isProblemLocked,
  planProblemTransition,
  type Problem,
  type ProblemClosureCode,
  type ProblemStatus,
  type ProblemTransitionRequest,
} from '@backstage-itsm/plugin-itsm-common';
import type { OfferedMove } from '../../../records';

/** The words of the button that moves a problem from `from` to `to`. */
export function problemTransitionLabel(
  from: ProblemStatus,
  to: ProblemStatus,
): string {
  switch (to) {
    case 'new':
      return 'Accept';
    case 'investigating':
      return from === 'new' ? 'Start investigation' : 'Re-open analysis';
    case 'known_error':
      return 'Record as known error';
    case 'resolved':
      return 'Resolve';
    case 'closed':
      return 'Close';
    case 'cancelled':
      return from === 'candidate' ? 'Dismiss' : 'Cancel problem';
    default:
      return `Move to ${to}`;
  }
}

/** What a move's dialog asks for. */
export type ProblemTransitionField =
  | 'cancelReason'
  | 'owner'
  | 'rootCause'
  | 'workaround'
  | 'closureCode'
  | 'comment';

/**
 * What each move asks for (the rules of `planProblemTransition`): a reason to dismiss or
 * cancel; an owner to start investigating; root cause and workaround for a known error; the
 * closure code (and for `fixed` the root cause) to resolve; why, to re-open the analysis.
 */
export function problemTransitionFields(
  from: ProblemStatus,
  to: ProblemStatus,
): ProblemTransitionField[] {
  switch (to) {
    case 'cancelled':
      return ['cancelReason'];
    case 'investigating':
      return from === 'new' ? ['owner'] : ['comment'];
    case 'known_error':
      return ['rootCause', 'workaround'];
    case 'resolved':
      return ['closureCode', 'rootCause', 'comment'];
    default:
      return ['comment'];
  }
}

/** What the move dialog holds. */
export interface ProblemTransitionValues {
  cancelReason: string;
  owner: string | null;
  rootCause: string;
  workaround: string;
  closureCode: ProblemClosureCode | '';
  comment: string;
}

/** Starts from what the problem already holds. */
export function initialProblemTransitionValues(
  problem: Problem,
): ProblemTransitionValues {
  return {
    cancelReason: '',
    owner: problem.owner,
    rootCause: problem.rootCause ?? '',
    workaround: problem.workaround ?? '',
    closureCode: problem.closureCode ?? '',
    comment: '',
  };
}

/** The transition body: only the fields this move asks for, and only when filled in. */
export function toProblemTransitionRequest(
  from: ProblemStatus,
  to: ProblemStatus,
  values: ProblemTransitionValues,
): ProblemTransitionRequest {
  const fields = problemTransitionFields(from, to);
  const request: ProblemTransitionRequest = { to };
  const text = (value: string | null) => value?.trim() ?? '';
  if (fields.includes('cancelReason') && text(values.cancelReason)) {
    request.cancelReason = text(values.cancelReason);
  }
  if (fields.includes('owner') && text(values.owner)) {
    request.owner = text(values.owner);
  }
  if (fields.includes('rootCause') && text(values.rootCause)) {
    request.rootCause = values.rootCause;
  }
  if (fields.includes('workaround') && text(values.workaround)) {
    request.workaround = values.workaround;
  }
  if (fields.includes('closureCode') && values.closureCode) {
    request.closureCode = values.closureCode;
  }
  if (fields.includes('comment') && text(values.comment)) {
    request.comment = text(values.comment);
  }
  return request;
}

/**
 * The problems of a move before it is sent, by form field: the -common rule
 * (`planProblemTransition`, the server's own), whose messages start with the field's name.
 * A 409 (not allowed now) has no field: the server will say so too.
 */
export function problemTransitionErrors(
  problem: Problem,
  to: ProblemStatus,
  values: ProblemTransitionValues,
): Partial<Record<keyof ProblemTransitionValues, string>> {
  const request = toProblemTransitionRequest(problem.status, to, values);
  try {
    planProblemTransition(problem, to, request, {
      now: new Date(),
      observationDays: 0,
    });
  } catch (e) {
    const message = (e as Error).message;
    const field = message.split(/\s/)[0] as keyof ProblemTransitionValues;
    if (field in values) {
      return { [field]: message };
    }
  }
  return {};
}

/**
 * The moves offered on a problem, from the -common lifecycle. Closing a fixed problem is
 * blocked while it is observed.
 */
export function offeredProblemTransitions(
  problem: Problem,
  now: Date = new Date(),
): OfferedMove<ProblemStatus>[] {
  return allowedProblemTransitions(problem.status).map(to => {
    let blockedBecause: string | undefined;
    if (
      to === 'closed' &&
      problem.observationUntil &&
      now.getTime() < Date.parse(problem.observationUntil)
    ) {
      blockedBecause = `Observed until ${new Date(
        problem.observationUntil,
      ).toLocaleString()}: it closes after the observation period`;
    }
    return {
      to,
      label: problemTransitionLabel(problem.status, to),
      blockedBecause,
    };
  });
}

/** Whether the problem takes edits. */
export function isProblemEditable(problem: Problem): boolean {
  return !isProblemLocked(problem.status);
}
