import { ITSM_INCIDENT_RESOURCE_TYPE } from '@backstage-itsm/plugin-itsm-common';
import { rulesetOf } from '../../records/permissionQuery';
import { createClaimsRule } from '../../records/rules';
import { incidentPermissionResourceRef } from './incidentPermissionResource';

/** Incidents whose service (primary entity) is owned by one of the claims. */
export const isServiceOwner = createClaimsRule({
  name: 'IS_SERVICE_OWNER',
  description:
    'Allow incidents on services owned by one of the given entity refs',
  resourceRef: incidentPermissionResourceRef,
  property: 'serviceOwnerRef',
  refsOf: incident => [incident.serviceOwnerRef],
});

/** Incidents assigned to one of the claims, as assignee or assignment group. */
export const isAssignee = createClaimsRule({
  name: 'IS_ASSIGNEE',
  description:
    'Allow incidents assigned to one of the given entity refs, as assignee or assignment group',
  resourceRef: incidentPermissionResourceRef,
  property: 'assigneeOrGroup',
  refsOf: incident => [incident.assignee, incident.assignmentGroup],
});

/** The permission rules of the `itsm-incident` resource type. */
export const incidentPermissionRules = { isServiceOwner, isAssignee };

/** The built-in rules as a ruleset, for services built without the registry. */
export const builtInIncidentRuleset = () =>
  rulesetOf(
    ITSM_INCIDENT_RESOURCE_TYPE,
    Object.values(incidentPermissionRules),
  );
