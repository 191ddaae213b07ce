import {
  OPEN_REVIEW_ACTION_STATUSES,
  ReviewAction,
  isReviewActionOverdue,
} from '@backstage-itsm/plugin-itsm-common';
import {
  PROPOSED_BY,
  RuleContext,
  RuleResult,
  paragraphs,
  shortRef,
  sourceKey,
} from './suggestion';

const DAY_MS = 86_400_000;
const PAGE = 200;

/**
 * Overdue review actions: each action agreed at a service review that is open or in progress
 * after its due date (as the reviews page flags it), escalated to the register with its owner
 * as the item's owner. Key `review-action|REV-n/A-m|due-<YYYY-MM-DD>`: once per action and due
 * date, as its reminder (an action given a new date that runs late again is proposed again).
 * No KPI: the action itself is the measure.
 */
export async function reviewActionSuggestions(
  rule: RuleContext,
): Promise<RuleResult> {
  const { services, ctx, now } = rule;
  const actions: ReviewAction[] = [];
  let cursor: string | undefined;
  do {
    const page = await services.reviewActions.list(
      {
        status: [...OPEN_REVIEW_ACTION_STATUSES],
        limit: PAGE,
        cursor,
        order: 'asc',
      },
      ctx,
    );
    actions.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  const result: RuleResult = { considered: actions.length, suggestions: [] };
  for (const action of actions) {
    if (!isReviewActionOverdue(action, now) || action.dueDate === null) {
      continue;
    }
    const late = Math.floor(
      (now.getTime() - Date.parse(`${action.dueDate}T00:00:00Z`)) / DAY_MS,
    );
    result.suggestions.push({
      sourceKey: sourceKey('review-action', action.id, `due-${action.dueDate}`),
      input: {
        kind: 'improvement',
        type: 'process',
        title: `Overdue review action ${action.id}: ${action.title}`,
        description: paragraphs(
          `The action ${action.id}, agreed at the service review ${
            action.reviewId
          } of ${shortRef(action.entityRef)} and owned by ${
            action.owner
          }, was due on ${action.dueDate} and is ${action.status.replace(
            '_',
            ' ',
          )} ${late} day${late === 1 ? '' : 's'} later.`,
          action.note &&
            `Latest note:\n\n> ${action.note.split('\n').join('\n> ')}`,
          PROPOSED_BY,
        ),
        source: 'service_review',
        sourceId: action.id,
        entityRefs: [action.entityRef],
        owner: action.owner,
        benefit: 3,
        effort: 2,
        urgency: late >= 30 ? 5 : 4,
        kpi: null,
      },
    });
  }
  return result;
}
