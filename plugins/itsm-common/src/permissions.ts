import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Resource type of incidents in the permission framework.
 *
 * @public
 */
export const ITSM_INCIDENT_RESOURCE_TYPE = 'itsm-incident';

/** @public */
export const incidentReadPermission = createPermission({
  name: 'itsm.incident.read',
  attributes: { action: 'read' },
  resourceType: ITSM_INCIDENT_RESOURCE_TYPE,
});

/** @public */
export const incidentCreatePermission = createPermission({
  name: 'itsm.incident.create',
  attributes: { action: 'create' },
});

/** @public */
export const incidentUpdatePermission = createPermission({
  name: 'itsm.incident.update',
  attributes: { action: 'update' },
  resourceType: ITSM_INCIDENT_RESOURCE_TYPE,
});

/**
 * Every permission of the ITSM plugins.
 *
 * @public
 */
export const itsmPermissions = [
  incidentReadPermission,
  incidentCreatePermission,
  incidentUpdatePermission,
];
