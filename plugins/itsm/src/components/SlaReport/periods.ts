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

const utc = (year: number, month: number, day = 1) =>
  new Date(Date.UTC(year, month, day));

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

/** `2026-11-01` of an instant (UTC). */
export function isoDate(iso: string | Date): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/**
 * The period a choice stands for at `now`, in whole UTC days (the report counts in the SLA
 * calendar's zone; the picker's dates are UTC). Custom dates are inclusive `YYYY-MM-DD`; `to`
 * becomes the start of the next day. Undefined for custom dates that are missing or reversed.
 */
export function periodOf(
  choice: PeriodChoice,
  now: Date,
  custom?: { from: string; to: string },
): ReportPeriod | undefined {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  switch (choice) {
    case 'this_month':
      return {
        from: utc(y, m).toISOString(),
        to: utc(y, m + 1).toISOString(),
        label: `${MONTHS[m]} ${y} (month to date)`,
      };
    case 'last_month': {
      const start = utc(y, m - 1);
      return {
        from: start.toISOString(),
        to: utc(y, m).toISOString(),
        label: `${MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()}`,
      };
    }
    case 'last_quarter': {
      const q = Math.floor(m / 3);
      const start = utc(y, (q - 1) * 3);
      return {
        from: start.toISOString(),
        to: utc(y, q * 3).toISOString(),
        label: `Q${
          Math.floor(start.getUTCMonth() / 3) + 1
        } ${start.getUTCFullYear()}`,
      };
    }
    default: {
      const re = /^\d{4}-\d{2}-\d{2}$/;
      if (!custom || !re.test(custom.from) || !re.test(custom.to)) {
        return undefined;
      }
      const from = Date.parse(`${custom.from}T00:00:00Z`);
      const to = Date.parse(`${custom.to}T00:00:00Z`) + 86_400_000;
      if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) {
        return undefined;
      }
      return {
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
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
