import {
  Period,
  localDayStart,
  periodsOf,
} from '@backstage-itsm/plugin-itsm-common';

/** A report period `[from, to)` as ISO-8601 instants, with its name. */
export interface ReportPeriod {
  from: string;
  to: string;
  label: string;
}

export type PeriodChoice =
  | 'this_month'
  | 'last_month'
  | 'last_quarter'
  | 'custom';

export const PERIOD_LABELS: Record<PeriodChoice, string> = {
  this_month: 'This month',
  last_month: 'Last month',
  last_quarter: 'Last quarter',
  custom: 'Custom dates',
};

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

const DAY = 86_400_000;

/** `2026-11-01` of an instant (UTC). */
export function isoDate(iso: string | Date): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/** `Nov 2026` from `2026-11`, `Q3 2026` from `2026-Q3`. */
function labelOf(period: Period): string {
  const [year, part] = period.label.split('-');
  return part.startsWith('Q')
    ? `${part} ${year}`
    : `${MONTHS[Number(part) - 1]} ${year}`;
}

/** The whole calendar month (quarter) of `timezone` holding `at`, and the one before it. */
function currentAndPrevious(
  at: Date,
  unit: 'month' | 'quarter',
  timezone: string,
): [Period, Period] {
  // Wide enough that the two periods are never clipped by the range's ends.
  const periods = periodsOf(
    new Date(at.getTime() - 200 * DAY),
    new Date(at.getTime() + 100 * DAY),
    unit,
    timezone,
  );
  const i = periods.findIndex(p => p.from <= at && at < p.to);
  return [periods[i], periods[i - 1]];
}

const toPeriod = (p: Period, label: string): ReportPeriod => ({
  from: p.from.toISOString(),
  to: p.to.toISOString(),
  label,
});

/**
 * The period a choice stands for at `now`, in calendar months, quarters and days of `timezone`
 * (the SLA calendar's, so the figures match the health card and the trend; UTC by default).
 * Custom dates are inclusive `YYYY-MM-DD`; `to` becomes the start of the next day. Undefined
 * for custom dates that are missing or reversed.
 */
export function periodOf(
  choice: PeriodChoice,
  now: Date,
  custom?: { from: string; to: string },
  timezone = 'UTC',
): ReportPeriod | undefined {
  switch (choice) {
    case 'this_month': {
      const [month] = currentAndPrevious(now, 'month', timezone);
      return toPeriod(month, `${labelOf(month)} (month to date)`);
    }
    case 'last_month': {
      const [, month] = currentAndPrevious(now, 'month', timezone);
      return toPeriod(month, labelOf(month));
    }
    case 'last_quarter': {
      const [, quarter] = currentAndPrevious(now, 'quarter', timezone);
      return toPeriod(quarter, labelOf(quarter));
    }
    default: {
      const re = /^\d{4}-\d{2}-\d{2}$/;
      if (!custom || !re.test(custom.from) || !re.test(custom.to)) {
        return undefined;
      }
      let from: Date;
      let to: Date;
      try {
        from = localDayStart(timezone, custom.from);
        to = localDayStart(
          timezone,
          isoDate(new Date(Date.parse(`${custom.to}T00:00:00Z`) + DAY)),
        );
      } catch {
        return undefined;
      }
      if (to <= from) {
        return undefined;
      }
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        label: `${custom.from} – ${custom.to}`,
      };
    }
  }
}

/** `99.42%`, `100%`; `–` when there is nothing to measure. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '–';
  }
  return `${Number(value.toFixed(2))}%`;
}
