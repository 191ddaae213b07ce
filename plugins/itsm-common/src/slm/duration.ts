import { InputError } from '@backstage/errors';

const UNIT_MS: Record<string, number> = {
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
};
const ORDER = ['w', 'd', 'h', 'm', 's'];
const PART = /(\d{1,6})([wdhms])/g;
const WHOLE = /^(\d{1,6}[wdhms])+$/;

/**
 * Milliseconds of a target duration written like `30m`, `4h`, `3d` or `1h30m` (units `w`, `d`,
 * `h`, `m`, `s`, largest first, each at most once). A day is 24 hours of the target's calendar,
 * so `3d` on an 8-hour business calendar spans nine business days. Throws `InputError` naming
 * `field` unless the duration is well-formed and greater than zero.
 *
 * The backend reads `itsm.incidents.targets` with `readDurationFromConfig` from `@backstage/config`,
 * which `-common` does not depend on; this parser accepts the short forms used there.
 *
 * @public
 */
export function parseDuration(value: unknown, field = 'duration'): number {
  if (typeof value !== 'string' || !WHOLE.test(value)) {
    throw new InputError(
      `${field} must be a duration like '30m', '4h', '3d' or '1h30m', got ${JSON.stringify(
        value,
      )}`,
    );
  }
  let ms = 0;
  let last = -1;
  for (const [, amount, unit] of value.matchAll(PART)) {
    const rank = ORDER.indexOf(unit);
    if (rank <= last) {
      throw new InputError(
        `${field} must list its units once each, largest first, got '${value}'`,
      );
    }
    last = rank;
    ms += Number(amount) * UNIT_MS[unit];
  }
  if (ms <= 0) {
    throw new InputError(`${field} must be greater than zero, got '${value}'`);
  }
  return ms;
}

/**
 * Writes milliseconds in the form `parseDuration` reads (`90m` → `1h30m`); sub-second
 * remainders are dropped, and 0 is `0s`.
 *
 * @public
 */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.floor(ms / 1000)) * 1000;
  let out = '';
  for (const unit of ORDER) {
    const amount = Math.floor(rest / UNIT_MS[unit]);
    if (amount > 0) {
      out += `${amount}${unit}`;
      rest -= amount * UNIT_MS[unit];
    }
  }
  return out || '0s';
}
