import { InputError } from '@backstage/errors';
import { checkTimezone } from '../calendar/types';
import { forEachOffsetStretch, offsetAt } from '../calendar/zones';

/**
 * The instant at which the local wall clock of `timezone` shows `localMs` (ms since 1970-01-01
 * 00:00 local). A wall time skipped by a DST jump maps to the instant of the jump; a repeated
 * one to its first occurrence.
 *
 * @internal
 */
export function localToInstant(timezone: string, localMs: number): number {
  const early = localMs - offsetAt(timezone, localMs - 86_400_000);
  const late = localMs - offsetAt(timezone, localMs + 86_400_000);
  const candidates = [Math.min(early, late), Math.max(early, late)];
  for (const t of candidates) {
    if (t + offsetAt(timezone, t) === localMs) {
      return t;
    }
  }
  // Skipped wall time: the offset changes between the two candidates; take that instant.
  let jump = candidates[1];
  forEachOffsetStretch(timezone, candidates[0], candidates[1], (from, _to) => {
    if (from > candidates[0]) {
      jump = from;
      return true;
    }
    return false;
  });
  return jump;
}

/** Local date fields of instant `t` in `timezone`. @internal */
export function localDateOf(
  timezone: string,
  t: number,
): { year: number; month: number; day: number } {
  const local = new Date(t + offsetAt(timezone, t));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
  };
}

/**
 * The instant a local date (`YYYY-MM-DD`) begins in `timezone`: its first wall-clock instant,
 * e.g. the start of a report period picked as dates in the SLA calendar's zone.
 *
 * @public
 */
export function localDayStart(timezone: string, day: string): Date {
  checkTimezone(timezone, 'timezone');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  const local = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  if (
    !m ||
    !Number.isFinite(local) ||
    new Date(local).toISOString().slice(0, 10) !== day
  ) {
    throw new InputError(
      `day must be a date YYYY-MM-DD, got ${JSON.stringify(day)}`,
    );
  }
  return new Date(localToInstant(timezone, local));
}
