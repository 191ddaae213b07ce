import {
  BackstageCredentials,
  DatabaseService,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { RELATION_DEPENDS_ON, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  IncidentTrend,
  IncidentTrendCount,
  IncidentTrendInterval,
  IncidentTrendQuery,
  foldIncidentTrendUpstream,
  incidentTrendRows,
  resolveIncidentTrendRange,
  trendPeriods,
} from '@backstage-itsm/plugin-itsm-common';
import { DEFAULT_CI_KINDS } from '../../catalog/ImpactAnalyzer';
import { canonicalEntityRef } from '../../catalog/entities';
import type { RequestContext } from '../../records/context';
import { IncidentAccess } from '../incidents/IncidentAccess';
import {
  IncidentPermissionFilter,
  incidentPermissionResourceRef,
} from '../incidents/incidentPermissionResource';
import { KnexIncidentTrendStore } from './KnexIncidentTrendStore';

/** What the store counts: incidents created in [from, to), per key and period. */
export interface IncidentTrendCountOptions {
  /** `entity` is the primary entity (also what `upstream` is folded from). */
  key: 'entity' | 'category' | 'signature';
  interval: IncidentTrendInterval;
  from: Date;
  to: Date;
  /** Only incidents whose primary entity is one of these (lowercase). */
  entityRefs?: string[];
  permissionFilter?: PermissionCriteria<IncidentPermissionFilter>;
}

/** The aggregate behind the trend report. */
export interface IncidentTrendStore {
  /** One cell per (key, period start) that holds incidents. */
  countIncidents(
    options: IncidentTrendCountOptions,
  ): Promise<IncidentTrendCount[]>;
}

/** The direct upstream dependencies of each entity, as the caller may see them in the catalog. */
export type UpstreamResolver = (
  entityRefs: string[],
  credentials: BackstageCredentials,
) => Promise<Map<string, string[]>>;

// Keeps each getEntitiesByRefs request and response at a sensible size.
const BATCH_SIZE = 200;
const CI_KINDS = new Set(DEFAULT_CI_KINDS);

/**
 * Direct upstream dependencies from the catalog (`dependsOn` relations to configuration
 * items), read with the caller's credentials like `GET /impact`: an entity the caller may not
 * see is neither folded from nor reported. Two batched catalog reads: the entities, then their
 * dependencies (to drop dangling and hidden ones).
 */
export function catalogUpstream(catalog: CatalogService): UpstreamResolver {
  const read = async (refs: string[], credentials: BackstageCredentials) => {
    const entities = [];
    for (let i = 0; i < refs.length; i += BATCH_SIZE) {
      const { items } = await catalog.getEntitiesByRefs(
        {
          entityRefs: refs.slice(i, i + BATCH_SIZE),
          fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
        },
        { credentials },
      );
      entities.push(...items);
    }
    return entities;
  };
  return async (entityRefs, credentials) => {
    const entities = await read(entityRefs, credentials);
    const dependsOn = new Map<string, string[]>();
    entities.forEach((entity, i) => {
      const targets = (entity?.relations ?? [])
        .filter(r => r.type === RELATION_DEPENDS_ON)
        .map(r => ciRef(r.targetRef))
        .filter((ref): ref is string => ref !== undefined);
      if (targets.length) {
        dependsOn.set(entityRefs[i], [...new Set(targets)].sort());
      }
    });
    const targets = [...new Set([...dependsOn.values()].flat())];
    const visible = new Set(
      (await read(targets, credentials)).flatMap((entity, i) =>
        entity ? [targets[i]] : [],
      ),
    );
    const upstream = new Map<string, string[]>();
    for (const [ref, deps] of dependsOn) {
      upstream.set(
        ref,
        deps.filter(dep => visible.has(dep)),
      );
    }
    return upstream;
  };
}

/** The canonical ref of a relation target that is a configuration item, else undefined. */
function ciRef(targetRef: string): string | undefined {
  try {
    const { kind } = parseEntityRef(targetRef);
    return CI_KINDS.has(kind.toLocaleLowerCase('en-US'))
      ? canonicalEntityRef(targetRef)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The incident trend report (DESIGN §3, problem management, proactive): incidents the caller
 * may read, created in [from, to), counted per entity, category, signature or upstream
 * dependency and per week or month. The counting is one aggregate in SQL; this service holds
 * the rules: the default range and its limits, the read permission, `top` and `(other)`, and
 * the folding of entities into their dependencies.
 */
export class IncidentTrendService {
  readonly #store: IncidentTrendStore;
  readonly #access: Pick<IncidentAccess, 'requireRead'>;
  readonly #upstream: UpstreamResolver;
  readonly #now: () => Date;

  /** Builds the service on the plugin's database, catalog and registered incident rules. */
  static async create(deps: {
    database: DatabaseService;
    catalog: CatalogService;
    permissions: PermissionsService;
    permissionsRegistry: PermissionsRegistryService;
    now?: () => Date;
  }): Promise<IncidentTrendService> {
    return new IncidentTrendService({
      store: await KnexIncidentTrendStore.create(deps),
      access: new IncidentAccess({
        permissions: deps.permissions,
        ruleset: deps.permissionsRegistry.getPermissionRuleset(
          incidentPermissionResourceRef,
        ),
      }),
      upstream: catalogUpstream(deps.catalog),
      now: deps.now,
    });
  }

  constructor(options: {
    store: IncidentTrendStore;
    /** Read access to incidents (`itsm.incident.read`, conditional decisions as filters). */
    access: Pick<IncidentAccess, 'requireRead'>;
    upstream: UpstreamResolver;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#access = options.access;
    this.#upstream = options.upstream;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * The report. 400 (`InputError`) when `from` is not before `to` or the range is longer
   * than three years; 403 when the caller may not read incidents at all.
   */
  async report(
    query: IncidentTrendQuery,
    ctx: RequestContext,
  ): Promise<IncidentTrend> {
    const { groupBy, interval, top } = query;
    const { from, to } = resolveIncidentTrendRange({
      from: query.from,
      to: query.to,
      interval,
      now: this.#now(),
    });
    const access = await this.#access.requireRead(ctx.credentials);
    const entityRefs = query.entityRef?.length
      ? [...new Set(query.entityRef.map(ref => ref.toLocaleLowerCase('en-US')))]
      : undefined;
    let cells = await this.#store.countIncidents({
      key: groupBy === 'upstream' ? 'entity' : groupBy,
      interval,
      from,
      to,
      entityRefs,
      permissionFilter: access.permissionFilter,
    });
    if (groupBy === 'upstream') {
      // SQL counts per (primary entity, period); the entities counted are few (hundreds at
      // most, against any number of incidents), so their dependencies are read from the
      // catalog in two batched calls and the counts folded into them here: each incident
      // counts once under every direct dependency of its entity, none when it has none.
      const entities = [...new Set(cells.map(cell => cell.key))].sort();
      const upstream = entities.length
        ? await this.#upstream(entities, ctx.credentials)
        : new Map<string, string[]>();
      cells = foldIncidentTrendUpstream(cells, upstream);
    }
    const periods = trendPeriods(from, to, interval);
    return {
      groupBy,
      interval,
      from: from.toISOString(),
      to: to.toISOString(),
      periods: periods.map(p => p.toISOString()),
      rows: incidentTrendRows(cells, periods, top),
    };
  }
}
