import { z } from 'zod';
/**
 * The id prefixes of every record type, existing and coming: incidents, changes, standard
 * change templates, SLAs, OLAs, underpinning contracts, breaches, problems, known errors,
 * surveys, complaints, service reviews, improvements and CMDB verification runs.
 *
 * @public
 */
export const RECORD_ID_PREFIXES = [
  'INC',
  'CHG',
  'STD',
  'SLA',
  'OLA',
  'UC',
  'BRE',
  'PRB',
  'KE',
  'SUR',
  'CMP',
  'REV',
  'IMP',
  'VER',
] as const;

/** @public */
export type RecordIdPrefix = (typeof RECORD_ID_PREFIXES)[number];

/**
 * The largest sequence number a record can have: the `seq` columns are 32-bit integers on
 * PostgreSQL, so a larger id can never exist and reads as unknown (404), never as a database
 * error.
 *
 * @public
 */
export const MAX_RECORD_SEQ = 2_147_483_647;

/** A parsed record id. @public */
export interface RecordId {
  prefix: RecordIdPrefix;
  seq: number;
}

const PREFIXES = new Set<string>(RECORD_ID_PREFIXES);
const ID = /^([A-Za-z]{2,3})-([1-9]\d{0,9})$/;

/** Formats a record id, like `INC-42`. @public */
export function formatRecordId(prefix: RecordIdPrefix, seq: number): string {
  return `${prefix}-${seq}`;
}

/**
 * Parses a record id (prefix case-insensitive, no leading zeros, within
 * {@link MAX_RECORD_SEQ}); undefined for anything else, or for a prefix not in `prefixes`
 * when given.
 *
 * @public
 */
export function parseRecordId(
  id: string,
  prefixes?: readonly RecordIdPrefix[],
): RecordId | undefined {
  const match = ID.exec(id);
  if (!match) {
    return undefined;
  }
  const prefix = match[1].toUpperCase();
  const seq = Number(match[2]);
  if (
    !PREFIXES.has(prefix) ||
    (prefixes && !prefixes.includes(prefix as RecordIdPrefix)) ||
    seq > MAX_RECORD_SEQ
  ) {
    return undefined;
  }
  return { prefix: prefix as RecordIdPrefix, seq };
}

/**
 * The sequence number of an id with the given prefix, or undefined for anything else.
 *
 * @public
 */
export function parseRecordSeq(
  prefix: RecordIdPrefix,
  id: string,
): number | undefined {
  return parseRecordId(id, [prefix])?.seq;
}

/**
 * A zod schema for an id of one record type: any case, no leading zeros, within
 * {@link MAX_RECORD_SEQ} (so it fits the database column); the output is canonical (`CHG-42`).
 *
 * @public
 */
export function recordIdSchema(prefix: RecordIdPrefix, message: string) {
  return z
    .string()
    .max(16, message)
    .refine(id => parseRecordSeq(prefix, id) !== undefined, message)
    .transform(id => formatRecordId(prefix, parseRecordSeq(prefix, id)!));
}
