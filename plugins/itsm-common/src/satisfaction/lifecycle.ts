import { ConflictError, InputError } from '@backstage/errors';
import { LifecycleTable, defineLifecycle } from '../records/lifecycle';
import type { Survey, SurveyStatus } from './types';

/** Campaign moves: a draft opens or is closed unopened; an open campaign closes. @public */
export const SURVEY_TRANSITIONS: Readonly<
  Record<SurveyStatus, readonly SurveyStatus[]>
> = {
  draft: ['open', 'closed'],
  open: ['closed'],
  closed: [],
};

/** The campaign lifecycle as a table; `closed` is final. @public */
export const SURVEY_LIFECYCLE: LifecycleTable<SurveyStatus> = defineLifecycle(
  SURVEY_TRANSITIONS,
  ['closed'],
);

/** The fields a campaign move writes. @public */
export type SurveyTransitionChanges = Partial<
  Pick<Survey, 'status' | 'closesAt' | 'openedAt' | 'closedAt'>
>;

/**
 * Plans a move of a campaign: 409 when the lifecycle forbids it, 400 when opening without a
 * `closesAt` in the future (from the request or the draft).
 *
 * @public
 */
export function planSurveyTransition(
  survey: Pick<Survey, 'status' | 'closesAt'>,
  to: SurveyStatus,
  fields: { closesAt?: string | null },
  options: { now: Date },
): SurveyTransitionChanges {
  SURVEY_LIFECYCLE.check(survey.status, to, 'survey');
  const now = options.now.toISOString();
  if (to === 'open') {
    const closesAt = fields.closesAt ?? survey.closesAt;
    if (!closesAt) {
      throw new InputError('closesAt is required to open a survey');
    }
    const at = new Date(closesAt);
    if (!(at.getTime() > options.now.getTime())) {
      throw new InputError('closesAt must be in the future');
    }
    return {
      status: 'open',
      openedAt: now,
      ...(at.toISOString() !== survey.closesAt
        ? { closesAt: at.toISOString() }
        : {}),
    };
  }
  if (fields.closesAt !== undefined) {
    throw new InputError('closesAt is only accepted when opening a survey');
  }
  return { status: 'closed', closedAt: now };
}

/**
 * Which fields of a campaign may change in its status: a draft's all, an open campaign's
 * `closesAt` only (to a time in the future), a closed one's none (409).
 *
 * @public
 */
export function checkSurveyPatch(
  survey: Pick<Survey, 'status'>,
  fields: readonly string[],
  options: { closesAt?: string | null; now: Date },
): void {
  if (survey.status === 'closed') {
    throw new ConflictError('The survey is closed and cannot change');
  }
  if (survey.status === 'open') {
    const other = fields.find(f => f !== 'closesAt');
    if (other) {
      throw new ConflictError(
        `The survey is open; only closesAt may change, not ${other}`,
      );
    }
    if (options.closesAt === null) {
      throw new InputError('closesAt: an open survey needs one');
    }
  }
  if (
    options.closesAt &&
    !(new Date(options.closesAt).getTime() > options.now.getTime())
  ) {
    throw new InputError('closesAt must be in the future');
  }
}
