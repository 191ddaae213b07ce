import { LoggerService } from '@backstage/backend-plugin-api';
import { ALWAYS_ON, ServiceCalendar } from '@backstage-itsm/plugin-itsm-common';
import type { CalendarStore, StoredCalendar } from './CalendarStore';

/** Where a calendar comes from: built in (24x7), app-config (or a module), or the API. */
export type CalendarSource = 'builtin' | 'config' | 'api';

/** One calendar of the registry: its effective form and what it was merged from. */
export interface CalendarEntry {
  id: string;
  source: CalendarSource;
  /** The effective calendar: configured hours and time zone, all holidays. */
  calendar: ServiceCalendar;
  /** Holidays from app-config (none for API calendars). */
  configuredHolidays: string[];
  /** The stored row: a whole API calendar, or a config calendar's API-managed holidays. */
  stored?: StoredCalendar;
}

/** How old the snapshot may get before `ensureFresh` reloads it (other replicas' writes). */
export const CALENDAR_SNAPSHOT_MAX_AGE_MS = 10_000;

const sortedUnique = (dates: Iterable<string>) => [...new Set(dates)].sort();

/**
 * The one place SLA clocks get their calendars from: the built-in 24x7, the calendars of
 * app-config and modules, and the calendars and holiday lists stored through the API.
 *
 * Clock evaluation is synchronous, so the registry keeps a snapshot (`get`, `has`). A write in
 * this replica calls `refresh()`; `ensureFresh()`, called at the start of incident operations,
 * job runs and service-health reads, reloads the snapshot when it is older than ten seconds so
 * writes made by other replicas arrive. An unchanged stored row keeps its calendar object, so
 * the compiled form the clock functions cache stays valid across reloads.
 */
export class CalendarRegistry {
  readonly #configured: ReadonlyMap<string, ServiceCalendar>;
  readonly #defaultCalendarId: string;
  readonly #store?: CalendarStore;
  readonly #logger?: LoggerService;
  readonly #maxAgeMs: number;
  #entries: ReadonlyMap<string, CalendarEntry>;
  #loadedAt = -Infinity;
  #loading?: Promise<void>;
  #warned = new Set<string>();

  /** A registry on the configured calendars and, with a store, the stored ones (loaded once). */
  static async create(options: {
    configured: ReadonlyMap<string, ServiceCalendar>;
    defaultCalendarId: string;
    store?: CalendarStore;
    logger?: LoggerService;
    maxAgeMs?: number;
  }): Promise<CalendarRegistry> {
    const registry = new CalendarRegistry(options);
    await registry.refresh();
    return registry;
  }

  /** A registry of the configured calendars only (no store), ready at once. */
  static fromConfig(options: {
    configured: ReadonlyMap<string, ServiceCalendar>;
    defaultCalendarId: string;
    logger?: LoggerService;
  }): CalendarRegistry {
    return new CalendarRegistry(options);
  }

  private constructor(options: {
    configured: ReadonlyMap<string, ServiceCalendar>;
    defaultCalendarId: string;
    store?: CalendarStore;
    logger?: LoggerService;
    maxAgeMs?: number;
  }) {
    this.#configured = options.configured;
    this.#defaultCalendarId = options.defaultCalendarId;
    this.#store = options.store;
    this.#logger = options.logger;
    this.#maxAgeMs = options.maxAgeMs ?? CALENDAR_SNAPSHOT_MAX_AGE_MS;
    this.#entries = this.#merge([]);
  }

  /** The calendar unknown ids fall back to (`itsm.incidents.defaultCalendar`). */
  get defaultCalendarId(): string {
    return this.#defaultCalendarId;
  }

  /** The effective calendar with this id, if there is one. */
  get(id: string): ServiceCalendar | undefined {
    return this.#entries.get(id)?.calendar;
  }

  has(id: string): boolean {
    return this.#entries.has(id);
  }

  /** The calendar with its source and parts. */
  entry(id: string): CalendarEntry | undefined {
    return this.#entries.get(id);
  }

  /** Every calendar, by id in order. */
  entries(): CalendarEntry[] {
    return [...this.#entries.values()].sort((a, b) =>
      a.id < b.id ? -1 : Number(a.id > b.id),
    );
  }

  ids(): string[] {
    return this.entries().map(e => e.id);
  }

