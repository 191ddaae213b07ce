import { toDate } from '../../records/rows';
import { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import { calendarTable } from './serviceLevelRecordTypes';
import { Knex } from 'knex';
import type {
  CalendarChanges,
  CalendarStore,
  StoredCalendar,
} from './CalendarStore';

const CALENDARS = 'itsm_calendars';

function parseJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) {
    return fallback;
  }
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function fromRow(row: Record<string, any>): StoredCalendar {
  return {
    id: row.id,
    version: Number(row.version),
    source: row.source === 'config' ? 'config' : 'api',
    title: row.title ?? null,
    timezone: row.timezone ?? null,
    hours: parseJson(row.hours, null),
    holidays: parseJson<string[]>(row.holidays, []),
    createdAt: toDate(row.created_at),
    createdBy: row.created_by,
    updatedAt: toDate(row.updated_at),
  };
}

/**
 * Knex implementation of {@link CalendarStore}. It shares the plugin's database, whose
 * migrations the incident store runs.
 */
export class KnexCalendarStore implements CalendarStore {
  readonly #db: Knex;

  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexCalendarStore> {
    return new KnexCalendarStore(await options.database.getClient());
  }

  /** A store on an open connection (tests). */
  static fromKnex(db: Knex): KnexCalendarStore {
    return new KnexCalendarStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async listCalendars(): Promise<StoredCalendar[]> {
    const rows = await this.#db(CALENDARS).select('*').orderBy('id');
    return rows.map(fromRow);
  }

  async getCalendar(id: string): Promise<StoredCalendar | undefined> {
    const row = await this.#db(CALENDARS).where({ id }).first();
    return row ? fromRow(row) : undefined;
  }

  async insertCalendar(
    calendar: Omit<StoredCalendar, 'version' | 'updatedAt'>,
    event: NewHistoryEvent,
  ): Promise<StoredCalendar> {
    const row = {
      id: calendar.id,
      version: 1,
      source: calendar.source,
      title: calendar.title,
      timezone: calendar.timezone,
      hours: calendar.hours === null ? null : JSON.stringify(calendar.hours),
      holidays: JSON.stringify(calendar.holidays),
      created_at: calendar.createdAt,
      created_by: calendar.createdBy,
      updated_at: calendar.createdAt,
    };
    await this.#db.transaction(async tx => {
      // The history key: the next number; the unique index turns a concurrent twin into a
      // conflict rather than a shared history.
      const [{ last }] = await tx(CALENDARS).max({ last: 'history_seq' });
      const historySeq = Number(last ?? 0) + 1;
      await tx(CALENDARS).insert({ ...row, history_seq: historySeq });
      await calendarTable.appendEvent(tx, historySeq, 1, event);
    });
    return { ...calendar, version: 1, updatedAt: calendar.createdAt };
  }

  async updateCalendar(options: {
    id: string;
    expectedVersion: number;
    changes: CalendarChanges;
    updatedAt: Date;
    event: NewHistoryEvent;
  }): Promise<StoredCalendar> {
    const { id, expectedVersion, changes, updatedAt } = options;
    const update: Record<string, unknown> = { updated_at: updatedAt };
    if (changes.title !== undefined) {
      update.title = changes.title;
    }
    if (changes.holidays !== undefined) {
      update.holidays = JSON.stringify(changes.holidays);
    }
    return this.#db.transaction(async tx => {
      const current = await tx(CALENDARS).first('history_seq').where({ id });
      await calendarTable.update(tx, {
        key: id,
        seq: Number(current?.history_seq ?? 0),
        expectedVersion,
        row: update,
        event: options.event,
        label: `Calendar '${id}'`,
      });
      return fromRow(await tx(CALENDARS).where({ id }).first());
    });
  }

  async listHistory(options: {
    id: string;
    limit: number;
    cursor?: string;
  }): Promise<StorePage<HistoryEventRecord>> {
    const row = await this.#db(CALENDARS)
      .first('history_seq')
      .where({ id: options.id });
    if (!row?.history_seq) {
      return { items: [], nextCursor: null };
    }
    return calendarTable.history(this.#db, {
      seq: Number(row.history_seq),
      limit: options.limit,
      cursor: options.cursor,
    });
  }
}
