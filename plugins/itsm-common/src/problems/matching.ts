import type { KnownError, KnownErrorMatch } from './types';

/** What is known about an incident being reported. @public */
export interface KnownErrorMatchInput {
  /** The incident's entity (full ref, any case). */
  entityRef: string;
  /** Its upstream dependencies (full refs), nearest first. */
  upstreamRefs?: string[];
  /** Title and description as typed so far. */
  text: string;
  category?: string | null;
  signature?: string | null;
}

function words(text: string): string {
  return ` ${text
    .normalize('NFKC')
    .toLocaleLowerCase('en-US')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * The active known errors of the entity and of its upstream dependencies that match what is
 * known of the incident, best first:
 *
 * - a known error applies to an entity when that entity is among its `entityRefs` (the
 *   incident's own entity, else the nearest upstream dependency);
 * - it matches when the incident's category is one of its rule categories (+2), its signature
 *   one of its rule signatures (+3), or one of its rule phrases appears in the text as whole
 *   words, case-insensitively (+1 each);
 * - a match on the incident's own entity scores one more than on an upstream dependency.
 *
 * Retired known errors and those without a matching rule are never offered.
 *
 * @public
 */
export function matchKnownErrors(
  knownErrors: readonly KnownError[],
  input: KnownErrorMatchInput,
  limit = 5,
): KnownErrorMatch[] {
  const own = input.entityRef.toLocaleLowerCase('en-US');
  const upstream = (input.upstreamRefs ?? []).map(r =>
    r.toLocaleLowerCase('en-US'),
  );
  const text = words(input.text);
  const matches: KnownErrorMatch[] = [];
  for (const knownError of knownErrors) {
    if (knownError.status !== 'active') continue;
    const refs = knownError.entityRefs.map(r => r.toLocaleLowerCase('en-US'));
    const onOwn = refs.includes(own);
    const upstreamRef = onOwn
      ? undefined
      : upstream.find(r => refs.includes(r));
    if (!onOwn && !upstreamRef) continue;
    const reasons: string[] = [];
    let score = 0;
    const rules = knownError.matchRules;
    if (input.category && rules.categories.includes(input.category)) {
      score += 2;
      reasons.push(`category ${input.category}`);
    }
    if (input.signature && rules.signatures.includes(input.signature)) {
      score += 3;
      reasons.push(`signature ${input.signature}`);
    }
    for (const phrase of rules.text) {
      const needle = words(phrase);
      if (needle.trim() && text.includes(needle)) {
        score += 1;
        reasons.push(`text "${phrase}"`);
      }
    }
    if (score === 0) continue;
    if (onOwn) score += 1;
    matches.push({
      knownError,
      score,
      reasons,
      matchedEntityRef: onOwn ? own : upstreamRef!,
      upstream: !onOwn,
    });
  }
  return matches
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.knownError.appliedCount - a.knownError.appliedCount ||
        a.knownError.id.localeCompare(b.knownError.id, 'en', {
          numeric: true,
        }),
    )
    .slice(0, limit);
}
