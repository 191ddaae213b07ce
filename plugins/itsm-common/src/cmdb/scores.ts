/**
 * One entity's accuracy figures in a verification run, each from 0 to 1: completeness (the
 * share of its kind's required attributes present), validity (1 without an open error-severity
 * deficiency, else 0) and freshness (1 when its owner attested it within the attestation
 * period and the attestation still holds, else 0).
 *
 * @public
 */
export interface CmdbEntityScore {
  entityRef: string;
  owner: string | null;
  system: string | null;
  completeness: number;
  validity: number;
  freshness: number;
}

/** Mean figures of a group of entities, as percentages to one decimal, with n. @public */
export interface CmdbScoreSummary {
  key: string | null;
  n: number;
  completeness: number;
  validity: number;
  freshness: number;
  /** The mean of the three. */
  overall: number;
}

const pct = (value: number) => Math.round(value * 1000) / 10;

/**
 * The scores of a run per owner or per system (or over everything with `by: 'all'`): the mean
 * of each figure over the group's entities, as percentages; groups sorted worst overall first,
 * then by key. An empty input gives no groups.
 *
 * @public
 */
export function summariseCmdbScores(
  entities: readonly CmdbEntityScore[],
  by: 'owner' | 'system' | 'all',
): CmdbScoreSummary[] {
  const groups = new Map<string | null, CmdbEntityScore[]>();
  for (const entity of entities) {
    const key = by === 'all' ? null : entity[by];
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(entity);
  }
  const summaries: CmdbScoreSummary[] = [];
  for (const [key, members] of groups) {
    const mean = (field: 'completeness' | 'validity' | 'freshness') =>
      members.reduce((sum, m) => sum + m[field], 0) / members.length;
    const completeness = mean('completeness');
    const validity = mean('validity');
    const freshness = mean('freshness');
    summaries.push({
      key,
      n: members.length,
      completeness: pct(completeness),
      validity: pct(validity),
      freshness: pct(freshness),
      overall: pct((completeness + validity + freshness) / 3),
    });
  }
  return summaries.sort(
    (a, b) =>
      a.overall - b.overall ||
      String(a.key ?? '').localeCompare(String(b.key ?? '')),
  );
}
