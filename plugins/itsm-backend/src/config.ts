import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  ALWAYS_ON,
  DEFAULT_PRIORITY_MATRIX,
  Priority,
  ServiceCalendar,
  WEEKDAYS,
  validatePriorityMatrix,
  validateServiceCalendar,
} from '@backstage-itsm/plugin-itsm-common';

/** The SLA clocks every incident has. */
export const CLOCK_NAMES = ['response', 'resolution'] as const;

/** @internal */
export type ClockName = (typeof CLOCK_NAMES)[number];

/** A configured target; without `calendarId` it counts in the service's hours. */
export interface ClockTarget {
  targetMs: number;
  calendarId?: string;
}

/** The validated `itsm` configuration. */
export interface ItsmConfig {
  /** All calendars by id, `24x7` included. */
  calendars: ReadonlyMap<string, ServiceCalendar>;
  incidents: {
    priorityMatrix: number[][];
    defaultCalendarId: string;
    targets: Record<Priority, Record<ClockName, ClockTarget>>;
    autoCloseDays: number;
    escalationThresholds: number[];
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * ITSM-typical targets in service time. P1 counts around the clock; the others
 * count in the service's hours (P3 resolution: 3 days of 8 service hours).
 */
export const DEFAULT_INCIDENT_TARGETS: Record<
  Priority,
  Record<ClockName, ClockTarget>
> = {
  1: {
    response: { targetMs: 15 * MINUTE, calendarId: ALWAYS_ON.id },
    resolution: { targetMs: 4 * HOUR, calendarId: ALWAYS_ON.id },
  },
  2: {
    response: { targetMs: 30 * MINUTE },
    resolution: { targetMs: 8 * HOUR },
  },
  3: { response: { targetMs: 4 * HOUR }, resolution: { targetMs: 24 * HOUR } },
  4: { response: { targetMs: 8 * HOUR }, resolution: { targetMs: 40 * HOUR } },
  5: { response: { targetMs: 16 * HOUR }, resolution: { targetMs: 80 * HOUR } },
};

const PRIORITIES: Priority[] = [1, 2, 3, 4, 5];

function fail(key: string, message: string): never {
  throw new InputError(`Invalid configuration at '${key}': ${message}`);
}

function durationMs(config: Config, key: string, fullKey: string): number {
  let duration;
  try {
    duration = readDurationFromConfig(config, { key });
  } catch (error) {
    return fail(fullKey, String((error as Error).message));
  }
  if (duration.years || duration.months) {
    fail(fullKey, 'months and years are not allowed; use weeks or days');
  }
  const ms =
    (duration.weeks ?? 0) * 7 * 24 * HOUR +
    (duration.days ?? 0) * 24 * HOUR +
    (duration.hours ?? 0) * HOUR +
    (duration.minutes ?? 0) * MINUTE +
    (duration.seconds ?? 0) * 1000 +
    (duration.milliseconds ?? 0);
  if (!Number.isFinite(ms) || ms <= 0) {
    fail(fullKey, 'the duration must be greater than zero');
  }
  return ms;
}

function readCalendars(
  config: Config,
  extra: ServiceCalendar[],
): Map<string, ServiceCalendar> {
  const calendars = new Map<string, ServiceCalendar>([
    [ALWAYS_ON.id, ALWAYS_ON],
  ]);
  const add = (calendar: ServiceCalendar, where: string) => {
    if (calendars.has(calendar.id)) {
      fail(where, `calendar '${calendar.id}' is defined more than once`);
    }
    try {
      validateServiceCalendar(calendar);
    } catch (error) {
      fail(where, String((error as Error).message));
    }
    calendars.set(calendar.id, calendar);
  };

  const section = config.getOptionalConfig('itsm.calendars');
  for (const id of section?.keys() ?? []) {
    const cal = section!.getConfig(id);
    const hours: ServiceCalendar['hours'] = {};
    for (const day of WEEKDAYS) {
      const ranges = cal.getOptional(`hours.${day}`);
      if (ranges !== undefined) {
        hours[day] = ranges as Array<[string, string]>;
      }
    }
    const unknownDays = (cal.getOptionalConfig('hours')?.keys() ?? []).filter(
      day => !(WEEKDAYS as string[]).includes(day),
    );
    if (unknownDays.length) {
      fail(
        `itsm.calendars.${id}.hours`,
        `unknown weekday '${unknownDays[0]}'; use one of ${WEEKDAYS.join(
          ', ',
        )}`,
      );
    }
    add(
      {
        id,
        timezone: cal.getString('timezone'),
        hours,
        holidays: cal.getOptionalStringArray('holidays'),
      },
      `itsm.calendars.${id}`,
    );
  }
  for (const calendar of extra) {
    add(calendar, `itsmCalendarsExtensionPoint (calendar '${calendar.id}')`);
  }
  return calendars;
}

function readTargets(
  config: Config,
  calendars: ReadonlyMap<string, ServiceCalendar>,
): Record<Priority, Record<ClockName, ClockTarget>> {
  const targets = {} as Record<Priority, Record<ClockName, ClockTarget>>;
  for (const priority of PRIORITIES) {
    targets[priority] = { ...DEFAULT_INCIDENT_TARGETS[priority] };
    for (const clock of CLOCK_NAMES) {
      const key = `itsm.incidents.targets.p${priority}.${clock}`;
      const section = config.getOptionalConfig(key);
      if (!section) {
        continue;
      }
      const calendarId = section.getOptionalString('calendar');
      if (calendarId !== undefined && !calendars.has(calendarId)) {
        fail(`${key}.calendar`, `unknown calendar '${calendarId}'`);
      }
      targets[priority][clock] = {
        targetMs: durationMs(section, 'duration', `${key}.duration`),
        // A configured target without a calendar counts in the service's hours.
        calendarId,
      };
    }
  }
  return targets;
}

/**
 * Reads and validates the `itsm` configuration, merging calendars contributed
 * by modules; throws an error naming the offending key.
 */
export function readItsmConfig(
  config: Config,
  options: { extraCalendars?: ServiceCalendar[] } = {},
): ItsmConfig {
  const calendars = readCalendars(config, options.extraCalendars ?? []);

  const matrix = (config.getOptional('itsm.incidents.priorityMatrix') ??
    DEFAULT_PRIORITY_MATRIX) as number[][];
  try {
    validatePriorityMatrix(matrix, 'itsm.incidents.priorityMatrix');
  } catch (error) {
    fail('itsm.incidents.priorityMatrix', String((error as Error).message));
  }

  const defaultCalendarId =
    config.getOptionalString('itsm.incidents.defaultCalendar') ?? ALWAYS_ON.id;
  if (!calendars.has(defaultCalendarId)) {
    fail(
      'itsm.incidents.defaultCalendar',
      `unknown calendar '${defaultCalendarId}'`,
    );
  }

  const autoCloseDays =
    config.getOptionalNumber('itsm.incidents.autoCloseDays') ?? 5;
  if (!Number.isInteger(autoCloseDays) || autoCloseDays < 1) {
    fail('itsm.incidents.autoCloseDays', 'must be a whole number of days ≥ 1');
  }

  const escalationThresholds = config.getOptional(
    'itsm.incidents.escalationThresholds',
  ) ?? [50, 75, 100];
  if (
    !Array.isArray(escalationThresholds) ||
    escalationThresholds.length === 0 ||
    escalationThresholds.some(
      (t, i) =>
        typeof t !== 'number' ||
        !(t > 0) ||
        (i > 0 && t <= (escalationThresholds[i - 1] as number)),
    )
  ) {
    fail(
      'itsm.incidents.escalationThresholds',
      'must be a non-empty, strictly increasing list of percentages > 0',
    );
  }

  return {
    calendars,
    incidents: {
      priorityMatrix: matrix,
      defaultCalendarId,
      targets: readTargets(config, calendars),
      autoCloseDays,
      escalationThresholds: escalationThresholds as number[],
    },
  };
}
