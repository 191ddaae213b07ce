import type {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import type { ServiceCalendar } from '@backstage-itsm/plugin-itsm-common';

/**
 * A row of `itsm_calendars`: a whole calendar created through the API (`source: 'api'`), or
 * only the API-managed holiday list of a calendar from app-config (`source: 'config'`, with
 * title, time zone and hours null).
 */
export interface StoredCalendar {
  id: string;
  version: number;
  source: 'api' | 'config';
  title: string | null;
  timezone: string | null;
  hours: ServiceCalendar['hours'] | null;
  /** Local dates `YYYY-MM-DD`, sorted. */
  holidays: string[];
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

/** The stored calendar fields an API edit may change. */
export interface CalendarChanges {
  title?: string;
  holidays?: string[];
}

/** Persistence of API-managed calendars and holiday lists; no business rules. */
export interface CalendarStore {
  /** Every stored calendar, by id. */
  listCalendars(): Promise<StoredCalendar[]>;

  getCalendar(id: string): Promise<StoredCalendar | undefined>;

  /**
   * Inserts a row at version 1. An id that is already stored fails with a database conflict
   * error (`isDatabaseConflictError`), so two concurrent inserts cannot both succeed.
   */
  /** Stores a calendar at version 1 with its create event. */
  insertCalendar(
    calendar: Omit<StoredCalendar, 'version' | 'updatedAt'>,
    event: NewHistoryEvent,
  ): Promise<StoredCalendar>;

  /**
   * Applies `changes` if the row is still at `expectedVersion` (version + 1); otherwise
   * throws `PreconditionFailedError`.
   */
  updateCalendar(options: {
    id: string;
    expectedVersion: number;
    changes: CalendarChanges;
    updatedAt: Date;
    event: NewHistoryEvent;
  }): Promise<StoredCalendar>;

  /** A page of a stored calendar's history, oldest first; empty for calendars never stored. */
  listHistory(options: {
    id: string;
    limit: number;
    cursor?: string;
  }): Promise<StorePage<HistoryEventRecord>>;
}
