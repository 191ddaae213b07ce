import {
  RELATION_API_CONSUMED_BY,
  RELATION_DEPENDENCY_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';
import { SurveyAudience, slaInForce } from '@backstage-itsm/plugin-itsm-common';
import type { ItsmCatalog } from '../../catalog/ItsmCatalog';
import { canonicalEntityRef, ownerRefOf } from '../../catalog/entities';
import type { SlaTargetSource } from '../service-levels/KnexSlaTargetStore';

/** Who an audience names, and the people it comes to. */
export interface ResolvedAudience {
  /** The customer groups of the SLA in force. */
  customerGroups: string[];
  /** The entities that depend on the service or consume its APIs. */
  consumers: string[];
  /** Their owners. */
  consumerOwners: string[];
  /** Every person invited: users named, and the members of the groups named; sorted. */
  invitees: string[];
}

/** Group members, as change approvals read them (`ChangeCatalog.membersOf`). */
export interface GroupMembers {
  membersOf(groupRefs: string[]): Promise<Map<string, string[]>>;
}

function safeCanonical(ref: string): string | undefined {
  try {
    return canonicalEntityRef(ref);
  } catch {
    return undefined;
  }
}

const targetsOf = (
  entity: { relations?: Array<{ type: string; targetRef: string }> },
  type: string,
) =>
  (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => safeCanonical(r.targetRef))
    .filter((r): r is string => Boolean(r));

/**
 * Resolves a campaign's audience when it opens (DESIGN §3: no list to keep by hand): the
 * customer groups of the service's SLA in force, and the owners of its consumers in the catalog
 * graph (the entities with `dependsOn` on it, and the consumers of the APIs it provides or that
 * it is), plus the users and groups named; groups become their members. Catalog reads are the
 * plugin's own, so the answer does not depend on who opens the campaign.
 */
export class SurveyAudienceResolver {
  readonly #catalog: ItsmCatalog;
  readonly #members: GroupMembers;
  readonly #slas: SlaTargetSource;

  constructor(options: {
    catalog: ItsmCatalog;
    members: GroupMembers;
    slas: SlaTargetSource;
  }) {
    this.#catalog = options.catalog;
    this.#members = options.members;
    this.#slas = options.slas;
  }

  async resolve(options: {
    entityRef: string;
    audience: SurveyAudience;
    at: Date;
  }): Promise<ResolvedAudience> {
    const { audience, at } = options;
    const [customerGroups, consumers] = await Promise.all([
      audience.slaCustomers ? this.#customerGroups(options.entityRef, at) : [],
      audience.consumerOwners ? this.consumers(options.entityRef) : [],
    ]);
    const consumerEntities = await this.#catalog.getEntities(consumers);
    const consumerOwners = [
      ...new Set(
        consumerEntities
          .map(entity => (entity ? ownerRefOf(entity) : null))
          .filter((ref): ref is string => Boolean(ref)),
      ),
    ].sort();
    const named = [
      ...new Set([...customerGroups, ...consumerOwners, ...audience.extra]),
    ];
    const groups = named.filter(ref => ref.startsWith('group:'));
    const members = await this.#members.membersOf(groups);
    const invitees = new Set(named.filter(ref => ref.startsWith('user:')));
    for (const list of members.values()) {
      list.forEach(user => invitees.add(user));
    }
    return {
      customerGroups,
      consumers,
      consumerOwners,
      invitees: [...invitees].sort(),
    };
  }

  /**
   * The entities that consume the service: those depending on it (`dependencyOf`), the
   * consumers of the APIs it provides, and of itself when it is an API. Lowercase, sorted.
   */
  async consumers(entityRef: string): Promise<string[]> {
    const ref = canonicalEntityRef(entityRef);
    const service = await this.#catalog.getEntity(ref);
    if (!service) {
      return [];
    }
    const apis = await this.#catalog.getEntities(
      targetsOf(service, RELATION_PROVIDES_API),
    );
    const consumers = new Set([
      ...targetsOf(service, RELATION_DEPENDENCY_OF),
      ...targetsOf(service, RELATION_API_CONSUMED_BY),
      ...apis.flatMap(api =>
        api ? targetsOf(api, RELATION_API_CONSUMED_BY) : [],
      ),
    ]);
    consumers.delete(ref);
    return [...consumers].sort();
  }

  async #customerGroups(entityRef: string, at: Date): Promise<string[]> {
    const revisions = await this.#slas.revisionsOf(entityRef);
    const inForce = slaInForce(revisions, at);
    return (inForce?.terms.customerGroups ?? []).map(g =>
      g.toLocaleLowerCase('en-US'),
    );
  }
}
