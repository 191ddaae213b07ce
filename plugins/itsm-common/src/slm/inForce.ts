import { InputError } from '@backstage/errors';

/** What `slaInForce` reads of a revision. @public */
export interface EffectiveRevision {
  revision: number;
  /** ISO-8601 UTC, inclusive. */
  effectiveFrom: string;
  /** ISO-8601 UTC, exclusive; open-ended when null or absent. */
  effectiveTo?: string | null;
}

function ms(value: unknown, field: string): number {
  const t = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(t)) {
    throw new InputError(
      `${field} must be an ISO-8601 timestamp, got ${JSON.stringify(value)}`,
    );
  }
  return t;
}

/**
 * The revision in force at `at`: among those with `effectiveFrom <= at < effectiveTo`, the
 * highest `revision` (a later revision overrides an earlier one where their dates overlap;
 * on equal revisions, the later `effectiveFrom`, then the first given). Undefined when none is.
 *
 * @public
 */
export function slaInForce<T extends EffectiveRevision>(
  revisions: readonly T[],
  at: Date,
): T | undefined {
  const now = at instanceof Date ? at.getTime() : NaN;
  if (!Number.isFinite(now)) {
    throw new InputError('at must be a valid Date');
  }
  let best: T | undefined;
  let bestFrom = -Infinity;
  revisions.forEach((r, i) => {
    const from = ms(r.effectiveFrom, `revisions[${i}].effectiveFrom`);
    const to =
      r.effectiveTo === undefined || r.effectiveTo === null
        ? Infinity
        : ms(r.effectiveTo, `revisions[${i}].effectiveTo`);
    if (from > now || now >= to) {
      return;
    }
    if (
      !best ||
      r.revision > best.revision ||
      (r.revision === best.revision && from > bestFrom)
    ) {
      best = r;
      bestFrom = from;
    }
  });
  return best;
}
