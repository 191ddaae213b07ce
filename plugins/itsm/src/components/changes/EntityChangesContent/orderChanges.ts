import {
  CHANGE_STATUSES,
  type Change,
  type ChangeStatus,
} from '@backstage-itsm/plugin-itsm-common';

/** Statuses after which a change is done with, one way or the other. */
export const FINISHED_CHANGE_STATUSES: readonly ChangeStatus[] = [
  'closed',
  'cancelled',
  'rejected',
];

/** Statuses of changes still on their way. */
export const OPEN_CHANGE_STATUSES: readonly ChangeStatus[] =
  CHANGE_STATUSES.filter(status => !FINISHED_CHANGE_STATUSES.includes(status));

const time = (iso: string | null) =>
  iso ? Date.parse(iso) : Number.POSITIVE_INFINITY;

/**
 * The entity tab's order: open changes by planned start, soonest first (unplanned drafts
 * last), then finished ones, most recently finished first.
 */
export function orderForEntity(
  open: readonly Change[],
  finished: readonly Change[],
): Change[] {
  const upcoming = [...open].sort(
    (a, b) =>
      time(a.plannedStart) - time(b.plannedStart) ||
      a.createdAt.localeCompare(b.createdAt),
  );
  const recent = [...finished].sort((a, b) =>
    (b.actualEnd ?? b.updatedAt).localeCompare(a.actualEnd ?? a.updatedAt),
  );
  return [...upcoming, ...recent];
}
