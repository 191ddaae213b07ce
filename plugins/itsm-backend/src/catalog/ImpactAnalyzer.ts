/*
 * Impact analysis over the catalog relation graph (DESIGN §3, configuration management).
 *
 * Every relation is one hop; traversal is breadth-first, one batched catalog
 * read per level, and each entity appears once, at its shortest distance, with
 * the ref it was first reached from (`via`). Cycles are harmless: an entity is
 * visited at most once.
 *
 * downstream (the blast radius: what suffers when the entity fails)
 *   dependencyOf   the components and resources that depend on it
 *   providesApi    the APIs it provides ...
 *   apiConsumedBy  ... and, one hop further, the consumers of those APIs
 *   partOf         the system (or parent component) it is part of
 *
 * upstream (what it depends on: where the cause of a failure may lie) is the
 * exact reverse of each downstream relation
 *   dependsOn, consumesApi, apiProvidedBy, hasPart
 *
 * Only configuration items are reported and traversed (kinds Component,
 * Resource, System and API): relations to groups, users or domains are not
 * part of the service graph. Relations to entities that do not exist are
 * skipped. Reads use the caller's credentials when given (the `GET /impact` API: an entity
 * the caller may not see in the catalog is neither reported nor traversed), else the
 * plugin's own (snapshots taken on a write, risk assessment).
 */

import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  parseEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_CMDB_KINDS,
  ImpactAnalysis,
  ImpactDirection,
  ImpactItem,
  readServiceTier,
} from '@backstage-itsm/plugin-itsm-common';
import { canonicalEntityRef } from './entities';

/** Depth when none is given, and the largest accepted. */
export const DEFAULT_IMPACT_DEPTH = 3;
export const MAX_IMPACT_DEPTH = 5;

const RELATIONS: Record<ImpactDirection, readonly string[]> = {
  downstream: [
    RELATION_DEPENDENCY_OF,
    RELATION_PROVIDES_API,
    RELATION_API_CONSUMED_BY,
    RELATION_PART_OF,
  ],
  upstream: [
    RELATION_DEPENDS_ON,
    RELATION_CONSUMES_API,
    RELATION_API_PROVIDED_BY,
    RELATION_HAS_PART,
  ],
};

/**
 * Kinds that are configuration items when `itsm.cmdb.kinds` is not configured (DESIGN §3:
 * Component, Resource, System, API), lowercase.
 */
export const DEFAULT_CI_KINDS = DEFAULT_CMDB_KINDS.map(k =>
  k.kind.toLocaleLowerCase('en-US'),
);

// Keeps each getEntitiesByRefs request and response at a sensible size.
const BATCH_SIZE = 200;

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'relations',
];

/** Traverses catalog relations to find what an entity affects or depends on. */
export class ImpactAnalyzer {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #kinds: ReadonlySet<string>;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    /** Kinds to report and traverse, case-insensitive; defaults to {@link DEFAULT_CI_KINDS}. */
    kinds?: string[];
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#kinds = new Set(
      (options.kinds ?? DEFAULT_CI_KINDS).map(k =>
        k.toLocaleLowerCase('en-US'),
      ),
    );
  }

  /**
   * Entities within `depth` hops of `entityRef`. Throws `NotFoundError` when
   * the entity is not in the catalog.
   */
  async analyze(options: {
    entityRef: string;
    direction?: ImpactDirection;
    depth?: number;
    /** Read the catalog as this caller; the plugin itself when absent. */
    credentials?: BackstageCredentials;
  }): Promise<ImpactAnalysis> {
    const direction = options.direction ?? 'downstream';
    const depth = options.depth ?? DEFAULT_IMPACT_DEPTH;
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_IMPACT_DEPTH) {
      throw new InputError(`depth must be 1–${MAX_IMPACT_DEPTH}, got ${depth}`);
    }
    const credentials =
      options.credentials ?? (await this.#auth.getOwnServiceCredentials());
    const root = await this.#catalog.getEntityByRef(options.entityRef, {
      credentials,
    });
    if (!root) {
      throw new NotFoundError(
        `Entity '${options.entityRef}' not found in the catalog`,
      );
    }
    const rootRef = canonicalEntityRef(root);
    const relationTypes = RELATIONS[direction];

    const visited = new Set<string>([rootRef]);
    const items: ImpactItem[] = [];
    let frontier: Array<{ ref: string; entity: Entity }> = [
      { ref: rootRef, entity: root },
    ];

    for (let distance = 1; distance <= depth && frontier.length; distance++) {
      // Next level: canonical ref → [ref as the catalog wrote it, via]. The
      // frontier is sorted, so `via` is the same whichever order the catalog uses.
      const next = new Map<string, { target: string; via: string }>();
      for (const { ref, entity } of frontier) {
        const targets = (entity.relations ?? [])
          .filter(r => relationTypes.includes(r.type))
          .map(r => r.targetRef)
          .sort();
        for (const target of targets) {
          const canonical = this.#ciRef(target);
          if (canonical && !visited.has(canonical) && !next.has(canonical)) {
            next.set(canonical, { target, via: ref });
          }
        }
      }
      for (const ref of next.keys()) {
        visited.add(ref);
      }

      const entities = await this.#read(
        [...next.values()].map(n => n.target),
        credentials,
      );
      const reached: Array<{ ref: string; entity: Entity }> = [];
      [...next.entries()].forEach(([ref, { via }], i) => {
        const entity = entities[i];
        if (!entity) {
          return; // a dangling relation
        }
        reached.push({ ref, entity });
        const title = entity.metadata.title;
        const tier = readServiceTier(entity);
        items.push({
          entityRef: ref,
          kind: entity.kind,
          name: entity.metadata.name,
          ...(title ? { title } : {}),
          ...(tier ? { tier } : {}),
          distance,
          via,
        });
      });
      frontier = reached.sort((a, b) => a.ref.localeCompare(b.ref));
    }

    items.sort(
      (a, b) =>
        a.distance - b.distance || a.entityRef.localeCompare(b.entityRef),
    );
    return { entityRef: rootRef, direction, depth, items };
  }

  /** The canonical ref of a relation target that is a configuration item, else undefined. */
  #ciRef(targetRef: string): string | undefined {
    try {
      const { kind } = parseEntityRef(targetRef);
      if (!this.#kinds.has(kind.toLocaleLowerCase('en-US'))) {
        return undefined;
      }
      return canonicalEntityRef(targetRef);
    } catch {
      return undefined;
    }
  }

  async #read(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Array<Entity | undefined>> {
    const result: Array<Entity | undefined> = [];
    for (let i = 0; i < refs.length; i += BATCH_SIZE) {
      const { items } = await this.#catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + BATCH_SIZE), fields: FIELDS },
        { credentials },
      );
      result.push(...items.map(item => item ?? undefined));
    }
    return result;
  }
}
