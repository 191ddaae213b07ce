import type { ServiceCalendar } from '../calendar/types';
import { compileServiceCalendar, DAY_MS } from '../calendar/types';
import { addBusinessMs } from '../calendar/businessTime';
import { localToInstant } from './localTime';

/** Monday 5 January 2026 as a local day number: a reference week without DST changes. */
const REFERENCE_MONDAY = Date.UTC(2026, 0, 5) / DAY_MS;

const withoutHolidays = new WeakMap<ServiceCalendar, ServiceCalendar>();

/**
 * The longest wall-clock time a target of `ms` service time can take on `calendar`, over every
 * start instant of a reference week (Mon 5 – Sun 11 January 2026, holidays ignored). The worst
 * start is the close of a service range, so only those instants are tried.
 *
 * @public
 */
export function worstCaseWallMs(calendar: ServiceCalendar, ms: number): number {
  let plain = withoutHolidays.get(calendar);
  if (!plain) {
    plain = { ...calendar, holidays: [] };
    withoutHolidays.set(calendar, plain);
  }
  const c = compileServiceCalendar(plain);
  const starts = [localToInstant(c.timezone, REFERENCE_MONDAY * DAY_MS)];
  for (let i = 0; i < 7; i++) {
    const day = REFERENCE_MONDAY + i;
    const jsDay = (i + 1) % 7; // the reference week starts on a Monday
    for (const [, end] of c.ranges[jsDay]) {
      starts.push(localToInstant(c.timezone, day * DAY_MS + end));
    }
  }
  let worst = 0;
  for (const start of starts) {
    const due = addBusinessMs(plain, new Date(start), ms).getTime();
    worst = Math.max(worst, due - start);
  }
  return worst;
}
