import { isDeepStrictEqual } from 'node:util';
import type { HistoryEvent } from '@backstage-itsm/plugin-itsm-common';
import type { HistoryEventRecord } from './types';

/** @internal */
export function toDate(value: unknown): Date {
  if (value instanceof Date) {
    return value;
  }
  const date = new Date(
    typeof value === 'string' && /^\d+$/.test(value)
      ? Number(value)
      : (value as any),
  );
  if (Number.isNaN(date.getTime())) {
    throw new Error(`Invalid timestamp in database: ${String(value)}`);
  }
  return date;
}

/** @internal */
export function rowToHistoryEvent(
  row: Record<string, any>,
): HistoryEventRecord {
  return {
    version: Number(row.version),
    at: toDate(row.at),
    actor: row.actor,
    action: row.action,
    changes: JSON.parse(row.changes),
    ...(row.comment === null ? {} : { comment: row.comment }),
  };
}

/** @internal */
export function toOptionalDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

/**
 * An instant a pure rule planned (an ISO string) as a store takes it: unchanged (undefined),
 * cleared (null) or a date.
 */
export function toDateField(
  value: string | null | undefined,
): Date | null | undefined {
  if (value === undefined) return undefined;
  return value === null ? null : new Date(value);
}

/** A stored history event as the API sends it. */
export function toHistoryEvent(event: HistoryEventRecord): HistoryEvent {
  return {
    version: event.version,
    at: event.at.toISOString(),
    actor: event.actor,
    action: event.action,
    changes: event.changes,
    ...(event.comment !== undefined ? { comment: event.comment } : {}),
  };
}

/** Wire fields no history event lists: the keys, the version and the timestamps. */
const UNTRACKED = ['id', 'version', 'createdAt', 'createdBy', 'updatedAt'];

/**
 * The history changes of a created record (DESIGN §5: on create every field appears as
 * `[null, value]`), from its wire form without its keys, version and timestamps and `omit`.
 */
export function createdChanges(
  wire: object,
  omit: readonly string[] = [],
): Record<string, [unknown, unknown]> {
  const skip = new Set([...UNTRACKED, ...omit]);
  return Object.fromEntries(
    Object.entries(wire)
      .filter(([key]) => !skip.has(key))
      .map(([key, value]) => [key, [null, value]]),
  );
}

/**
 * The history changes of an update: `[from, to]` of each field of the wire form `after`
 * that differs (deep-compared) from `before`, without the keys, version and timestamps and
 * `omit` (what is computed on read). None: the write is a no-op.
 */
export function updatedChanges(
  before: object,
  after: object,
  omit: readonly string[] = [],
): Record<string, [unknown, unknown]> {
  const skip = new Set([...UNTRACKED, ...omit]);
  const from = before as Record<string, unknown>;
  const result: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    if (!skip.has(key) && !isDeepStrictEqual(from[key], value)) {
      result[key] = [from[key], value];
    }
  }
  return result;
}
