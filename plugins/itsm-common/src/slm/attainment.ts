import { InputError } from '@backstage/errors';
import { DAY_MS } from '../calendar/types';
import { checkTimezone } from '../calendar/types';
import { localDateOf, localToInstant } from './localTime';
import type { ReviewCadence } from './types';

/** How a clock ended; `cancelled` clocks (cancelled incidents) never count. @public */
export type ClockOutcome = 'met' | 'breached' | 'cancelled';

/** One decided clock, e.g. `{ target: 'p1.resolution', outcome: 'met' }`. @public */
export interface DecidedClock {
  /** The target it ran against, as `<priority key>.<clock>`. */
  target: string;
  outcome: ClockOutcome;
  /** When the outcome was decided (stop or breach instant); filtered by the period when given. */
  decidedAt?: Date;
  /** A waived breach stays in the register but counts neither as met nor as breached. */
  waived?: boolean;
}

/** Attainment of one target (or of all, in `overall`). @public */
export interface TargetAttainment {
  target: string;
  met: number;
  breached: number;
  waived: number;
  /** 100 × met / (met + breached); null when nothing was decided. */
  percent: number | null;
}

/** @public */
export interface AttainmentResult {
  targets: TargetAttainment[];
  overall: TargetAttainment;
}

function tally(target: string): TargetAttainment {
  return { target, met: 0, breached: 0, waived: 0, percent: null };
}

/**
 * Attainment per target from the clocks decided in `[from, to)` (all given clocks when no period
 * is given): a clock counts in the period its outcome is decided; cancelled ones are left out,
 * waived breaches are counted apart. Targets are listed in order of first appearance.
 *
 * @public
 */
export function attainment(input: {
  clocks: readonly DecidedClock[];
  from?: Date;
  to?: Date;
}): AttainmentResult {
  const from = input.from?.getTime() ?? -Infinity;
  const to = input.to?.getTime() ?? Infinity;
  const byTarget = new Map<string, TargetAttainment>();
  const overall = tally('overall');
  input.clocks.forEach((clock, i) => {
    if (clock.outcome === 'cancelled') {
      return;
    }
    if (clock.outcome !== 'met' && clock.outcome !== 'breached') {
      throw new InputError(
        `clocks[${i}].outcome must be met, breached or cancelled, got ${JSON.stringify(
          clock.outcome,
        )}`,
      );
    }
    if (input.from || input.to) {
      const at = clock.decidedAt?.getTime();
      if (at === undefined || !Number.isFinite(at)) {
        throw new InputError(
          `clocks[${i}].decidedAt must be a valid Date when a period is given`,
        );
      }
      if (at < from || at >= to) {
        return;
      }
    }
    let t = byTarget.get(clock.target);
    if (!t) {
      t = tally(clock.target);
      byTarget.set(clock.target, t);
    }
    for (const counter of [t, overall]) {
      if (clock.outcome === 'met') {
        counter.met += 1;
      } else if (clock.waived) {
        counter.waived += 1;
      } else {
        counter.breached += 1;
      }
    }
  });
  const finish = (t: TargetAttainment) => {
    const decided = t.met + t.breached;
    t.percent = decided === 0 ? null : (100 * t.met) / decided;
    return t;
  };
  return {
    targets: [...byTarget.values()].map(finish),
    overall: finish(overall),
  };
}

/** Period lengths `periodsOf` can cut. @public */
export type PeriodUnit = 'month' | 'quarter' | 'year';

/** One reporting period, `[from, to)`, labelled `2026-03`, `2026-Q1` or `2026`. @public */
export interface Period {
  label: string;
  from: Date;
  to: Date;
}

const MONTHS_IN: Record<PeriodUnit, number> = {
  month: 1,
  quarter: 3,
  year: 12,
};

/** The most periods `periodsOf` returns, so a report cannot be asked for a century of months. @public */
export const MAX_PERIODS = 240;

function localMidnight(timezone: string, year: number, month: number): number {
  return localToInstant(timezone, Date.UTC(year, month - 1, 1));
}

/**
 * The calendar months (quarters, years) in `timezone` that overlap `[from, to)`, each clipped to
 * it, oldest first; for trends over the last periods. At most `MAX_PERIODS`.
 *
 * @public
 */
export function periodsOf(
  from: Date,
  to: Date,
  unit: PeriodUnit,
  timezone: string,
): Period[] {
  const a = from?.getTime();
  const b = to?.getTime();
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new InputError('from and to must be valid Dates');
  }
  if (!(unit in MONTHS_IN)) {
    throw new InputError(
      `unit must be month, quarter or year, got ${JSON.stringify(unit)}`,
    );
  }
  checkTimezone(timezone, 'timezone');
  const step = MONTHS_IN[unit];
  const periods: Period[] = [];
  const start = localDateOf(timezone, a);
  let year = start.year;
  let month = start.month - ((start.month - 1) % step);
  for (
    let pFrom = localMidnight(timezone, year, month);
    pFrom < b;
    pFrom = localMidnight(timezone, year, month)
  ) {
    const nextMonth = month + step;
    const nYear = year + Math.floor((nextMonth - 1) / 12);
    const nMonth = ((nextMonth - 1) % 12) + 1;
    const pTo = localMidnight(timezone, nYear, nMonth);
    if (periods.length >= MAX_PERIODS) {
      throw new InputError(
        `the range from ${from.toISOString()} to ${to.toISOString()} spans more than ${MAX_PERIODS} periods`,
      );
    }
    let label = String(year);
    if (unit === 'month') {
      label += `-${String(month).padStart(2, '0')}`;
    } else if (unit === 'quarter') {
      label += `-Q${(month - 1) / 3 + 1}`;
    }
    periods.push({
      label,
      from: new Date(Math.max(pFrom, a)),
      to: new Date(Math.min(pTo, b)),
    });
    year = nYear;
    month = nMonth;
  }
  return periods.filter(p => p.from < p.to);
}

const CADENCE_MONTHS: Record<ReviewCadence, number> = {
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
};

/**
 * When the agreement is next due for review: its cadence after the last review, or after
 * `effectiveFrom` before the first one. Months are added on the UTC calendar, and a day that
 * does not exist in the target month falls back to its last day (31 Jan + 1 month = 28/29 Feb).
 *
 * @public
 */
export function nextReviewDate(agreement: {
  reviewCadence: ReviewCadence;
  lastReviewedAt?: string | null;
  effectiveFrom: string;
}): Date {
  const months = CADENCE_MONTHS[agreement.reviewCadence];
  if (!months) {
    throw new InputError(
      `reviewCadence must be one of ${Object.keys(CADENCE_MONTHS).join(
        ', ',
      )}, got ${JSON.stringify(agreement.reviewCadence)}`,
    );
  }
  const field = agreement.lastReviewedAt ? 'lastReviewedAt' : 'effectiveFrom';
  const base = Date.parse(
    agreement.lastReviewedAt
      ? agreement.lastReviewedAt
      : agreement.effectiveFrom,
  );
  if (!Number.isFinite(base)) {
    throw new InputError(`${field} must be an ISO-8601 timestamp`);
  }
  const d = new Date(base);
  const targetMonth = d.getUTCMonth() + months;
  const lastDay = new Date(
    Date.UTC(d.getUTCFullYear(), targetMonth + 1, 0),
  ).getUTCDate();
  const timeOfDay = base - Math.floor(base / DAY_MS) * DAY_MS;
  return new Date(
    Date.UTC(
      d.getUTCFullYear(),
      targetMonth,
      Math.min(d.getUTCDate(), lastDay),
    ) + timeOfDay,
  );
}
