import { isPluginItself } from './context';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  PreconditionFailedError,
  PreconditionRequiredError,
  RecordIdPrefix,
  formatRecordId,
} from '@backstage-itsm/plugin-itsm-common';

const IF_MATCH = /^"([1-9]\d{0,14})"$/;

/**
 * The version a business write must find. Callers send `If-Match: "<version>"`
 * (400 when malformed, 428 when missing); the plugin's own jobs may pass the
 * version they read, or nothing to write over the current version.
 */
export function expectedVersionOf(
  ctx: {
    credentials: BackstageCredentials;
    ifMatch?: string;
    expectedVersion?: number;
  },
  noun: string,
): number | undefined {
  if (ctx.ifMatch !== undefined) {
    const match = IF_MATCH.exec(ctx.ifMatch.trim());
    if (!match) {
      throw new InputError(
        `If-Match must be the quoted version of the ${noun}, like "3"; got ${ctx.ifMatch}`,
      );
    }
    return Number(match[1]);
  }
  if (ctx.expectedVersion !== undefined || isPluginItself(ctx.credentials)) {
    return ctx.expectedVersion;
  }
  throw new PreconditionRequiredError(
    `If-Match: "<version>" is required; read the ${noun} and send its version`,
  );
}

/** 412 for a write based on a version the record no longer has. */
export function staleError(
  seq: number,
  expected: number,
  prefix: RecordIdPrefix,
) {
  return new PreconditionFailedError(
    `${formatRecordId(
      prefix,
      seq,
    )} is not at version ${expected}; reload it and try again`,
  );
}

/**
 * For a write that turned out to change nothing: 412 all the same when the caller's version is
 * not the record's, so a client never takes a stale read for a successful write.
 */
export function requireVersion(
  record: { seq: number; version: number },
  expected: number | undefined,
  prefix: RecordIdPrefix,
): void {
  if (expected !== undefined && expected !== record.version) {
    throw staleError(record.seq, expected, prefix);
  }
}

/**
 * Runs the planning of a write. A stale version answers 412 before the
 * lifecycle's 409 and 400 (DESIGN §5); a write that passes planning is still
 * checked by the version condition of its UPDATE, which decides every 412 of
 * a write that happens.
 */
export async function unlessStale<T>(
  record: { seq: number; version: number },
  expected: number | undefined,
  plan: () => T | Promise<T>,
  prefix: RecordIdPrefix,
): Promise<T> {
  try {
    return await plan();
  } catch (error) {
    const stale = expected !== undefined && expected !== record.version;
    const name = (error as Error)?.name;
    if (stale && (name === 'ConflictError' || name === 'InputError')) {
      throw staleError(record.seq, expected!, prefix);
    }
    throw error;
  }
}
