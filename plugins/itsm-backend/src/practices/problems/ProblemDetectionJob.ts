import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DetectionConfig,
  detectionKey,
  detectionWindow,
  upstreamClusters,
} from '@backstage-itsm/plugin-itsm-common';
import { ImpactAnalyzer } from '../../catalog/ImpactAnalyzer';
import type { KnexProblemStore } from './KnexProblemStore';
import type { ProblemService } from './ProblemService';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** How long a run may hold the detection lease (the scheduled task times out at 15 minutes). */
const LEASE_MS = 15 * 60 * 1000;

/** At most this many distinct failing services are looked up in the catalog graph per run. */
const MAX_UPSTREAM_LOOKUPS = 500;

/**
 * Proposes candidate problems (DESIGN §3 "Detection"):
 *
 * - recurrence: N or more incidents on one entity with the same signature (first) or category
 *   within the last M days, not counting incidents linked to an open problem, unless an open
 *   problem already covers that entity and key;
 * - upstream: incidents within the last hours on K or more services that share a direct
 *   upstream dependency in the catalog graph: one candidate on that dependency.
 *
 * Each candidate carries a unique key per (rule, entity, key) and detection window (windows
 * aligned on the epoch), so however many replicas run at once, or however often, a window's
 * cluster is proposed once; a dismissed candidate stays, with its reason, and keeps its key.
 */
export class ProblemDetectionJob {
  readonly #store: KnexProblemStore;
  readonly #problems: ProblemService;
  readonly #impact: ImpactAnalyzer;
  readonly #config: DetectionConfig;
  readonly #logger: LoggerService;
  readonly #now: () => Date;

  constructor(options: {
    store: KnexProblemStore;
    problems: ProblemService;
    impact: ImpactAnalyzer;
    config: DetectionConfig;
    logger: LoggerService;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#problems = options.problems;
    this.#impact = options.impact;
    this.#config = options.config;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * One run; returns the ids of the candidates it proposed. Runs hold a lease, so two at once
   * (the schedule on one replica and an on-demand run on another) do not both read the same
   * unexplained incidents: the second proposes nothing.
   */
  async run(): Promise<{ proposed: string[] }> {
    const now = this.#now();
    const proposed = await this.#store.withLease(
      'problem-detection',
      { holder: randomUUID(), now: new Date(), ttlMs: LEASE_MS },
      async () => [
        ...(await this.#recurrence(now)),
        ...(await this.#upstream(now)),
      ],
    );
    if (proposed === undefined) {
      this.#logger.info('Problem detection is running elsewhere; skipped');
      return { proposed: [] };
    }
    if (proposed.length) {
      this.#logger.info(
        `Problem detection proposed ${
          proposed.length
        } candidates: ${proposed.join(', ')}`,
      );
    }
    return { proposed };
  }

  async #recurrence(now: Date): Promise<string[]> {
    const { recurrenceThreshold: threshold, recurrenceWindowDays: days } =
      this.#config;
    const since = new Date(now.getTime() - days * DAY_MS);
    const window = detectionWindow(now, days * 24);
    const proposed: string[] = [];
    // Entities whose candidate another replica proposed at the same moment: its incidents may
    // not be linked yet, so a category cluster of theirs is left to the next run.
    const contended = new Set<string>();
    for (const by of ['signature', 'category'] as const) {
      const groups = await this.#store.recurringIncidents({
        since,
        until: now,
        threshold,
        by,
      });
      for (const group of groups) {
        // Incidents linked to an open problem are not counted (see recurringIncidents), so a
        // signature cluster proposed first does not come back as its category's; a problem
        // raised by hand on the entity with this key covers it too.
        if (contended.has(group.entityRef)) continue;
        const open = await this.#problems.hasOpenProblem({
          entityRef: group.entityRef,
          [by]: group.value,
        });
        if (open) continue;
        const key = `${by}:${group.value}`;
        const { incidentSeqs, latestTitle } = await this.#store.groupIncidents({
          entityRef: group.entityRef,
          by,
          value: group.value,
          since,
          until: now,
        });
        const label =
          by === 'signature' ? latestTitle : `${group.value} incidents`;
        const problem = await this.#problems.propose({
          title: `Recurring: ${label} on ${shortRef(group.entityRef)}`.slice(
            0,
            200,
          ),
          statement: `${group.count} incidents on \`${group.entityRef}\` with the same ${by} (\`${group.value}\`) within ${days} days. Proposed by problem detection: accept it to investigate, or dismiss it with the reason.`,
          entityRef: group.entityRef,
          category: by === 'category' ? group.value : null,
          signature: by === 'signature' ? group.value : null,
          detection: {
            rule: 'recurrence',
            key,
            windowHours: days * 24,
            windowStart: since.toISOString(),
            windowEnd: now.toISOString(),
            incidentCount: group.count,
          },
          detectionKey: detectionKey('recurrence', group.entityRef, key),
          window: window.start,
          incidentSeqs,
        });
        if (problem) proposed.push(problem.id);
        else contended.add(group.entityRef);
      }
    }
    return proposed;
  }

  async #upstream(now: Date): Promise<string[]> {
    const { upstreamThreshold: threshold, upstreamWindowHours: hours } =
      this.#config;
    const since = new Date(now.getTime() - hours * HOUR_MS);
    const incidents = await this.#store.recentIncidents(since, now);
    const services = [...new Set(incidents.map(i => i.entityRef))];
    if (services.length < threshold) return [];
    const upstreamOf = new Map<string, string[]>();
    for (const service of services.slice(0, MAX_UPSTREAM_LOOKUPS)) {
      try {
        const analysis = await this.#impact.analyze({
          entityRef: service,
          direction: 'upstream',
          depth: 1,
        });
        upstreamOf.set(
          service,
          analysis.items.map(item => item.entityRef.toLocaleLowerCase('en-US')),
        );
      } catch (error) {
        // An entity gone from the catalog has no upstream; anything else is worth a line.
        if ((error as Error).name !== 'NotFoundError') {
          this.#logger.warn(`Upstream of ${service}: ${error}`);
        }
      }
    }
    const clusters = upstreamClusters(
      incidents.map(i => ({ id: String(i.seq), entityRef: i.entityRef })),
      upstreamOf,
      threshold,
    );
    const window = detectionWindow(now, hours);
    const proposed: string[] = [];
    for (const cluster of clusters) {
      if (
        await this.#problems.hasOpenProblem({ entityRef: cluster.dependency })
      ) {
        continue;
      }
      const problem = await this.#problems.propose({
        title: `${
          cluster.services.length
        } services failing that depend on ${shortRef(
          cluster.dependency,
        )}`.slice(0, 200),
        statement: `Incidents on ${cluster.services
          .map(s => `\`${s}\``)
          .join(', ')} within ${hours} hours; all of them depend on \`${
          cluster.dependency
        }\`. Proposed by problem detection from the catalog graph.`,
        entityRef: cluster.dependency,
        category: null,
        signature: null,
        detection: {
          rule: 'upstream',
          key: cluster.dependency,
          windowHours: hours,
          windowStart: since.toISOString(),
          windowEnd: now.toISOString(),
          incidentCount: cluster.incidentIds.length,
          services: cluster.services,
        },
        detectionKey: detectionKey('upstream', cluster.dependency, 'upstream'),
        window: window.start,
        incidentSeqs: cluster.incidentIds.map(Number).slice(0, 100),
      });
      if (problem) proposed.push(problem.id);
    }
    return proposed;
  }
}

/** `component:default/payments` → `payments`. */
function shortRef(ref: string): string {
  return ref.replace(/^[^:]+:(default\/)?/, '');
}
