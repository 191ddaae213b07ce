import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { ITSM_INCIDENT_RESOURCE_TYPE } from '@backstage-itsm/plugin-itsm-common';
import type { IncidentRecord } from './IncidentStore';

/**
 * What a permission rule on incidents becomes in a query: a property of the
 * record and the lowercase entity refs it must match.
 *
 * @public
 */
export type IncidentPermissionFilter =
  | { property: 'serviceOwnerRef'; values: string[] }
  | { property: 'assigneeOrGroup'; values: string[] };

/**
 * The `itsm-incident` resource type: rules apply to stored incidents and
 * translate into {@link IncidentPermissionFilter}s.
 *
 * @public
 */
export const incidentPermissionResourceRef = createPermissionResourceRef<
  IncidentRecord,
  IncidentPermissionFilter
>().with({ pluginId: 'itsm', resourceType: ITSM_INCIDENT_RESOURCE_TYPE });
