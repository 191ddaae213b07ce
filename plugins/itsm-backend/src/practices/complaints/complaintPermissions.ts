import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import {
  PermissionRuleset,
  createConditionExports,
  createPermissionResourceRef,
} from '@backstage/plugin-permission-node';
import {
  ITSM_COMPLAINT_RESOURCE_TYPE,
  complaintManagePermission,
  complaintReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { createConditionQuery } from '../../records/permissionQuery';
import { createClaimsRule } from '../../records/rules';
import { RECORD_TABLES } from '../../records/tables';
import type { ComplaintRecord } from './ComplaintStore';
import { complaintRecordType } from './complaintRecordType';

/**
 * What a permission rule on complaints becomes in a query: the owner of its service, its
 * owner, or its complainant.
 *
 * @public
 */
export type ComplaintPermissionFilter =
  | { property: 'serviceOwnerRef'; values: string[] }
  | { property: 'complaintOwner'; values: string[] }
  | { property: 'complainant'; values: string[] };

/**
 * The `itsm-complaint` resource type.
 *
 * @public
 */
export const complaintPermissionResourceRef = createPermissionResourceRef<
  ComplaintRecord,
  ComplaintPermissionFilter
>().with({ pluginId: 'itsm', resourceType: ITSM_COMPLAINT_RESOURCE_TYPE });

/** Complaints about a service owned by one of the claims. */
export const isComplaintServiceOwner = createClaimsRule({
  name: 'IS_SERVICE_OWNER',
  description:
    'Allow complaints about services owned by one of the given entity refs',
  resourceRef: complaintPermissionResourceRef,
  property: 'serviceOwnerRef',
  refsOf: complaint => [complaint.serviceOwnerRef],
});

/** Complaints owned (being answered) by one of the claims, a user or a group. */
export const isComplaintOwner = createClaimsRule({
  name: 'IS_COMPLAINT_OWNER',
  description: 'Allow complaints owned by one of the given entity refs',
  resourceRef: complaintPermissionResourceRef,
  property: 'complaintOwner',
  refsOf: complaint => [complaint.owner],
});

/** Complaints raised by one of the claims (a complainant reads their own). */
export const isComplainant = createClaimsRule({
  name: 'IS_COMPLAINANT',
  description: 'Allow complaints raised by one of the given entity refs',
  resourceRef: complaintPermissionResourceRef,
  property: 'complainant',
  refsOf: complaint => [complaint.complainant],
});

/** The permission rules of the `itsm-complaint` resource type. */
export const complaintPermissionRules = {
  isComplaintServiceOwner,
  isComplaintOwner,
  isComplainant,
};

const COMPLAINTS = complaintRecordType.table;

/** The criteria of a conditional decision on complaints as a WHERE clause on `itsm_complaints`. */
export const whereComplaintPermitted =
  createConditionQuery<ComplaintPermissionFilter>((db, query, filter) => {
    switch (filter.property) {
      case 'serviceOwnerRef':
        return query.whereIn(
          `${COMPLAINTS}.seq`,
          db(RECORD_TABLES.entities)
            .select('record_seq')
            .where({ record_type: complaintRecordType.recordType })
            .whereIn('owner_ref', filter.values),
        );
      case 'complaintOwner':
        return query.whereIn(`${COMPLAINTS}.owner`, filter.values);
      default:
        return query.whereIn(`${COMPLAINTS}.complainant`, filter.values);
    }
  });

/**
 * Registers the `itsm-complaint` resource type with its rules (the permissions themselves are
 * registered with the incidents'); returns the ruleset, which includes rules other modules add.
 */
export function registerComplaintPermissions(
  registry: PermissionsRegistryService,
  getComplaint: (seq: number) => Promise<ComplaintRecord | undefined>,
): PermissionRuleset<ComplaintRecord, ComplaintPermissionFilter, string> {
  registry.addResourceType({
    resourceRef: complaintPermissionResourceRef,
    permissions: [complaintReadPermission, complaintManagePermission],
    rules: Object.values(complaintPermissionRules),
    getResources: refs =>
      Promise.all(
        refs.map(ref => {
          const seq = complaintRecordType.parse(ref);
          return seq === undefined ? undefined : getComplaint(seq);
        }),
      ),
  });
  return registry.getPermissionRuleset(complaintPermissionResourceRef);
}

const complaintExports = createConditionExports({
  resourceRef: complaintPermissionResourceRef,
  rules: complaintPermissionRules,
});

/**
 * Conditions on complaints for permission policies, e.g.
 * `complaintConditions.isComplainant({ claims: user.identity.ownershipEntityRefs })`.
 *
 * @public
 */
export const complaintConditions = complaintExports.conditions;

/**
 * Wraps complaint conditions into a conditional policy decision for `itsm.complaint.read` or
 * `itsm.complaint.manage`.
 *
 * @public
 */
export const createComplaintConditionalDecision =
  complaintExports.createConditionalDecision;
