import { InputError } from '@backstage/errors';

/**
 * Where a keyset page ends: the last sequence number and the order it was read in, and for a
 * list sorted by a key before its sequence (see `KeysetSort`), that key's name and its value
 * at the last row.
 */
export interface KeysetCursor {
  seq: number;
  order: 'asc' | 'desc';
  sort?: { name: string; value: string | number };
}

/** Encodes a keyset position as an opaque cursor (base64url JSON). */
export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(
    JSON.stringify({
      s: cursor.seq,
      o: cursor.order,
      ...(cursor.sort ? { k: cursor.sort.name, v: cursor.sort.value } : {}),
    }),
  ).toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor}; throws `InputError` for anything else, for a
 * cursor from a list read in the other order, and for one from a list sorted otherwise: with
 * `sort`, the cursor must name that sort and hold a value it `accepts`; without, none.
 */
export function decodeCursor(
  cursor: string,
  order: 'asc' | 'desc',
  sort?: { name: string; accepts(value: unknown): boolean },
): KeysetCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { s, o, k, v } = (parsed ?? {}) as Record<string, unknown>;
  if (
    typeof s !== 'number' ||
    !Number.isSafeInteger(s) ||
    s < 0 ||
    (o !== 'asc' && o !== 'desc')
  ) {
    throw new InputError('cursor is invalid');
  }
  if (o !== order) {
    throw new InputError(`cursor belongs to a list in '${o}' order`);
  }
  if (!sort) {
    if (k !== undefined || v !== undefined) {
      throw new InputError('cursor is invalid');
    }
    return { seq: s, order: o };
  }
  if (
    k !== sort.name ||
    (typeof v !== 'string' && typeof v !== 'number') ||
    !sort.accepts(v)
  ) {
    throw new InputError('cursor is invalid');
  }
  return { seq: s, order: o, sort: { name: k, value: v } };
}