  /** The effective calendars by id, for validation (`CalendarLookup`). */
  lookup(): ReadonlyMap<string, ServiceCalendar> {
    return new Map([...this.#entries].map(([id, e]) => [id, e.calendar]));
  }

  /**
   * The calendar with this id, or the default calendar (`known: false`) for an id that no
   * longer exists, so a clock stored against a removed calendar still evaluates.
   */
  calendarOrDefault(id: string): {
    calendar: ServiceCalendar;
    known: boolean;
  } {
    const calendar = this.get(id);
    return calendar
      ? { calendar, known: true }
      : {
          calendar:
            this.get(this.#defaultCalendarId) ??
            this.#configured.get(this.#defaultCalendarId) ??
            ALWAYS_ON,
          known: false,
        };
  }

  /** Reloads the stored calendars now (after a write in this replica). */
  async refresh(): Promise<void> {
    if (!this.#store) {
      this.#loadedAt = Date.now();
      return;
    }
    if (!this.#loading) {
      const store = this.#store;
      this.#loading = (async () => {
        try {
          const started = Date.now();
          const rows = await store.listCalendars();
          this.#entries = this.#merge(rows);
          this.#loadedAt = started;
        } finally {
          this.#loading = undefined;
        }
      })();
    }
    await this.#loading;
  }

  /** Reloads when the snapshot is older than the maximum age; otherwise returns at once. */
  async ensureFresh(): Promise<void> {
    const age = Date.now() - this.#loadedAt;
    // A clock set back (tests fake Date) also reloads: it is only one small query.
    if (this.#store && (age > this.#maxAgeMs || age < 0)) {
      try {
        await this.refresh();
      } catch (error) {
        // A failed reload keeps the last snapshot; clocks keep evaluating.
        this.#logger?.warn(`Could not reload the calendars: ${error}`);
      }
    }
  }

  #merge(rows: StoredCalendar[]): Map<string, CalendarEntry> {
    const previous = this.#entries as
      | ReadonlyMap<string, CalendarEntry>
      | undefined;
    const stored = new Map(rows.map(row => [row.id, row]));
    const entries = new Map<string, CalendarEntry>();

    const keep = (entry: CalendarEntry): CalendarEntry => {
      // Same row version: keep the calendar object (and what was compiled from it).
      const before = previous?.get(entry.id);
      if (
        before &&
        before.source === entry.source &&
        before.stored?.version === entry.stored?.version &&
        before.stored?.updatedAt.getTime() === entry.stored?.updatedAt.getTime()
      ) {
        return before;
      }
      return entry;
    };

    for (const [id, configured] of this.#configured) {
      const row = stored.get(id);
      const configuredHolidays = sortedUnique(configured.holidays ?? []);
      if (id === ALWAYS_ON.id) {
        entries.set(id, {
          id,
          source: 'builtin',
          calendar: configured,
          configuredHolidays,
        });
        continue;
      }
      if (row && row.source !== 'config') {
        this.#warnOnce(
          `api:${id}`,
          `Calendar '${id}' stored through the API is now defined in app-config; using the configured one`,
        );
      }
      const extra = row?.source === 'config' ? row.holidays : [];
      entries.set(
        id,
        keep({
          id,
          source: 'config',
          calendar: extra.length
            ? {
                ...configured,
                holidays: sortedUnique([...configuredHolidays, ...extra]),
              }
            : configured,
          configuredHolidays,
          stored: row?.source === 'config' ? row : undefined,
        }),
      );
    }

    for (const row of rows) {
      if (entries.has(row.id)) {
        continue;
      }
      if (row.source !== 'api' || !row.timezone || !row.hours) {
        this.#warnOnce(
          `orphan:${row.id}`,
          `Holidays stored for calendar '${row.id}', which app-config no longer defines, are ignored`,
        );
        continue;
      }
      entries.set(
        row.id,
        keep({
          id: row.id,
          source: 'api',
          calendar: {
            id: row.id,
            timezone: row.timezone,
            hours: row.hours,
            holidays: row.holidays,
          },
          configuredHolidays: [],
          stored: row,
        }),
      );
    }
    return entries;
  }

  #warnOnce(key: string, message: string) {
    if (!this.#warned.has(key)) {
      this.#warned.add(key);
      this.#logger?.warn(message);
    }
  }
}
