/*
 * The change calendar's grid, by hand: days in the browser's time zone, weeks from Monday.
 */

export type CalendarView = 'month' | 'week';

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-05-04` for the local day of `date`. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}`;
}

/** The local midnight of a `YYYY-MM-DD` day, or `undefined` when it is not one. */
export function parseDay(text: string | null | undefined): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!match) return undefined;
  const date = new Date(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
  );
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function addDays(date: Date, days: number): Date {
  // Calendar arithmetic, not 24h steps: DST days stay whole days.
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** The Monday starting the week of `date`. */
export function startOfWeek(date: Date): Date {
  return addDays(date, -((date.getDay() + 6) % 7));
}

/**
 * The days the view shows around `anchor`: whole weeks covering its month, or its week.
 * Grouped by week, Monday first.
 */
export function visibleWeeks(view: CalendarView, anchor: Date): Date[][] {
  let first = startOfWeek(anchor);
  let weeks = 1;
  if (view === 'month') {
    const firstOfMonth = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
    const lastOfMonth = new Date(
      anchor.getFullYear(),
      anchor.getMonth() + 1,
      0,
    );
    first = startOfWeek(firstOfMonth);
    const days =
      Math.round((lastOfMonth.getTime() - first.getTime()) / DAY_MS) + 1;
    weeks = Math.ceil(days / 7);
  }
  return Array.from({ length: weeks }, (_, w) =>
    Array.from({ length: 7 }, (__, d) => addDays(first, w * 7 + d)),
  );
}

/** The instants bounding the shown days, for `GET /change-calendar`. */
export function rangeOf(weeks: Date[][]): { from: string; to: string } {
  const last = weeks[weeks.length - 1][6];
  return {
    from: weeks[0][0].toISOString(),
    to: addDays(last, 1).toISOString(),
  };
}

/** Whether the window `[start, end)` touches the local day `day`. */
export function overlapsDay(start: string, end: string, day: Date): boolean {
  const dayStart = day.getTime();
  const dayEnd = addDays(day, 1).getTime();
  return Date.parse(start) < dayEnd && Date.parse(end) > dayStart;
}

/** The anchor one view earlier (`-1`) or later (`1`). */
export function shiftAnchor(
  view: CalendarView,
  anchor: Date,
  step: -1 | 1,
): Date {
  return view === 'month'
    ? new Date(anchor.getFullYear(), anchor.getMonth() + step, 1)
    : addDays(anchor, 7 * step);
}

/** `May 2026`, or `Week of 4 May 2026`. */
export function viewTitle(view: CalendarView, anchor: Date): string {
  if (view === 'month') {
    return anchor.toLocaleDateString(undefined, {
      month: 'long',
      year: 'numeric',
    });
  }
  return `Week of ${startOfWeek(anchor).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })}`;
}
