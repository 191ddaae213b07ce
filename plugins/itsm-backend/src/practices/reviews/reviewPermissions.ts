import {
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  PermissionRuleset,
  createConditionExports,
  createPermissionResourceRef,
} from '@backstage/plugin-permission-node';
import {
  ITSM_REVIEW_RESOURCE_TYPE,
  reviewManagePermission,
  reviewReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { RecordAccess } from '../../records/access';
import { createConditionQuery } from '../../records/permissionQuery';
import { createClaimsRule } from '../../records/rules';
import { RECORD_TABLES } from '../../records/tables';
import type { ReviewRecord } from './ReviewStore';
import { REVIEW_TABLES, reviewRecordType } from './reviewRecordType';

/**
 * What a permission rule on reviews becomes in a query: the owners of the reviewed service,
 * or the SLA's customer groups stored with the review.
 *
 * @public
 */
export type ReviewPermissionFilter =
  | { property: 'serviceOwnerRef'; values: string[] }
  | { property: 'customerGroup'; values: string[] };

/**
 * The `itsm-review` resource type.
 *
 * @public
 */
export const reviewPermissionResourceRef = createPermissionResourceRef<
  ReviewRecord,
  ReviewPermissionFilter
>().with({ pluginId: 'itsm', resourceType: ITSM_REVIEW_RESOURCE_TYPE });

/** Reviews of a service owned by one of the claims. */
export const isReviewServiceOwner = createClaimsRule({
  name: 'IS_SERVICE_OWNER',
  description:
    'Allow reviews of services owned by one of the given entity refs',
  resourceRef: reviewPermissionResourceRef,
  property: 'serviceOwnerRef',
  refsOf: review => [review.ownerRef],
});

/** Reviews whose SLA names one of the claims among its customer groups. */
export const isReviewCustomer = createClaimsRule({
  name: 'IS_SERVICE_CUSTOMER',
  description:
    "Allow reviews of services whose SLA has one of the given entity refs among its customer groups (usually the user's ownership refs, which include their groups)",
  resourceRef: reviewPermissionResourceRef,
  property: 'customerGroup',
  refsOf: review => review.customerGroups,
});

/** The permission rules of the `itsm-review` resource type. */
export const reviewPermissionRules = { isReviewServiceOwner, isReviewCustomer };

const REVIEWS = reviewRecordType.table;

/** The criteria of a conditional decision on reviews as a WHERE clause on `itsm_reviews`. */
export const whereReviewPermitted =
  createConditionQuery<ReviewPermissionFilter>((db, query, filter) => {
    if (filter.property === 'serviceOwnerRef') {
      return query.whereIn(
        `${REVIEWS}.seq`,
        db(RECORD_TABLES.entities)
          .select('record_seq')
          .where({ record_type: reviewRecordType.recordType })
          .whereIn('owner_ref', filter.values),
      );
    }
    return query.whereIn(
      `${REVIEWS}.seq`,
      db(REVIEW_TABLES.customers)
        .select('review_seq')
        .whereIn('group_ref', filter.values),
    );
  });

/**
 * Registers the `itsm-review` resource type with its rules; returns the ruleset, which
 * includes rules other modules add.
 */
export function registerReviewPermissions(
  registry: PermissionsRegistryService,
  getReview: (seq: number) => Promise<ReviewRecord | undefined>,
): PermissionRuleset<ReviewRecord, ReviewPermissionFilter, string> {
  registry.addResourceType({
    resourceRef: reviewPermissionResourceRef,
    permissions: [reviewReadPermission, reviewManagePermission],
    rules: Object.values(reviewPermissionRules),
    getResources: refs =>
      Promise.all(
        refs.map(ref => {
          const seq = reviewRecordType.parse(ref);
          return seq === undefined ? undefined : getReview(seq);
        }),
      ),
  });
  return registry.getPermissionRuleset(reviewPermissionResourceRef);
}

const reviewExports = createConditionExports({
  resourceRef: reviewPermissionResourceRef,
  rules: reviewPermissionRules,
});

/**
 * Conditions on reviews for permission policies, e.g.
 * `reviewConditions.isReviewCustomer({ claims: user.identity.ownershipEntityRefs })`.
 *
 * @public
 */
export const reviewConditions = reviewExports.conditions;

/**
 * Wraps review conditions into a conditional policy decision for `itsm.review.read` or
 * `itsm.review.manage`.
 *
 * @public
 */
export const createReviewConditionalDecision =
  reviewExports.createConditionalDecision;

/**
 * Permission checks on reviews: the kernel's record access with the review permissions.
 * Scheduling a review by hand needs `itsm.review.manage` on the review it would be (the
 * conditions applied to it); signing off is a domain rule, not a permission.
 */
export class ReviewAccess extends RecordAccess<
  ReviewRecord,
  ReviewPermissionFilter
> {
  constructor(options: {
    permissions: PermissionsService;
    ruleset: PermissionRuleset<ReviewRecord, ReviewPermissionFilter, string>;
  }) {
    super({
      ...options,
      read: reviewReadPermission,
      update: reviewManagePermission,
    });
  }
}
