/** A history event as a write appends it; the store adds the version it was made at. */
export interface NewHistoryEvent {
  at: Date;
  actor: string;
  action: string;
  changes: Record<string, [unknown, unknown]>;
  comment?: string;
}

/** A stored history event. */
export interface HistoryEventRecord extends NewHistoryEvent {
  version: number;
}

/** A page of a keyset-paginated list. */
export interface StorePage<T> {
  items: T[];
  nextCursor: string | null;
}
