import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { z } from 'zod';

/**
 * A template renders a parameter the user left empty as `''`; such a value means "not given".
 */
export function optionalText(value: string | null | undefined) {
  return value === undefined || value === null || value.trim() === ''
    ? undefined
    : value;
}

const WITH_OFFSET = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A date-time with an explicit offset (`2026-06-01T08:00:00Z`, `2026-06-01T10:00+02:00`), sent as
 * ISO-8601 UTC. Without an offset the instant would depend on the scaffolder's time zone, so it is
 * refused.
 */
export function toInstant(value: string | null | undefined, field: string) {
  const text = optionalText(value)?.trim();
  if (text === undefined) {
    return undefined;
  }
  const ms = Date.parse(text);
  if (!WITH_OFFSET.test(text) || Number.isNaN(ms)) {
    throw new InputError(
      `${field} must be an ISO-8601 date-time with a time zone, e.g. 2026-06-01T08:00:00Z; got '${text}'`,
    );
  }
  return new Date(ms).toISOString();
}

/**
 * A full entity ref; a bare name is taken as a component in the default namespace, as the
 * EntityPicker and catalog do.
 */
export function toEntityRef(value: string, field: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(
      `${field} must be an entity ref like component:default/payments-service; got '${value}'`,
    );
  }
}

/** Checks a request body with the ITSM schema before anything is sent; failures name the field. */
export function parseBody<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const details = result.error.issues
      .map(issue => `${issue.path.join('.') || what}: ${issue.message}`)
      .join('; ');
    throw new InputError(`Invalid ${what}: ${details}`);
  }
  return result.data;
}

/**
 * At most `max` UTF-16 code units of `text` (the unit zod's `max` counts), never cutting a
 * surrogate pair in half (a lone surrogate cannot be URL-encoded).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The same kind of error with more context in front of its message. */
export function withContext(error: unknown, prefix: string): Error {
  if (!(error instanceof Error)) {
    return new Error(`${prefix}: ${String(error)}`);
  }
  const message = `${prefix}: ${error.message}`;
  switch (error.name) {
    case 'InputError':
      return new InputError(message);
    case 'ConflictError':
      return new ConflictError(message);
    case 'NotAllowedError':
      return new NotAllowedError(message);
    case 'NotFoundError':
      return new NotFoundError(message);
    default:
      return new Error(message);
  }
}

/** The portal page of an ITSM record, e.g. `https://backstage.example.com/itsm/changes/CHG-7`. */
export function recordUrl(
  appBaseUrl: string,
  collection: 'changes' | 'incidents' | 'known-errors',
  id: string,
): string {
  return `${appBaseUrl.replace(
    /\/+$/,
    '',
  )}/itsm/${collection}/${encodeURIComponent(id)}`;
}
