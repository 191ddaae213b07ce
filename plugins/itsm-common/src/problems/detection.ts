/**
 * Pure rules of problem detection: the window a detection belongs to, its unique key, and the
 * clustering of incidents by a shared upstream dependency.
 */

const HOUR_MS = 60 * 60 * 1000;

/** Detection thresholds (`itsm.problems.detection`). @public */
export interface DetectionConfig {
  /** N incidents with the same entity and category or signature... */
  recurrenceThreshold: number;
  /** ...within M days. */
  recurrenceWindowDays: number;
  /** Incidents on K or more services that share an upstream dependency... */
  upstreamThreshold: number;
  /** ...within this many hours (failing together). */
  upstreamWindowHours: number;
}

/** @public */
export const DEFAULT_DETECTION_CONFIG: DetectionConfig = {
  recurrenceThreshold: 3,
  recurrenceWindowDays: 7,
  upstreamThreshold: 3,
  upstreamWindowHours: 6,
};

/**
 * The detection window containing `now`: windows of `hours` hours aligned on the Unix epoch,
 * so every replica and every run computes the same window (and the same unique key) for the
 * same instant. Incidents are counted over the `hours` before `now` (a sliding window); the
 * aligned window only names the candidate.
 *
 * @public
 */
export function detectionWindow(
  now: Date,
  hours: number,
): { start: Date; end: Date } {
  const length = hours * HOUR_MS;
  const start = Math.floor(now.getTime() / length) * length;
  return { start: new Date(start), end: new Date(start + length) };
}

/**
 * The unique key of a detection: the rule, the entity (lowercase) and what the incidents
 * share (`category:<c>`, `signature:<s>` or `upstream`). Stored with the window start, so the
 * same cluster is proposed once per window however many replicas run the job.
 *
 * @public
 */
export function detectionKey(
  rule: 'recurrence' | 'upstream',
  entityRef: string,
  key: string,
): string {
  return `${rule}|${entityRef.toLocaleLowerCase('en-US')}|${key}`.slice(0, 400);
}

/** Kinds in the order a shared cause is preferred when two explain the same failures. */
const KIND_RANK: Record<string, number> = {
  resource: 0,
  component: 1,
  system: 2,
  api: 3,
};

const kindRank = (ref: string) => KIND_RANK[ref.split(':')[0]] ?? 4;

/**
 * Groups recent incidents by the upstream dependencies of their services: a dependency shared
 * by `threshold` or more distinct failing services (itself excluded) is a cluster. A cluster
 * whose services are all explained by a bigger (or equal, better-ranked) cluster is dropped,
 * so the dependency that explains the most failures is proposed, not every API and component
 * on the way to it. Biggest first; on a tie resources, then components, systems, APIs.
 *
 * @public
 */
export function upstreamClusters(
  incidents: ReadonlyArray<{ id: string; entityRef: string }>,
  upstreamOf: ReadonlyMap<string, readonly string[]>,
  threshold: number,
): Array<{ dependency: string; services: string[]; incidentIds: string[] }> {
  const byDependency = new Map<
    string,
    { services: Set<string>; incidentIds: string[] }
  >();
  for (const incident of incidents) {
    const service = incident.entityRef.toLocaleLowerCase('en-US');
    for (const dep of new Set(upstreamOf.get(service) ?? [])) {
      const dependency = dep.toLocaleLowerCase('en-US');
      if (dependency === service) continue;
      let entry = byDependency.get(dependency);
      if (!entry) {
        entry = { services: new Set(), incidentIds: [] };
        byDependency.set(dependency, entry);
      }
      entry.services.add(service);
      entry.incidentIds.push(incident.id);
    }
  }
  const clusters = [];
  for (const [dependency, entry] of byDependency) {
    const services = [...entry.services].filter(s => s !== dependency);
    if (services.length >= threshold) {
      clusters.push({
        dependency,
        services: services.sort(),
        incidentIds: entry.incidentIds,
      });
    }
  }
  clusters.sort(
    (a, b) =>
      b.services.length - a.services.length ||
      kindRank(a.dependency) - kindRank(b.dependency) ||
      a.dependency.localeCompare(b.dependency),
  );
  const kept: typeof clusters = [];
  for (const cluster of clusters) {
    const explained = kept.some(bigger =>
      cluster.services.every(s => bigger.services.includes(s)),
    );
    if (!explained) kept.push(cluster);
  }
  return kept;
}
