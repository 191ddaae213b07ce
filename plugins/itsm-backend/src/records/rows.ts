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
