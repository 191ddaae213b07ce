import { createConditionExports } from '@backstage/plugin-permission-node';
import { incidentPermissionResourceRef } from './incidentPermissionResource';
import { incidentPermissionRules } from './rules';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: incidentPermissionResourceRef,
  rules: incidentPermissionRules,
});

/**
 * Conditions on incidents for permission policies, e.g.
 * `incidentConditions.isServiceOwner({ claims: user.identity.ownershipEntityRefs })`.
 *
 * @public
 */
export const incidentConditions = conditions;

/**
 * Wraps incident conditions into a conditional policy decision for
 * `itsm.incident.read` or `itsm.incident.update`.
 *
 * @public
 */
export const createIncidentConditionalDecision = createConditionalDecision;
