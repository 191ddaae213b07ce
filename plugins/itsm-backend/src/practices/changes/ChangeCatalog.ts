/*
 * What change enablement reads from the catalog: the owner, system and tier of
 * the affected entities, their directly related entities (for conflicts),
 * group members and a user's groups (for approvals) and the downstream blast
 * radius (for risk). Reads use the plugin's own service credentials, so the
 * answer does not depend on who asks.
 */

import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ServiceTier,
  readServiceTier,
} from '@backstage-itsm/plugin-itsm-common';
import { canonicalEntityRef, ownerRefOf } from '../../catalog/entities';

/** Relations that make two entities "directly related" for change conflicts (either direction). */
const DIRECT_RELATIONS = [
  RELATION_DEPENDS_ON,
  RELATION_DEPENDENCY_OF,
  RELATION_PART_OF,
  RELATION_HAS_PART,
  RELATION_PROVIDES_API,
  RELATION_CONSUMES_API,
  RELATION_API_PROVIDED_BY,
  RELATION_API_CONSUMED_BY,
];

// Keeps each getEntitiesByRefs request at a sensible size.
const BATCH_SIZE = 200;

/** What a change needs to know about one affected entity. */
export interface ChangeEntityInfo {
  entityRef: string;
  ownerRef: string | null;
  systemRef: string | null;
  tier?: ServiceTier;
  /** Directly related entities, lowercase canonical. */
  related: string[];
}

/** The downstream impact of a set of entities: how many depend on them, and their tiers. */
export interface BlastRadius {
  count: number;
  tiers: number[];
}

/** The analysis the blast radius comes from (`ImpactAnalyzer`). */
export interface ChangeImpactAnalyzer {
  analyze(options: {
    entityRef: string;
    direction: 'downstream' | 'upstream';
    depth: number;
  }): Promise<{ items: Array<{ entityRef: string; tier?: number }> }>;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

function safeCanonical(ref: string): string | undefined {
  try {
    return canonicalEntityRef(ref);
  } catch {
    return undefined;
  }
}

/** The `partOf` system of an entity (or its `spec.system`), lowercase canonical. */
function systemRefOf(entity: Entity): string | null {
  const system = (entity.relations ?? [])
    .filter(r => r.type === RELATION_PART_OF)
    .map(r => safeCanonical(r.targetRef))
    .find(ref => ref?.startsWith('system:'));
  if (system) {
    return system;
  }
  const spec = entity.spec?.system;
  if (typeof spec !== 'string' || !spec) {
    return null;
  }
  return (
    safeCanonical(
      spec.includes(':')
        ? spec
        : `system:${entity.metadata.namespace ?? 'default'}/${spec}`,
    ) ?? null
  );
}

/** Catalog reads of change enablement. */
export class ChangeCatalog {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #impact: ChangeImpactAnalyzer;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    impactAnalyzer: ChangeImpactAnalyzer;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#impact = options.impactAnalyzer;
  }

  /** The entities in the order of `entityRefs`, `undefined` where one does not exist. */
  async describe(
    entityRefs: string[],
  ): Promise<Array<ChangeEntityInfo | undefined>> {
    const entities = await this.#read(entityRefs);
    return entities.map((entity, i) => {
      if (!entity) {
        return undefined;
      }
      const tier = readServiceTier(entity);
      return {
        entityRef: entityRefs[i],
        ownerRef: ownerRefOf(entity),
        systemRef: systemRefOf(entity),
        ...(tier ? { tier } : {}),
        related: [
          ...new Set(
            (entity.relations ?? [])
              .filter(r => DIRECT_RELATIONS.includes(r.type))
              .map(r => safeCanonical(r.targetRef))
              .filter((r): r is string => r !== undefined),
          ),
        ].sort(),
      };
    });
  }

  /** Directly related entities of each ref (either direction), in one batched read. */
  async related(entityRefs: string[]): Promise<Map<string, string[]>> {
    const unique = [...new Set(entityRefs)];
    const infos = await this.describe(unique);
    return new Map(unique.map((ref, i) => [ref, infos[i]?.related ?? []]));
  }

  /**
   * The users who are members of a group: the group's `hasMember` relations
   * and the users whose `memberOf` names it. Lowercase user refs.
   */
  async groupMembers(groupRef: string): Promise<string[]> {
    const ref = canonicalEntityRef(groupRef);
    const credentials = await this.#auth.getOwnServiceCredentials();
    const [group, users] = await Promise.all([
      this.#catalog.getEntityByRef(ref, { credentials }),
      this.#catalog.getEntities(
        {
          filter: { kind: 'user', 'relations.memberOf': ref },
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { credentials },
      ),
    ]);
    const members = new Set<string>();
    for (const relation of group?.relations ?? []) {
      if (relation.type === RELATION_HAS_MEMBER) {
        const member = safeCanonical(relation.targetRef);
        if (member?.startsWith('user:')) {
          members.add(member);
        }
      }
    }
    for (const user of users.items) {
      members.add(canonicalEntityRef(user));
    }
    return [...members].sort();
  }

  /** Members of several groups, one entry per group. */
  async membersOf(groupRefs: string[]): Promise<Map<string, string[]>> {
    const unique = [...new Set(groupRefs.map(lower))];
    const lists = await Promise.all(unique.map(g => this.groupMembers(g)));
    return new Map(unique.map((g, i) => [g, lists[i]]));
  }

  /** The groups each user is a member of (`memberOf`), lowercase; unknown users have none. */
  async groupsOf(userRefs: string[]): Promise<Map<string, string[]>> {
    const unique = [...new Set(userRefs.map(lower))];
    const users = await this.#read(unique);
    return new Map(
      unique.map((ref, i) => {
        const user = users[i];
        const groups = new Set<string>();
        for (const relation of user?.relations ?? []) {
          if (relation.type === RELATION_MEMBER_OF) {
            const group = safeCanonical(relation.targetRef);
            if (group) groups.add(group);
          }
        }
        return [ref, [...groups].sort()];
      }),
    );
  }

  /**
   * Everything downstream of the entities within `depth` hops (the blast
   * radius), the entities themselves left out, counted once.
   */
  async blastRadius(entityRefs: string[], depth: number): Promise<BlastRadius> {
    const own = new Set(entityRefs);
    const reached = new Map<string, number | undefined>();
    const analyses = await Promise.all(
      entityRefs.map(entityRef =>
        this.#impact.analyze({ entityRef, direction: 'downstream', depth }),
      ),
    );
    for (const { items } of analyses) {
      for (const item of items) {
        if (!own.has(item.entityRef)) {
          reached.set(item.entityRef, item.tier);
        }
      }
    }
    return {
      count: reached.size,
      tiers: [...reached.values()].filter((t): t is number => t !== undefined),
    };
  }

  async #read(refs: string[]): Promise<Array<Entity | undefined>> {
    if (refs.length === 0) {
      return [];
    }
    const credentials = await this.#auth.getOwnServiceCredentials();
    const result: Array<Entity | undefined> = [];
    for (let i = 0; i < refs.length; i += BATCH_SIZE) {
      const { items } = await this.#catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + BATCH_SIZE) },
        { credentials },
      );
      result.push(...items.map(item => item ?? undefined));
    }
    return result;
  }
}
