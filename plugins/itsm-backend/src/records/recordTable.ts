import {
  MAX_RECORD_SEQ,
  PreconditionFailedError,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { decodeCursor, encodeCursor } from './cursor';
import { appendHistoryEvent, insertedSeq, readHistoryPage } from './history';
import type { RecordType } from './recordType';
import type { HistoryEventRecord, NewHistoryEvent, StorePage } from './types';

type Db = Knex | Knex.Transaction;

/**
 * The mechanics every versioned record shares, on its own table and the shared history: an
 * insert at version 1 with its create event, a versioned update whose version check is the
 * `UPDATE ... WHERE version = ?` itself (zero rows: 412), an event appended at the current
 * version under the row lock, a keyset page and a page of history. Stores compose it and
 * keep their own columns and reads; it makes no business decision.
 */
export class KnexRecordTable {
  readonly type: RecordType;
  readonly #key: string;

  constructor(type: RecordType) {
    this.type = type;
    this.#key = type.keyColumn ?? 'seq';
  }

  /** Inserts a record at version 1 and appends its create event; returns its sequence number. */
  async insert(
    tx: Knex.Transaction,
    row: Record<string, unknown>,
    event: NewHistoryEvent,
  ): Promise<number> {
    const [inserted] = await tx(this.type.table)
      .insert({ ...row, version: 1 })
      .returning(this.#key);
    const seq = insertedSeq(
      typeof inserted === 'object' && inserted !== null
        ? { seq: (inserted as Record<string, unknown>)[this.#key] }
        : inserted,
    );
    await this.appendEvent(tx, seq, 1, event);
    return seq;
  }

  /**
   * Writes `row` over version `expectedVersion`, bumps the version and appends `event` at
   * the new version. The version check is the update itself, so of two concurrent writers on
   * one version only one passes; the other gets a 412.
   */
  async update(
    tx: Knex.Transaction,
    options: {
      seq: number;
      expectedVersion: number;
      row: Record<string, unknown>;
      event: NewHistoryEvent;
      /** The row's key when it is not the sequence number (calendars: their id). */
      key?: string | number;
      /** How the 412 names the record, when not by its id. */
      label?: string;
    },
  ): Promise<number> {
    const { seq, expectedVersion, event } = options;
    const version = expectedVersion + 1;
    const key = options.key ?? seq;
    if (expectedVersion >= MAX_RECORD_SEQ) {
      // Past every version a record can reach (and outside PostgreSQL's int4): stale.
      throw this.stale(options.label ?? key, expectedVersion);
    }
    const updated = await tx(this.type.table)
      .where({ [this.#key]: key, version: expectedVersion })
      .update({ ...options.row, version });
    if (updated === 0) {
      throw this.stale(options.label ?? key, expectedVersion);
    }
    await this.appendEvent(tx, seq, version, event);
    return version;
  }

  /** The 412 of a write on a version the record no longer has. */
  stale(
    key: string | number,
    expectedVersion: number,
  ): PreconditionFailedError {
    const id = typeof key === 'number' ? this.type.id(key) : key;
    return new PreconditionFailedError(
      `${id} is not at version ${expectedVersion}; reload it and try again`,
    );
  }

  /**
   * Takes the row lock for the rest of the transaction (a write that changes nothing) when
   * the row matches `where`; returns its current version, or undefined when no row matched.
   */
  async lock(
    tx: Knex.Transaction,
    key: string | number,
    where?: (query: Knex.QueryBuilder) => void,
  ): Promise<number | undefined> {
    const query = tx(this.type.table).where(this.#key, key);
    where?.(query);
    const matched = await query.update({ version: tx.ref('version') });
    if (matched === 0) {
      return undefined;
    }
    const row = await tx(this.type.table)
      .first('version')
      .where(this.#key, key);
    return Number(row.version);
  }

  /** Appends an event to the record's history at `version`. */
  async appendEvent(
    tx: Db,
    seq: number,
    version: number,
    event: NewHistoryEvent,
  ): Promise<void> {
    await appendHistoryEvent(tx, {
      recordType: this.type.recordType,
      seq,
      version,
      event,
    });
  }

  /** A page of the record's history, oldest first. */
  history(
    db: Knex,
    options: { seq: number; limit: number; cursor?: string },
  ): Promise<StorePage<HistoryEventRecord>> {
    return readHistoryPage(db, {
      recordType: this.type.recordType,
      ...options,
    });
  }

  /**
   * Reads one keyset page of `query` (already filtered) on the sequence column, newest first
   * unless `order` is `asc`, sorted by `sort` first when given, and hydrates its rows.
   */
  async page<T>(
    query: Knex.QueryBuilder,
    options: {
      order: 'asc' | 'desc';
      limit: number;
      cursor?: string;
      sort?: KeysetSort;
    },
    hydrate: (rows: Array<Record<string, any>>) => Promise<T[]> | T[],
  ): Promise<StorePage<T>> {
    return keysetPage(
      query,
      { ...options, column: `${this.type.table}.${this.#key}` },
      hydrate,
    );
  }
}

/**
 * A key a list is sorted by before its sequence number (a register's score or target date):
 * the page runs on `(key, seq)`, both in the list's order, and its cursor carries the key's
 * name and its value at the last row, so a cursor of another sort is a 400.
 */
export interface KeysetSort {
  /** The sort's name in cursors. */
  name: string;
  /** The key as SQL; never null (coalesce a nullable column to a value that sorts last). */
  key: Knex.Raw;
  /** The key's value in a row the page's query read. */
  valueOf(row: Record<string, any>): string | number;
  /** Whether a value from a cursor is one the key can hold; anything else is a 400. */
  accepts(value: unknown): boolean;
}

/** One keyset page of a query on a numeric sequence column, optionally sorted by a key first. */
export async function keysetPage<T>(
  query: Knex.QueryBuilder,
  options: {
    order: 'asc' | 'desc';
    limit: number;
    cursor?: string;
    /** The sequence column; `seq` by default. */
    column?: string;
    sort?: KeysetSort;
  },
  hydrate: (rows: Array<Record<string, any>>) => Promise<T[]> | T[],
): Promise<StorePage<T>> {
  const { order, limit, sort } = options;
  const column = options.column ?? 'seq';
  const op = order === 'desc' ? '<' : '>';
  if (options.cursor) {
    const at = decodeCursor(options.cursor, order, sort);
    const afterSeq = (q: Knex.QueryBuilder) => {
      if (at.seq <= MAX_RECORD_SEQ) {
        q.where(column, op, at.seq);
      } else if (order === 'asc') {
        // Past every sequence a record can have (and outside PostgreSQL's int4): nothing
        // follows; newest first, every sequence does.
        q.whereRaw('1 = 0');
      }
    };
    if (sort && at.sort) {
      const value = at.sort.value;
      query.where(inner =>
        inner.where(sort.key, op, value).orWhere(same => {
          same.where(sort.key, '=', value);
          afterSeq(same);
        }),
      );
    } else {
      afterSeq(query);
    }
  }
  if (sort) {
    query.orderBy(sort.key as any, order);
  }
  const rows = await query.orderBy(column, order).limit(limit + 1);
  const page = rows.slice(0, limit);
  const items = await hydrate(page);
  const last = page[page.length - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({
            seq: Number(last.seq),
            order,
            ...(sort
              ? { sort: { name: sort.name, value: sort.valueOf(last) } }
              : {}),
          })
        : null,
  };
}
