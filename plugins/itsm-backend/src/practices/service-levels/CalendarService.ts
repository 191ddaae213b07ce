import { RequestContext, WriteContext, actorOf } from '../../records/context';
import { requireBasic } from '../../records/access';
import {
  BackstageCredentials,
  PermissionsService,
  isDatabaseConflictError,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  CalendarPatchRequest,
  CalendarRecord,
  HistoryEvent,
  Page,
  PreconditionFailedError,
  PreconditionRequiredError,
  ServiceCalendar,
  WEEKDAYS,
  calendarCreateSchema,
  calendarPatchSchema,
  calendarManagePermission,
  slaReadPermission,
  validateServiceCalendar,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import type { CalendarStore } from './CalendarStore';
import { parseInput } from '../../records/validation';
import { CalendarEntry, CalendarRegistry } from './CalendarRegistry';

/** A validated `POST /calendars` body. */
export type CalendarCreateInput = z.output<typeof calendarCreateSchema>;

/** `"0"` is a valid version here: a config calendar nothing was stored for yet. */
const IF_MATCH = /^"(0|[1-9]\d{0,14})"$/;

const sortedUnique = (dates: Iterable<string>) => [...new Set(dates)].sort();

/** Equal values of `title`, `timezone` or `hours` (weekdays in any order, empty days absent). */
function sameValue(
  field: 'title' | 'timezone' | 'hours',
  a: unknown,
  b: unknown,
) {
  if (field !== 'hours') {
    return a === b;
  }
  const normal = (hours: unknown) =>
    JSON.stringify(
      WEEKDAYS.map(day => {
        const ranges = (hours as ServiceCalendar['hours'])?.[day];
        return ranges?.length ? ranges : null;
      }),
    );
  return normal(a) === normal(b);
}

const sameDates = (a: string[], b: string[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/** Today's local date `YYYY-MM-DD` in `timezone`. */
export function localDateIn(timezone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find(p => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * `validateServiceCalendar` with the field named as in the request body (`timezone`,
 * `hours.mon[0][1]`, `holidays[2]`) rather than `calendar.…`.
 */
function validateCalendar(calendar: ServiceCalendar): void {
  try {
    validateServiceCalendar(calendar);
  } catch (error) {
    if ((error as Error)?.name === 'InputError') {
      throw new InputError((error as Error).message.replace(/^calendar\./, ''));
    }
    throw error;
  }
}

/** The wire form of a registry entry. */
export function toCalendarRecord(entry: CalendarEntry): CalendarRecord {
  const { calendar, stored } = entry;
  const apiHolidays =
    entry.source === 'builtin' ? [] : sortedUnique(stored?.holidays ?? []);
  return {
    id: entry.id,
    version: stored?.version ?? 0,
    source: entry.source,
    title: stored?.title ?? entry.id,
    timezone: calendar.timezone,
    hours: calendar.hours,
    configuredHolidays: entry.configuredHolidays,
    holidays: apiHolidays,
    createdAt: stored?.createdAt.toISOString() ?? null,
    updatedAt: stored?.updatedAt.toISOString() ?? null,
  };
}

/**
 * Service-hours calendars (`/calendars`): the built-in 24x7, calendars from app-config
 * (whose API-managed holiday list can be edited) and calendars created through the API.
 * Reading needs `itsm.sla.read`, writing `itsm.sla.manage`.
 *
 * Whatever would rewrite the clocks of incidents already counted is refused: the time zone and
 * hours of a calendar are fixed once created, and holidays before today (in the calendar's
 * zone) can be neither added nor removed.
 */
export class CalendarService {
  readonly #store: CalendarStore;
  readonly #registry: CalendarRegistry;
  readonly #permissions: PermissionsService;
  readonly #now: () => Date;

  constructor(options: {
    store: CalendarStore;
    registry: CalendarRegistry;
    permissions: PermissionsService;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#registry = options.registry;
    this.#permissions = options.permissions;
    this.#now = options.now ?? (() => new Date());
  }

  /** Every calendar, by id. */
  async list(ctx: RequestContext): Promise<CalendarRecord[]> {
    await this.#require(slaReadPermission, ctx.credentials);
    await this.#registry.ensureFresh();
    return this.#registry.entries().map(toCalendarRecord);
  }

  async get(id: string, ctx: RequestContext): Promise<CalendarRecord> {
    await this.#require(slaReadPermission, ctx.credentials);
    await this.#registry.ensureFresh();
    return toCalendarRecord(this.#entry(id));
  }

  /** Creates a calendar (source `api`); its id must not be taken by any calendar. */
  async create(
    input: CalendarCreateInput,
    ctx: RequestContext,
  ): Promise<CalendarRecord> {
    await this.#require(calendarManagePermission, ctx.credentials);
    await this.#registry.refresh();
    const taken = this.#registry
      .ids()
      .find(
        id =>
          id.toLocaleLowerCase('en-US') === input.id.toLocaleLowerCase('en-US'),
      );
    if (taken !== undefined) {
      throw new ConflictError(`id: calendar '${taken}' already exists`);
    }
    const holidays = sortedUnique(input.holidays);
    // zod types a tuple as possibly longer; the strict schema allows exactly two.
    const hours = input.hours as ServiceCalendar['hours'];
    validateCalendar({
      id: input.id,
      timezone: input.timezone,
      hours,
      holidays,
    });
    const now = this.#now();
    const actor = actorOf(ctx.credentials);
    const fields = {
      id: input.id,
      title: input.title ?? input.id,
      timezone: input.timezone,
      hours,
      holidays,
    };
    try {
      await this.#store.insertCalendar(
        {
          ...fields,
          source: 'api',
          createdAt: now,
          createdBy: actor,
        },
        {
          at: now,
          actor,
          action: 'created',
          changes: Object.fromEntries(
            Object.entries(fields).map(([k, v]) => [k, [null, v]]),
          ),
        },
      );
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        throw new ConflictError(`id: calendar '${input.id}' already exists`);
      }
      throw error;
    }
    await this.#registry.refresh();
    return toCalendarRecord(this.#entry(input.id));
  }

  /**
   * Edits a calendar under `If-Match` (a config calendar nothing was stored for is at version
   * 0). Config and built-in calendars take only `holidays` (their API-managed list); API
   * calendars take `title` and `holidays`. A no-op writes nothing.
   */
  async patch(
    id: string,
    body: CalendarPatchRequest,
    ctx: WriteContext,
  ): Promise<CalendarRecord> {
    const input = parseInput(calendarPatchSchema, body, 'body');
    const expected = this.#expectedVersion(ctx);
    // Read what other replicas wrote: the checks below compare with the current calendar.
    await this.#registry.refresh();
    const entry = this.#entry(id);
    await this.#require(calendarManagePermission, ctx.credentials);
    const current = toCalendarRecord(entry);
    if (expected !== current.version) {
      throw this.#stale(id, expected);
    }

    if (entry.source === 'builtin') {
      throw new ConflictError(
        `Calendar '${id}' is built in and cannot be changed; create a calendar of your own`,
      );
    }
    if (entry.source === 'config') {
      for (const field of ['title', 'timezone', 'hours'] as const) {
        if (
          input[field] !== undefined &&
          !sameValue(field, input[field], current[field])
        ) {
          throw new ConflictError(
            `${field}: calendar '${id}' is defined in app-config; only its holidays can be changed here`,
          );
        }
      }
    } else {
      for (const field of ['timezone', 'hours'] as const) {
        if (
          input[field] !== undefined &&
          !sameValue(field, input[field], current[field])
        ) {
          const what = field === 'timezone' ? 'time zone' : 'hours';
          throw new ConflictError(
            `${field}: the ${what} of calendar '${id}' cannot change once it is created, since that would rewrite the clocks of past incidents; create a new calendar and point the SLA at it`,
          );
        }
      }
    }

    const changes: { title?: string; holidays?: string[] } = {};
    if (
      entry.source === 'api' &&
      input.title !== undefined &&
      input.title !== current.title
    ) {
      changes.title = input.title;
    }
    if (input.holidays !== undefined) {
      const next = sortedUnique(input.holidays);
      if (!sameDates(next, current.holidays)) {
        validateCalendar({
          ...entry.calendar,
          holidays: sortedUnique([...current.configuredHolidays, ...next]),
        });
        this.#checkPastHolidays(entry, current.holidays, next);
        changes.holidays = next;
      }
    }
    if (Object.keys(changes).length === 0) {
      return current;
    }

    const now = this.#now();
    const event = {
      at: now,
      actor: actorOf(ctx.credentials),
      action: 'updated',
      changes: Object.fromEntries(
        Object.entries(changes).map(([field, value]) => [
          field,
          [current[field as keyof typeof changes], value] as [unknown, unknown],
        ]),
      ),
    };
    if (entry.stored) {
      await this.#store.updateCalendar({
        id,
        expectedVersion: expected,
        changes,
        updatedAt: now,
        event,
      });
    } else {
      // A config calendar's first API edit stores its holiday list.
      try {
        await this.#store.insertCalendar(
          {
            id,
            source: 'config',
            title: null,
            timezone: null,
            hours: null,
            holidays: changes.holidays ?? [],
            createdAt: now,
            createdBy: event.actor,
          },
          event,
        );
      } catch (error) {
        if (isDatabaseConflictError(error)) {
          throw this.#stale(id, expected);
        }
        throw error;
      }
    }
    await this.#registry.refresh();
    return toCalendarRecord(this.#entry(id));
  }

  /** The history of a calendar's API writes, oldest first (empty for one never written). */
  async history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    await this.#require(slaReadPermission, ctx.credentials);
    await this.#registry.ensureFresh();
    this.#entry(id);
    const page = await this.#store.listHistory({ id, ...query });
    return {
      items: page.items.map(e => ({
        version: e.version,
        at: e.at.toISOString(),
        actor: e.actor,
        action: e.action,
        changes: e.changes,
        ...(e.comment === undefined ? {} : { comment: e.comment }),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * Holidays up to today in the calendar's zone have been counted by clocks already (today's
   * service time so far included), so they are neither added nor removed.
   */
  #checkPastHolidays(entry: CalendarEntry, before: string[], after: string[]) {
    const today = localDateIn(entry.calendar.timezone, this.#now());
    const was = new Set(before);
    const is = new Set(after);
    const added = after.find(d => !was.has(d) && d <= today);
    const removed = before.find(d => !is.has(d) && d <= today);
    const date = [added, removed].filter(Boolean).sort()[0];
    if (date) {
      throw new ConflictError(
        `holidays: ${date} is not in the future (today is ${today} in ${
          entry.calendar.timezone
        }) and cannot be ${
          date === added ? 'added' : 'removed'
        }; clocks have already counted it`,
      );
    }
  }

  #entry(id: string): CalendarEntry {
    const entry = this.#registry.entry(id);
    if (!entry) {
      throw new NotFoundError(`Calendar '${id}' not found`);
    }
    return entry;
  }

  #expectedVersion(ctx: WriteContext): number {
    if (ctx.ifMatch === undefined) {
      throw new PreconditionRequiredError(
        'If-Match: "<version>" is required; read the calendar and send its version',
      );
    }
    const match = IF_MATCH.exec(ctx.ifMatch.trim());
    if (!match) {
      throw new InputError(
        `If-Match must be the quoted version of the calendar, like "3"; got ${ctx.ifMatch}`,
      );
    }
    return Number(match[1]);
  }

  #stale(id: string, expected: number) {
    return new PreconditionFailedError(
      `Calendar '${id}' is not at version ${expected}; reload it and try again`,
    );
  }

  async #require(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await requireBasic(this.#permissions, permission, credentials);
  }
}
