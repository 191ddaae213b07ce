import type { ProblemEffectiveness } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The windows in which a resolved problem's effectiveness is measured: the same length before
 * and after the resolution. The length is the span from the problem's first linked or matching
 * incident to the resolution, at least `minDays` and at most `maxDays` whole days.
 *
 * @public
 */
export function effectivenessWindows(input: {
  resolvedAt: Date;
  firstIncidentAt?: Date | null;
  minDays?: number;
  maxDays?: number;
}): { windowDays: number; before: [Date, Date]; after: [Date, Date] } {
  const minDays = input.minDays ?? 14;
  const maxDays = input.maxDays ?? 90;
  const resolved = input.resolvedAt.getTime();
  const span = input.firstIncidentAt
    ? Math.ceil((resolved - input.firstIncidentAt.getTime()) / DAY_MS)
    : minDays;
  const windowDays = Math.min(maxDays, Math.max(minDays, span));
  const length = windowDays * DAY_MS;
  return {
    windowDays,
    before: [new Date(resolved - length), new Date(resolved)],
    after: [new Date(resolved), new Date(resolved + length)],
  };
}

/**
 * Compares the incidents before and after a problem's resolution (DESIGN §3 "Effectiveness").
 * While the after-window is still running, the after count is partial.
 *
 * @public
 */
export function problemEffectiveness(input: {
  windowDays: number;
  before: [Date, Date];
  after: [Date, Date];
  beforeCount: number;
  afterCount: number;
  now: Date;
}): ProblemEffectiveness {
  const { beforeCount, afterCount } = input;
  let verdict: ProblemEffectiveness['verdict'] = 'same';
  if (afterCount < beforeCount) verdict = 'fewer';
  if (afterCount > beforeCount) verdict = 'more';
  return {
    windowDays: input.windowDays,
    before: {
      from: input.before[0].toISOString(),
      to: input.before[1].toISOString(),
      count: beforeCount,
    },
    after: {
      from: input.after[0].toISOString(),
      to: input.after[1].toISOString(),
      count: afterCount,
    },
    partial: input.now.getTime() < input.after[1].getTime(),
    verdict,
    reduction:
      beforeCount === 0 ? null : (beforeCount - afterCount) / beforeCount,
  };
}
