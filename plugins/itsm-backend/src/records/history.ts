import { rowToHistoryEvent } from './rows';
import { HistoryEventRecord, NewHistoryEvent, StorePage } from './types';
import { Knex } from 'knex';
import { decodeCursor, encodeCursor } from './cursor';
import { RECORD_TABLES as TABLES } from './tables';

// Shared helpers of the stores: the append-only history, text search, inserted ids.

/** Appends one event to the history of a record. */
export async function appendHistoryEvent(
  tx: Knex | Knex.Transaction,
  options: {
    recordType: string;
    seq: number;
    version: number;
    event: NewHistoryEvent;
  },
): Promise<void> {
  const { recordType, seq, version, event } = options;
  await tx(TABLES.history).insert({
    record_type: recordType,
    record_seq: seq,
    version,
    at: event.at,
    actor: event.actor,
    action: event.action,
    changes: JSON.stringify(event.changes),
    comment: event.comment ?? null,
  });
}

/** A page of a record's history, oldest first. */
export async function readHistoryPage(
  db: Knex,
  options: { recordType: string; seq: number; limit: number; cursor?: string },
): Promise<StorePage<HistoryEventRecord>> {
  const query = db(TABLES.history)
    .where({ record_type: options.recordType, record_seq: options.seq })
    .orderBy('seq', 'asc')
    .limit(options.limit + 1);
  if (options.cursor) {
    query.where('seq', '>', decodeCursor(options.cursor, 'asc').seq);
  }
  const rows = await query;
  const page = rows.slice(0, options.limit);
  return {
    items: page.map(rowToHistoryEvent),
    nextCursor:
      rows.length > options.limit
        ? encodeCursor({ seq: Number(page[page.length - 1].seq), order: 'asc' })
        : null,
  };
}

/** Escapes `%`, `_` and the escape character itself for `LIKE ... ESCAPE '!'`. */
export function likePattern(text: string): string {
  return `%${text.toLocaleLowerCase('en-US').replace(/[!%_]/g, c => `!${c}`)}%`;
}

/** The `seq` of a row inserted with `.returning('seq')`, whatever the driver returns. */
export function insertedSeq(inserted: unknown): number {
  return Number(
    typeof inserted === 'object' && inserted !== null
      ? (inserted as { seq: unknown }).seq
      : inserted,
  );
}
