import {
  WEEKDAYS,
  type CalendarRecord,
  type ServiceCalendar,
  type Weekday,
} from '@backstage-itsm/plugin-itsm-common';

const DAY_LABELS: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** The calendar `validateSla` checks against: hours, zone and all its holidays. */
export function toServiceCalendar(record: CalendarRecord): ServiceCalendar {
  return {
    id: record.id,
    timezone: record.timezone,
    hours: record.hours,
    holidays: [...record.configuredHolidays, ...record.holidays],
  };
}

/** Calendars by id, for `validateSla`. */
export function calendarLookup(
  records: readonly CalendarRecord[],
): Map<string, ServiceCalendar> {
  return new Map(records.map(r => [r.id, toServiceCalendar(r)]));
}

/**
 * The weekly hours in a line: `Mon–Fri 08:00–18:00 (Europe/Berlin), 2 holidays`; days with the
 * same hours in a row are grouped, `24:00` ends read as such.
 */
export function summarizeHours(record: CalendarRecord): string {
  const key = (day: Weekday) =>
    (record.hours[day] ?? []).map(([a, b]) => `${a}–${b}`).join(', ');
  const groups: Array<{ first: Weekday; last: Weekday; hours: string }> = [];
  for (const day of WEEKDAYS) {
    const hours = key(day);
    const previous = groups[groups.length - 1];
    if (previous && previous.hours === hours) {
      previous.last = day;
    } else {
      groups.push({ first: day, last: day, hours });
    }
  }
  const parts = groups
    .filter(g => g.hours)
    .map(g => {
      const days =
        g.first === g.last
          ? DAY_LABELS[g.first]
          : `${DAY_LABELS[g.first]}–${DAY_LABELS[g.last]}`;
      return g.hours === '00:00–24:00'
        ? `${days} all day`
        : `${days} ${g.hours}`;
    });
  const holidays = record.configuredHolidays.length + record.holidays.length;
  const text = parts.length ? parts.join('; ') : 'no service hours';
  return `${text} (${record.timezone})${
    holidays ? `, ${holidays} holiday${holidays === 1 ? '' : 's'}` : ''
  }`;
}
