/**
 * Pure rules of problem detection: the window a detection belongs to, its unique key, and the
 * clustering of incidents by a shared upstream dependency.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Detection thresholds (`itsm.problems.detection`). @public */
export interface DetectionConfig {
  /** N incidents with the same entity and category or signature... */
  recurrenceThreshold: number;
  /** ...within M days. */
  recurrenceWindowDays: number;
  /** Incidents on K or more services that share an upstream dependency... */
  upstreamThreshold: number;
  /** ...within this many days. */
  upstreamWindowDays: number;
}

/** @public */
export const DEFAULT_DETECTION_CONFIG: DetectionConfig = {
  recurrenceThreshold: 3,
  recurrenceWindowDays: 7,
  upstreamThreshold: 3,
  upstreamWindowDays: 2,
};

/**
 * The detection window containing `now`: windows of `days` days aligned on the Unix epoch, so
 * every replica and every run computes the same window (and the same unique key) for the same
 * instant. Incidents are counted over the `days` days before `now` (a sliding window); the
 * aligned window only names the candidate.
 *
 * @public
 */
export function detectionWindow(
  now: Date,
  days: number,
): { start: Date; end: Date } {
  const length = days * DAY_MS;
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

/**
 * Groups recent incidents by the upstream dependencies of their services: a dependency shared
 * by `threshold` or more distinct services (the failing services themselves excluded) is a
 * cluster, biggest first.
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
    for (const dep of upstreamOf.get(service) ?? []) {
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
  return clusters.sort(
    (a, b) =>
      b.services.length - a.services.length ||
      a.dependency.localeCompare(b.dependency),
  );
}
