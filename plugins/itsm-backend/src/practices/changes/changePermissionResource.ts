import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { ITSM_CHANGE_RESOURCE_TYPE } from '@backstage-itsm/plugin-itsm-common';
import type { ChangeRecord } from './ChangeStore';

/**
 * What a permission rule on changes becomes in a query: a property of the
 * change and the lowercase entity refs it must match.
 *
 * @public
 */
export type ChangePermissionFilter =
  | { property: 'requester'; values: string[] }
  | { property: 'entityOwnerRef'; values: string[] };

/**
 * The `itsm-change` resource type: rules apply to stored changes and
 * translate into {@link ChangePermissionFilter}s.
 *
 * @public
 */
export const changePermissionResourceRef = createPermissionResourceRef<
  ChangeRecord,
  ChangePermissionFilter
>().with({ pluginId: 'itsm', resourceType: ITSM_CHANGE_RESOURCE_TYPE });
