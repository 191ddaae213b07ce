import type { ReviewAction } from '@backstage-itsm/plugin-itsm-common';

/** Due first: by due date, those without one last. */
export function byDueDate(actions: readonly ReviewAction[]): ReviewAction[] {
  const key = (a: ReviewAction) => a.dueDate ?? '9999-12-31';
  return [...actions].sort((a, b) => key(a).localeCompare(key(b)));
}
