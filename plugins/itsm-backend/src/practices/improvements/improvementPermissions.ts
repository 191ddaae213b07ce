import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  PermissionRuleset,
  createConditionExports,
  createPermissionResourceRef,
} from '@backstage/plugin-permission-node';
import {
  ITSM_IMPROVEMENT_RESOURCE_TYPE,
  improvementApprovePermission,
  improvementCreatePermission,
  improvementReadPermission,
  improvementUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { RecordAccess, notAllowed } from '../../records/access';
import { createConditionQuery } from '../../records/permissionQuery';
import { createClaimsRule } from '../../records/rules';
import { RECORD_TABLES } from '../../records/tables';
import type { ImprovementRecord } from './ImprovementStore';
import { improvementRecordType } from './improvementRecordType';

/**
 * What a permission rule on improvement items becomes in a query: the owners of its services,
 * or its owner and owning group.
 *
 * @public
 */
export type ImprovementPermissionFilter =
  | { property: 'serviceOwnerRef'; values: string[] }
  | { property: 'improvementOwner'; values: string[] };

/**
 * The `itsm-improvement` resource type.
 *
 * @public
 */
export const improvementPermissionResourceRef = createPermissionResourceRef<
  ImprovementRecord,
  ImprovementPermissionFilter
>().with({ pluginId: 'itsm', resourceType: ITSM_IMPROVEMENT_RESOURCE_TYPE });

/** Items on a service owned by one of the claims (any of the item's services). */
export const isImprovementServiceOwner = createClaimsRule({
  name: 'IS_SERVICE_OWNER',
  description:
    'Allow improvement items on services owned by one of the given entity refs',
  resourceRef: improvementPermissionResourceRef,
  property: 'serviceOwnerRef',
  refsOf: item => item.entityOwnerRefs,
});

/** Items owned by one of the claims, as owner or owning group. */
export const isImprovementOwner = createClaimsRule({
  name: 'IS_IMPROVEMENT_OWNER',
  description:
    'Allow improvement items owned by one of the given entity refs, as owner or owning group',
  resourceRef: improvementPermissionResourceRef,
  property: 'improvementOwner',
  refsOf: item => [item.owner, item.owningGroup],
});

/** The permission rules of the `itsm-improvement` resource type. */
export const improvementPermissionRules = {
  isImprovementServiceOwner,
  isImprovementOwner,
};

const IMPROVEMENTS = improvementRecordType.table;

/** The criteria of a conditional decision on items as a WHERE clause on `itsm_improvements`. */
export const whereImprovementPermitted =
  createConditionQuery<ImprovementPermissionFilter>((db, query, filter) => {
    if (filter.property === 'serviceOwnerRef') {
      return query.whereIn(
        `${IMPROVEMENTS}.seq`,
        db(RECORD_TABLES.entities)
          .select('record_seq')
          .where({ record_type: improvementRecordType.recordType })
          .whereIn('owner_ref', filter.values),
      );
    }
    return query.where(inner =>
      inner
        .whereIn(`${IMPROVEMENTS}.owner`, filter.values)
        .orWhereIn(`${IMPROVEMENTS}.owning_group`, filter.values),
    );
  });

/**
 * Registers the `itsm-improvement` resource type with its rules (the permissions themselves
 * are registered with the incidents'); returns the ruleset, which includes rules other modules
 * add.
 */
export function registerImprovementPermissions(
  registry: PermissionsRegistryService,
  getImprovement: (seq: number) => Promise<ImprovementRecord | undefined>,
): PermissionRuleset<ImprovementRecord, ImprovementPermissionFilter, string> {
  registry.addResourceType({
    resourceRef: improvementPermissionResourceRef,
    permissions: [
      improvementReadPermission,
      improvementUpdatePermission,
      improvementApprovePermission,
    ],
    rules: Object.values(improvementPermissionRules),
    getResources: refs =>
      Promise.all(
        refs.map(ref => {
          const seq = improvementRecordType.parse(ref);
          return seq === undefined ? undefined : getImprovement(seq);
        }),
      ),
  });
  return registry.getPermissionRuleset(improvementPermissionResourceRef);
}

/**
 * Permission checks on improvement items: the kernel's record access with the improvement
 * permissions, and approval on the loaded item. The manual job runs need approval of every
 * item (the kernel's `requireUnconditional`).
 */
export class ImprovementAccess extends RecordAccess<
  ImprovementRecord,
  ImprovementPermissionFilter
> {
  constructor(options: {
    permissions: PermissionsService;
    ruleset: PermissionRuleset<
      ImprovementRecord,
      ImprovementPermissionFilter,
      string
    >;
  }) {
    super({
      ...options,
      read: improvementReadPermission,
      create: improvementCreatePermission,
      update: improvementUpdatePermission,
    });
  }

  /** Throws `NotAllowedError` unless the caller may approve or reject this item. */
  async requireApprove(
    record: ImprovementRecord,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (
      !(await this.allows(improvementApprovePermission, record, credentials))
    ) {
      throw notAllowed(improvementApprovePermission);
    }
  }
}

const improvementExports = createConditionExports({
  resourceRef: improvementPermissionResourceRef,
  rules: improvementPermissionRules,
});

/**
 * Conditions on improvement items for permission policies, e.g.
 * `improvementConditions.isImprovementOwner({ claims: user.identity.ownershipEntityRefs })`.
 *
 * @public
 */
export const improvementConditions = improvementExports.conditions;

/**
 * Wraps improvement conditions into a conditional policy decision for `itsm.improvement.read`,
 * `itsm.improvement.update` or `itsm.improvement.approve`.
 *
 * @public
 */
export const createImprovementConditionalDecision =
  improvementExports.createConditionalDecision;
