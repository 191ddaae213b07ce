import {
  ITSM_ASSIGNMENT_GROUP_ANNOTATION,
  ITSM_SERVICE_HOURS_ANNOTATION,
  ITSM_TIER_ANNOTATION,
} from '../annotations';

/**
 * One configuration-item kind in scope of the CMDB (`itsm.cmdb.kinds`) with the attributes an
 * entity of that kind must carry. An attribute is `owner`, `lifecycle`, `system`, `type` or
 * `domain` (the entity's `spec` field of that name) or an annotation key (`itsm/tier`).
 *
 * @public
 */
export interface CmdbKind {
  /** Catalog kind, case-insensitive (`Component`). */
  kind: string;
  required: string[];
}

/**
 * The CI scope when `itsm.cmdb.kinds` is not configured (DESIGN §3 "Configuration
 * management": Component, Resource, System, API), with the attributes each needs; a component
 * needs what incidents, SLAs and changes lean on: owner, lifecycle, system, tier, service hours
 * and assignment group.
 *
 * @public
 */
export const DEFAULT_CMDB_KINDS: readonly CmdbKind[] = [
  {
    kind: 'Component',
    required: [
      'owner',
      'lifecycle',
      'system',
      ITSM_TIER_ANNOTATION,
      ITSM_SERVICE_HOURS_ANNOTATION,
      ITSM_ASSIGNMENT_GROUP_ANNOTATION,
    ],
  },
  { kind: 'Resource', required: ['owner', 'type'] },
  { kind: 'System', required: ['owner'] },
  { kind: 'API', required: ['owner', 'lifecycle'] },
];

const SPEC_ATTRIBUTES = new Set([
  'owner',
  'lifecycle',
  'system',
  'type',
  'domain',
]);

/** The catalog entity shape the CMDB rules read. @public */
export interface CmdbEntity {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
}

/**
 * The value of one attribute of an entity (see {@link CmdbKind}), trimmed; undefined when
 * missing, empty or not a string.
 *
 * @public
 */
export function cmdbAttribute(
  entity: CmdbEntity,
  attribute: string,
): string | undefined {
  const raw = SPEC_ATTRIBUTES.has(attribute)
    ? entity.spec?.[attribute]
    : entity.metadata.annotations?.[attribute];
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim();
  return value.length > 0 ? value : undefined;
}

/** The kind definition an entity falls under, or undefined when it is out of scope. @public */
export function cmdbKindOf(
  entity: Pick<CmdbEntity, 'kind'>,
  kinds: readonly CmdbKind[] = DEFAULT_CMDB_KINDS,
): CmdbKind | undefined {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return kinds.find(k => k.kind.toLocaleLowerCase('en-US') === kind);
}

/**
 * Completeness of one entity: the required attributes of its kind, those missing, and the
 * share present (1 when its kind requires nothing); undefined for an entity out of scope.
 *
 * @public
 */
export function cmdbCompleteness(
  entity: CmdbEntity,
  kinds: readonly CmdbKind[] = DEFAULT_CMDB_KINDS,
): { required: string[]; missing: string[]; score: number } | undefined {
  const kind = cmdbKindOf(entity, kinds);
  if (!kind) return undefined;
  const missing = kind.required.filter(
    a => cmdbAttribute(entity, a) === undefined,
  );
  const score =
    kind.required.length === 0
      ? 1
      : (kind.required.length - missing.length) / kind.required.length;
  return { required: [...kind.required], missing, score };
}

/**
 * The in-scope attributes of an entity as a canonical string (sorted keys, JSON): what an
 * owner attests and what a verification run hashes, so that a change to any of them (and to
 * nothing else) invalidates an attestation or shows as an attribute change. The backend hashes
 * it (SHA-256).
 *
 * @public
 */
export function cmdbAttributeSubject(
  entity: CmdbEntity,
  kinds: readonly CmdbKind[] = DEFAULT_CMDB_KINDS,
): string {
  const kind = cmdbKindOf(entity, kinds);
  const attributes = [...(kind?.required ?? [])].sort();
  const values: Record<string, string | null> = {};
  for (const attribute of attributes) {
    values[attribute] = cmdbAttribute(entity, attribute) ?? null;
  }
  return JSON.stringify({
    kind: entity.kind.toLocaleLowerCase('en-US'),
    attributes: values,
  });
}
