import { InputError } from '@backstage/errors';

/** Which way a KPI should move for an improvement to have worked. @public */
export type ImprovementDirection = 'decrease' | 'increase';

/**
 * What an improvement aims at: a relative change against its baseline (`percent`, e.g. 30 for
 * "30% fewer breaches") or an absolute value to reach (e.g. CSAT 85).
 *
 * @public
 */
export type ImprovementTarget =
  | { kind: 'relative'; percent: number }
  | { kind: 'absolute'; value: number };

/**
 * A KPI measured over one window: its value and the number of events behind it. For a count
 * (incidents, breaches, recurrences) the value is the count; for a rate or mean (MTTR, SLA
 * attainment, availability, CSAT, change failure rate) `n` is how many events it averages.
 *
 * @public
 */
export interface KpiMeasurement {
  value: number | null;
  n: number;
}

/** @public */
export type ImprovementVerdict = 'achieved' | 'not_achieved' | 'inconclusive';

/** The fewest events that make a comparison conclusive, by default. @public */
export const MIN_IMPROVEMENT_EVENTS = 5;

/**
 * Whether an improvement worked: the measurement after implementation against the target,
 * given the baseline frozen at approval.
 *
 * - `inconclusive` when the figures are too thin to tell: for a count, fewer than `minEvents`
 *   events in both windows together (3 breaches before and 0 after proves little); for a rate,
 *   fewer than `minEvents` events in either window, or a value missing.
 * - Otherwise the goal is `baseline × (1 ∓ percent/100)` for a relative target (− for
 *   `decrease`), or the absolute value; `achieved` when the measured value is at or beyond the
 *   goal in the target's direction, else `not_achieved`.
 *
 * A negative percent, or a non-finite number, throws an `InputError` naming the field.
 *
 * @public
 */
export function improvementVerdict(input: {
  kind: 'count' | 'rate';
  direction: ImprovementDirection;
  target: ImprovementTarget;
  baseline: KpiMeasurement;
  measured: KpiMeasurement;
  minEvents?: number;
}): { verdict: ImprovementVerdict; goal: number | null } {
  const { kind, direction, target, baseline, measured } = input;
  const min = input.minEvents ?? MIN_IMPROVEMENT_EVENTS;
  if (target.kind === 'relative') {
    if (!Number.isFinite(target.percent) || target.percent < 0) {
      throw new InputError('target.percent must be a number of 0 or more');
    }
  } else if (!Number.isFinite(target.value)) {
    throw new InputError('target.value must be a number');
  }
  const goal = goalOf(direction, target, baseline.value);
  const thin =
    kind === 'count'
      ? baseline.n + measured.n < min
      : baseline.n < min || measured.n < min;
  if (thin || goal === null || measured.value === null) {
    return { verdict: 'inconclusive', goal };
  }
  const reached =
    direction === 'decrease' ? measured.value <= goal : measured.value >= goal;
  return { verdict: reached ? 'achieved' : 'not_achieved', goal };
}

function goalOf(
  direction: ImprovementDirection,
  target: ImprovementTarget,
  baseline: number | null,
): number | null {
  if (target.kind === 'absolute') return target.value;
  if (baseline === null) return null;
  const factor =
    direction === 'decrease'
      ? 1 - target.percent / 100
      : 1 + target.percent / 100;
  // Rounded to 6 decimals: 3 × 0.7 is 2.1, not 2.0999999999999996 (which 2.1 would miss).
  return Math.round(baseline * factor * 1e6) / 1e6;
}
