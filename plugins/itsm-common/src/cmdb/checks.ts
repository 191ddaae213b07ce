import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ITSM_ASSIGNMENT_GROUP_ANNOTATION,
  ITSM_SERVICE_HOURS_ANNOTATION,
  readServiceTier,
} from '../annotations';
import {
  CmdbEntity,
  CmdbKind,
  DEFAULT_CMDB_KINDS,
  cmdbCompleteness,
} from './kinds';

/** The automated accuracy checks of a verification run (DESIGN §3, 8.2.6). @public */
export const CMDB_RULES = [
  'missing_attribute',
  'owner_missing',
  'owner_unresolvable',
  'owner_group_empty',
  'dangling_relation',
  'component_without_system',
  'unknown_calendar',
  'assignment_group_not_group',
  'tier1_without_sla',
  'lifecycle_risk',
  'dependency_cycle',
] as const;

/** @public */
export type CmdbRule = (typeof CMDB_RULES)[number];

/** One deficiency a check finds on one entity. @public */
export interface CmdbFinding {
  rule: CmdbRule;
  severity: 'error' | 'warning';
  /** The entity it is about, lowercase canonical. */
  entityRef: string;
  /** What is wrong, in words, naming the attribute or target. */
  detail: string;
}

/**
 * What the checks of one entity need to know about the rest of the catalog and the ITSM
 * records, resolved by the caller (lowercase canonical refs).
 *
 * @public
 */
export interface CmdbCheckContext {
  /** Every entity ref that exists in the catalog. */
  exists: ReadonlySet<string>;
  /** Members per group ref (groups absent here have none). */
  groupMembers: ReadonlyMap<string, number>;
  /** The calendar ids clocks can count in. */
  calendars: ReadonlySet<string>;
  /** The entities an SLA in force covers. */
  slaCovered: ReadonlySet<string>;
  kinds?: readonly CmdbKind[];
}

const RELATIONS: ReadonlyArray<[field: string, defaultKind: string]> = [
  ['dependsOn', 'component'],
  ['providesApis', 'api'],
  ['consumesApis', 'api'],
  ['system', 'system'],
  ['subcomponentOf', 'component'],
];

/** A ref as written in a spec field, lowercase canonical; undefined when unparseable. */
function refOf(
  value: unknown,
  defaultKind: string,
  namespace: string,
): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind,
        defaultNamespace: namespace,
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/** The lowercase canonical ref of an entity. @public */
export function cmdbEntityRef(entity: CmdbEntity): string {
  return stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  }).toLocaleLowerCase('en-US');
}

/**
 * The relation edges of an entity as `[from, to]` lowercase refs (dependsOn, providesApis,
 * consumesApis, system, subcomponentOf), for the dangling-target check and, with `dependsOn`
 * only, for the cycle check.
 *
 * @public
 */
export function cmdbRelations(
  entity: CmdbEntity,
): Array<{ field: string; to: string }> {
  const namespace = entity.metadata.namespace ?? 'default';
  const edges: Array<{ field: string; to: string }> = [];
  for (const [field, defaultKind] of RELATIONS) {
    const raw = entity.spec?.[field];
    const values = Array.isArray(raw) ? raw : [raw];
    for (const value of values) {
      const to = refOf(value, defaultKind, namespace);
      if (to) edges.push({ field, to });
    }
  }
  return edges;
}

/**
 * The per-entity checks of a verification run on one entity in scope (out of scope: none):
 * required attributes, owner (missing, not in the catalog, a group without members), dangling
 * relation targets, a component without a system, an unknown service-hours calendar, an
 * assignment group that is not an existing group, a tier-1 service without an SLA, a deprecated
 * or experimental lifecycle on a tier-1 or SLA-covered entity. Cycles are a graph check
 * ({@link findDependencyCycles}).
 *
 * @public
 */
export function checkCmdbEntity(
  entity: CmdbEntity,
  context: CmdbCheckContext,
): CmdbFinding[] {
  const kinds = context.kinds ?? DEFAULT_CMDB_KINDS;
  const completeness = cmdbCompleteness(entity, kinds);
  if (!completeness) return [];
  const entityRef = cmdbEntityRef(entity);
  const namespace = entity.metadata.namespace ?? 'default';
  const findings: CmdbFinding[] = [];
  const add = (
    rule: CmdbRule,
    severity: CmdbFinding['severity'],
    detail: string,
  ) => findings.push({ rule, severity, entityRef, detail });

  for (const attribute of completeness.missing) {
    if (attribute !== 'owner') {
      add('missing_attribute', 'warning', `${attribute} is not set`);
    }
  }
  const owner = refOf(entity.spec?.owner, 'group', namespace);
  if (!owner) {
    add('owner_missing', 'error', 'no owner');
  } else if (!context.exists.has(owner)) {
    add('owner_unresolvable', 'error', `owner ${owner} is not in the catalog`);
  } else if (
    owner.startsWith('group:') &&
    (context.groupMembers.get(owner) ?? 0) === 0
  ) {
    add('owner_group_empty', 'error', `owner group ${owner} has no members`);
  }
  for (const { field, to } of cmdbRelations(entity)) {
    if (!context.exists.has(to)) {
      add(
        'dangling_relation',
        'error',
        `${field} names ${to}, not in the catalog`,
      );
    }
  }
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (
    kind === 'component' &&
    refOf(entity.spec?.system, 'system', namespace) === undefined
  ) {
    add('component_without_system', 'warning', 'not part of a system');
  }
  const annotations = entity.metadata.annotations ?? {};
  const calendar = annotations[ITSM_SERVICE_HOURS_ANNOTATION]?.trim();
  if (calendar && !context.calendars.has(calendar)) {
    add(
      'unknown_calendar',
      'error',
      `service hours ${calendar} is not a known calendar`,
    );
  }
  const assignment = annotations[ITSM_ASSIGNMENT_GROUP_ANNOTATION]?.trim();
  if (assignment) {
    const group = refOf(assignment, 'group', namespace);
    if (!group || !group.startsWith('group:') || !context.exists.has(group)) {
      add(
        'assignment_group_not_group',
        'error',
        `assignment group ${assignment} is not a group in the catalog`,
      );
    }
  }
  const tier = readServiceTier(entity);
  const covered = context.slaCovered.has(entityRef);
  if (tier === 1 && !covered) {
    add('tier1_without_sla', 'warning', 'tier 1 without an SLA in force');
  }
  const lifecycle = String(entity.spec?.lifecycle ?? '').toLocaleLowerCase(
    'en-US',
  );
  if (
    (lifecycle === 'deprecated' || lifecycle === 'experimental') &&
    (tier === 1 || covered)
  ) {
    add(
      'lifecycle_risk',
      'warning',
      `${lifecycle} lifecycle on ${
        tier === 1 ? 'a tier-1' : 'an SLA-covered'
      } entity`,
    );
  }
  return findings;
}
