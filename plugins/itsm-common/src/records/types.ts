/**
 * One append-only entry of a record's history.
 * On create every field appears as `[null, value]`.
 *
 * @public
 */
export interface HistoryEvent {
  version: number;
  at: string;
  actor: string;
  action: string;
  changes: Record<string, [unknown, unknown]>;
  comment?: string;
}

/** A page of a list endpoint. @public */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
