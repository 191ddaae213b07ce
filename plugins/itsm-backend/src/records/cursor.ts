import { InputError } from '@backstage/errors';

/** Where a keyset page ends: the last sequence number and the order it was read in. */
export interface KeysetCursor {
  seq: number;
  order: 'asc' | 'desc';
}

/** Encodes a keyset position as an opaque cursor (base64url JSON). */
export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(
    JSON.stringify({ s: cursor.seq, o: cursor.order }),
  ).toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor}; throws `InputError` for
 * anything else, or for a cursor from a list read in the other order.
 */
export function decodeCursor(
  cursor: string,
  order: 'asc' | 'desc',
): KeysetCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { s, o } = (parsed ?? {}) as { s?: unknown; o?: unknown };
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
  return { seq: s, order: o };
}
